import type { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { Db } from '$lib/server/infra/db';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { formValues, invalidForm } from '$lib/server/http/refusal';
import { requireCan } from '$lib/server/auth';
import {
	changeSignInPolicy,
	loadSsoAdmin,
	fetchIdpMetadata,
	mapRole,
	oidcRedirectUri,
	oidcSettingsSchema,
	postLogoutRedirectUri,
	removeRoleMappingSchema,
	roleMappingSchema,
	samlKeysIfMissing,
	samlSettingsSchema,
	samlUrls,
	saveOidcSettings,
	saveSamlSettings,
	signInPolicySchema,
	unmapRole,
	MAX_METADATA_BYTES,
	type SettingsResult,
	type SsoActor
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
		saml: view.saml,
		samlUrls: samlUrls(event.url.origin, slug),
		postLogoutUri: postLogoutRedirectUri(event.url.origin)
	};
};

function actorOf(event: RequestEvent) {
	const admin = requireCan(event, 'users.manage');
	return { id: admin.id, organisationId: admin.organisationId, clientAddress: event.getClientAddress() };
}

/**
 * One form of the page: the admin check, the schema, the write in a transaction, and the answer keyed by the
 * form's name (field errors from the schema or the write; a Danish notice when saved).
 */
async function submit<T>(
	event: RequestEvent,
	name: string,
	schema: z.ZodType<T>,
	write: (trx: Db, actor: SsoActor, data: T) => Promise<SettingsResult | void>,
	notice: string
) {
	const actor = actorOf(event);
	const formData = await event.request.formData();
	const values = formValues(formData, SECRET_FIELDS);
	const form = parseForm(schema, formData, SECRET_FIELDS);
	if (!form.ok) return invalidForm(name, form.errors, values);
	const result = await inTransaction(await getDb(), (trx) => write(trx, actor, form.data));
	if (result && !result.ok) return invalidForm(name, result.errors, values);
	return { form: name, notice };
}

/**
 * The SAML settings: the IdP metadata from the textarea, an uploaded file or a URL fetched here (timeout, size
 * cap); the SP key pair is made on the first save, outside the transaction (RSA 3072 takes a moment).
 */
async function saveSamlForm(event: RequestEvent) {
	const name = 'saveSaml';
	const actor = actorOf(event);
	const formData = await event.request.formData();
	const file = formData.get('idpMetadataFile');
	formData.delete('idpMetadataFile');
	const values = formValues(formData, []);
	const form = parseForm(samlSettingsSchema, formData, []);
	if (!form.ok) return invalidForm(name, form.errors, values);
	let xml = form.data.idpMetadataXml;
	let fetchedFrom: string | null = null;
	if (!xml && file instanceof File && file.size > 0) {
		if (file.size > MAX_METADATA_BYTES)
			return invalidForm(name, { idpMetadataXml: t('saml.metadata_too_large') }, values);
		xml = await file.text();
	}
	if (!xml && form.data.idpMetadataUrl) {
		const fetched = await fetchIdpMetadata(form.data.idpMetadataUrl);
		if (!fetched.ok) return invalidForm(name, { idpMetadataUrl: fetched.message }, values);
		xml = fetched.xml;
		fetchedFrom = form.data.idpMetadataUrl;
	}
	const db = await getDb();
	const keys = await samlKeysIfMissing(
		db,
		actor.organisationId,
		`Fremdrift ${event.locals.organisation?.slug ?? ''}`.trim()
	);
	const input = {
		displayName: form.data.displayName,
		idpMetadataXml: xml,
		idpMetadataUrl: fetchedFrom,
		enabled: form.data.enabled === 'on'
	};
	const result = await inTransaction(db, (trx) => saveSamlSettings(trx, actor, input, keys));
	if (!result.ok) return invalidForm(name, result.errors, values);
	return { form: name, notice: t('sso.settings_saved') };
}

export const actions: Actions = {
	saveOidc: (event) => submit(event, 'saveOidc', oidcSettingsSchema, saveOidcSettings, t('sso.settings_saved')),
	saveSaml: (event) => saveSamlForm(event),
	addMapping: (event) => submit(event, 'addMapping', roleMappingSchema, mapRole, t('sso.mapping_added')),
	removeMapping: (event) =>
		submit(
			event,
			'removeMapping',
			removeRoleMappingSchema,
			(trx, actor, data) => unmapRole(trx, actor, data.claimValue, data.protocol),
			t('sso.mapping_removed')
		),
	savePolicy: (event) => submit(event, 'savePolicy', signInPolicySchema, changeSignInPolicy, t('sso.policy_saved'))
};
