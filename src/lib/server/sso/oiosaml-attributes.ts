import { childrenNamed, readXml, XmlRefused, type XmlElement } from './saml-xml';

/** The OIOSAML 3 attribute names Fremdrift reads (OIOSAML Web SSO Profile 3.0, attribute profile). */
export const OIOSAML = {
	nameIdPersistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
	professionalUuid: 'https://data.gov.dk/model/core/eid/professional/uuid/persistent',
	email: 'https://data.gov.dk/model/core/eid/email',
	fullName: 'https://data.gov.dk/model/core/eid/fullName',
	privileges: 'https://data.gov.dk/model/core/eid/privilegesIntermediate'
} as const;

/** Basic Privilege Profile namespaces: 1.2 (OIOSAML 3) and 1.1 (older Context Handler setups). */
const BPP_NAMESPACES = new Set([
	'http://digst.dk/oiosaml/basic_privilege_profile',
	'http://itst.dk/oiosaml/basic_privilege_profile'
]);
/** Bounds on the privilege list: the decoded XML's length, and how many privileges it may carry. */
export const MAX_PRIVILEGE_XML_CHARS = 100_000;
export const MAX_PRIVILEGES = 500;
const MAX_PRIVILEGE_CHARS = 1000;

/** Who signed in, as the IdP says it: the stable key, contact details and the privilege URIs. */
export interface SamlIdentity {
	subject: string;
	email: string | null;
	name: string | null;
	privileges: string[];
}

export type IdentityResult = { ok: true; identity: SamlIdentity } | { ok: false; code: 'no_subject' | 'privileges' };

/** What the SAML library hands over for a validated assertion (its `Profile`, narrowed to what we read). */
export interface AssertionProfile {
	nameID?: string;
	nameIDFormat?: string;
	attributes?: Record<string, unknown>;
}

/**
 * Reads the OIOSAML 3 identity from a validated assertion: the persistent NameID (else the professional UUID
 * attribute) as the user's key, e-mail and full name, and the privileges from the Basic Privilege Profile.
 * @example readOiosamlIdentity(profile) // { ok: true, identity: { subject: 'urn:uuid:…', privileges: ['http://…/admin/1'] } }
 */
export function readOiosamlIdentity(profile: AssertionProfile): IdentityResult {
	const attributes = profile.attributes ?? {};
	const persistentNameId =
		profile.nameIDFormat === OIOSAML.nameIdPersistent && profile.nameID ? profile.nameID.trim() : '';
	const subject = persistentNameId || singleText(attributes[OIOSAML.professionalUuid]);
	if (!subject || subject.length > 500) return { ok: false, code: 'no_subject' };
	const encoded = attributes[OIOSAML.privileges];
	let privileges: string[] = [];
	if (encoded !== undefined) {
		const parsed = parsePrivilegeList(singleText(encoded));
		if (parsed === null) return { ok: false, code: 'privileges' };
		privileges = parsed;
	}
	return {
		ok: true,
		identity: {
			subject,
			email: singleText(attributes[OIOSAML.email]) || null,
			name: singleText(attributes[OIOSAML.fullName]) || null,
			privileges
		}
	};
}

/** An attribute's one text value (the library gives a string, or an array when the IdP sent several). */
function singleText(value: unknown): string {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first.trim() : '';
}

/**
 * The privilege URIs of a base64-encoded Basic Privilege Profile list (bpp:PrivilegeList / PrivilegeGroup /
 * Privilege), or null when it is not one: bad base64, malformed XML, a DTD, too large, too many privileges.
 * Scopes and constraints are not read: Fremdrift maps the role URIs to its own roles per organisation.
 * @example parsePrivilegeList(btoa('<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">…'))
 */
export function parsePrivilegeList(base64: string): string[] | null {
	const compact = base64.replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length > (MAX_PRIVILEGE_XML_CHARS * 4) / 3 + 4) return null;
	let root: XmlElement;
	try {
		root = readXml(Buffer.from(compact, 'base64').toString('utf8'), MAX_PRIVILEGE_XML_CHARS);
	} catch (error) {
		if (error instanceof XmlRefused) return null;
		throw error;
	}
	if (root.local !== 'PrivilegeList' || !BPP_NAMESPACES.has(root.ns)) return null;
	const privileges = new Set<string>();
	for (const group of childrenNamed(root, 'PrivilegeGroup')) {
		for (const privilege of childrenNamed(group, 'Privilege')) {
			const uri = privilege.text.trim();
			if (!uri || uri.length > MAX_PRIVILEGE_CHARS) return null;
			privileges.add(uri);
			if (privileges.size > MAX_PRIVILEGES) return null;
		}
	}
	return [...privileges];
}
