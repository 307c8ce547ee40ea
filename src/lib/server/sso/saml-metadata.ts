import { X509Certificate } from 'node:crypto';
import { generateServiceProviderMetadata } from '@node-saml/node-saml';
import { t } from '../messages';
import { OIOSAML } from './oiosaml-attributes';
import { childrenNamed, descendantsNamed, NS, readXml, XmlRefused, type XmlElement } from './saml-xml';

/** What Fremdrift needs from an IdP's metadata. */
export interface IdpMetadata {
	entityId: string;
	/** The SingleSignOnService for HTTP-Redirect (preferred) or HTTP-POST. */
	ssoUrl: string;
	/** The signing certificates as base64 DER (the body of a PEM). */
	signingCerts: string[];
}

export type IdpMetadataResult =
	| { ok: true; idp: IdpMetadata }
	| {
			ok: false;
			code: 'metadata_malformed' | 'metadata_no_idp' | 'metadata_no_sso' | 'metadata_no_cert';
			message: string;
	  };

const MAX_METADATA_CHARS = 2_000_000;
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/**
 * Reads an IdP's metadata (an EntityDescriptor, or the first IdP in an EntitiesDescriptor): entity ID, login
 * address and signing certificates. Malformed XML, a DTD or a missing part is refused with a Danish message.
 * @example const result = parseIdpMetadata(xml); if (!result.ok) return fail(400, { message: result.message });
 */
export function parseIdpMetadata(xml: string): IdpMetadataResult {
	let root: XmlElement;
	try {
		root = readXml(xml.trim(), MAX_METADATA_CHARS);
	} catch (error) {
		if (error instanceof XmlRefused) return refuse('metadata_malformed');
		throw error;
	}
	const entities =
		root.local === 'EntityDescriptor' && root.ns === NS.metadata
			? [root]
			: descendantsNamed(root, 'EntityDescriptor', NS.metadata);
	const entity = entities.find((e) => childrenNamed(e, 'IDPSSODescriptor', NS.metadata).length > 0);
	const entityId = entity?.attributes.entityID?.trim();
	if (!entity || !entityId) return refuse('metadata_no_idp');
	const descriptor = childrenNamed(entity, 'IDPSSODescriptor', NS.metadata)[0];
	const services = childrenNamed(descriptor, 'SingleSignOnService', NS.metadata);
	const service =
		services.find((s) => s.attributes.Binding === REDIRECT) ?? services.find((s) => s.attributes.Binding === POST);
	const ssoUrl = service?.attributes.Location?.trim() ?? '';
	if (!/^https?:\/\/\S+$/.test(ssoUrl)) return refuse('metadata_no_sso');
	const signingCerts = childrenNamed(descriptor, 'KeyDescriptor', NS.metadata)
		.filter((k) => (k.attributes.use ?? 'signing') === 'signing')
		.flatMap((k) => descendantsNamed(k, 'X509Certificate', NS.dsig))
		.map((c) => c.text.replace(/\s+/g, ''))
		.filter(isCertificate);
	if (signingCerts.length === 0) return refuse('metadata_no_cert');
	return { ok: true, idp: { entityId, ssoUrl, signingCerts } };
}

function refuse(code: Exclude<IdpMetadataResult, { ok: true }>['code']): IdpMetadataResult {
	return { ok: false, code, message: t(`saml.${code}`) };
}

function isCertificate(base64: string): boolean {
	try {
		new X509Certificate(Buffer.from(base64, 'base64'));
		return true;
	} catch {
		return false;
	}
}

/** The SP's side of a SAML set-up (one per organisation). PEM strings throughout. */
export interface SamlSpConfig {
	/** The SP's entity ID, also the audience the IdP must address. */
	entityId: string;
	/** The Assertion Consumer Service: where the IdP POSTs the response. */
	acsUrl: string;
	spSigningKey: string;
	spCert: string;
	spDecryptionKey: string;
	/** The certificate of the decryption key; the signing certificate when one pair serves both. */
	spDecryptionCert?: string;
	idpMetadataXml: string;
	/** Accepted clock difference to the IdP, at most 3 minutes (the default). */
	clockSkewMs?: number;
}

/**
 * The SP metadata to give the IdP administrator: entity ID, the signing and encryption certificates, the ACS
 * (HTTP-POST) and persistent NameID; signed with the SP's key.
 * @example new Response(spMetadataXml(config), { headers: { 'content-type': 'application/samlmetadata+xml' } })
 */
export function spMetadataXml(config: SamlSpConfig): string {
	return generateServiceProviderMetadata({
		issuer: config.entityId,
		callbackUrl: config.acsUrl,
		identifierFormat: OIOSAML.nameIdPersistent,
		wantAssertionsSigned: true,
		privateKey: config.spSigningKey,
		publicCerts: config.spCert,
		decryptionPvk: config.spDecryptionKey,
		decryptionCert: config.spDecryptionCert ?? config.spCert,
		signatureAlgorithm: 'sha256',
		digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
		signMetadata: true
	});
}
