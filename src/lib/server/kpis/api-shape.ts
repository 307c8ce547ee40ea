import type { Db } from '../infra/db';
import type { Kpi } from '../../../../db/types';
import { FREQUENCIES, formatPeriod, latestPeriodEndedBefore, periodContaining } from '../../domain/periods';
import { computeKpiProgress, OVERDUE_AFTER_DAYS, type KpiProgress } from '../../domain/progress';
import { parseDecimal } from '../../domain/numbers';
import { listDecisiveObservations, type PeriodPerFrequency } from './kpis';
import { kpiDefinitionOf } from './status';
import { listComparisons } from './comparisons';

/** The API's KPI shape (schemas/api.ts `kpiShape`). */
export function kpiToApi(kpi: Kpi, progress: KpiProgress, recommendationIds: number[]) {
	return {
		id: kpi.id,
		name: kpi.name,
		description: kpi.description,
		unit: kpi.unit,
		decimals: kpi.decimals,
		direction: kpi.direction,
		frequency: kpi.frequency,
		scope: kpi.scope,
		dataSource: kpi.dataSource,
		baseline: { value: parseDecimal(kpi.baselineValue), period: kpi.baselinePeriod },
		target: { value: parseDecimal(kpi.targetValue), period: kpi.targetPeriod },
		status: progress.status,
		achievedShare: progress.achievedShare,
		expectedShare: progress.expectedShare,
		overdue: progress.overdue,
		latest: progress.latest,
		recommendationIds
	};
}

const perFrequency = (pick: (f: (typeof FREQUENCIES)[number]) => string) =>
	Object.fromEntries(FREQUENCIES.map((f) => [f, pick(f)])) as PeriodPerFrequency;

/**
 * The organisation's KPIs (or one) in the API shape, with status as of a date, in a fixed number of queries.
 * @example const [kpi] = await loadApiKpis(db, organisationId, '2026-11-22', 12);
 */
export async function loadApiKpis(db: Db, organisationId: number, asOf: string, onlyId?: number) {
	let query = db.selectFrom('kpi').selectAll().where('organisationId', '=', organisationId).where('archivedAt', 'is', null);
	if (onlyId !== undefined) query = query.where('id', '=', onlyId);
	const [kpis, links, decisive] = await Promise.all([
		query.orderBy('name').execute(),
		db.selectFrom('recommendationKpi').select(['kpiId', 'recommendationId']).where('organisationId', '=', organisationId).execute(),
		listDecisiveObservations(
			db,
			organisationId,
			perFrequency((f) => formatPeriod(periodContaining(asOf, f))),
			perFrequency((f) => formatPeriod(latestPeriodEndedBefore(asOf, f, OVERDUE_AFTER_DAYS)))
		)
	]);
	return kpis.map((kpi) => {
		const points = decisive.filter((o) => o.kpiId === kpi.id).map((o) => ({ period: o.period, value: parseDecimal(o.value) }));
		const progress = computeKpiProgress(kpiDefinitionOf(kpi), points, asOf);
		const recommendationIds = links.filter((l) => l.kpiId === kpi.id).map((l) => l.recommendationId).sort((a, b) => a - b);
		return kpiToApi(kpi, progress, recommendationIds);
	});
}

/** Every value of one KPI in the API's observation shape, oldest first. */
export async function loadApiObservations(db: Db, organisationId: number, kpiId: number) {
	const rows = await db
		.selectFrom('observation as o')
		.leftJoin('appUser as u', 'u.id', 'o.enteredBy')
		.where('o.organisationId', '=', organisationId)
		.where('o.kpiId', '=', kpiId)
		.select(['o.period', 'o.value', 'o.comment', 'o.source', 'o.seriesBreak', 'o.version', 'u.name as enteredBy', 'o.enteredAt'])
		.orderBy('o.period')
		.execute();
	return rows.map((r) => ({ ...r, value: parseDecimal(r.value), enteredAt: r.enteredAt.toISOString() }));
}

/** One KPI in the API shape with its comparison series (GET /api/v1/kpis/{id}). */
export async function loadApiKpiDetail(db: Db, organisationId: number, asOf: string, kpiId: number) {
	const [[kpi], comparisons] = await Promise.all([loadApiKpis(db, organisationId, asOf, kpiId), listComparisons(db, organisationId, [kpiId])]);
	return kpi ? { ...kpi, comparisons: comparisons.map(({ name, source, values }) => ({ name, source, values })) } : undefined;
}
