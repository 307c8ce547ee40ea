import { sql } from 'kysely';
import type { Db } from '../infra/db';
import type { SessionUser } from '../auth/session';
import { parseDecimal, plainDecimal } from '../../domain/numbers';

/**
 * Many observations at once, for the import (imports/): the stored values to compare with, and inserts and
 * updates in multi-row statements. They run in the caller's transaction and report rows they could not write.
 */

/** A stored value as an import compares with it. */
export interface StoredObservation {
	id: number;
	kpiId: number;
	period: string;
	value: number;
	comment: string;
}

/** The key of one KPI's value for one period; also the audit trail's entity id for observations. */
export const observationKey = (kpiId: number, period: string) => `${kpiId}/${period}`;

/**
 * The stored values of some KPIs by `observationKey`, in one query; `periods` narrows it and `lock`
 * takes row locks (FOR UPDATE) inside a transaction.
 * @example const stored = await loadStoredObservations(db, organisationId, [12, 14]);
 */
export async function loadStoredObservations(
	db: Db,
	organisationId: number,
	kpiIds: readonly number[],
	options: { periods?: readonly string[]; lock?: boolean } = {}
): Promise<Map<string, StoredObservation>> {
	const stored = new Map<string, StoredObservation>();
	if (kpiIds.length === 0 || options.periods?.length === 0) return stored;
	let query = db
		.selectFrom('observation')
		.select(['id', 'kpiId', 'period', 'value', 'comment'])
		.where('organisationId', '=', organisationId)
		.where('kpiId', 'in', [...kpiIds]);
	if (options.periods) query = query.where('period', 'in', [...options.periods]);
	if (options.lock) query = query.forUpdate();
	for (const row of await query.execute()) {
		stored.set(observationKey(row.kpiId, row.period), {
			id: row.id,
			kpiId: row.kpiId,
			period: row.period,
			value: parseDecimal(row.value),
			comment: row.comment
		});
	}
	return stored;
}

/** Rows per statement: well inside PostgreSQL's 65,535 parameters, few round trips. */
const CHUNK_SIZE = 1000;

/** A checked value that will be written. */
export interface ObservationWriteRow {
	kpiId: number;
	period: string;
	value: number;
	comment: string;
}

/** The items in chunks of CHUNK_SIZE. */
export function chunks<T>(items: readonly T[]): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < items.length; start += CHUNK_SIZE) result.push(items.slice(start, start + CHUNK_SIZE));
	return result;
}

/** Inserts new values in multi-row statements; false when someone else's value met one of the periods (nothing to trust: roll back). */
export async function insertObservations(
	trx: Db,
	user: SessionUser,
	rows: readonly ObservationWriteRow[]
): Promise<boolean> {
	for (const chunk of chunks(rows)) {
		const inserted = await trx
			.insertInto('observation')
			.values(
				chunk.map((row) => ({
					organisationId: user.organisationId,
					kpiId: row.kpiId,
					period: row.period,
					value: plainDecimal(row.value),
					comment: row.comment,
					enteredBy: user.id
				}))
			)
			.onConflict((oc) => oc.columns(['kpiId', 'period']).doNothing())
			.returning('id')
			.execute();
		if (inserted.length !== chunk.length) return false;
	}
	return true;
}

/**
 * Updates changed values, one `UPDATE … FROM (VALUES …)` per chunk: new value and comment, version + 1,
 * entered by the importer now. Numbers travel as text and are cast, so no driver rounds them. False when a
 * row was not there to update (roll back).
 */
export async function updateObservations(
	trx: Db,
	user: SessionUser,
	rows: readonly ObservationWriteRow[],
	stored: ReadonlyMap<string, StoredObservation>
): Promise<boolean> {
	for (const chunk of chunks(rows)) {
		const values = sql.join(
			chunk.map((row) => {
				const id = stored.get(observationKey(row.kpiId, row.period))!.id;
				return sql`(cast(${String(id)} as bigint), cast(${plainDecimal(row.value)} as text), cast(${row.comment} as text))`;
			})
		);
		const result = await sql`
			update observation as o
			set value = cast(v.value as numeric), comment = v.comment, version = o.version + 1,
				entered_by = cast(${String(user.id)} as bigint), entered_at = now(), updated_at = now()
			from (values ${values}) as v(id, value, comment)
			where o.id = v.id and o.organisation_id = cast(${String(user.organisationId)} as bigint)`.execute(trx);
		if (result.numAffectedRows !== undefined && Number(result.numAffectedRows) !== chunk.length) return false;
	}
	return true;
}
