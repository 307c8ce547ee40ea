import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import type { Role } from '../../../../db/types';

/** What the identity provider says about a user, as sso/jit.ts hands it over. */
export interface SsoProfile {
	email: string;
	name: string;
	role: Role;
}

/**
 * Creates a user the identity provider vouches for (just-in-time, issue 18): no password, audited as the
 * provider's doing (`user.created_by_sso`).
 * @example const id = await createSsoUser(trx, organisationId, { email, name, role }, 'oidc');
 */
export async function createSsoUser(
	trx: Db,
	organisationId: number,
	profile: SsoProfile,
	via: string
): Promise<number> {
	const { id } = await trx
		.insertInto('appUser')
		.values({ organisationId, ...profile })
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		organisationId,
		actorLabel: via,
		action: 'user.created_by_sso',
		entityType: 'user',
		entityId: id,
		after: profile
	});
	return id;
}

/**
 * Brings a user's name, e-mail and role in line with the identity provider; audited (`user.updated_by_sso`)
 * when something changed. An e-mail another user already has is left as it was.
 * @example await updateSsoUser(trx, user, { email, name, role }, 'oidc');
 */
export async function updateSsoUser(
	trx: Db,
	user: { id: number; organisationId: number } & SsoProfile,
	profile: SsoProfile,
	via: string
): Promise<void> {
	const emailTaken =
		profile.email !== user.email &&
		Boolean(await trx.selectFrom('appUser').where('email', '=', profile.email).select('id').executeTakeFirst());
	const next = { ...profile, email: emailTaken ? user.email : profile.email };
	const before = { email: user.email, name: user.name, role: user.role };
	if (before.email === next.email && before.name === next.name && before.role === next.role) return;
	await trx
		.updateTable('appUser')
		.set({ ...next, updatedAt: new Date() })
		.set((eb) => ({ version: eb('version', '+', 1) }))
		.where('id', '=', user.id)
		.execute();
	await recordAudit(trx, {
		organisationId: user.organisationId,
		actorLabel: via,
		action: 'user.updated_by_sso',
		entityType: 'user',
		entityId: user.id,
		before,
		after: next
	});
}
