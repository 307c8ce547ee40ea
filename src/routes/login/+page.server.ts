import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { formMessage, formValues, invalidForm } from '$lib/server/http/refusal';
import { loginSchema } from '$lib/schemas/auth';
import { anyUserExists, homeFor, safeRedirectTarget, signIn } from '$lib/server/auth';
import { t } from '$lib/server/messages';
import { plural } from '$lib/domain/plural';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin) ?? homeFor(locals.user.role));
	if (!(await anyUserExists(await getDb()))) redirect(303, '/opsaetning');
	return {
		redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin) ?? '',
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
		if (!result.ok) return formMessage(400, 'login', t('auth.invalid_credentials'), { email });
		redirect(303, safeRedirectTarget(redirectTo, event.url.origin) ?? homeFor(result.user.role));
	}
};
