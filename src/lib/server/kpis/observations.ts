import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';

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

export type SaveResult =
	| { kind: 'created' | 'updated' | 'unchanged'; version: number }
	| { kind: 'conflict'; stored: Stored | null };

const auditId = (kpiId: number, period: string) => `${kpiId}/${period}`;
const snapshot = (o: Stored) => ({ value: Number(o.value), comment: o.comment, source: o.source, seriesBreak: o.seriesBreak, version: o.version });

/**
 * Creates or updates the value of one KPI for one period, in one transaction with its audit event.
 * Optimistic concurrency: an update needs the version the editor saw, and a create needs the period
 * to be empty; otherwise nothing is written and the stored value comes back as a conflict.
 * @example const result = await saveObservation(db, { organisationId, kpiId, period: '2026-09', value: 7.4, …, expectedVersion: null });
 */
export async function saveObservation(db: Db, input: ObservationInput): Promise<SaveResult> {
	return db.transaction().execute(async (trx) => {
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
		const audit = { organisationId: input.organisationId, actorUserId: input.userId, entityType: 'observation', entityId: auditId(input.kpiId, input.period), clientAddress: input.clientAddress };
		if (!existing) {
			if (input.expectedVersion !== null) return { kind: 'conflict', stored: null };
			const inserted = await trx
				.insertInto('observation')
				.values({ organisationId: input.organisationId, kpiId: input.kpiId, period: input.period, ...fields, enteredBy: input.userId })
				.onConflict((oc) => oc.columns(['kpiId', 'period']).doNothing())
				.returning('version')
				.executeTakeFirst();
			if (!inserted) return { kind: 'conflict', stored: null };
			await recordAudit(trx, { ...audit, action: 'observation.created', after: { ...fields, period: input.period, version: inserted.version } });
			return { kind: 'created', version: inserted.version };
		}
		if (input.expectedVersion !== existing.version) return { kind: 'conflict', stored: existing };
		const same =
			Number(existing.value) === fields.value && existing.comment === fields.comment && existing.source === fields.source && existing.seriesBreak === fields.seriesBreak;
		if (same) return { kind: 'unchanged', version: existing.version };
		const version = existing.version + 1;
		await trx
			.updateTable('observation')
			.set({ ...fields, version, enteredBy: input.userId, enteredAt: new Date(), updatedAt: new Date() })
			.where('id', '=', existing.id)
			.execute();
		await recordAudit(trx, { ...audit, action: 'observation.updated', before: snapshot(existing), after: { ...fields, version } });
		return { kind: 'updated', version };
	});
}

/** Versions are PostgreSQL `integer`s: a larger number cannot be stored, so no value has it. */
export const MAX_VERSION = 2_147_483_647;

/** Deletes one value if it still has the version the editor saw; returns false on a conflict. */
export async function deleteObservation(
	db: Db,
	input: { organisationId: number; kpiId: number; period: string; expectedVersion: number; userId: number; clientAddress: string | null }
): Promise<boolean> {
	// A version beyond the column's range would make the query itself fail (22003) instead of match nothing.
	if (!Number.isSafeInteger(input.expectedVersion) || input.expectedVersion < 1 || input.expectedVersion > MAX_VERSION) return false;
	return db.transaction().execute(async (trx) => {
		const deleted = await trx
			.deleteFrom('observation')
			.where('kpiId', '=', input.kpiId)
			.where('period', '=', input.period)
			.where('version', '=', input.expectedVersion)
			.returning(['value', 'comment', 'source', 'seriesBreak', 'version'])
			.executeTakeFirst();
		if (!deleted) return false;
		await recordAudit(trx, {
			organisationId: input.organisationId,
			actorUserId: input.userId,
			action: 'observation.deleted',
			entityType: 'observation',
			entityId: auditId(input.kpiId, input.period),
			before: snapshot(deleted),
			clientAddress: input.clientAddress
		});
		return true;
	});
}

/** One KPI of the organisation with its definition; undefined for another organisation's. */
export function findKpi(db: Db, organisationId: number, id: number) {
	return db.selectFrom('kpi').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** The recommendations a KPI is linked to. */
export function listKpiRecommendations(db: Db, organisationId: number, kpiId: number) {
	return db
		.selectFrom('recommendationKpi as rk')
		.innerJoin('recommendation as r', 'r.id', 'rk.recommendationId')
		.where('rk.organisationId', '=', organisationId)
		.where('rk.kpiId', '=', kpiId)
		.select(['r.id', 'r.number', 'r.title', 'rk.isPrimary'])
		.orderBy('r.number')
		.execute();
}
