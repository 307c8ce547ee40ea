import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { parseDecimal } from '../../domain/numbers';
import { invalid, type WriteResult } from '../infra/write-result';
import { t } from '../messages';

/**
 * A KPI's comparison series (e.g. the national average) with their values, oldest period first.
 * @example const series = await listComparisons(db, organisationId, kpiId);
 */
export async function listComparisons(db: Db, organisationId: number, kpiIds: number[]) {
	if (kpiIds.length === 0) return [];
	const rows = await db
		.selectFrom('kpiComparison as c')
		.leftJoin('kpiComparisonValue as v', 'v.comparisonId', 'c.id')
		.where('c.organisationId', '=', organisationId)
		.where('c.kpiId', 'in', kpiIds)
		.select(['c.id', 'c.kpiId', 'c.name', 'c.source', 'v.period', 'v.value'])
		.orderBy('c.name')
		.orderBy('v.period')
		.execute();
	const series = new Map<
		number,
		{ id: number; kpiId: number; name: string; source: string; values: { period: string; value: number }[] }
	>();
	for (const row of rows) {
		const entry = series.get(row.id) ?? {
			id: row.id,
			kpiId: row.kpiId,
			name: row.name,
			source: row.source,
			values: []
		};
		series.set(row.id, entry);
		if (row.period !== null && row.value !== null)
			entry.values.push({ period: row.period, value: parseDecimal(row.value) });
	}
	return [...series.values()];
}

/** Adds a named comparison series to a KPI of the organisation, audited; invalid at `name` when the name is taken. */
export async function createComparison(
	trx: Db,
	organisationId: number,
	actorUserId: number,
	kpiId: number,
	input: { name: string; source: string }
): Promise<WriteResult<{ id: number }>> {
	const inserted = await trx
		.insertInto('kpiComparison')
		.values({ organisationId, kpiId, name: input.name, source: input.source })
		.onConflict((oc) => oc.columns(['kpiId', 'name']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!inserted) return invalid('name', t('comparison.name_taken'));
	await recordAudit(trx, {
		organisationId,
		actorUserId,
		action: 'kpi_comparison.created',
		entityType: 'kpi',
		entityId: kpiId,
		after: input
	});
	return { kind: 'ok', id: inserted.id };
}

/** Stores values of one series (new periods inserted, existing ones replaced), audited, in the caller's transaction. */
export async function saveComparisonValues(
	trx: Db,
	organisationId: number,
	actorUserId: number,
	comparison: { id: number; kpiId: number },
	values: { period: string; value: number }[]
): Promise<void> {
	await trx
		.insertInto('kpiComparisonValue')
		.values(values.map((v) => ({ organisationId, comparisonId: comparison.id, period: v.period, value: v.value })))
		.onConflict((oc) =>
			oc.columns(['comparisonId', 'period']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))
		)
		.execute();
	await recordAudit(trx, {
		organisationId,
		actorUserId,
		action: 'kpi_comparison.values_saved',
		entityType: 'kpi',
		entityId: comparison.kpiId,
		after: { comparisonId: comparison.id, values }
	});
}
