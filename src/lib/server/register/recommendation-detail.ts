import type { Db } from '../infra/db';
import { resolveRecommendationStatus } from '../../domain/recommendation-status';
import {
	forecastsOf,
	kpiDefinitionOf,
	listComparisons,
	listKpiLinks,
	listObservations,
	loadKpiProgress,
	representativeKpi,
	summariseKpi
} from '../kpis';
import {
	findRecommendation,
	listBudgetActuals,
	listBudgetLines,
	listFollowUpItems,
	listStatusUpdates,
	type FoundRecommendation
} from './recommendations';
import { budgetUpTo, effectForBudget } from '../../domain/effect';
import { parsePeriod } from '../../domain/periods';

/**
 * Everything the recommendation page shows, scoped to the organisation; undefined when the
 * recommendation is not the organisation's (the caller answers 404).
 * @example const detail = await loadRecommendationDetail(db, organisation.id, 7, '2026-11-22');
 */
export async function loadRecommendationDetail(db: Db, organisationId: number, id: number, asOf: string) {
	const recommendation = await findRecommendation(db, organisationId, id);
	return recommendation ? loadDetailOf(db, organisationId, recommendation, asOf) : undefined;
}

/**
 * Everything the recommendation page shows around a recommendation already found (the page's layout
 * found it once for all its sub-pages).
 */
export async function loadDetailOf(db: Db, organisationId: number, recommendation: FoundRecommendation, asOf: string) {
	const id = recommendation.id;
	const [links, followUpItems, budgetLines, budgetActuals, statusUpdates] = await Promise.all([
		listKpiLinks(db, organisationId, [id]),
		listFollowUpItems(db, organisationId, [id]),
		listBudgetLines(db, organisationId, id),
		listBudgetActuals(db, organisationId, id),
		listStatusUpdates(db, organisationId, id)
	]);
	const kpiIds = links.map((l) => l.id);
	const [observations, progress, comparisons] = await Promise.all([
		listObservations(db, organisationId, kpiIds),
		loadKpiProgress(db, organisationId, asOf, links),
		listComparisons(db, organisationId, kpiIds)
	]);
	const forecasts = forecastsOf(
		links.map((link) => ({ id: link.id, definition: kpiDefinitionOf(link) })),
		observations,
		asOf
	);
	const kpis = links.map((link) => {
		const series = observations.filter((o) => o.kpiId === link.id).map((o) => ({ ...o, numericValue: o.value }));
		const summary = summariseKpi(link, progress.get(link.id)!);
		return {
			...summary,
			description: link.description,
			scope: link.scope,
			dataSource: link.dataSource,
			series,
			forecast: forecasts.get(link.id)!,
			comparisons: comparisons.filter((c) => c.kpiId === link.id).map(({ name, values }) => ({ name, values }))
		};
	});
	const status = resolveRecommendationStatus({
		kpis: kpis.map((k) => ({ status: k.progress.status, primary: k.isPrimary })),
		followUpItems,
		override: recommendation.statusOverride
			? { status: recommendation.statusOverride, reason: recommendation.statusOverrideReason }
			: null,
		asOf
	});
	const primaryKpi = representativeKpi(kpis);
	// Effect per krone (DESIGN §3): only for the primary KPI, against the budget allocated up to its latest value.
	const latest = primaryKpi?.isPrimary ? primaryKpi.progress.latest : null;
	const effect =
		primaryKpi && latest
			? effectForBudget({
					direction: primaryKpi.direction,
					baselineValue: primaryKpi.definition.baseline.value,
					latestValue: latest.value,
					budgetKr: budgetUpTo(budgetLines, parsePeriod(latest.period)!.year)
				})
			: null;
	return {
		recommendation,
		status,
		kpis,
		primaryKpi,
		effect,
		followUpItems,
		budgetLines,
		budgetActuals,
		statusUpdates
	};
}

export type RecommendationDetail = Awaited<ReturnType<typeof loadDetailOf>>;
