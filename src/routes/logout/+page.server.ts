import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { deleteSessionCookie, signOut } from '$lib/server/auth';

export const load: PageServerLoad = async () => {
	redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const { session, user } = event.locals;
		if (session && user)
			await inTransaction(await getDb(), (trx) => signOut(trx, session.id, user, event.getClientAddress()));
		deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
		redirect(303, '/login?logget-ud');
	}
};
