import { statusReason } from '../../domain/status-text';
import type { Db } from '../infra/db';
import { forecastsOf, listObservations, loadOverview } from '../kpis';
import { renderMarkdown } from '../infra/markdown';
import { findOrganisation } from '../auth/organisations';
import { findProgramme, listProgrammes } from '../register/programmes';
import { loadRegisterForYear } from '../register/recommendations';
import { parsePeriod, periodStart } from '../../domain/periods';
import { summariseStatuses } from '../../domain/recommendation-status';
import { sumKr } from '../../domain/money';
import type { Forecast, ForecastOutcome } from '../../domain/forecast';
import {
	REPORT_FORMAT,
	type ReportBudget,
	type ReportContent,
	type ReportProgramme,
	type ReportRecommendation
} from './content';

export interface ComposeOptions {
	organisationId: number;
	year: number;
	/** The date the figures are taken as of: 31 December of the year unless the director chose another. */
	asOf: string;
	/** Only this programme's recommendations; all of the organisation's when null. */
	programmeId: number | null;
	now?: Date;
}

function budgetFor(
	lines: readonly { year: number; amountKr: number }[],
	actuals: readonly { year: number; amountKr: number }[],
	year: number
): ReportBudget {
	const sum = (rows: readonly { year: number; amountKr: number }[], keep: (y: number) => boolean) =>
		sumKr(rows.filter((row) => keep(row.year)).map((row) => row.amountKr));
	return {
		yearAllocatedKr: sum(lines, (y) => y === year),
		yearSpentKr: sum(actuals, (y) => y === year),
		totalAllocatedKr: sum(lines, (y) => y <= year),
		totalSpentKr: sum(actuals, (y) => y <= year)
	};
}

function addBudgets(budgets: readonly ReportBudget[]): ReportBudget {
	const total = (key: keyof ReportBudget) => sumKr(budgets.map((b) => b[key]));
	return {
		yearAllocatedKr: total('yearAllocatedKr'),
		yearSpentKr: total('yearSpentKr'),
		totalAllocatedKr: total('totalAllocatedKr'),
		totalSpentKr: total('totalSpentKr')
	};
}

/** The register's programmes that the report's recommendations belong to, in the register's order. */
function reportProgrammes(
	register: readonly { id: number; name: string; body: string; adoptedOn: string | null }[],
	rows: readonly { programmeId: number }[]
): ReportProgramme[] {
	return register.flatMap(({ id, name, body, adoptedOn }) => {
		const count = rows.filter((row) => row.programmeId === id).length;
		return count > 0 ? [{ name, body, adoptedOn, recommendations: count }] : [];
	});
}

/** The forecast itself, when the KPI has one (not too few values, not settled). */
function forecastOf(outcome: ForecastOutcome | undefined): Forecast | null {
	return outcome?.kind === 'forecast' ? outcome.forecast : null;
}

/** True when a period has begun by the date (the rule of DESIGN §3 for which values count). */
function begunBy(period: string, asOf: string): boolean {
	const parsed = parsePeriod(period);
	return parsed !== null && periodStart(parsed) <= asOf;
}

/**
 * The annual status of an organisation (or one programme) for a year, from the database as of a date,
 * as the plain object that is shown, downloaded and — on approval — frozen as the report's snapshot.
 * Runs a fixed number of queries however many recommendations there are.
 * @example const content = await composeAnnualReport(db, { organisationId, year: 2025, asOf: '2025-12-31', programmeId: null });
 */
