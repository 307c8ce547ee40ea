// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Organisation } from '../db/types';
import type { Session, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/messages';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The language of the answer: English when Accept-Language prefers it, else Danish (handleLocale). */
			locale: Locale;
			/** The signed-in user (by session cookie, or by API token on /api/v1), else null. */
			user: SessionUser | null;
			session: Session | null;
			authMethod: 'session' | 'token' | null;
			/** The signed-in user's organisation: the only one whose data the request may see. */
			organisation: Pick<Organisation, 'id' | 'slug' | 'name'> | null;
			/** Set by handleError when the database could not be reached: the response becomes a 503. */
			databaseDown?: boolean;
			/** The organisation's data version, when the page cache (http/page-cache.ts) has read it for this request. */
			dataVersion?: number;
		}
	}
}

export {};
