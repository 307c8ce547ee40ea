import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

// Every signed-in role may read the approved annual status; politicians see nothing else.
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return {};
};
