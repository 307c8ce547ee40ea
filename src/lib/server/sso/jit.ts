import type { Db } from '../infra/db';
import { inTransaction } from '../infra/db';
import { recordAudit } from '../audit/record';
import { createSession } from '../auth/session';
import { findUser, findUserForSignIn, listActiveUsersWithRole } from '../auth/users';
import { createSsoUser, updateSsoUser } from '../auth/sso-users';
import { ROLES, rolesFor } from '../../domain/policy';
import { t, type MessageKey } from '../messages';
import type { Role, SsoProtocol } from '../../../../db/types';
import type { SamlRefusalCode } from './saml';
import {
	findExternalIdentityUser,
	findSignInPolicy,
	hasExternalIdentity,
	listRoleMappings,
	recordExternalIdentity,
	type RoleMapping
} from './providers';

/** What a protocol layer (OIDC, SAML) hands over once the provider's answer has been verified. */
export interface ExternalSignIn {
	organisationId: number;
	providerId: number;
	protocol: SsoProtocol;
	/** The provider's stable key for the person (OIDC `sub`, SAML persistent NameID). */
	subject: string;
	email: string;
	name: string;
	/** The role claim's values (OIDC `roles`/`groups`, SAML privileges) as sent. */
	roleValues: string[];
}

export interface RequestMeta {
	clientAddress: string | null;
	userAgent: string | null;
}

/** Why a verified sign-in is still refused, or why the provider's answer was not accepted at all. */
export type SsoRefusalReason =
	| 'not_configured'
	| 'secret_key'
	| 'provider_unreachable'
	| 'flow_missing'
	| 'state'
	| 'nonce'
	| 'token'
	| 'provider_error'
	| 'no_email'
	| 'no_role'
	| 'user_disabled'
	| 'email_in_use'
	| 'break_glass'
	/** A SAML response refused by the protocol layer (saml.ts), with its code; its message comes with it. */
	| `saml_${SamlRefusalCode}`;

export type SsoResult =
	| { ok: true; token: string; user: { id: number; role: Role } }
	| { ok: false; reason: SsoRefusalReason; message: string };

/**
 * The role the provider's values give: of the mapped ones, the one with the fewest rights (the last in
 * ROLES' order), so a person in two groups never gets more than the smaller grant; null when none is mapped.
 * @example mappedRole(['A', 'B'], mappings) // the less powerful of A's and B's roles
 */
export function mappedRole(values: readonly string[], mappings: readonly RoleMapping[]): Role | null {
	const given = new Set(values);
	const roles = mappings.filter((m) => given.has(m.claimValue)).map((m) => m.role);
	if (roles.length === 0) return null;
	return roles.reduce((a, b) => (ROLES.indexOf(b) > ROLES.indexOf(a) ? b : a));
}

/**
 * Records a refused SSO sign-in (`auth.sso_refused`, with the reason and what the provider said) and
 * returns the Danish answer for the page.
 * @example return refuseSso(db, { organisationId, protocol: 'oidc', reason: 'state' }, meta);
 */
export async function refuseSso(
	db: Db,
	refusal: {
		organisationId: number | null;
		protocol: SsoProtocol;
		reason: SsoRefusalReason;
		subject?: string;
		email?: string;
		userId?: number;
		message?: string;
	},
	meta: RequestMeta
): Promise<SsoResult & { ok: false }> {
	await recordAudit(db, {
		organisationId: refusal.organisationId,
		actorLabel: refusal.email ?? refusal.subject ?? refusal.protocol,
		action: 'auth.sso_refused',
		entityType: 'user',
		entityId: refusal.userId ?? null,
		after: { protocol: refusal.protocol, reason: refusal.reason, subject: refusal.subject ?? null },
		clientAddress: meta.clientAddress
	});
	return { ok: false, reason: refusal.reason, message: refusal.message ?? refusalMessage(refusal.reason) };
}

