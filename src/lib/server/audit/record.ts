import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/types';
import { jsonb } from '../infra/sql';

export interface AuditEntry {
	organisationId: number | null;
	/** The signed-in user who acted, if any. */
	actorUserId?: number | null;
	/** Who acted when there is no user: 'system', 'demo', 'cli', or the e-mail tried at sign-in. */
	actorLabel?: string;
	/** What happened, dotted: 'auth.sign_in', 'user.role_changed', 'api_token.created' … */
	action: string;
	entityType: string;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
	clientAddress?: string | null;
}

// The API token a request acts through. Kept per request (not passed along) because every repository
// that writes records its own audit event: each of them then names the token without knowing of it.
const requestToken = new AsyncLocalStorage<{ apiTokenId: number }>();

/**
 * Runs a request's work as an API token: every audit event recorded inside it carries the token's id.
 * @example return withApiTokenAudit(tokenId, () => resolve(event));
 */
export function withApiTokenAudit<T>(apiTokenId: number, work: () => T): T {
	return requestToken.run({ apiTokenId }, work);
}

/**
 * Appends one event to the audit trail (append-only: a database trigger refuses UPDATE and DELETE).
 * Pass the transaction of the write it records, so both commit or neither.
 * @example await recordAudit(trx, { organisationId, actorUserId: user.id, action: 'user.disabled', entityType: 'user', entityId: id });
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
	await db.insertInto('auditEvent').values(auditRow(entry)).execute();
}

/** Rows per statement for many events: 11 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1000;

/**
 * Appends many events (an import's one per value) in a few multi-row statements, in the caller's transaction.
 * @example await recordAuditMany(trx, rows.map((row) => ({ organisationId, actorUserId, action: 'observation.created', … })));
 */
export async function recordAuditMany(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
	for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
		await db
			.insertInto('auditEvent')
			.values(entries.slice(start, start + ROWS_PER_INSERT).map(auditRow))
			.execute();
	}
}

function auditRow(entry: AuditEntry) {
	return {
		organisationId: entry.organisationId,
		actorUserId: entry.actorUserId ?? null,
		actorLabel: entry.actorLabel ?? '',
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
		before: entry.before === undefined ? null : jsonb(entry.before),
		after: entry.after === undefined ? null : jsonb(entry.after),
		clientAddress: entry.clientAddress ?? null,
		apiTokenId: requestToken.getStore()?.apiTokenId ?? null
	};
}
