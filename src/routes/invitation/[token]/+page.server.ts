import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { findUserToken } from '$lib/server/auth/user-token';
import { newPasswordSchema } from '$lib/server/auth/password-form';
import { hashPassword } from '$lib/server/auth/password';
import { setPasswordByLink } from '$lib/server/auth/credentials';
import { recordAudit } from '$lib/server/audit/record';
import { t } from '$lib/server/messages';

export const load: PageServerLoad = async ({ params }) => {
	const token = await findUserToken(await getDb(), params.token);
	if (!token) error(404, t('invite.invalid'));
	return { email: token.email };
};

export const actions: Actions = {
	default: async (event) => {
		const db = await getDb();
		const token = await findUserToken(db, event.params.token);
		if (!token) error(404, t('invite.invalid'));
		const form = parseForm(newPasswordSchema({ email: token.email, userInputs: [token.name, token.organisationName] }), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const passwordHash = await hashPassword(form.data.password);
		const used = await db.transaction().execute(async (trx) => {
			// Only one use: whoever gets here first; it also ends the user's sessions, other links and API tokens.
			const revoked = await setPasswordByLink(trx, token.tokenId, token.userId, passwordHash);
			if (!revoked) return false;
			await recordAudit(trx, {
				organisationId: token.organisationId,
				actorUserId: token.userId,
				action: token.purpose === 'invite' ? 'user.invitation_accepted' : 'user.password_reset',
				entityType: 'user',
				entityId: token.userId,
				after: revoked,
				clientAddress: event.getClientAddress()
			});
			return true;
		});
		if (!used) error(404, t('invite.invalid'));
		redirect(303, '/login?adgangskode-gemt');
	}
};
