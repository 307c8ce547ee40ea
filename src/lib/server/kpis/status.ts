import type { Db } from '../infra/db';
import { FREQUENCIES, formatPeriod, periodContaining, type Frequency } from '../../domain/periods';
import { computeKpiProgress, type KpiDefinition, type KpiProgress } from '../../domain/progress';
import { FORECAST_HISTORY, type ForecastOutcome } from '../../domain/forecast';
import { forecastsOf } from './forecast';
import { resolveRecommendationStatus, type RecommendationStatus } from '../../domain/recommendation-status';
import { parseDecimal } from '../../domain/numbers';
import { listKpiLinks, listKpiOwnerNames, type KpiLink } from './kpis';
import {
	listDecisiveObservations,
	listRecentObservations,
	listRetiredKpiIds,
	type PeriodPerFrequency
} from './observation-reads';
import { listFollowUpItems, listRecommendations, sumBudgetsByRecommendation } from '../register/recommendations';
import { listAssigneeNames } from '../register/assignments';

export interface KpiSummary {
	id: number;
	name: string;
	unit: KpiLink['unit'];
	decimals: number;
	direction: KpiLink['direction'];
	frequency: Frequency;
	illustrative: boolean;
	isPrimary: boolean;
	definition: KpiDefinition;
	progress: KpiProgress;
}

/** The numbers of a KPI row as the domain rules take them. */
export function kpiDefinitionOf(
	kpi: Pick<
		KpiLink,
		'direction' | 'frequency' | 'baselineValue' | 'baselinePeriod' | 'targetValue' | 'targetPeriod' | 'assessment'
	>
): KpiDefinition {
	return {
		assessment: kpi.assessment,
		direction: kpi.direction,
		frequency: kpi.frequency,
		baseline: { value: parseDecimal(kpi.baselineValue), period: kpi.baselinePeriod },
		target: { value: parseDecimal(kpi.targetValue), period: kpi.targetPeriod }
	};
}

/** What the as-of status needs of a KPI row: its id and definition columns. */
export type KpiStatusRow = { id: number } & Parameters<typeof kpiDefinitionOf>[0];

/**
 * The one "status as of a date" of KPIs: each given KPI's progress (status, shares, overdue, latest) from
 * the observations that decide it, in two queries however many KPIs and values there are. The overview,
 * the API, the recommendation page, the KPI page and "Mine nøgletal" all ask here.
 * @param scope 'organisation' when `kpis` are (nearly) all of the organisation's, so the queries need no id list
 * @example const progress = (await loadKpiProgress(db, organisationId, '2026-11-22', [kpi])).get(kpi.id)!;
 */
export async function loadKpiProgress(
	db: Db,
	organisationId: number,
	asOf: string,
	kpis: readonly KpiStatusRow[] | Promise<readonly KpiStatusRow[]>,
	scope: 'these' | 'organisation' = 'these'
): Promise<Map<number, KpiProgress>> {
	const current = periodsPerFrequency((f) => formatPeriod(periodContaining(asOf, f)));
	const decisiveOf = (ids?: number[]) => listDecisiveObservations(db, organisationId, current, ids);
	// For the whole organisation the observations need not wait for the KPI rows (the overview loads both at once).
	const [rows, decisive, retired] = await Promise.all([
		kpis,
		scope === 'organisation'
			? decisiveOf()
			: Promise.resolve(kpis).then((rows) => (rows.length ? decisiveOf(rows.map((k) => k.id)) : [])),
		listRetiredKpiIds(db, organisationId)
	]);
	const byKpi = Map.groupBy(decisive, (o) => o.kpiId);
	return new Map(
		rows.map((kpi) => [
			kpi.id,
			computeKpiProgress(kpiDefinitionOf(kpi), byKpi.get(kpi.id) ?? [], asOf, { expectsValues: !retired.has(kpi.id) })
		])
	);
}

/** A linked KPI's summary with its progress (from loadKpiProgress). */
export function summariseKpi(link: KpiLink, progress: KpiProgress): KpiSummary {
	const definition = kpiDefinitionOf(link);
	return {
		id: link.id,
		name: link.name,
		unit: link.unit,
		decimals: link.decimals,
		direction: link.direction,
		frequency: link.frequency,
		illustrative: link.illustrative,
		isPrimary: link.isPrimary,
		definition,
		progress
	};
}

/** Per frequency, the period containing the as-of date (the newest whose values count). */
export function currentPeriods(asOf: string): PeriodPerFrequency {
	return periodsPerFrequency((f) => formatPeriod(periodContaining(asOf, f)));
}

