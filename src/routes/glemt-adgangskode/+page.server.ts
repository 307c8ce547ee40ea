import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { formMessage, formValues, invalidForm } from '$lib/server/http/refusal';
import { forgotPasswordSchema } from '$lib/schemas/auth';
import { homeFor, requestPasswordReset, resetLinkOrigin } from '$lib/server/auth';
import { t } from '$lib/server/messages';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	return { canMail: resetLinkOrigin() !== null };
};

export const actions: Actions = {
	default: async (event) => {
		// Without SMTP (and ORIGIN) there is no form to post: only an administrator can make the link.
		const origin = resetLinkOrigin();
		if (!origin) return formMessage(400, 'forgot', t('auth.forgot_no_mail'));
		const formData = await event.request.formData();
		const form = parseForm(forgotPasswordSchema, formData);
		if (!form.ok) return invalidForm('forgot', form.errors, formValues(formData));
		const { email } = form.data;
		const result = await requestPasswordReset(await getDb(), {
			email,
			clientAddress: event.getClientAddress(),
			origin
		});
		if (!result.ok) {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return formMessage(429, 'forgot', t('auth.forgot_rate_limited'), { email });
		}
		return { form: 'forgot', sent: t('auth.forgot_sent', { email }), values: { email } };
	}
};
