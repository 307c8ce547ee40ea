import { describe, expect, test } from 'vitest';
import { MAX_PRIVILEGES, OIOSAML, parsePrivilegeList, readOiosamlIdentity } from './oiosaml-attributes';

const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');
const list = (body: string, ns = 'http://digst.dk/oiosaml/basic_privilege_profile') =>
	b64(`<?xml version="1.0"?><bpp:PrivilegeList xmlns:bpp="${ns}">${body}</bpp:PrivilegeList>`);

describe('Basic Privilege Profile', () => {
	test('reads every privilege of every group, once, in BPP 1.2 and 1.1', () => {
		const body =
			'<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:1"><Constraint Name="urn:dk:kombit:KLE">25.*</Constraint>' +
			'<Privilege> http://a/1 </Privilege><Privilege>http://b/1</Privilege></PrivilegeGroup>' +
			'<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:1"><Privilege>http://a/1</Privilege></PrivilegeGroup>';
		expect(parsePrivilegeList(list(body))).toEqual(['http://a/1', 'http://b/1']);
		expect(parsePrivilegeList(list(body, 'http://itst.dk/oiosaml/basic_privilege_profile'))).toEqual([
			'http://a/1',
			'http://b/1'
		]);
		// A default namespace on the root puts the groups in it too.
		const unprefixed = b64(
			'<PrivilegeList xmlns="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup><Privilege>http://c/1</Privilege></PrivilegeGroup></PrivilegeList>'
		);
		expect(parsePrivilegeList(unprefixed)).toEqual(['http://c/1']);
	});

	test.each([
		['not base64', '<<<'],
		['malformed XML', list('<PrivilegeGroup><Privilege>x</PrivilegeGroup>')],
		['a DTD (entities)', b64('<!DOCTYPE a [<!ENTITY x "y">]><a/>')],
		['another namespace', list('', 'urn:other')],
		['an empty privilege', list('<PrivilegeGroup><Privilege> </Privilege></PrivilegeGroup>')],
		['too large', list(`<PrivilegeGroup><Privilege>${'x'.repeat(120_000)}</Privilege></PrivilegeGroup>`)],
		[
			'too many privileges',
			list(
				`<PrivilegeGroup>${Array.from({ length: MAX_PRIVILEGES + 1 }, (_, i) => `<Privilege>p${i}</Privilege>`).join('')}</PrivilegeGroup>`
			)
		]
	])('refuses %s', (_, value) => {
		expect(parsePrivilegeList(value)).toBeNull();
	});
});

describe('OIOSAML 3 identity', () => {
	test('the persistent NameID is the key; else the professional UUID attribute; else refused', () => {
		const attributes = {
			[OIOSAML.professionalUuid]: 'urn:uuid:abc',
			[OIOSAML.email]: 'a@k.dk',
			[OIOSAML.fullName]: 'A'
		};
		expect(readOiosamlIdentity({ nameID: 'n1', nameIDFormat: OIOSAML.nameIdPersistent, attributes })).toMatchObject({
			ok: true,
			identity: { subject: 'n1', email: 'a@k.dk', name: 'A', privileges: [] }
		});
		const transient = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
		expect(readOiosamlIdentity({ nameID: 't1', nameIDFormat: transient, attributes })).toMatchObject({
			identity: { subject: 'urn:uuid:abc' }
		});
		expect(readOiosamlIdentity({ nameID: 't1', nameIDFormat: transient, attributes: {} })).toEqual({
			ok: false,
			code: 'no_subject'
		});
	});

	test('a privilege attribute that is not a privilege list refuses the sign-in', () => {
		const profile = {
			nameID: 'n1',
			nameIDFormat: OIOSAML.nameIdPersistent,
			attributes: { [OIOSAML.privileges]: 'bm9wZQ==' }
		};
		expect(readOiosamlIdentity(profile)).toEqual({ ok: false, code: 'privileges' });
	});
});
