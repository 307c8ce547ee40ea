import type { z } from 'zod';
import type { Db } from '../infra/db';
import type { FieldErrors } from '../http/forms';
import { listActiveUsersWithRole } from '../auth/users';
import { rolesFor } from '../../domain/policy';
import { t } from '../messages';
import {
	addRoleMapping,
	findIdentityProvider,
	findSignInPolicy,
	listRoleMappings,
	removeRoleMapping,
	saveIdentityProvider,
	saveSignInPolicy,
	secretContext,
	type RoleMapping,
	type SignInPolicy,
	type SsoActor
} from './providers';
import { readOidcSettings, type RoleClaim } from './oidc-settings';
import { readSamlSettings } from './saml-settings';
import { parseIdpMetadata } from './saml-metadata';
import type { SsoProtocol } from '../../../../db/types';
import { openSecret, sealSecret } from './secret-box';
import { ssoKey } from './key';
import type { oidcSettingsSchema, signInPolicySchema } from './form';

export type SettingsResult = { ok: true } | { ok: false; errors: FieldErrors };

/** What the admin page "Log ind" shows: never the secret itself, only whether one is stored. */
export interface SsoAdminView {
	keyState: 'ok' | 'missing' | 'malformed';
	oidc: {
		enabled: boolean;
		displayName: string;
		issuerUrl: string;
		clientId: string;
		roleClaim: RoleClaim;
		secretStored: boolean;
	} | null;
	/** A Danish warning when the stored secret does not open with the current key (the key was changed). */
	secretWarning: string | null;
	mappings: RoleMapping[];
	/** The SAML provider: the IdP's entity ID from its metadata (null until metadata is saved), never the SP key. */
	saml: {
		enabled: boolean;
		displayName: string;
		idpEntityId: string | null;
		idpMetadataUrl: string | null;
	} | null;
	samlMappings: RoleMapping[];
	policy: SignInPolicy;
	/** The organisation's active administrators: who can be the break-glass admin. */
	administrators: { id: number; name: string; email: string }[];
}

/**
 * Everything the admin page shows for the organisation.
 * @example const view = await loadSsoAdmin(db, admin.organisationId);
 */
export async function loadSsoAdmin(db: Db, organisationId: number): Promise<SsoAdminView> {
	const key = ssoKey();
	const provider = await findIdentityProvider(db, organisationId, 'oidc');
	const settings = provider ? readOidcSettings(provider.settings) : null;
	const saml = await findIdentityProvider(db, organisationId, 'saml');
	const samlSettings = saml ? readSamlSettings(saml.settings) : null;
	return {
		keyState: key.ok ? 'ok' : key.reason,
		oidc:
			provider && settings
				? {
						enabled: provider.enabled,
						displayName: provider.displayName,
						...settings,
						secretStored: Boolean(provider.sealedSecret)
					}
				: null,
		secretWarning:
			key.ok &&
			provider?.sealedSecret &&
			openSecret(key.key, provider.sealedSecret, secretContext(organisationId, 'oidc')) === null
				? t('sso.secret_key_wrong')
				: null,
		mappings: provider ? await listRoleMappings(db, provider.id) : [],
		saml: saml && samlSettings ? samlView(saml.enabled, saml.displayName, samlSettings) : null,
		samlMappings: saml ? await listRoleMappings(db, saml.id) : [],
		policy: await findSignInPolicy(db, organisationId),
		administrators: (await listActiveUsersWithRole(db, organisationId, rolesFor('users.manage'))).map(
			({ id, name, email }) => ({ id, name, email })
		)
	};
}

function samlView(enabled: boolean, displayName: string, settings: ReturnType<typeof readSamlSettings> & {}) {
	const metadata = settings.idpMetadataXml ? parseIdpMetadata(settings.idpMetadataXml) : null;
	return {
		enabled,
		displayName,
		idpEntityId: metadata?.ok ? metadata.idp.entityId : null,
		idpMetadataUrl: settings.idpMetadataUrl
	};
}

