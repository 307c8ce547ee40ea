import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { stale, type Refusal, type WriteResult } from '../infra/write-result';
import { parseDecimal } from '../../domain/numbers';

export interface ObservationInput {
	organisationId: number;
	kpiId: number;
	period: string;
	value: number;
	/** Left out (undefined): the stored comment, source or series break stays; a new value gets '' / false. */
	comment?: string;
	source?: string;
	seriesBreak?: boolean;
	/** The version the editor saw; null when entering a period they believe is empty. */
	expectedVersion: number | null;
	userId: number;
	clientAddress: string | null;
}

type Stored = { value: string; comment: string; source: string; seriesBreak: boolean; version: number };

/** A stored value as a stale write hands it back (`current` of the refusal): what the editor is shown instead. */
export interface StoredObservationSnapshot {
	value: number;
	comment: string;
	source: string;
	seriesBreak: boolean;
	version: number;
}

const auditId = (kpiId: number, period: string) => `${kpiId}/${period}`;
const snapshot = (o: Stored): StoredObservationSnapshot => ({
	value: parseDecimal(o.value),
	comment: o.comment,
	source: o.source,
	seriesBreak: o.seriesBreak,
	version: o.version
});

/** The stored value a stale observation write found (null when the period is empty or was deleted). */
export function storedObservationOf(refusal: Extract<Refusal, { kind: 'stale' }>): StoredObservationSnapshot | null {
	return refusal.current as StoredObservationSnapshot | null;
}

/**
 * Creates or updates the value of one KPI for one period with its audit event; run it in the caller's
 * transaction (writeInTransaction). Optimistic concurrency: an update needs the version the editor saw, and a
 * create needs the period to be empty; otherwise nothing is written and the stored value comes back as stale.
 * @example const result = await writeInTransaction(db, (trx) => saveObservation(trx, { organisationId, kpiId, period: '2026-09', value: 7.4, …, expectedVersion: null }));
 */
export async function saveObservation(trx: Db, input: ObservationInput): Promise<WriteResult<{ version: number }>> {
	const existing = await trx
		.selectFrom('observation')
		.select(['id', 'value', 'comment', 'source', 'seriesBreak', 'version'])
		.where('kpiId', '=', input.kpiId)
		.where('period', '=', input.period)
		.forUpdate()
		.executeTakeFirst();
	const fields = {
		value: input.value,
		comment: input.comment ?? existing?.comment ?? '',
		source: input.source ?? existing?.source ?? '',
		seriesBreak: input.seriesBreak ?? existing?.seriesBreak ?? false
	};
	const audit = {
		organisationId: input.organisationId,
		actorUserId: input.userId,
		entityType: 'observation',
		entityId: auditId(input.kpiId, input.period),
		clientAddress: input.clientAddress
	};
	if (!existing) {
		if (input.expectedVersion !== null) return stale(null);
		const inserted = await trx
			.insertInto('observation')
			.values({
				organisationId: input.organisationId,
				kpiId: input.kpiId,
				period: input.period,
				...fields,
				enteredBy: input.userId
			})
			.onConflict((oc) => oc.columns(['kpiId', 'period']).doNothing())
			.returning('version')
			.executeTakeFirst();
		if (!inserted) return stale(null);
		await recordAudit(trx, {
			...audit,
			action: 'observation.created',
			after: { ...fields, period: input.period, version: inserted.version }
		});
		return { kind: 'ok', change: 'created', version: inserted.version };
	}
	if (input.expectedVersion !== existing.version) return stale({ ...snapshot(existing) });
	const same =
		parseDecimal(existing.value) === fields.value &&
		existing.comment === fields.comment &&
		existing.source === fields.source &&
		existing.seriesBreak === fields.seriesBreak;
	if (same) return { kind: 'ok', change: 'unchanged', version: existing.version };
	const version = existing.version + 1;
	await trx
		.updateTable('observation')
		.set({ ...fields, version, enteredBy: input.userId, enteredAt: new Date(), updatedAt: new Date() })
		.where('id', '=', existing.id)
		.execute();
	await recordAudit(trx, {
		...audit,
		action: 'observation.updated',
		before: snapshot(existing),
		after: { ...fields, version }
	});
	return { kind: 'ok', change: 'updated', version };
}

/** Versions are PostgreSQL `integer`s: a larger number cannot be stored, so no value has it. */
export const MAX_VERSION = 2_147_483_647;

/** Deletes one value, audited, if it still has the version the editor saw; stale (nothing stored) otherwise. */
export async function deleteObservation(
	trx: Db,
	input: {
		organisationId: number;
		kpiId: number;
		period: string;
		expectedVersion: number;
		userId: number;
		clientAddress: string | null;
	}
): Promise<WriteResult> {
	// A version beyond the column's range would make the query itself fail (22003) instead of match nothing.
	if (!Number.isSafeInteger(input.expectedVersion) || input.expectedVersion < 1 || input.expectedVersion > MAX_VERSION)
		return stale(null);
	const deleted = await trx
		.deleteFrom('observation')
		.where('kpiId', '=', input.kpiId)
		.where('period', '=', input.period)
		.where('version', '=', input.expectedVersion)
		.returning(['value', 'comment', 'source', 'seriesBreak', 'version'])
		.executeTakeFirst();
	if (!deleted) return stale(null);
	await recordAudit(trx, {
		organisationId: input.organisationId,
		actorUserId: input.userId,
		action: 'observation.deleted',
		entityType: 'observation',
		entityId: auditId(input.kpiId, input.period),
		before: snapshot(deleted),
		clientAddress: input.clientAddress
	});
	return { kind: 'ok' };
}
