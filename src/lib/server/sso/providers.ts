import { createHash } from 'node:crypto';
import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { findOrganisation } from '../auth/organisations';
import type { Role, SsoProtocol } from '../../../../db/types';

/** Who changes the settings (an administrator of the organisation), for the audit trail. */
export interface SsoActor {
	id: number;
	organisationId: number;
	clientAddress: string | null;
}

export interface IdentityProvider {
	id: number;
	organisationId: number;
	protocol: SsoProtocol;
	enabled: boolean;
	displayName: string;
	settings: Record<string, unknown>;
	sealedSecret: string | null;
}

/** The context a provider's secret is sealed under: it opens only for this organisation and protocol. */
export function secretContext(organisationId: number, protocol: SsoProtocol): string {
	return `identity_provider:${organisationId}:${protocol}`;
}

/**
 * The organisation's provider for one protocol, enabled or not.
 * @example const oidc = await findIdentityProvider(db, organisationId, 'oidc');
 */
export async function findIdentityProvider(
	db: Db,
	organisationId: number,
	protocol: SsoProtocol
): Promise<IdentityProvider | undefined> {
	return db
		.selectFrom('identityProvider')
		.where('organisationId', '=', organisationId)
		.where('protocol', '=', protocol)
		.select(['id', 'organisationId', 'protocol', 'enabled', 'displayName', 'settings', 'sealedSecret'])
		.executeTakeFirst();
}

/** One enabled provider, as the login page offers it. */
export interface SignInOption {
	organisationId: number;
	organisationSlug: string;
	organisationName: string;
	protocol: SsoProtocol;
	displayName: string;
}

/**
 * The enabled providers of every organisation (or of one, by slug), for the login page's buttons.
 * @example const options = await listSignInOptions(db, 'norddjurs');
 */
export function listSignInOptions(db: Db, organisationSlug?: string): Promise<SignInOption[]> {
	let query = db
		.selectFrom('identityProvider as p')
		.innerJoin('organisation as o', 'o.id', 'p.organisationId')
		.where('p.enabled', '=', true)
		.select([
			'p.organisationId',
			'o.slug as organisationSlug',
			'o.name as organisationName',
			'p.protocol',
			'p.displayName'
		])
		.orderBy('o.name')
		.orderBy('p.protocol');
	if (organisationSlug !== undefined) query = query.where('o.slug', '=', organisationSlug);
	return query.execute();
}

/** The non-secret part of a provider as the audit trail records it (never the secret). */
type ProviderFields = Pick<IdentityProvider, 'enabled' | 'displayName' | 'settings'>;

/**
 * Provider settings as the audit trail keeps them: the IdP's metadata document (often tens of kB of XML and
 * certificates, kept with the provider) by its SHA-256, which tells whether and when it changed.
 */
function auditedSettings(settings: ProviderFields['settings']): unknown {
	if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return settings;
	const { idpMetadataXml, ...rest } = settings as Record<string, unknown>;
	if (typeof idpMetadataXml !== 'string') return settings;
	return { ...rest, idpMetadataSha256: createHash('sha256').update(idpMetadataXml).digest('hex') };
}

/**
 * Creates or updates the organisation's provider for a protocol, audited (`identity_provider.saved`, without
 * the secret: only whether it changed; IdP metadata only by its SHA-256). `sealedSecret` undefined keeps the stored one.
 * @example await inTransaction(db, (trx) => saveIdentityProvider(trx, actor, 'oidc', fields, sealed));
 */
