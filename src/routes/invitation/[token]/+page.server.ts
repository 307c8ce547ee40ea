import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { invalidForm } from '$lib/server/http/refusal';
import { acceptUserLink, findUserToken, hashPassword, newPasswordSchema } from '$lib/server/auth';
import { t } from '$lib/server/messages';
import { ssoOnlyLogin } from '$lib/server/sso';

export const load: PageServerLoad = async ({ params }) => {
	const db = await getDb();
	const token = await findUserToken(db, params.token);
	if (!token) error(404, t('invite.invalid'));
	// A link made before the organisation turned local passwords off: nothing to choose, sign in there instead.
	const ssoLogin = await ssoOnlyLogin(db, { id: token.userId, organisationId: token.organisationId });
	return { email: token.email, organisationName: token.organisationName, ssoLogin };
};

export const actions: Actions = {
	default: async (event) => {
		const db = await getDb();
		const token = await findUserToken(db, event.params.token);
		if (!token) error(404, t('invite.invalid'));
		if (await ssoOnlyLogin(db, { id: token.userId, organisationId: token.organisationId }))
			error(403, t('invite.sso_only', { organisation: token.organisationName }));
		const form = parseForm(
			newPasswordSchema({ email: token.email, userInputs: [token.name, token.organisationName] }),
			await event.request.formData()
		);
		// Nothing to refill: the form holds only the password and its repetition.
		if (!form.ok) return invalidForm('password', form.errors, {});
		const passwordHash = await hashPassword(form.data.password);
		// Only one use: whoever gets here first; it also ends the user's sessions, other links and API tokens.
		const used = await inTransaction(db, (trx) => acceptUserLink(trx, token, passwordHash, event.getClientAddress()));
		if (!used) error(404, t('invite.invalid'));
		redirect(303, '/login?adgangskode-gemt');
	}
};
