import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as samlify from 'samlify';
import { generateSpKeyPair, type SpKeyPair } from '../../src/lib/server/sso/saml-keys';

/**
 * A SAML IdP for tests, built on samlify in its IdP role (not the SP's own library, @node-saml/node-saml):
 * it verifies the SP's signed AuthnRequest against the SP metadata, and issues OIOSAML 3-shaped responses
 * that samlify signs (RSA-SHA256) and encrypts to the SP's encryption certificate. Each option bends one
 * thing, so a test can send exactly the fault it means (wrong audience, expired, unsigned, wrapped …).
 * `serve()` puts a login page on 127.0.0.1 that POSTs the response to the ACS, for browser tests.
 */

// samlify wants an XML schema validator; the SP side (the code under test) is what must be strict, and the
// requests we parse here come from it. Its DOM parser stays XXE-safe either way.
samlify.setSchemaValidator({ validate: async () => 'skipped' });

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const ASSERTION_XPATH = "/*[local-name(.)='Response']/*[local-name(.)='Assertion']";

export const PRIVILEGE_ATTRIBUTE = 'https://data.gov.dk/model/core/eid/privilegesIntermediate';

/** One user as the IdP knows them. */
export interface IdpUser {
	/** The persistent NameID. */
	subject: string;
	email?: string;
	name?: string;
	/** Privilege URIs, sent as a base64 Basic Privilege Profile list; or `privilegeXml` raw. */
	privileges?: string[];
	/** Sent base64-encoded as the privilege attribute instead of a list built from `privileges`. */
	privilegeXml?: string;
}

/** What to bend in one response. */
export interface ResponseOptions {
	audience?: string;
	destination?: string;
	recipient?: string;
	/** The request this answers (default: the one parsed from the AuthnRequest URL). */
	inResponseTo?: string;
	/** Shift all times (ms) — negative for an assertion long expired. */
	timeShiftMs?: number;
	/** 'idp' (default), 'none' (unsigned), or 'other' (a key the SP does not know). */
	signer?: 'idp' | 'none' | 'other';
	/** Sign the assertion (default) or the whole response (then the assertion is encrypted first, if at all). */
	signWhat?: 'assertion' | 'response';
	/** Encrypt the assertion to the SP (default true). */
	encrypt?: boolean;
	/** Put a second, unsigned assertion for another subject beside the signed one (signature wrapping). */
	wrapWith?: IdpUser;
	/** The assertion's ID (default random): the same ID twice is a replay. */
	assertionId?: string;
}

export interface TestIdp {
	entityId: string;
	ssoUrl: string;
	metadataXml: string;
	/** The SAMLResponse (base64) for the signed AuthnRequest in `authnUrl`, for `user`. */
	respond(authnUrl: string, user: IdpUser, options?: ResponseOptions): Promise<string>;
	/** The ID of the AuthnRequest in `authnUrl`, after checking its signature against the SP metadata. */
	requestIdOf(authnUrl: string): Promise<string>;
	/**
	 * Serves GET /sso (a login page with one button per user, each POSTing a signed and encrypted response to
	 * the ACS) and GET /metadata on 127.0.0.1. The SSO address (and so `metadataXml`) carries the port
	 * from then on: give the SP the metadata after this.
	 */
	serve(users: IdpUser[]): Promise<{ close(): Promise<void> }>;
}

const newId = () => `_${randomBytes(20).toString('hex')}`;
const esc = (value: string) =>
	value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const certBody = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

/** A Basic Privilege Profile 1.2 list with one group. */
export function privilegeListXml(privileges: string[], scope = 'urn:dk:gov:saml:cvrNumberIdentifier:29189692'): string {
	const items = privileges.map((p) => `<Privilege>${esc(p)}</Privilege>`).join('');
	return `<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><PrivilegeGroup Scope="${esc(scope)}">${items}</PrivilegeGroup></bpp:PrivilegeList>`;
}