export async function saveIdentityProvider(
	trx: Db,
	actor: SsoActor,
	protocol: SsoProtocol,
	fields: ProviderFields,
	sealedSecret: string | undefined
): Promise<number> {
	const before = await findIdentityProvider(trx, actor.organisationId, protocol);
	const values = { ...fields, ...(sealedSecret === undefined ? {} : { sealedSecret }) };
	const { id } = before
		? await trx
				.updateTable('identityProvider')
				.set({ ...values, updatedAt: new Date() })
				.set((eb) => ({ version: eb('version', '+', 1) }))
				.where('id', '=', before.id)
				.returning('id')
				.executeTakeFirstOrThrow()
		: await trx
				.insertInto('identityProvider')
				.values({ organisationId: actor.organisationId, protocol, ...values })
				.returning('id')
				.executeTakeFirstOrThrow();
	const shown = (p: ProviderFields & { sealedSecret?: string | null }) => ({
		protocol,
		enabled: p.enabled,
		displayName: p.displayName,
		settings: auditedSettings(p.settings),
		secretStored: Boolean(p.sealedSecret)
	});
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'identity_provider.saved',
		entityType: 'identity_provider',
		entityId: id,
		before: before ? shown(before) : null,
		after: {
			...shown({ ...fields, sealedSecret: sealedSecret ?? before?.sealedSecret }),
			secretChanged: sealedSecret !== undefined
		},
		clientAddress: actor.clientAddress
	});
	return id;
}

/** A row of the role mapping: a claim value and the app role it gives. */
export interface RoleMapping {
	claimValue: string;
	role: Role;
}

/** The provider's role mapping, by claim value. */
export function listRoleMappings(db: Db, providerId: number): Promise<RoleMapping[]> {
	return db
		.selectFrom('identityProviderRole')
		.where('providerId', '=', providerId)
		.select(['claimValue', 'role'])
		.orderBy('claimValue')
		.execute();
}

/**
 * Maps a claim value to a role (replacing an earlier mapping of the same value), audited.
 * @example await addRoleMapping(trx, actor, provider.id, 'Fremdrift.Direktor', role);
 */
export async function addRoleMapping(
	trx: Db,
	actor: SsoActor,
	providerId: number,
	mapping: RoleMapping
): Promise<void> {
	await trx
		.insertInto('identityProviderRole')
		.values({ providerId, ...mapping })
		.onConflict((oc) => oc.columns(['providerId', 'claimValue']).doUpdateSet({ role: mapping.role }))
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'identity_provider.role_mapped',
		entityType: 'identity_provider',
		entityId: providerId,
		after: mapping,
		clientAddress: actor.clientAddress
	});
}

/** Removes a claim value's mapping; audited when there was one. Returns whether there was. */
export async function removeRoleMapping(
	trx: Db,
	actor: SsoActor,
	providerId: number,
	claimValue: string
): Promise<boolean> {
	const removed = await trx
		.deleteFrom('identityProviderRole')
		.where('providerId', '=', providerId)
		.where('claimValue', '=', claimValue)
		.returning(['claimValue', 'role'])
		.executeTakeFirst();
	if (!removed) return false;
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'identity_provider.role_unmapped',
		entityType: 'identity_provider',
		entityId: providerId,
		before: removed,
		clientAddress: actor.clientAddress
	});
	return true;
}

export interface SignInPolicy {
	localPasswords: boolean;
	breakGlassUserId: number | null;
}

/** The organisation's password policy; without a row, local passwords are on (the demo, new installations). */
export async function findSignInPolicy(db: Db, organisationId: number): Promise<SignInPolicy> {
	const row = await db
		.selectFrom('signInPolicy')
		.where('organisationId', '=', organisationId)
		.select(['localPasswords', 'breakGlassUserId'])
		.executeTakeFirst();
	return row ?? { localPasswords: true, breakGlassUserId: null };
}

/**
 * The policies of several organisations at once (the login page), keyed by organisation id.
 * @example const policies = await findSignInPolicies(db, [1, 2]);
 */
export async function findSignInPolicies(db: Db, organisationIds: number[]): Promise<Map<number, SignInPolicy>> {
	const found = new Map<number, SignInPolicy>(
		organisationIds.map((id) => [id, { localPasswords: true, breakGlassUserId: null }])
	);
	if (organisationIds.length === 0) return found;
	const rows = await db
		.selectFrom('signInPolicy')
		.where('organisationId', 'in', organisationIds)
		.select(['organisationId', 'localPasswords', 'breakGlassUserId'])
		.execute();
	for (const { organisationId, ...policy } of rows) found.set(organisationId, policy);
	return found;
}

