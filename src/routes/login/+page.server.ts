import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { fieldErrors, parseForm } from '$lib/server/http/forms';
import { loginSchema } from '$lib/schemas/auth';
import { signIn } from '$lib/server/auth/sign-in';
import { homeFor } from '$lib/server/auth/access';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { t } from '$lib/server/messages';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin) ?? homeFor(locals.user.role));
	const db = await getDb();
	const anyUser = await db.selectFrom('appUser').select('id').limit(1).executeTakeFirst();
	if (!anyUser) redirect(303, '/opsaetning');
	return {
		redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin) ?? '',
		notice: url.searchParams.has('logget-ud') ? t('auth.signed_out') : url.searchParams.has('adgangskode-gemt') ? t('auth.password_set') : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(loginSchema, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { email, password, redirectTo } = form.data;
		const result = await signIn(await getDb(), event, email, password);
		if (!result.ok && result.reason === 'rate_limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, {
				errors: fieldErrors({ form: t('auth.rate_limited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }) }),
				values: { email }
			});
		}
		if (!result.ok) {
			return fail(400, { errors: fieldErrors({ form: t('auth.invalid_credentials') }), values: { email } });
		}
		redirect(303, safeRedirectTarget(redirectTo, event.url.origin) ?? homeFor(result.user.role));
	}
};
