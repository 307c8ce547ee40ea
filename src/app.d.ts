// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Organisation } from '../db/types';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The organisation whose data this request may see. */
			organisation: Pick<Organisation, 'id' | 'slug' | 'name'> | null;
		}
	}
}

export {};
