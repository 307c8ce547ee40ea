import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { loadOverview } from '$lib/server/kpis';
import { todayInCopenhagen } from '$lib/domain/dates';
import { dateText, idParam } from '$lib/schemas/fields';
import { parsePeriod } from '$lib/domain/periods';
import { requireCan } from '$lib/server/auth/guards';
import { matchesOverviewFilters } from '$lib/domain/overview-filters';
import { rollUpBudgets } from '$lib/domain/budget-rollup';

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
		.catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	const query = querySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, query.error.issues[0].message);
	const { asOf: asOfParam, program, tema, ansvarlig, status } = query.data;
	const asOf = asOfParam ?? todayInCopenhagen();
	const all = await loadOverview(await getDb(), user.organisationId, asOf);

	const rows = all.filter((row) => matchesOverviewFilters(row, { program, tema, ansvarlig, status }));

	const year = Number(asOf.slice(0, 4));
	const dueThisYear = rows.flatMap((row) =>
		row.followUpItems
			.filter((item) => parsePeriod(item.duePeriod)?.year === year && item.state !== 'done')
			.map((item) => ({
				recommendationId: row.id,
				number: row.number,
				title: row.title,
				item: item.title,
				duePeriod: item.duePeriod,
				state: item.state
			}))
	);
	const seen = new Set<number>();
	const missing = rows.flatMap((row) =>
		row.kpis
			.filter((kpi) => kpi.progress.overdue && !seen.has(kpi.id) && seen.add(kpi.id))
			.map((kpi) => ({ id: kpi.id, name: kpi.name, requiredPeriod: kpi.progress.requiredPeriod, owners: kpi.owners }))
	);

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
				overdue: row.kpis.some((k) => k.progress.overdue),
				budget: row.budget,
				sparkline: row.sparkline,
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
		filters: { program, tema, ansvarlig, status, asOf: asOfParam },
		options: {
			programmes: unique(all.map((r) => ({ id: r.programmeId, name: r.programmeName }))),
			themes: unique(all.filter((r) => r.themeId !== null).map((r) => ({ id: r.themeId!, name: r.themeName ?? '' }))),
			people: unique(all.flatMap((r) => r.assignees)).sort((a, b) => a.name.localeCompare(b.name, 'da'))
		},
		// Summed from the rows already loaded: the overview's query count stays the same.
		budgetRollup: rollUpBudgets(rows),
		dueThisYear,
		missing
	};
};
