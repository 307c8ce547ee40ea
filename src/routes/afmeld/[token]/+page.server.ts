import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { findUserEmail } from '$lib/server/auth';
import { setReminderFrequency, verifyUnsubscribeToken } from '$lib/server/reminders';

/**
 * The unsubscribe link of every reminder mail, without a session: GET shows whose reminders and a button,
 * POST turns them off. The POST is also RFC 8058's one-click request a mail client sends from the
 * List-Unsubscribe header (body `List-Unsubscribe=One-Click`, from no origin of ours: hooks.server.ts lets
 * this one path through its cross-site form check). The signed token is all the authority it takes.
 */
export const load: PageServerLoad = async ({ params }) => {
	const db = await getDb();
	const userId = await verifyUnsubscribeToken(db, params.token);
	const found = userId === null ? null : await findUserEmail(db, userId);
	return { email: found?.email ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const db = await getDb();
		const userId = await verifyUnsubscribeToken(db, event.params.token);
		const found = userId === null ? null : await findUserEmail(db, userId);
		if (userId === null || found === null) return fail(400, { done: false as const, email: null });
		await setReminderFrequency(db, { id: userId, organisationId: found.organisationId }, 'off', {
			via: 'unsubscribe_link',
			clientAddress: event.getClientAddress()
		});
		return { done: true, email: found.email };
	}
};
