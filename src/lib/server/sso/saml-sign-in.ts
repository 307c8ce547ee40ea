import type { Db } from '../infra/db';
import { t } from '../messages';
import { authnRequestUrl, responseInResponseTo, validateSamlResponse, type SamlRefusalCode } from './saml';
import { readSamlFlow, sealSamlFlow } from './cookies';
import { createSamlStore, purgeExpiredSaml, type SamlStore } from './saml-store';
import { samlSpConfig } from './saml-settings';
import { refuseSso, signInExternal, type RequestMeta, type SsoResult, type SsoRefusalReason } from './jit';

export type SamlStart = { ok: true; location: string; flowCookie: string } | { ok: false; reason: SsoRefusalReason };

/**
 * Starts SP-initiated SAML sign-in: a signed AuthnRequest whose ID is stored (answerable once, for 10 minutes);
 * `redirectTo` travels as RelayState and is checked again at the ACS. The request ID also goes, sealed, into a
 * cookie sent only to the ACS (`flowCookie`), so that a response is accepted only in the browser that asked for it
 * (no login CSRF). Expired request and assertion IDs are purged here, so the tables stay small without a scheduler.
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
	let requestId: string | null = null;
	const store = createSamlStore(db);
	const recording: SamlStore = {
		...store,
		requestCache(scope) {
			const cache = store.requestCache(scope);
			return { ...cache, saveAsync: (key, value) => ((requestId = key), cache.saveAsync(key, value)) };
		}
	};
	const url = await authnRequestUrl(ready.config, recording, redirectTo ?? '');
	const flowCookie = requestId === null ? null : sealSamlFlow(requestId);
	return url && flowCookie ? { ok: true, location: url, flowCookie } : { ok: false, reason: 'saml_config' };
}

/**
 * The ACS: validates the POSTed SAMLResponse (signature, decryption, audience, destination, times, InResponseTo
 * of a request issued here, one-time assertion ID) and signs the person in just in time with their OIOSAML
 * privileges as role values. The response must answer the request this browser started (`flowCookie`, the
 * SAML flow cookie's value), else it is refused as `saml_browser`. Every refusal is audited (`auth.sso_refused`,
 * reason `saml_<code>`).
 * @example const result = await finishSamlSignIn(db, organisation, url.origin, { SAMLResponse }, cookies.get(SAML_FLOW_COOKIE), meta);
 */
export async function finishSamlSignIn(
	db: Db,
	organisation: { id: number; slug: string },
	origin: string,
	body: { SAMLResponse?: unknown },
	flowCookie: string | undefined,
	meta: RequestMeta
): Promise<SsoResult> {
	const ready = await samlSpConfig(db, organisation, origin, { enabledOnly: true });
	if (!ready.ok)
		return refuseSso(db, { organisationId: organisation.id, protocol: 'saml', reason: ready.reason }, meta);
	const refused = (reason: { code: SamlRefusalCode; message: string }) =>
		refuseSso(
			db,
			{ organisationId: organisation.id, protocol: 'saml', reason: `saml_${reason.code}`, message: reason.message },
			meta
		);
	const started = readSamlFlow(flowCookie);
	if (started === null || responseInResponseTo(body.SAMLResponse) !== started)
		return refused({ code: 'browser', message: t('saml.refused.browser') });
	const result = await validateSamlResponse(ready.config, createSamlStore(db), body);
	if (!result.ok) return refused(result.reason);
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
