import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { listMissingEntries, listOpenFollowUps, loadOverviewCached, readDataVersion } from '$lib/server/kpis';
import { missingRunText } from '$lib/domain/status-text';
import { todayInCopenhagen } from '$lib/domain/dates';
import { dateText, idParam } from '$lib/schemas/fields';
import { requireCan } from '$lib/server/auth/guards';
import { matchesOverviewFilters } from '$lib/domain/overview-filters';
import { rollUpBudgets } from '$lib/domain/budget-rollup';
import { FRESHNESS, recommendationFreshness } from '$lib/domain/freshness';
import { listTasksCached } from '$lib/server/tasks';

const id = idParam.optional().catch(undefined);

/** The filters, kept in the URL so a filtered view can be bookmarked and shared; unknown values are ignored. */
const querySchema = z.object({
	asOf: dateText(true),
	program: id,
	tema: id,
	ansvarlig: id,
	status: z
		.enum(['achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data', 'follow_up'])
		.optional()
		.catch(undefined),
	aktualitet: z.enum(FRESHNESS).optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	const query = querySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, query.error.issues[0].message);
	const { asOf: asOfParam, program, tema, ansvarlig, status, aktualitet: freshness } = query.data;
	const asOf = asOfParam ?? todayInCopenhagen();
	const db = await getDb();
	// One indexed query when nothing was written since: the overview and "Mine opgaver" come from memory then.
	const version = event.locals.dataVersion ?? (await readDataVersion(db, user.organisationId));
	const overview = await loadOverviewCached(db, user.organisationId, asOf, version);
	// "Mine opgaver" from the same rows: the start page's query count stays fixed.
	const tasks = await listTasksCached(db, user, asOf, version, overview);
	// Data freshness (freshness.ts) from the KPIs' newest values already loaded.
	const all = overview.map((row) => ({
		...row,
		freshness: recommendationFreshness(
			row.kpis.map((k) => ({ frequency: k.frequency, latestPeriod: k.progress.latest?.period ?? null })),
			asOf
		)
	}));

	const rows = all.filter((row) => matchesOverviewFilters(row, { program, tema, ansvarlig, status, freshness }));

	// The backlog, from the rows already loaded (no query per row): open follow-up items and missing values.
	const dueThisYear = listOpenFollowUps(rows, asOf);
	const missing = listMissingEntries(rows).map(({ missingRun, ...entry }) => ({
		...entry,
		missing: missingRunText(missingRun)
	}));

	const unique = <T extends { id: number }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];
	return {
		asOf,
		// Only what the page shows: the whole row (every KPI, follow-up item …) would travel twice, as HTML and as hydration data.
		rows: rows.map((row) => {
			const kpi = row.primaryKpi;
			return {
				id: row.id,
				number: row.number,
				title: row.title,
				themeName: row.themeName,
				programmeName: row.programmeName,
				lifecycle: row.lifecycle,
				decisionKind: row.decisionKind,
				dissentText: row.dissentText,
				followUpPeriod: row.followUpPeriod,
				status: row.status,
				freshness: row.freshness,
				overdue: row.kpis.some((k) => k.progress.overdue),
				budget: row.budget,
				sparkline: row.sparkline,
				// The primary KPI's chance of reaching its target (DESIGN §3 forecast); the KPI page has the whole sentence.
				probability: row.forecast?.kind === 'forecast' ? row.forecast.forecast.probability : null,
				primaryKpi: kpi
					? {
							name: kpi.name,
							illustrative: kpi.illustrative,
							unit: kpi.unit,
							decimals: kpi.decimals,
							latest: kpi.progress.latest?.value ?? null,
							baseline: kpi.definition.baseline.value,
							target: kpi.definition.target.value
						}
					: null
			};
		}),
		total: all.length,
		filters: { program, tema, ansvarlig, status, aktualitet: freshness, asOf: asOfParam },
		options: {
			programmes: unique(all.map((r) => ({ id: r.programmeId, name: r.programmeName }))),
			themes: unique(all.filter((r) => r.themeId !== null).map((r) => ({ id: r.themeId!, name: r.themeName ?? '' }))),
			people: unique(all.flatMap((r) => r.assignees)).sort((a, b) => a.name.localeCompare(b.name, 'da'))
		},
		// Summed from the rows already loaded: the overview's query count stays the same.
		budgetRollup: rollUpBudgets(rows),
		dueThisYear,
		missing,
		tasks
	};
};