function periodsPerFrequency(pick: (frequency: Frequency) => string): PeriodPerFrequency {
	return Object.fromEntries(FREQUENCIES.map((f) => [f, pick(f)])) as PeriodPerFrequency;
}

/** The KPI chosen to represent a recommendation: its first primary KPI, else its first KPI. */
export function representativeKpi(kpis: readonly KpiSummary[]): KpiSummary | null {
	return kpis.find((k) => k.isPrimary) ?? kpis[0] ?? null;
}

const SPARKLINE_POINTS = 24;

/** The representative KPI's sparkline: its last SPARKLINE_POINTS values after its baseline, up to the as-of date. */
function sparklineValues(
	kpi: KpiSummary | null,
	trendByKpi: Map<number, { period: string; value: number }[]>
): number[] {
	return kpi ? (trendByKpi.get(kpi.id) ?? []).slice(-SPARKLINE_POINTS).map((o) => o.value) : [];
}

export type OverviewRow = Awaited<ReturnType<typeof listRecommendations>>[number] & {
	status: RecommendationStatus;
	/** Each linked KPI with its owners' names and user ids. */
	kpis: (KpiSummary & { owners: string[]; ownerIds: number[] })[];
	primaryKpi: KpiSummary | null;
	/** The representative KPI's last values (at most 24 periods, after its baseline, up to the as-of date). */
	sparkline: number[];
	/** The representative KPI's forecast when it is a primary KPI (DESIGN §3); null otherwise. */
	forecast: ForecastOutcome | null;
	budget: { allocatedKr: number; spentKr: number };
	followUpItems: Awaited<ReturnType<typeof listFollowUpItems>>;
	/** The project leads assigned to the recommendation. */
	assignees: { id: number; name: string }[];
};

/**
 * Every recommendation of the organisation with its computed status, KPI progress and budget totals,
 * as of a date. Runs a fixed number of queries, however many recommendations and KPIs there are.
 * @example const rows = await loadOverview(db, organisation.id, '2026-11-22');
 */
export async function loadOverview(db: Db, organisationId: number, asOf: string): Promise<OverviewRow[]> {
	const current = currentPeriods(asOf);
	const linkRows = listKpiLinks(db, organisationId);
	const [recommendations, links, progress, followUps, budgets, assignments, owners, trend] = await Promise.all([
		listRecommendations(db, organisationId),
		linkRows,
		loadKpiProgress(db, organisationId, asOf, linkRows, 'organisation'),
		listFollowUpItems(db, organisationId),
		sumBudgetsByRecommendation(db, organisationId),
		listAssigneeNames(db, organisationId),
		listKpiOwnerNames(db, organisationId),
		// The primary KPIs' last values for the sparklines and forecasts, in one query however many there are.
		listRecentObservations(db, organisationId, current, FORECAST_HISTORY, 'primary')
	]);
	const trendByKpi = Map.groupBy(trend, (o) => o.kpiId);
	const forecasts = forecastsOf(
		links.filter((l) => l.isPrimary).map((l) => ({ id: l.id, definition: kpiDefinitionOf(l) })),
		trend,
		asOf
	);
	const assigneesByRecommendation = Map.groupBy(assignments, (a) => a.recommendationId);
	const ownersByKpi = Map.groupBy(owners, (o) => o.kpiId);
	const linksByRecommendation = Map.groupBy(links, (l) => l.recommendationId);
	const followUpsByRecommendation = Map.groupBy(followUps, (f) => f.recommendationId);

	return recommendations.map((rec) => {
		const kpis = (linksByRecommendation.get(rec.id) ?? []).map((link) => ({
			...summariseKpi(link, progress.get(link.id)!),
			owners: (ownersByKpi.get(link.id) ?? []).map((o) => o.name),
			ownerIds: (ownersByKpi.get(link.id) ?? []).map((o) => o.userId)
		}));
		const status = resolveRecommendationStatus({
			kpis: kpis.map((k) => ({ status: k.progress.status, primary: k.isPrimary })),
			followUpItems: followUpsByRecommendation.get(rec.id) ?? [],
			override: rec.statusOverride ? { status: rec.statusOverride, reason: rec.statusOverrideReason } : null,
			asOf
		});
		return {
			...rec,
			status,
			kpis,
			primaryKpi: representativeKpi(kpis),
			sparkline: sparklineValues(representativeKpi(kpis), trendByKpi),
			forecast: forecasts.get(representativeKpi(kpis)?.id ?? -1) ?? null,
			budget: budgets.get(rec.id) ?? { allocatedKr: 0, spentKr: 0 },
			followUpItems: followUpsByRecommendation.get(rec.id) ?? [],
			assignees: (assigneesByRecommendation.get(rec.id) ?? []).map(({ id, name }) => ({ id, name }))
		};
	});
}
