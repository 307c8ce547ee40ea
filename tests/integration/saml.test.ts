import { createPrivateKey, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/lib/server/infra/db';
import {
	authnRequestUrl,
	MAX_SAML_RESPONSE_CHARS,
	validateSamlResponse,
	type SamlSpConfig
} from '../../src/lib/server/sso/saml';
import { generateSpKeyPair } from '../../src/lib/server/sso/saml-keys';
import { parseIdpMetadata, spMetadataXml } from '../../src/lib/server/sso/saml-metadata';
import { createSamlStore, purgeExpiredSaml, type SamlStore } from '../../src/lib/server/sso/saml-store';
import { createTestIdp, privilegeListXml, type IdpUser, type ResponseOptions, type TestIdp } from '../helpers/saml-idp';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/test-db';

const ADMIN_ROLE = 'http://fremdrift.dk/roles/usersystemrole/administrator/1';
const LEAD_ROLE = 'http://fremdrift.dk/roles/usersystemrole/projektleder/1';
const anne: IdpUser = {
	subject: 'https://data.gov.dk/model/core/eid/professional/uuid/persistent/7d4c1e2a-0b7a-4c55-9f1e-3c2b1a0d9e8f',
	email: 'anne@norddjurs.dk',
	name: 'Anne Hansen',
	privileges: [ADMIN_ROLE, LEAD_ROLE]
};

/** The SAML SP (issue 18) against a samlify IdP: what it accepts, and each thing it refuses, with its reason. */
describe('SAML 2.0 SP (OIOSAML 3)', () => {
	let database: TestDatabase;
	let store: SamlStore;
	let idp: TestIdp;
	let config: SamlSpConfig;

	/** One SP-initiated round: a signed AuthnRequest, the IdP's answer (bent by `options`), the SP's verdict. */
	const signIn = async (user: IdpUser, options: ResponseOptions = {}, via: SamlStore = store) => {
		const url = await authnRequestUrl(config, via);
		const SAMLResponse = await idp.respond(url!, user, options);
		return { SAMLResponse, result: await validateSamlResponse(config, via, { SAMLResponse }) };
	};
	const refusalOf = async (user: IdpUser, options: ResponseOptions) => {
		const { result } = await signIn(user, options);
		return result.ok ? 'accepted' : result.reason.code;
	};

	beforeAll(async () => {
		database = await createTestDatabase();
		store = createSamlStore(database.db);
		const keys = await generateSpKeyPair('Fremdrift Norddjurs');
		const sp = {
			entityId: 'https://fremdrift.test/sso/saml/norddjurs',
			acsUrl: 'https://fremdrift.test/sso/saml/norddjurs/acs',
			spSigningKey: keys.privateKeyPem,
			spCert: keys.certificatePem,
			spDecryptionKey: keys.privateKeyPem,
			idpMetadataXml: ''
		};
		idp = await createTestIdp({ spMetadataXml: spMetadataXml(sp) });
		config = { ...sp, idpMetadataXml: idp.metadataXml, clockSkewMs: 60_000 };
	});
	afterAll(() => database.destroy());

	test('the AuthnRequest is signed with RSA-SHA256, and its ID is stored until the response answers it', async () => {
		const url = new URL((await authnRequestUrl(config, store))!);
		expect(url.origin + url.pathname).toBe(idp.ssoUrl);
		expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
		expect(url.searchParams.get('Signature')).toBeTruthy();
		const id = await idp.requestIdOf(url.toString()); // samlify checks the signature against the SP metadata
		const row = await database.db.selectFrom('samlRequest').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.scope).toBe(config.entityId);
		expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now());
	});

	test('a signed, encrypted assertion with the privilege attribute gives the identity and its privileges', async () => {
		const { SAMLResponse, result } = await signIn(anne);
		expect(Buffer.from(SAMLResponse, 'base64').toString()).toContain('EncryptedAssertion');
		expect(Buffer.from(SAMLResponse, 'base64').toString()).not.toContain('Anne Hansen');
		expect(result).toEqual({
			ok: true,
			identity: { subject: anne.subject, email: anne.email, name: anne.name, privileges: [ADMIN_ROLE, LEAD_ROLE] }
		});
		expect(await database.db.selectFrom('samlAssertion').select('id').execute()).toHaveLength(1);
	});

	test('an unencrypted but signed assertion is accepted too; a user without privileges gets an empty list', async () => {
		const { result } = await signIn({ subject: 'urn:uuid:1', name: 'Bo' }, { encrypt: false });
		expect(result).toEqual({ ok: true, identity: { subject: 'urn:uuid:1', email: null, name: 'Bo', privileges: [] } });
	});

	test('a signed response around an encrypted, unsigned assertion is accepted; signed by another key it is not', async () => {
		expect(await refusalOf(anne, { signWhat: 'response' })).toBe('accepted');
		expect(await refusalOf(anne, { signWhat: 'response', encrypt: false })).toBe('accepted');
		expect(await refusalOf(anne, { signWhat: 'response', signer: 'other' })).toBe('signature');
	});

	test('a config with more than 3 minutes of clock skew, or unreadable IdP metadata, is refused as such', async () => {
		const { SAMLResponse } = await signIn(anne, { encrypt: false });
		for (const broken of [
			{ ...config, clockSkewMs: 180_001 },
			{ ...config, idpMetadataXml: '<x' }
		]) {
			expect(await authnRequestUrl(broken, store)).toBeNull();
			const result = await validateSamlResponse(broken, store, { SAMLResponse });
			expect(result.ok || result.reason.code).toBe('config');
		}
	});

	test('the generated SP key pair: RSA 3072, a self-signed certificate valid for about 3 years', async () => {
		const certificate = new X509Certificate(config.spCert);
		expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
		expect(certificate.checkPrivateKey(createPrivateKey(config.spSigningKey))).toBe(true);
		expect(certificate.verify(certificate.publicKey)).toBe(true);
		const years = (Date.parse(certificate.validTo) - Date.now()) / (365.25 * 86_400_000);
		expect(years).toBeGreaterThan(2.9);
		expect(years).toBeLessThan(3.1);
	});

	test.each([
		['wrong audience', { audience: 'https://another.test/sp' }, 'audience'],
		['expired assertion', { timeShiftMs: -20 * 60_000 }, 'expired'],
		['assertion from the future', { timeShiftMs: 20 * 60_000 }, 'not_yet_valid'],
		['unsigned assertion', { signer: 'none' }, 'signature'],
		['unsigned, unencrypted assertion', { signer: 'none', encrypt: false }, 'signature'],
		['assertion signed by another key', { signer: 'other' }, 'signature'],
		['wrong InResponseTo', { inResponseTo: '_never_issued_here' }, 'in_response_to'],
		[
			'signature wrapping (a second, unsigned assertion beside the signed one)',
			{ wrapWith: { subject: 'urn:uuid:mallory', privileges: [ADMIN_ROLE] } },
			'multiple_assertions'
		],
		['another Destination', { destination: 'https://evil.test/acs' }, 'destination'],
		['another Recipient', { recipient: 'https://evil.test/acs' }, 'recipient']
	] satisfies [string, ResponseOptions, string][])('refused: %s', async (_, options, code) => {
		expect(await refusalOf(anne, options)).toBe(code);
	});

	test('refused with a Danish message that names the reason', async () => {
		const { result } = await signIn(anne, { audience: 'https://another.test/sp' });
		expect(result).toEqual({
			ok: false,
			reason: {
				code: 'audience',
				message: 'Svaret fra identitetsudbyderen er udstedt til en anden tjeneste end Fremdrift.'
			}
		});
	});

	test('malformed privilege XML is refused: unclosed, a DOCTYPE with an external entity, the wrong root', async () => {
		for (const privilegeXml of [
			'<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup><Privilege>x',
			'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup><Privilege>&e;</Privilege></PrivilegeGroup></bpp:PrivilegeList>',
			'<PrivilegeList><PrivilegeGroup><Privilege>x</Privilege></PrivilegeGroup></PrivilegeList>'
		])
			expect(await refusalOf({ ...anne, privileges: undefined, privilegeXml }, {})).toBe('privileges');
		expect(await refusalOf({ ...anne, privilegeXml: privilegeListXml([ADMIN_ROLE]) }, {})).toBe('accepted');
	});

	test('an oversized response is refused before it is parsed', async () => {
		const big = { ...anne, name: 'x'.repeat(MAX_SAML_RESPONSE_CHARS) };
		expect(await refusalOf(big, {})).toBe('too_large');
		const result = await validateSamlResponse(config, store, { SAMLResponse: 'A'.repeat(MAX_SAML_RESPONSE_CHARS + 1) });
		expect(result.ok || result.reason.code).toBe('too_large');
	});

	test('a replayed response is refused: its request is answered, and its assertion ID is used', async () => {
		const first = await signIn(anne);
		expect(first.result.ok).toBe(true);
		const again = await validateSamlResponse(config, store, { SAMLResponse: first.SAMLResponse });
		expect(again.ok || again.reason.code).toBe('in_response_to');
		// The same assertion ID in an answer to a fresh request: only the assertion store can tell.
		const assertionId = '_assertion_once';
		expect((await signIn(anne, { assertionId })).result.ok).toBe(true);
		const replay = await signIn(anne, { assertionId });
		expect(replay.result.ok || replay.result.reason.code).toBe('replay');
	});

	test('on the same database, a second instance (its own connection and store) refuses the replay too', async () => {
		const other: DbHandle = onPostgres
			? await openDatabase({ databaseUrl: database.databaseUrl!, poolMax: 2 })
			: { ...database, close: async () => {} };
		try {
			const otherStore = createSamlStore(other.db);
			const assertionId = '_seen_by_instance_a';
			expect((await signIn(anne, { assertionId })).result.ok).toBe(true);
			const atB = await signIn(anne, { assertionId }, otherStore);
			expect(atB.result.ok || atB.result.reason.code).toBe('replay');
			// One response posted to both instances at once: exactly one accepts it.
			const url = await authnRequestUrl(config, store);
			const SAMLResponse = await idp.respond(url!, anne);
			const both = await Promise.all([
				validateSamlResponse(config, store, { SAMLResponse }),
				validateSamlResponse(config, otherStore, { SAMLResponse })
			]);
			expect(both.filter((r) => r.ok)).toHaveLength(1);
		} finally {
			await other.close();
		}
	});

	test('the purge deletes expired request and assertion IDs only', async () => {
		await database.db
			.insertInto('samlRequest')
			.values({ id: '_old_request', scope: config.entityId, expiresAt: new Date(Date.now() - 1000) })
			.execute();
		await database.db
			.insertInto('samlAssertion')
			.values({ id: '_old_assertion', scope: config.entityId, expiresAt: new Date(Date.now() - 1000) })
			.execute();
		const before = await database.db.selectFrom('samlAssertion').select('id').execute();
		expect(await purgeExpiredSaml(database.db)).toEqual({ requests: 1, assertions: 1 });
		const after = await database.db.selectFrom('samlAssertion').select('id').execute();
		expect(after).toHaveLength(before.length - 1);
		expect(after.map((r) => r.id)).not.toContain('_old_assertion');
	});

	test('the SP metadata has signing and encryption keys, the ACS and persistent NameID, and is signed', () => {
		const xml = spMetadataXml(config);
		expect(xml).toContain(`entityID="${config.entityId}"`);
		expect(xml).toContain('use="signing"');
		expect(xml).toContain('use="encryption"');
		expect(xml).toContain(`Location="${config.acsUrl}"`);
		expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
		expect(xml).toContain('AuthnRequestsSigned="true"');
		expect(xml).toMatch(/<(ds:)?Signature\b/);
	});

	test('IdP metadata: read from the samlify IdP; malformed or DTD-carrying XML refused in Danish', () => {
		const parsed = parseIdpMetadata(idp.metadataXml);
		expect(parsed).toMatchObject({ ok: true, idp: { entityId: idp.entityId, ssoUrl: idp.ssoUrl } });
		expect(parsed.ok && parsed.idp.signingCerts).toHaveLength(1);
		expect(parseIdpMetadata('<EntityDescriptor')).toEqual({
			ok: false,
			code: 'metadata_malformed',
			message: 'IdP-metadata kan ikke læses som XML (og må ikke indeholde en DOCTYPE).'
		});
		expect(
			parseIdpMetadata(`<!DOCTYPE x [<!ENTITY e "x">]>${idp.metadataXml.replace(/^<\?xml[^>]*>/, '')}`)
		).toMatchObject({
			code: 'metadata_malformed'
		});
		expect(parseIdpMetadata('<a/>')).toMatchObject({ code: 'metadata_no_idp' });
	});
	test('the served IdP: its login page on 127.0.0.1 holds a form that POSTs a response the SP accepts', async () => {
		const served = await idp.serve([anne]);
		try {
			const live = { ...config, idpMetadataXml: idp.metadataXml };
			const url = (await authnRequestUrl(live, store, '/oversigt'))!;
			expect(url.startsWith(idp.ssoUrl)).toBe(true);
			expect(idp.ssoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sso$/);
			const page = await (await fetch(url)).text();
			expect(page).toContain(`action="${config.acsUrl}"`);
			expect(page).toContain('name="RelayState" value="/oversigt"');
			const SAMLResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page)![1];
			expect(await validateSamlResponse(live, store, { SAMLResponse })).toMatchObject({
				ok: true,
				identity: { subject: anne.subject, privileges: [ADMIN_ROLE, LEAD_ROLE] }
			});
			expect(await (await fetch(new URL('/metadata', idp.ssoUrl))).text()).toContain(idp.ssoUrl);
		} finally {
			await served.close();
		}
	});
});
