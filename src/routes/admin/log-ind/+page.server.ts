import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { formValues, invalidForm } from '$lib/server/http/refusal';
import { requireCan } from '$lib/server/auth';
import {
	changeSignInPolicy,
	loadSsoAdmin,
	mapOidcRole,
	oidcRedirectUri,
	oidcSettingsSchema,
	postLogoutRedirectUri,
	removeRoleMappingSchema,
	roleMappingSchema,
	saveOidcSettings,
	signInPolicySchema,
	unmapOidcRole
} from '$lib/server/sso';
import { t } from '$lib/server/messages';

/** The client secret is write-only: never echoed back into the form. */
const SECRET_FIELDS = ['clientSecret'];

// "Log ind": the organisation's identity provider, its role mapping and the password policy (issue 18).
export const load: PageServerLoad = async (event) => {
	const admin = requireCan(event, 'users.manage');
	const view = await loadSsoAdmin(await getDb(), admin.organisationId);
	const slug = event.locals.organisation?.slug ?? '';
	return {
		...view,
		keyMessage:
			view.keyState === 'ok'
				? null
				: t(view.keyState === 'missing' ? 'sso.secret_key_missing' : 'sso.secret_key_malformed'),
		redirectUri: oidcRedirectUri(event.url.origin, slug),
		postLogoutUri: postLogoutRedirectUri(event.url.origin)
	};
};

function actorOf(event: RequestEvent) {
	const admin = requireCan(event, 'users.manage');
	return { id: admin.id, organisationId: admin.organisationId, clientAddress: event.getClientAddress() };
}

export const actions: Actions = {
	saveOidc: async (event) => {
		const actor = actorOf(event);
		const formData = await event.request.formData();
		const values = formValues(formData, SECRET_FIELDS);
		const form = parseForm(oidcSettingsSchema, formData, SECRET_FIELDS);
		if (!form.ok) return invalidForm('saveOidc', form.errors, values);
		const result = await inTransaction(await getDb(), (trx) => saveOidcSettings(trx, actor, form.data));
		if (!result.ok) return invalidForm('saveOidc', result.errors, values);
		return { form: 'saveOidc', notice: t('sso.settings_saved') };
	},
	addMapping: async (event) => {
		const actor = actorOf(event);
		const formData = await event.request.formData();
		const form = parseForm(roleMappingSchema, formData);
		if (!form.ok) return invalidForm('addMapping', form.errors, formValues(formData));
		const result = await inTransaction(await getDb(), (trx) => mapOidcRole(trx, actor, form.data));
		if (!result.ok) return invalidForm('addMapping', result.errors, formValues(formData));
		return { form: 'addMapping', notice: t('sso.mapping_added') };
	},
	removeMapping: async (event) => {
		const actor = actorOf(event);
		const formData = await event.request.formData();
		const form = parseForm(removeRoleMappingSchema, formData);
		if (!form.ok) return invalidForm('removeMapping', form.errors, formValues(formData));
		await inTransaction(await getDb(), (trx) => unmapOidcRole(trx, actor, form.data.claimValue));
		return { form: 'removeMapping', notice: t('sso.mapping_removed') };
	},
	savePolicy: async (event) => {
		const actor = actorOf(event);
		const formData = await event.request.formData();
		const form = parseForm(signInPolicySchema, formData);
		if (!form.ok) return invalidForm('savePolicy', form.errors, formValues(formData));
		const result = await inTransaction(await getDb(), (trx) => changeSignInPolicy(trx, actor, form.data));
		if (!result.ok) return invalidForm('savePolicy', result.errors, formValues(formData));
		return { form: 'savePolicy', notice: t('sso.policy_saved') };
	}
};