/** The Danish sentence for each refusal (naming nobody: a missing role names the administrators instead). */
const REFUSAL_MESSAGES = {
	not_configured: 'sso.refused_not_configured',
	secret_key: 'sso.secret_key_missing',
	provider_unreachable: 'sso.refused_provider_unreachable',
	flow_missing: 'sso.refused_state',
	state: 'sso.refused_state',
	nonce: 'sso.refused_token',
	token: 'sso.refused_token',
	provider_error: 'sso.refused_token',
	no_email: 'sso.refused_no_email',
	user_disabled: 'sso.refused_disabled',
	email_in_use: 'sso.refused_email_in_use',
	break_glass: 'sso.refused_break_glass',
	no_role: 'sso.refused_no_role_anonymous'
} as const satisfies Record<Exclude<SsoRefusalReason, `saml_${string}`>, MessageKey>;

function refusalMessage(reason: SsoRefusalReason): string {
	if (reason.startsWith('saml_')) return t(`saml.refused.${reason.slice('saml_'.length) as SamlRefusalCode}`);
	return t(REFUSAL_MESSAGES[reason as keyof typeof REFUSAL_MESSAGES]);
}

/** "Bed … om adgang": the organisation's active administrators by name, or a generic sentence. */
async function noRoleMessage(db: Db, organisationId: number): Promise<string> {
	const admins = await listActiveUsersWithRole(db, organisationId, rolesFor('users.manage'));
	if (admins.length === 0) return t('sso.refused_no_role_anonymous');
	return t('sso.refused_no_role', { admins: admins.map((a) => a.name).join(', ') });
}

/**
 * Just-in-time sign-in for a verified external identity (protocol-neutral): the first time, the user is
 * created in the provider's organisation with the mapped role; every time, name, e-mail and role follow the
 * provider. A known subject finds its user; otherwise an existing user of the same organisation with the
 * same e-mail is linked (the organisation's provider vouches for its addresses; another organisation's user
 * is never touched). Refused, audited and in Danish: no mapped role (naming the administrators), a
 * deactivated user, an e-mail of another organisation, the break-glass administrator (keeps a password).
 * On success: one transaction with the user, the identity link, the audit event and a new session.
 * @example const result = await signInExternal(db, { organisationId, providerId, protocol: 'oidc', subject, email, name, roleValues }, meta);
 */
export async function signInExternal(db: Db, input: ExternalSignIn, meta: RequestMeta): Promise<SsoResult> {
	const base = { organisationId: input.organisationId, protocol: input.protocol, subject: input.subject };
	const email = input.email.trim().toLowerCase();
	if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254)
		return refuseSso(db, { ...base, reason: 'no_email' }, meta);
	const name = (input.name.trim() || email).slice(0, 200);

	const linkedId = await findExternalIdentityUser(db, input.providerId, input.subject);
	const byEmail = linkedId === undefined ? await findUserForSignIn(db, email) : undefined;
	// Another organisation's user, or one already linked to another person at this provider, is never taken over.
	if (
		byEmail &&
		(byEmail.organisationId !== input.organisationId || (await hasExternalIdentity(db, input.providerId, byEmail.id)))
	)
		return refuseSso(db, { ...base, email, reason: 'email_in_use' }, meta);
	const userId = linkedId ?? byEmail?.id;
	const existing = userId === undefined ? undefined : await findUser(db, input.organisationId, userId);
	const who = { ...base, email, userId: existing?.id };
	if (existing?.disabledAt) return refuseSso(db, { ...who, reason: 'user_disabled' }, meta);
	const policy = await findSignInPolicy(db, input.organisationId);
	if (existing && existing.id === policy.breakGlassUserId)
		return refuseSso(db, { ...who, reason: 'break_glass' }, meta);

	const role = mappedRole(input.roleValues, await listRoleMappings(db, input.providerId));
	if (!role)
		return refuseSso(db, { ...who, reason: 'no_role', message: await noRoleMessage(db, input.organisationId) }, meta);

	const profile = { email, name, role };
	return inTransaction(db, async (trx) => {
		const id = existing
			? (await updateSsoUser(trx, existing, profile, input.protocol), existing.id)
			: await createSsoUser(trx, input.organisationId, profile, input.protocol);
		await recordExternalIdentity(trx, input.providerId, input.subject, id);
		await recordAudit(trx, {
			organisationId: input.organisationId,
			actorUserId: id,
			actorLabel: email,
			action: 'auth.sso_login',
			entityType: 'user',
			entityId: id,
			after: { protocol: input.protocol, role, created: !existing },
			clientAddress: meta.clientAddress
		});
		const { token } = await createSession(trx, id, meta);
		return { ok: true as const, token, user: { id, role } };
	});
}
