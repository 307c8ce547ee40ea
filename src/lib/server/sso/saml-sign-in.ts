import type { Db } from '../infra/db';
import { authnRequestUrl, validateSamlResponse } from './saml';
import { createSamlStore, purgeExpiredSaml } from './saml-store';
import { samlSpConfig } from './saml-settings';
import { refuseSso, signInExternal, type RequestMeta, type SsoResult, type SsoRefusalReason } from './jit';

export type SamlStart = { ok: true; location: string } | { ok: false; reason: SsoRefusalReason };

/**
 * Starts SP-initiated SAML sign-in: a signed AuthnRequest whose ID is stored (answerable once, for 10 minutes);
 * `redirectTo` travels as RelayState and is checked again at the ACS. Expired request and assertion IDs are
 * purged here, so the tables stay small without a scheduler.
 * @example const start = await startSamlSignIn(db, organisation, url.origin, redirectTo);
 */
export async function startSamlSignIn(
	db: Db,
	organisation: { id: number; slug: string },
	origin: string,
	redirectTo: string | null
): Promise<SamlStart> {
	const ready = await samlSpConfig(db, organisation, origin, { enabledOnly: true });
	if (!ready.ok) return ready;
	await purgeExpiredSaml(db);
	const url = await authnRequestUrl(ready.config, createSamlStore(db), redirectTo ?? '');
	return url ? { ok: true, location: url } : { ok: false, reason: 'saml_config' };
}

/**
 * The ACS: validates the POSTed SAMLResponse (signature, decryption, audience, destination, times, InResponseTo
 * of a request issued here, one-time assertion ID) and signs the person in just in time with their OIOSAML
 * privileges as role values. Every refusal is audited (`auth.sso_refused`, reason `saml_<code>`).
 * @example const result = await finishSamlSignIn(db, organisation, url.origin, { SAMLResponse }, meta);
 */
export async function finishSamlSignIn(
	db: Db,
	organisation: { id: number; slug: string },
	origin: string,
	body: { SAMLResponse?: unknown },
	meta: RequestMeta
): Promise<SsoResult> {
	const ready = await samlSpConfig(db, organisation, origin, { enabledOnly: true });
	if (!ready.ok)
		return refuseSso(db, { organisationId: organisation.id, protocol: 'saml', reason: ready.reason }, meta);
	const result = await validateSamlResponse(ready.config, createSamlStore(db), body);
	if (!result.ok)
		return refuseSso(
			db,
			{
				organisationId: organisation.id,
				protocol: 'saml',
				reason: `saml_${result.reason.code}`,
				message: result.reason.message
			},
			meta
		);
	const { identity } = result;
	return signInExternal(
		db,
		{
			organisationId: organisation.id,
			providerId: ready.provider.id,
			protocol: 'saml',
			subject: identity.subject,
			email: identity.email ?? '',
			name: identity.name ?? '',
			roleValues: identity.privileges
		},
		meta
	);
}
