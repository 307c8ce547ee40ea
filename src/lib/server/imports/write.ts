import { sql } from 'kysely';
import type { Db } from '../infra/db';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit/record';
import { jsonb } from '../infra/sql';
import { decimalText } from './decimal-text';
import { observationKey, type StoredObservation } from './stored';

/** Rows per statement: well inside PostgreSQL's 65,535 parameters, few round trips. */
const CHUNK_SIZE = 1000;

/** A checked preview row that will be written. */
export interface WriteRow {
	kpiId: number;
	period: string;
	value: number;
	comment: string;
}

/** Thrown inside the import's transaction to roll it back when the stored values moved. */
export class StaleImportError extends Error {
	constructor() {
		super('The stored values changed after the preview');
	}
}

function chunks<T>(items: readonly T[]): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < items.length; start += CHUNK_SIZE) result.push(items.slice(start, start + CHUNK_SIZE));
	return result;
}

/** Inserts new values in multi-row statements; someone else's value in one of the periods makes it stale. */
export async function insertObservations(trx: Db, user: SessionUser, rows: readonly WriteRow[]): Promise<void> {
	for (const chunk of chunks(rows)) {
		const inserted = await trx
			.insertInto('observation')
			.values(
				chunk.map((row) => ({
					organisationId: user.organisationId,
					kpiId: row.kpiId,
					period: row.period,
					value: decimalText(row.value),
					comment: row.comment,
					enteredBy: user.id
				}))
			)
			.onConflict((oc) => oc.columns(['kpiId', 'period']).doNothing())
			.returning('id')
			.execute();
		if (inserted.length !== chunk.length) throw new StaleImportError();
	}
}

/**
 * Updates changed values, one `UPDATE … FROM (VALUES …)` per chunk: new value and comment, version + 1,
 * entered by the importer now. Numbers travel as text and are cast, so no driver rounds them.
 */
export async function updateObservations(
	trx: Db,
	user: SessionUser,
	rows: readonly WriteRow[],
	stored: ReadonlyMap<string, StoredObservation>
): Promise<void> {
	for (const chunk of chunks(rows)) {
		const values = sql.join(
			chunk.map((row) => {
				const id = stored.get(observationKey(row.kpiId, row.period))!.id;
				return sql`(cast(${String(id)} as bigint), cast(${decimalText(row.value)} as text), cast(${row.comment} as text))`;
			})
		);
		const result = await sql`
			update observation as o
			set value = cast(v.value as numeric), comment = v.comment, version = o.version + 1,
				entered_by = cast(${String(user.id)} as bigint), entered_at = now(), updated_at = now()
			from (values ${values}) as v(id, value, comment)
			where o.id = v.id and o.organisation_id = cast(${String(user.organisationId)} as bigint)`.execute(trx);
		if (result.numAffectedRows !== undefined && Number(result.numAffectedRows) !== chunk.length) throw new StaleImportError();
	}
}

/**
 * The audit trail of one import: one `observation.imported` event with the totals, and one event per
 * created or changed value (before/after `{ value, comment }`) so each value keeps its history.
 */
export async function recordImportAudit(
	trx: Db,
	user: SessionUser,
	clientAddress: string | null,
	changes: { created: readonly WriteRow[]; updated: readonly WriteRow[]; unchanged: number; stored: ReadonlyMap<string, StoredObservation> }
): Promise<void> {
	const { created, updated, unchanged, stored } = changes;
	const kpiIds = [...new Set([...created, ...updated].map((row) => row.kpiId))].sort((a, b) => a - b);
	await recordAudit(trx, {
		organisationId: user.organisationId,
		actorUserId: user.id,
		action: 'observation.imported',
		entityType: 'import',
		after: { created: created.length, updated: updated.length, unchanged, kpiIds },
		clientAddress
	});
	const events = [
		...created.map((row) => ({ action: 'observation.created', row, before: null })),
		...updated.map((row) => {
			const old = stored.get(observationKey(row.kpiId, row.period))!;
			return { action: 'observation.updated', row, before: { value: old.value, comment: old.comment } };
		})
	];
	for (const chunk of chunks(events)) {
		await trx
			.insertInto('auditEvent')
			.values(
				chunk.map(({ action, row, before }) => ({
					organisationId: user.organisationId,
					actorUserId: user.id,
					action,
					entityType: 'observation',
					entityId: observationKey(row.kpiId, row.period),
					before: before === null ? null : jsonb(before),
					after: jsonb({ value: row.value, comment: row.comment }),
					clientAddress
				}))
			)
			.execute();
	}
}
