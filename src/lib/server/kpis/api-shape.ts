import type { Db } from '../infra/db';
import type { Kpi } from '../../../../db/types';
import type { KpiProgress } from '../../domain/progress';
import { listKpis, listRecommendationKpiPairs } from './kpis';
import { listObservationsWithAuthor } from './observation-reads';
import { kpiDefinitionOf, loadKpiProgress } from './status';
import { forecastToApi, loadKpiForecasts } from './forecast';
import type { ForecastOutcome } from '../../domain/forecast';
import { listComparisons } from './comparisons';
import { parseDecimal } from '../../domain/numbers';
import { deepFreeze, readDataVersion, versionedCache } from './overview-cache';

/** The API's KPI shape (schemas/api.ts `kpiShape`). */
export function kpiToApi(
	kpi: Kpi,
	progress: KpiProgress,
	recommendationIds: number[],
	forecast: ForecastOutcome | undefined
) {
	const { baseline, target } = kpiDefinitionOf(kpi);
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
		baseline,
		target,
		assessment: kpi.assessment,
		minValue: kpi.minValue === null ? null : parseDecimal(kpi.minValue),
		maxValue: kpi.maxValue === null ? null : parseDecimal(kpi.maxValue),
		status: progress.status,
		assessedValue: progress.assessedValue,
		rollingYear: progress.rolling && {
			valueCount: progress.rolling.count,
			window: progress.rolling.window,
			fellBackToLatest: !progress.rolling.used
		},
		achievedShare: progress.achievedShare,
		expectedShare: progress.expectedShare,
		overdue: progress.overdue,
		missingRun: progress.missingRun,
		latest: progress.latest,
		forecast: forecastToApi(forecast),
		recommendationIds
	};
}

/**
 * The organisation's KPIs (or one) in the API shape, with status as of a date, in a fixed number of queries.
 * @example const [kpi] = await loadApiKpis(db, organisationId, '2026-11-22', 12);
 */
export async function loadApiKpis(db: Db, organisationId: number, asOf: string, onlyId?: number) {
	const kpis = listKpis(db, organisationId, onlyId);
	const [rows, links, progress, forecasts] = await Promise.all([
		kpis,
		listRecommendationKpiPairs(db, organisationId),
		loadKpiProgress(db, organisationId, asOf, kpis, onlyId === undefined ? 'organisation' : 'these'),
		loadKpiForecasts(db, organisationId, asOf, kpis, onlyId === undefined ? 'all' : 'these')
	]);
	return rows.map((kpi) => {
		const recommendationIds = links
			.filter((l) => l.kpiId === kpi.id)
			.map((l) => l.recommendationId)
			.sort((a, b) => a - b);
		return kpiToApi(kpi, progress.get(kpi.id)!, recommendationIds, forecasts.get(kpi.id));
	});
}

const apiKpisCache = versionedCache<ReturnType<typeof kpiToApi>[]>();

/**
 * Every KPI of the organisation in the API shape (loadApiKpis), kept in memory while the organisation's data version
 * is unchanged (overview-cache.ts): the list, the KPI register and a recommendation's KPIs compute the forecasts once
 * per write, not once per request. Deeply frozen and shared: never change the rows.
 * @example const kpis = await loadApiKpisCached(db, user.organisationId, todayInCopenhagen());
 */
export async function loadApiKpisCached(db: Db, organisationId: number, asOf: string) {
	const version = await readDataVersion(db, organisationId);
	return apiKpisCache(db).get(organisationId, version, asOf, async () =>
		deepFreeze(await loadApiKpis(db, organisationId, asOf))
	);
}

/** Every value of one KPI in the API's observation shape, oldest first. */
export async function loadApiObservations(db: Db, organisationId: number, kpiId: number) {
	const rows = await listObservationsWithAuthor(db, organisationId, kpiId);
	return rows.map((r) => ({ ...r, enteredAt: r.enteredAt.toISOString() }));
}

/** One KPI in the API shape with its comparison series (GET /api/v1/kpis/{id}). */
export async function loadApiKpiDetail(db: Db, organisationId: number, asOf: string, kpiId: number) {
	const [[kpi], comparisons] = await Promise.all([
		loadApiKpis(db, organisationId, asOf, kpiId),
		listComparisons(db, organisationId, [kpiId])
	]);
	return kpi
		? { ...kpi, comparisons: comparisons.map(({ name, source, values }) => ({ name, source, values })) }
		: undefined;
}