/**
 * Stores the organisation's password policy, audited (`sign_in_policy.saved`). The caller has checked that a
 * break-glass admin is named (and an active administrator) when local passwords go off; the table refuses none.
 * @example await saveSignInPolicy(trx, actor, { localPasswords: false, breakGlassUserId: 7 });
 */
export async function saveSignInPolicy(trx: Db, actor: SsoActor, policy: SignInPolicy): Promise<void> {
	const before = await findSignInPolicy(trx, actor.organisationId);
	await trx
		.insertInto('signInPolicy')
		.values({ organisationId: actor.organisationId, ...policy, updatedBy: actor.id })
		.onConflict((oc) =>
			oc.column('organisationId').doUpdateSet({ ...policy, updatedBy: actor.id, updatedAt: new Date() })
		)
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'sign_in_policy.saved',
		entityType: 'organisation',
		entityId: actor.organisationId,
		before,
		after: policy,
		clientAddress: actor.clientAddress
	});
}

/**
 * Whether the user is the organisation's named break-glass administrator (sign-in policy), who must stay an
 * active admin: with local passwords off they are the one way in when the identity provider fails. The policy
 * row is locked, so the check holds until the transaction ends even if the policy is being changed.
 */
export async function isBreakGlassAdmin(db: Db, organisationId: number, userId: number): Promise<boolean> {
	const policy = await db
		.selectFrom('signInPolicy')
		.where('organisationId', '=', organisationId)
		.select('breakGlassUserId')
		.forUpdate()
		.executeTakeFirst();
	return policy?.breakGlassUserId === userId;
}

/**
 * Whether a user may sign in with a password: yes unless the organisation turned local passwords off and
 * they are not its break-glass administrator.
 * @example if (!(await passwordSignInAllowed(db, user))) … // refuse
 */
export async function passwordSignInAllowed(db: Db, user: { id: number; organisationId: number }): Promise<boolean> {
	const policy = await findSignInPolicy(db, user.organisationId);
	return policy.localPasswords || policy.breakGlassUserId === user.id;
}

/**
 * Where a user signs in when they may not have a password (local passwords off, not the break-glass admin):
 * the login page for their organisation's identity provider; null when a password is theirs to choose.
 * @example const sso = await ssoOnlyLogin(db, user); if (sso) return formMessage(400, 'reset', t('admin.reset_sso', { name }));
 */
export async function ssoOnlyLogin(db: Db, user: { id: number; organisationId: number }): Promise<string | null> {
	if (await passwordSignInAllowed(db, user)) return null;
	const { slug } = await findOrganisation(db, user.organisationId);
	return `/login?organisation=${slug}`;
}

/** The user an external identity is linked to, if any. */
export async function findExternalIdentityUser(
	db: Db,
	providerId: number,
	subject: string
): Promise<number | undefined> {
	const row = await db
		.selectFrom('externalIdentity')
		.where('providerId', '=', providerId)
		.where('subject', '=', subject)
		.select('userId')
		.executeTakeFirst();
	return row?.userId;
}

/** Whether a user is already linked to some identity at this provider. */
export async function hasExternalIdentity(db: Db, providerId: number, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('externalIdentity')
		.where('providerId', '=', providerId)
		.where('userId', '=', userId)
		.select('userId')
		.executeTakeFirst();
	return Boolean(row);
}

/** Links an identity to a user, or stamps its last sign-in when it is linked already. */
export async function recordExternalIdentity(
	trx: Db,
	providerId: number,
	subject: string,
	userId: number
): Promise<void> {
	await trx
		.insertInto('externalIdentity')
		.values({ providerId, subject, userId })
		.onConflict((oc) => oc.columns(['providerId', 'subject']).doUpdateSet({ lastSignInAt: new Date() }))
		.execute();
}
