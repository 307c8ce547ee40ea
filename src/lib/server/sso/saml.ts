import { SAML, SamlStatusError, ValidateInResponseTo } from '@node-saml/node-saml';
import { t, type PlainMessageKey } from '../messages';
import { OIOSAML, readOiosamlIdentity, type SamlIdentity } from './oiosaml-attributes';
import { parseIdpMetadata, type SamlSpConfig } from './saml-metadata';
import { SAML_REQUEST_TTL_MS, type SamlStore } from './saml-store';
import { childrenNamed, descendantsNamed, NS, readXml, XmlRefused } from './saml-xml';

export type { SamlSpConfig } from './saml-metadata';

/** Clock difference to the IdP that is accepted at most (issue 18: 3 minutes). */
export const MAX_CLOCK_SKEW_MS = 180_000;
/** The largest SAMLResponse field read (base64 characters); a Context Handler response is far smaller. */
export const MAX_SAML_RESPONSE_CHARS = 400_000;

export const SAML_REFUSALS = [
	'config',
	'too_large',
	'malformed',
	'destination',
	'signature',
	'multiple_assertions',
	'decryption',
	'audience',
	'expired',
	'not_yet_valid',
	'in_response_to',
	'issuer',
	'recipient',
	'idp_status',
	'no_subject',
	'privileges',
	'replay',
	'browser'
] as const;
export type SamlRefusalCode = (typeof SAML_REFUSALS)[number];

/** Why a response was refused: a code for the audit trail and a Danish message for the user. */
export interface SamlRefusal {
	code: SamlRefusalCode;
	message: string;
}

export type SamlValidation = { ok: true; identity: SamlIdentity } | { ok: false; reason: SamlRefusal };

const refusal = (code: SamlRefusalCode): { ok: false; reason: SamlRefusal } => ({
	ok: false,
	reason: { code, message: t(`saml.refused.${code}` satisfies PlainMessageKey) }
});

/** The library's SP for a config, or null when the config cannot make one (bad metadata, skew out of range). */
function serviceProvider(config: SamlSpConfig, store: SamlStore): { saml: SAML; idpEntityId: string } | null {
	const metadata = parseIdpMetadata(config.idpMetadataXml);
	const skew = config.clockSkewMs ?? MAX_CLOCK_SKEW_MS;
	if (!metadata.ok || !(skew >= 0 && skew <= MAX_CLOCK_SKEW_MS)) return null;
	const saml = new SAML({
		issuer: config.entityId,
		callbackUrl: config.acsUrl,
		audience: config.entityId,
		entryPoint: metadata.idp.ssoUrl,
		idpCert: metadata.idp.signingCerts,
		idpIssuer: metadata.idp.entityId,
		privateKey: config.spSigningKey,
		publicCert: config.spCert,
		decryptionPvk: config.spDecryptionKey,
		signatureAlgorithm: 'sha256',
		digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
		identifierFormat: OIOSAML.nameIdPersistent,
		// The Context Handler chooses the level of assurance itself; a requested context would only narrow it.
		disableRequestedAuthnContext: true,
		// Either the response or the assertion must carry a valid signature (the library checks which).
		wantAuthnResponseSigned: false,
		wantAssertionsSigned: false,
		acceptedClockSkewMs: skew,
		validateInResponseTo: ValidateInResponseTo.always,
		requestIdExpirationPeriodMs: SAML_REQUEST_TTL_MS,
		cacheProvider: store.requestCache(config.entityId)
	});
	return { saml, idpEntityId: metadata.idp.entityId };
}

/**
 * Where to send the browser to sign in: the IdP's SSO address with a signed AuthnRequest (HTTP-Redirect,
 * RSA-SHA256), whose ID is stored so that only a response to it is accepted. Null when the config is broken.
 * @example const url = await authnRequestUrl(config, createSamlStore(db)); if (url) redirect(303, url);
 */
export async function authnRequestUrl(config: SamlSpConfig, store: SamlStore, relayState = ''): Promise<string | null> {
	const sp = serviceProvider(config, store);
	if (!sp) return null;
	return sp.saml.getAuthorizeUrlAsync(relayState, undefined, {});
}

/**
 * Validates a SAMLResponse POSTed to the ACS: signature (response or assertion) by the IdP's metadata
 * certificates, encrypted assertion decrypted, one assertion only, audience, Destination, Recipient,
 * NotBefore/NotOnOrAfter (with the config's skew), InResponseTo of a request issued here, the assertion ID
 * accepted once (across instances), and the OIOSAML 3 identity with its privileges.
 * @example const result = await validateSamlResponse(config, store, { SAMLResponse: form.get('SAMLResponse') });
 */
