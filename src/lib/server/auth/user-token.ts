import type { Db } from '../infra/db';
import { hashSecret, randomToken, secretMatches } from './token';

/** Invitation and new-password links live this long (72 hours). */
export const USER_TOKEN_HOURS = 72;

/**
 * Makes a one-time link token for a user (`invite` or `reset`): `id.secret`, only SHA-256(secret) stored.
 * The user's other unused links are voided first, so only the newest link works; pass the transaction
 * that issues it, so both happen or neither.
 * @example const token = await createUserToken(trx, user.id, 'invite', admin.id); // → /invitation/<token>
 */
export async function createUserToken(
	db: Pick<Db, 'insertInto' | 'updateTable'>,
	userId: number,
	purpose: 'invite' | 'reset',
	createdBy: number | null,
	now = new Date()
): Promise<string> {
	await voidUserTokens(db, userId, now);
	const secret = randomToken(32);
	const { id } = await db
		.insertInto('userToken')
		.values({
			userId,
			purpose,
			tokenHash: hashSecret(secret),
			expiresAt: new Date(now.getTime() + USER_TOKEN_HOURS * 3_600_000),
			createdBy
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return `${id}.${secret}`;
}

/**
 * Voids every unused link of a user (a newer link was issued, one was used, or the user was disabled).
 * A voided link is marked used: the one column findUserToken checks, and it keeps when it stopped working.
 */
export async function voidUserTokens(db: Pick<Db, 'updateTable'>, userId: number, now = new Date()): Promise<number> {
	const result = await db
		.updateTable('userToken')
		.set({ usedAt: now })
		.where('userId', '=', userId)
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** The unused, unexpired token and its (enabled) user, or undefined. */
export async function findUserToken(db: Db, token: string, now = new Date()) {
	const match = /^(\d{1,15})\.([a-z2-7]{52})$/.exec(token);
	if (!match) return undefined;
	const row = await db
		.selectFrom('userToken as t')
		.innerJoin('appUser as u', 'u.id', 't.userId')
		.innerJoin('organisation as o', 'o.id', 'u.organisationId')
		.where('t.id', '=', Number(match[1]))
		.where('t.usedAt', 'is', null)
		.where('t.expiresAt', '>', now)
		.where('u.disabledAt', 'is', null)
		.select([
			't.id as tokenId',
			't.tokenHash',
			't.purpose',
			'u.id as userId',
			'u.email',
			'u.name',
			'u.organisationId',
			'o.name as organisationName'
		])
		.executeTakeFirst();
	if (!row || !secretMatches(match[2], row.tokenHash)) return undefined;
	const { tokenHash: _hash, ...rest } = row;
	return rest;
}
