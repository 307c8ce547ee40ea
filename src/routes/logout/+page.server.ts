import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { recordAudit } from '$lib/server/audit/record';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';

export const load: PageServerLoad = async () => {
	redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		if (locals.session && locals.user) {
			const db = await getDb();
			await invalidateSession(db, locals.session.id);
			await recordAudit(db, {
				organisationId: locals.user.organisationId,
				actorUserId: locals.user.id,
				action: 'auth.sign_out',
				entityType: 'user',
				entityId: locals.user.id,
				clientAddress: event.getClientAddress()
			});
		}
		deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
		redirect(303, '/login?logget-ud');
	}
};