function attributeXml(name: string, value: string): string {
	return `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${esc(value)}</saml:AttributeValue></saml:Attribute>`;
}

function assertionXml(v: {
	id: string;
	issuer: string;
	user: IdpUser;
	audience: string;
	recipient: string;
	inResponseTo: string;
	now: Date;
}): string {
	const at = (ms: number) => new Date(v.now.getTime() + ms).toISOString();
	const privilegeXml = v.user.privilegeXml ?? (v.user.privileges ? privilegeListXml(v.user.privileges) : undefined);
	const attributes = [
		v.user.email ? attributeXml('https://data.gov.dk/model/core/eid/email', v.user.email) : '',
		v.user.name ? attributeXml('https://data.gov.dk/model/core/eid/fullName', v.user.name) : '',
		attributeXml('https://data.gov.dk/model/core/specVersion', 'OIO-SAML-3.0'),
		privilegeXml ? attributeXml(PRIVILEGE_ATTRIBUTE, Buffer.from(privilegeXml, 'utf8').toString('base64')) : ''
	].join('');
	return (
		`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${v.id}" Version="2.0" IssueInstant="${at(0)}">` +
		`<saml:Issuer>${esc(v.issuer)}</saml:Issuer>` +
		`<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${esc(v.user.subject)}</saml:NameID>` +
		`<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${at(5 * 60_000)}" Recipient="${esc(v.recipient)}" InResponseTo="${esc(v.inResponseTo)}"/></saml:SubjectConfirmation></saml:Subject>` +
		`<saml:Conditions NotBefore="${at(-60_000)}" NotOnOrAfter="${at(5 * 60_000)}"><saml:AudienceRestriction><saml:Audience>${esc(v.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
		`<saml:AuthnStatement AuthnInstant="${at(0)}" SessionIndex="${newId()}"><saml:AuthnContext><saml:AuthnContextClassRef>https://data.gov.dk/concept/core/nsis/loa/Substantial</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
		`<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
		`</saml:Assertion>`
	);
}

/**
 * A samlify IdP for the SP described by `spMetadataXml` (its signing cert checks AuthnRequests, its encryption
 * cert receives assertions, its ACS is where responses go).
 * @example const idp = await createTestIdp({ spMetadataXml: spMetadataXml(config) });
 */
export async function createTestIdp(options: {
	spMetadataXml: string;
	entityId?: string;
	port?: number;
	keys?: SpKeyPair;
}): Promise<TestIdp> {
	const keys = options.keys ?? (await generateSpKeyPair('Test IdP'));
	const otherKeys = await generateSpKeyPair('Not the IdP');
	const entityId = options.entityId ?? 'https://idp.test/saml';
	let ssoUrl = `http://127.0.0.1:${options.port ?? 9}/sso`;
	const sp = samlify.ServiceProvider({ metadata: options.spMetadataXml });
	const acsUrl = sp.entityMeta.getAssertionConsumerService('post') as string;
	const spEntityId = sp.entityMeta.getEntityID();
	const makeIdp = () =>
		samlify.IdentityProvider({
			entityID: entityId,
			privateKey: keys.privateKeyPem,
			signingCert: keys.certificatePem,
			singleSignOnService: [{ Binding: REDIRECT, Location: ssoUrl }],
			wantAuthnRequestsSigned: true,
			isAssertionEncrypted: true,
			requestSignatureAlgorithm: RSA_SHA256,
			nameIDFormat: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent']
		});
	let idp = makeIdp();

	const requestIdOf = async (authnUrl: string) => {
		const url = new URL(authnUrl);
		const query = Object.fromEntries(url.searchParams);
		const octetString = url.search
			.slice(1)
			.split('&')
			.filter((pair) => /^(SAMLRequest|RelayState|SigAlg)=/.test(pair))
			.join('&');
		const parsed = await idp.parseLoginRequest(sp, 'redirect', { query, octetString });
		const id = parsed.extract.request?.id;
		if (typeof id !== 'string') throw new Error('AuthnRequest without an ID');
		return id;
	};

	const respond = async (authnUrl: string, user: IdpUser, o: ResponseOptions = {}) => {
		const inResponseTo = o.inResponseTo ?? (await requestIdOf(authnUrl));
		const now = new Date(Date.now() + (o.timeShiftMs ?? 0));
		const common = {
			issuer: entityId,
			audience: o.audience ?? spEntityId,
			recipient: o.recipient ?? acsUrl,
			inResponseTo,
			now
		};
		let assertion = assertionXml({ ...common, id: o.assertionId ?? newId(), user });
		let xml =
			`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${esc(o.destination ?? acsUrl)}" InResponseTo="${esc(inResponseTo)}">` +
			`<saml:Issuer>${esc(entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
			`${assertion}</samlp:Response>`;
		const signer = o.signer ?? 'idp';
		const pair = signer === 'other' ? otherKeys : keys;
		const sign = (message: string, response: boolean) =>
			samlify.SamlLib.constructSAMLSignature({
				rawSamlMessage: message,
				...(response ? { isMessageSigned: true } : { referenceTagXPath: ASSERTION_XPATH }),
				privateKey: pair.privateKeyPem,
				signingCert: certBody(pair.certificatePem),
				signatureAlgorithm: RSA_SHA256,
				isBase64Output: false,
				signatureConfig: {
					prefix: 'ds',
					location: {
						reference: `${response ? '/*' : ASSERTION_XPATH}/*[local-name(.)='Issuer']`,
						action: 'after'
					}
				}
			});
		const encrypt = async (message: string) =>
			Buffer.from(await samlify.SamlLib.encryptAssertion(idp, sp, message), 'base64').toString('utf8');
		if (o.signWhat === 'response') {
			if (o.encrypt !== false) xml = await encrypt(xml);
			if (signer !== 'none') xml = sign(xml, true);
			return Buffer.from(xml, 'utf8').toString('base64');
		}
		if (signer !== 'none') xml = sign(xml, false);
		if (o.wrapWith) {
			// The attacker's copy: another subject, no signature, placed before the signed assertion.
			assertion = assertionXml({ ...common, id: newId(), user: o.wrapWith });
			xml = xml.replace('</samlp:Status>', `</samlp:Status>${assertion}`);
		}
		if (o.encrypt !== false && !o.wrapWith) xml = await encrypt(xml);
		return Buffer.from(xml, 'utf8').toString('base64');
	};

	return {
		entityId,
		get ssoUrl() {
			return ssoUrl;
		},
		get metadataXml() {
			return idp.getMetadata();
		},
		respond,
		requestIdOf,
		async serve(users) {
			const server: Server = createServer((request, response) => {
				void (async () => {
					const url = new URL(request.url ?? '/', ssoUrl);
					if (url.pathname === '/metadata') {
						response.writeHead(200, { 'content-type': 'application/samlmetadata+xml' });
						return response.end(idp.getMetadata());
					}
					if (url.pathname !== '/sso') return response.writeHead(404).end();
					const relayState = url.searchParams.get('RelayState') ?? '';
					const forms = await Promise.all(
						users.map(async (user) => {
							const saml = await respond(url.toString(), user);
							return `<form method="post" action="${esc(acsUrl)}"><input type="hidden" name="SAMLResponse" value="${esc(saml)}"><input type="hidden" name="RelayState" value="${esc(relayState)}"><button type="submit">Log ind som ${esc(user.name ?? user.subject)}</button></form>`;
						})
					);
					response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
					response.end(
						`<!doctype html><html lang="da"><title>Test-IdP</title><h1>Test-IdP</h1>${forms.join('')}</html>`
					);
				})().catch((error: unknown) => {
					response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
				});
			});
			await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
			ssoUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sso`;
			idp = makeIdp();
			return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
		}
	};
}