export async function composeAnnualReport(db: Db, options: ComposeOptions): Promise<ReportContent> {
	const { organisationId, year, asOf, programmeId } = options;
	const [organisation, programme, overview, { details, lines, actuals, narratives }, register] = await Promise.all([
		// Only what the content (and so a frozen snapshot) holds of each.
		findOrganisation(db, organisationId).then(({ name, slug }) => ({ name, slug })),
		programmeId === null
			? Promise.resolve(undefined)
			: findProgramme(db, organisationId, programmeId).then((p) => p && { id: p.id, name: p.name }),
		loadOverview(db, organisationId, asOf),
		loadRegisterForYear(db, organisationId, year),
		listProgrammes(db, organisationId)
	]);
	const rows = overview.filter((row) => programmeId === null || row.programmeId === programmeId);
	const chartKpis = new Map(
		rows.map((row) => {
			const primary = row.kpis.filter((k) => k.isPrimary);
			return [row.id, primary.length > 0 ? primary : row.kpis.slice(0, 1)];
		})
	);
	const observations = await listObservations(db, organisationId, [
		...new Set([...chartKpis.values()].flat().map((k) => k.id))
	]);
	const forecasts = forecastsOf([...chartKpis.values()].flat(), observations, asOf);
	const detailById = new Map(details.map((d) => [d.id, d]));
	const narrativeById = new Map(narratives.map((n) => [n.recommendationId, n]));

	const recommendations = rows.map((row): ReportRecommendation => {
		const detail = detailById.get(row.id)!;
		const ownLines = lines.filter((l) => l.recommendationId === row.id);
		const ownActuals = actuals.filter((a) => a.recommendationId === row.id);
		const narrative = narrativeById.get(row.id);
		return {
			id: row.id,
			number: row.number,
			title: row.title,
			programmeName: row.programmeName,
			themeName: row.themeName,
			lifecycle: row.lifecycle,
			lifecycleChangedOn: detail.lifecycleChangedOn,
			decision:
				detail.decisionDate || detail.decisionKind
					? {
							date: detail.decisionDate,
							body: detail.decisionBody,
							kind: detail.decisionKind,
							dissentText: detail.dissentText
						}
					: null,
			status: row.status,
			overdue: row.kpis.some((k) => k.progress.overdue),
			kpis: row.kpis.map((k) => ({
				id: k.id,
				name: k.name,
				unit: k.unit,
				decimals: k.decimals,
				direction: k.direction,
				isPrimary: k.isPrimary,
				illustrative: k.illustrative,
				baseline: k.definition.baseline,
				target: k.definition.target,
				latest: k.progress.latest,
				status: k.progress.status,
				overdue: k.progress.overdue,
				missingRun: k.progress.missingRun,
				reason: statusReason(k, k.progress),
				frequency: k.frequency,
				assessment: k.definition.assessment ?? 'latest',
				...(forecasts.has(k.id) ? { forecast: forecasts.get(k.id) } : {})
			})),
			charts: (chartKpis.get(row.id) ?? []).map((k) => ({
				kpiId: k.id,
				name: k.name,
				unit: k.unit,
				decimals: k.decimals,
				frequency: k.frequency,
				definition: k.definition,
				observations: observations
					.filter((o) => o.kpiId === k.id && begunBy(o.period, asOf))
					.map((o) => ({ period: o.period, value: o.value, seriesBreak: o.seriesBreak })),
				budgetLines: ownLines.filter((l) => l.year <= year).map(({ year, amountKr }) => ({ year, amountKr })),
				actuals: ownActuals.filter((a) => a.year <= year).map(({ year, amountKr }) => ({ year, amountKr })),
				comparisons: [],
				// The fan and its interval, as on the KPI page; absent in older snapshots.
				forecast: forecastOf(forecasts.get(k.id))
			})),
			budget: budgetFor(ownLines, ownActuals, year),
			followUpItems: row.followUpItems.map(({ title, duePeriod, state }) => ({ title, duePeriod, state })),
			narrative: narrative
				? { body: narrative.body, html: renderMarkdown(narrative.body), authorName: narrative.authorName }
				: null,
			nextStep: { body: detail.nextStep, html: renderMarkdown(detail.nextStep) }
		};
	});
	return {
		format: REPORT_FORMAT,
		organisation,
		programme: programme ?? null,
		programmes: reportProgrammes(register, rows),
		year,
		asOf,
		composedAt: (options.now ?? new Date()).toISOString(),
		summary: {
			recommendations: recommendations.length,
			statusCounts: summariseStatuses(recommendations.map((r) => r.status)),
			budget: addBudgets(recommendations.map((r) => r.budget))
		},
		recommendations
	};
}
