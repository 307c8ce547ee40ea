import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { formMessage, formValues, invalidForm } from '$lib/server/http/refusal';
import { loginSchema } from '$lib/schemas/auth';
import { anyUserExists, homeFor, safeRedirectTarget, signIn } from '$lib/server/auth';
import { loginChoices } from '$lib/server/sso';
import { t } from '$lib/server/messages';
import { plural } from '$lib/domain/plural';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin) ?? homeFor(locals.user.role));
	const db = await getDb();
	if (!(await anyUserExists(db))) redirect(303, '/opsaetning');
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin) ?? '';
	return {
		redirectTo,
		// SSO buttons first; the password form unless the organisation turned it off (issue 18).
		choices: await loginChoices(db, {
			organisationSlug: url.searchParams.get('organisation'),
			local: url.searchParams.has('lokal'),
			redirectTo
		}),
		notice: url.searchParams.has('logget-ud')
			? t('auth.signed_out')
			: url.searchParams.has('adgangskode-gemt')
				? t('auth.password_set')
				: null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const form = parseForm(loginSchema, formData);
		if (!form.ok) return invalidForm('login', form.errors, formValues(formData));
		const { email, password, redirectTo } = form.data;
		const result = await signIn(await getDb(), event, email, password);
		if (!result.ok && result.reason === 'rate_limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			const message = t(plural(minutes, { one: 'auth.rate_limited_one', other: 'auth.rate_limited_other' }), {
				minutes
			});
			return formMessage(429, 'login', message, { email });
		}
		if (!result.ok && result.reason === 'local_passwords_off')
			return formMessage(403, 'login', t('sso.local_passwords_off'), { email });
		if (!result.ok) return formMessage(400, 'login', t('auth.invalid_credentials'), { email });
		redirect(303, safeRedirectTarget(redirectTo, event.url.origin) ?? homeFor(result.user.role));
	}
};
