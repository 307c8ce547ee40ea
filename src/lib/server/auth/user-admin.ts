import type { Db } from '../infra/db';
import type { Role } from '../../../../db/types';
import { recordAudit } from '../audit/record';
import { invalid, NOT_FOUND, stale, type WriteResult } from '../infra/write-result';
import { t } from '../messages';
import { revokeUserCredentials } from './credentials';
import { invalidateUserSessions } from './session';
import { createUserToken } from './user-token';
import { replaceUserAssignments } from '../register/assignments';
import { findSignInPolicy, isBreakGlassAdmin } from '../sso/providers';
import { can } from '../../domain/policy';

/**
 * What an admin does to the users of their organisation (DESIGN §5): each function takes the caller's
 * transaction and records its audit event in it; the action owns the transaction.
 */

/** The admin acting, and from where (for the audit trail). */
export interface AdminActor {
	id: number;
	organisationId: number;
	clientAddress: string | null;
}

function audit(trx: Db, admin: AdminActor, action: string, userId: number, before?: unknown, after?: unknown) {
	return recordAudit(trx, {
		organisationId: admin.organisationId,
		actorUserId: admin.id,
		action,
		entityType: 'user',
		entityId: userId,
		before,
		after,
		clientAddress: admin.clientAddress
	});
}

/**
 * Adds a user to the admin's organisation and makes their invitation link (returned once). An e-mail in
 * use is refused on `email`: e-mails are unique across Fremdrift (they sign in), and an admin may hear that
 * of their own users, but never that a user exists in another organisation, or which. With local passwords
 * off (sign-in policy) no link is made (`token: null`): the user signs in with the identity provider.
 * @example const result = await writeInTransaction(db, (trx) => inviteUser(trx, admin, { name, email, role }));
 */
export async function inviteUser(
	trx: Db,
	admin: AdminActor,
	input: { name: string; email: string; role: Role }
): Promise<WriteResult<{ id: number; token: string | null }>> {
	const existing = await trx
		.selectFrom('appUser as u')
		.innerJoin('organisation as o', 'o.id', 'u.organisationId')
		.select(['u.organisationId', 'o.name as organisationName'])
		.where('u.email', '=', input.email)
		.executeTakeFirst();
	if (existing) {
		const here = existing.organisationId === admin.organisationId;
		return invalid(
			'email',
			here ? t('admin.email_taken_here', { organisation: existing.organisationName }) : t('admin.email_unavailable')
		);
	}
	const { id } = await trx
		.insertInto('appUser')
		.values({ organisationId: admin.organisationId, name: input.name, email: input.email, role: input.role })
		.returning('id')
		.executeTakeFirstOrThrow();
	await audit(trx, admin, 'user.invited', id, undefined, input);
	const { localPasswords } = await findSignInPolicy(trx, admin.organisationId);
	const token = localPasswords ? await createUserToken(trx, id, 'invite', admin.id) : null;
	return { kind: 'ok', change: 'created', id, token };
}

/**
 * Gives a user another role, if the user is still at the version the admin saw (else stale, with the stored user).
 * @example await writeInTransaction(db, (trx) => changeUserRole(trx, admin, user, form.data.role, form.data.version));
 */
export async function changeUserRole(
	trx: Db,
	admin: AdminActor,
	user: { id: number; role: Role; name: string },
	role: Role,
	expectedVersion: number
): Promise<WriteResult> {
	if (!can({ role }, 'users.manage') && (await isBreakGlassAdmin(trx, admin.organisationId, user.id)))
		return invalid('role', t('admin.break_glass_protected', { name: user.name }));
	const updated = await trx
		.updateTable('appUser')
		.set({ role, version: expectedVersion + 1, updatedAt: new Date() })
		.where('id', '=', user.id)
		.where('organisationId', '=', admin.organisationId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) !== 1) return stale(null);
	await audit(trx, admin, 'user.role_changed', user.id, { role: user.role }, { role });
	return { kind: 'ok', change: 'updated' };
}

/**
 * Disables a user or enables them again. Disabling ends their sessions, unused links and API tokens for
 * good: enabling brings none back. The break-glass administrator cannot be disabled (choose another first).
 */
export async function setUserDisabled(
	trx: Db,
	admin: AdminActor,
	user: { id: number; name: string },
	disabled: boolean
): Promise<WriteResult> {
	const userId = user.id;
	if (disabled && (await isBreakGlassAdmin(trx, admin.organisationId, userId)))
		return invalid('user', t('admin.break_glass_protected', { name: user.name }));
	const now = new Date();
	const updated = await trx
		.updateTable('appUser')
		.set((eb) => ({ disabledAt: disabled ? now : null, version: eb('version', '+', 1), updatedAt: now }))
		.where('id', '=', userId)
		.where('organisationId', '=', admin.organisationId)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) !== 1) return NOT_FOUND;
	if (disabled)
		await audit(trx, admin, 'user.disabled', userId, undefined, await revokeUserCredentials(trx, userId, now));
	else await audit(trx, admin, 'user.enabled', userId);
	return { kind: 'ok', change: 'updated' };
}

/** Ends every session of a user (they must sign in again); returns how many, audited. */
export async function endUserSessions(trx: Db, admin: AdminActor, userId: number): Promise<number> {
	const count = await invalidateUserSessions(trx, userId);
	await audit(trx, admin, 'user.sessions_ended', userId, undefined, { count });
	return count;
}

/** Makes a new-password link for a user (their older links stop working), audited; returns the link's token once. */
export async function createResetLink(trx: Db, admin: AdminActor, userId: number): Promise<string> {
	await audit(trx, admin, 'user.reset_link_created', userId);
	return createUserToken(trx, userId, 'reset', admin.id);
}

/**
 * Replaces the recommendations a user is assigned to; only the admin's own organisation's recommendations
 * can be assigned (other ids are ignored).
 */
export async function setUserAssignments(
	trx: Db,
	admin: AdminActor,
	userId: number,
	recommendationIds: readonly number[]
): Promise<WriteResult> {
	const { before, after } = await replaceUserAssignments(trx, admin.organisationId, userId, recommendationIds);
	await audit(
		trx,
		admin,
		'user.assignments_changed',
		userId,
		{ recommendationIds: before },
		{ recommendationIds: after }
	);
	return { kind: 'ok', change: 'updated' };
}