/**
 * Saves the OIDC settings; the client secret (when given) is sealed with FREMDRIFT_SECRET_KEY. Refused
 * without the key, and without a secret when none is stored yet.
 * @example const result = await inTransaction(db, (trx) => saveOidcSettings(trx, actor, form.data));
 */
export async function saveOidcSettings(
	trx: Db,
	actor: SsoActor,
	data: z.infer<typeof oidcSettingsSchema>
): Promise<SettingsResult> {
	const key = ssoKey();
	if (!key.ok) return { ok: false, errors: { form: t('sso.secret_key_missing') } };
	const existing = await findIdentityProvider(trx, actor.organisationId, 'oidc');
	if (!data.clientSecret && !existing?.sealedSecret)
		return { ok: false, errors: { clientSecret: t('sso.client_secret_required') } };
	const sealed = data.clientSecret
		? sealSecret(key.key, data.clientSecret, secretContext(actor.organisationId, 'oidc'))
		: undefined;
	await saveIdentityProvider(
		trx,
		actor,
		'oidc',
		{
			enabled: data.enabled === 'on',
			displayName: data.displayName,
			settings: { issuerUrl: data.issuerUrl, clientId: data.clientId, roleClaim: data.roleClaim }
		},
		sealed
	);
	return { ok: true };
}

/**
 * Adds (or changes) a row of a provider's role mapping (OIDC claim value or SAML privilege); the provider must
 * be saved first. Without `protocol`, OIDC.
 * @example await inTransaction(db, (trx) => mapRole(trx, actor, { claimValue: 'Fremdrift.Direktor', role }));
 */
export async function mapRole(
	trx: Db,
	actor: SsoActor,
	data: RoleMapping & { protocol?: SsoProtocol }
): Promise<SettingsResult> {
	const protocol = data.protocol ?? 'oidc';
	const provider = await findIdentityProvider(trx, actor.organisationId, protocol);
	if (!provider)
		return {
			ok: false,
			errors: { claimValue: t(protocol === 'saml' ? 'saml.save_settings_first' : 'sso.save_settings_first') }
		};
	await addRoleMapping(trx, actor, provider.id, { claimValue: data.claimValue, role: data.role });
	return { ok: true };
}

/** Removes a row of a provider's role mapping (nothing to remove is no error). */
export async function unmapRole(
	trx: Db,
	actor: SsoActor,
	claimValue: string,
	protocol: SsoProtocol = 'oidc'
): Promise<void> {
	const provider = await findIdentityProvider(trx, actor.organisationId, protocol);
	if (provider) await removeRoleMapping(trx, actor, provider.id, claimValue);
}

/**
 * Turns local passwords on or off. Off needs a break-glass administrator who is an active administrator of
 * the organisation (they keep their password); on keeps the named one for next time.
 * @example await inTransaction(db, (trx) => changeSignInPolicy(trx, actor, { localPasswords: 'off', breakGlassUserId: 7 }));
 */
export async function changeSignInPolicy(
	trx: Db,
	actor: SsoActor,
	data: z.infer<typeof signInPolicySchema>
): Promise<SettingsResult> {
	const localPasswords = data.localPasswords === 'on';
	const admins = await listActiveUsersWithRole(trx, actor.organisationId, rolesFor('users.manage'));
	const breakGlass = data.breakGlassUserId === null ? null : admins.find((a) => a.id === data.breakGlassUserId);
	if (data.breakGlassUserId !== null && !breakGlass)
		return { ok: false, errors: { breakGlassUserId: t('sso.break_glass_not_admin') } };
	if (!localPasswords && !breakGlass) return { ok: false, errors: { breakGlassUserId: t('sso.break_glass_required') } };
	await saveSignInPolicy(trx, actor, { localPasswords, breakGlassUserId: breakGlass?.id ?? null });
	return { ok: true };
}
