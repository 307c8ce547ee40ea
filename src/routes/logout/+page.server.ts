import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { deleteSessionCookie, signOut } from '$lib/server/auth';
import { hasSignedInCookie } from '$lib/server/sso';

export const load: PageServerLoad = async () => {
	redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const { session, user } = event.locals;
		if (session && user)
			await inTransaction(await getDb(), (trx) => signOut(trx, session.id, user, event.getClientAddress()));
		deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
		// Signed in through the organisation's provider: sign out there too (issue 18).
		redirect(303, hasSignedInCookie(event.cookies) ? '/login/sso/log-ud' : '/login?logget-ud');
	}
};
