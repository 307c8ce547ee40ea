import type { Db } from '../infra/db';
import type { SessionUser } from './session';
import { hashSecret, randomToken, secretMatches } from './token';
import { TOUCH_INTERVAL_MS } from './session';
import { recordAudit } from '../audit/record';
import { invalid, type WriteResult } from '../infra/write-result';
import { t } from '../messages';
import { findActiveUser } from './users';
import type { AdminActor } from './user-admin';

const TOKEN_PATTERN = /^fremdrift_(\d{1,15})\.([a-z2-7]{52})$/;

/**
 * Creates a personal API token for a user. The token (`fremdrift_<id>.<secret>`) is returned once;
 * only SHA-256 of its secret is stored.
 * @example const { token } = await createApiToken(trx, { organisationId, userId, name: 'Lønsystem', createdBy: admin.id });
 */
export async function createApiToken(
	db: Pick<Db, 'insertInto'>,
	input: { organisationId: number; userId: number; name: string; createdBy: number | null }
): Promise<{ id: number; token: string }> {
	const secret = randomToken(32);
	const { id } = await db
		.insertInto('apiToken')
		.values({ ...input, tokenHash: hashSecret(secret) })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, token: `fremdrift_${id}.${secret}` };
}

/**
 * An admin issues a token to an enabled user of their organisation, audited (never the secret); any other
 * user is refused on `userId`. The token is in the result, once.
 * @example const result = await writeInTransaction(db, (trx) => issueApiToken(trx, admin, { userId, name }));
 */
export async function issueApiToken(
	trx: Db,
	admin: AdminActor,
	input: { userId: number; name: string }
): Promise<WriteResult<{ id: number; token: string }>> {
	const owner = await findActiveUser(trx, admin.organisationId, input.userId);
	if (!owner) return invalid('userId', t('admin.user_required'));
	const created = await createApiToken(trx, {
		organisationId: admin.organisationId,
		userId: owner.id,
		name: input.name,
		createdBy: admin.id
	});
	await recordAudit(trx, {
		organisationId: admin.organisationId,
		actorUserId: admin.id,
		action: 'api_token.created',
		entityType: 'api_token',
		entityId: created.id,
		after: { name: input.name, user: owner.email },
		clientAddress: admin.clientAddress
	});
	return { kind: 'ok', change: 'created', ...created };
}

/** Revokes one live token of the admin's organisation, audited; a token already revoked (or another's) is left as it is. */
export async function revokeApiToken(trx: Db, admin: AdminActor, id: number): Promise<void> {
	const result = await trx
		.updateTable('apiToken')
		.set({ revokedAt: new Date() })
		.where('id', '=', id)
		.where('organisationId', '=', admin.organisationId)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) return;
	await recordAudit(trx, {
		organisationId: admin.organisationId,
		actorUserId: admin.id,
		action: 'api_token.revoked',
		entityType: 'api_token',
		entityId: id,
		clientAddress: admin.clientAddress
	});
}

/**
 * The user a Bearer token acts as and the token's id (for the audit trail), or null when it is malformed,
 * unknown, revoked, or its user is disabled. The last-use stamp is written at most once a minute.
 */
export async function validateApiToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<{ user: SessionUser; tokenId: number } | null> {
	const match = TOKEN_PATTERN.exec(token);
	if (!match) return null;
	const id = Number(match[1]);
	const row = await db
		.selectFrom('apiToken as t')
		.innerJoin('appUser as u', (join) =>
			join.onRef('u.id', '=', 't.userId').onRef('u.organisationId', '=', 't.organisationId')
		)
		.where('t.id', '=', id)
		.where('t.revokedAt', 'is', null)
		.where('u.disabledAt', 'is', null)
		.select(['t.tokenHash', 't.lastUsedAt', 'u.id', 'u.organisationId', 'u.email', 'u.name', 'u.role'])
		.executeTakeFirst();
	if (!row || !secretMatches(match[2], row.tokenHash)) return null;
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
		await db.updateTable('apiToken').set({ lastUsedAt: now }).where('id', '=', id).execute();
	}
	return {
		user: { id: row.id, organisationId: row.organisationId, email: row.email, name: row.name, role: row.role },
		tokenId: id
	};
}

/** Revokes every live API token of a user (password set or reset, user disabled); returns how many. */
export async function revokeUserApiTokens(
	db: Pick<Db, 'updateTable'>,
	userId: number,
	now = new Date()
): Promise<number> {
	const result = await db
		.updateTable('apiToken')
		.set({ revokedAt: now })
		.where('userId', '=', userId)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** The organisation's tokens (never their secrets), newest first. */
export function listApiTokens(db: Db, organisationId: number) {
	return db
		.selectFrom('apiToken as t')
		.innerJoin('appUser as u', 'u.id', 't.userId')
		.where('t.organisationId', '=', organisationId)
		.select([
			't.id',
			't.name',
			't.createdAt',
			't.lastUsedAt',
			't.revokedAt',
			'u.name as userName',
			'u.email as userEmail'
		])
		.orderBy('t.id', 'desc')
		.execute();
}
