import type { Db } from '../infra/db';
import { revokeUserApiTokens } from './api-token';
import { invalidateUserSessions } from './session';
import { voidUserTokens } from './user-token';
import { recordAudit } from '../audit/record';

/** What revokeUserCredentials ended, for the audit trail. */
export interface RevokedCredentials {
	sessionsEnded: number;
	linksVoided: number;
	apiTokensRevoked: number;
}

/**
 * Ends everything that lets a user in besides the password: sessions, unused invitation/reset links and
 * API tokens. Called when a password is set through a link and when a user is disabled, in that write's
 * transaction, so a reset or a disable/enable round trip never leaves an old link or token working.
 * @example const revoked = await revokeUserCredentials(trx, user.id);
 */
export async function revokeUserCredentials(
	trx: Pick<Db, 'deleteFrom' | 'updateTable'>,
	userId: number,
	now = new Date()
): Promise<RevokedCredentials> {
	return {
		sessionsEnded: await invalidateUserSessions(trx, userId),
		linksVoided: await voidUserTokens(trx, userId, now),
		apiTokensRevoked: await revokeUserApiTokens(trx, userId, now)
	};
}

/**
 * Sets a user's password through a one-time link: marks the link used (only the first of two concurrent
 * uses gets here), stores the hash and revokes the user's other credentials. Returns what was revoked,
 * or null when the link was already used or voided. Run it in a transaction with its audit event.
 * @example const revoked = await setPasswordByLink(trx, token.tokenId, token.userId, await hashPassword(password));
 */
export async function setPasswordByLink(
	trx: Pick<Db, 'deleteFrom' | 'updateTable'>,
	tokenId: number,
	userId: number,
	passwordHash: string,
	now = new Date()
): Promise<RevokedCredentials | null> {
	const marked = await trx
		.updateTable('userToken')
		.set({ usedAt: now })
		.where('id', '=', tokenId)
		.where('userId', '=', userId)
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	if (Number(marked.numUpdatedRows) !== 1) return null;
	await trx.updateTable('appUser').set({ passwordHash, updatedAt: now }).where('id', '=', userId).execute();
	return revokeUserCredentials(trx, userId, now);
}

/**
 * A user sets their password through an invitation or new-password link, audited as accepting the
 * invitation or resetting the password. False when the link was used or voided meanwhile (only the first
 * of two concurrent uses gets through). Run it in the action's transaction.
 * @example const used = await inTransaction(db, (trx) => acceptUserLink(trx, token, passwordHash, clientAddress));
 */
export async function acceptUserLink(
	trx: Db,
	token: { tokenId: number; userId: number; organisationId: number; purpose: 'invite' | 'reset' },
	passwordHash: string,
	clientAddress: string | null
): Promise<boolean> {
	const revoked = await setPasswordByLink(trx, token.tokenId, token.userId, passwordHash);
	if (!revoked) return false;
	await recordAudit(trx, {
		organisationId: token.organisationId,
		actorUserId: token.userId,
		action: token.purpose === 'invite' ? 'user.invitation_accepted' : 'user.password_reset',
		entityType: 'user',
		entityId: token.userId,
		after: revoked,
		clientAddress
	});
	return true;
}