export async function validateSamlResponse(
	config: SamlSpConfig,
	store: SamlStore,
	body: { SAMLResponse?: unknown }
): Promise<SamlValidation> {
	const encoded = body.SAMLResponse;
	if (typeof encoded !== 'string' || encoded.length === 0) return refusal('malformed');
	if (encoded.length > MAX_SAML_RESPONSE_CHARS) return refusal('too_large');
	const sp = serviceProvider(config, store);
	if (!sp) return refusal('config');
	const destination = readDestination(encoded);
	if (destination === undefined) return refusal('malformed');
	if (destination !== config.acsUrl) return refusal('destination');

	let profile;
	try {
		({ profile } = await sp.saml.validatePostResponseAsync({ SAMLResponse: encoded }));
	} catch (error) {
		return refusal(codeOfLibraryError(error));
	}
	if (!profile) return refusal('malformed');
	const assertion = readAssertion(profile.getAssertionXml?.() ?? '');
	if (!assertion) return refusal('malformed');
	if (assertion.issuer !== sp.idpEntityId) return refusal('issuer');
	if (!assertion.recipients.includes(config.acsUrl)) return refusal('recipient');

	const identity = readOiosamlIdentity(profile);
	if (!identity.ok) return refusal(identity.code);
	// Kept until the assertion could no longer be accepted anyway (its request ID expires too).
	const skew = config.clockSkewMs ?? MAX_CLOCK_SKEW_MS;
	const keepUntil = new Date(Math.max(assertion.notOnOrAfter + skew, Date.now() + SAML_REQUEST_TTL_MS + skew));
	if (!(await store.consumeAssertion(config.entityId, assertion.id, keepUntil))) return refusal('replay');
	return { ok: true, identity: identity.identity };
}

/**
 * The InResponseTo of a SAMLResponse as posted (before any check of its signature), or null when it has none or
 * cannot be read; only for comparing with the request this browser started.
 */
export function responseInResponseTo(encoded: unknown): string | null {
	if (typeof encoded !== 'string' || encoded.length === 0 || encoded.length > MAX_SAML_RESPONSE_CHARS) return null;
	try {
		const root = readXml(Buffer.from(encoded, 'base64').toString('utf8'), MAX_SAML_RESPONSE_CHARS);
		return root.local === 'Response' && root.ns === NS.protocol ? (root.attributes.InResponseTo ?? null) : null;
	} catch (error) {
		if (error instanceof XmlRefused) return null;
		throw error;
	}
}

/** The response's Destination ('' when absent), or undefined when it is not an XML SAML Response. */
function readDestination(encoded: string): string | undefined {
	try {
		const root = readXml(Buffer.from(encoded, 'base64').toString('utf8'), MAX_SAML_RESPONSE_CHARS);
		if (root.local !== 'Response' || root.ns !== NS.protocol) return undefined;
		return root.attributes.Destination ?? '';
	} catch (error) {
		if (error instanceof XmlRefused) return undefined;
		throw error;
	}
}

/** From the signed assertion the library verified: its ID, issuer, bearer recipients and latest NotOnOrAfter. */
function readAssertion(xml: string) {
	try {
		const root = readXml(xml, MAX_SAML_RESPONSE_CHARS);
		const id = root.attributes.ID;
		if (root.local !== 'Assertion' || !id) return null;
		const confirmations = descendantsNamed(root, 'SubjectConfirmationData', NS.assertion);
		const times = [...confirmations, ...childrenNamed(root, 'Conditions', NS.assertion)]
			.map((e) => Date.parse(e.attributes.NotOnOrAfter ?? ''))
			.filter((ms) => Number.isFinite(ms));
		return {
			id,
			issuer: childrenNamed(root, 'Issuer', NS.assertion)[0]?.text.trim() ?? '',
			recipients: confirmations.map((c) => c.attributes.Recipient ?? ''),
			notOnOrAfter: times.length > 0 ? Math.max(...times) : Date.now()
		};
	} catch (error) {
		if (error instanceof XmlRefused) return null;
		throw error;
	}
}

/** The library reports by message text only; these are the texts of @node-saml/node-saml 5. */
const LIBRARY_ERRORS: [RegExp, SamlRefusalCode][] = [
	[/multiple assertions/i, 'multiple_assertions'],
	[/InResponseTo/i, 'in_response_to'],
	[/signature|Cannot obtain assertion from signed data/i, 'signature'],
	[/audience/i, 'audience'],
	[/not yet valid/i, 'not_yet_valid'],
	[/expired|No valid subject confirmation/i, 'expired'],
	[/decrypt|EncryptedAssertion|EncryptedKey/i, 'decryption'],
	[/Issuer/i, 'issuer']
];

function codeOfLibraryError(error: unknown): SamlRefusalCode {
	if (error instanceof SamlStatusError) return 'idp_status';
	const message = error instanceof Error ? error.message : String(error);
	return LIBRARY_ERRORS.find(([pattern]) => pattern.test(message))?.[1] ?? 'malformed';
}
