import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import { listKpisForUser } from '$lib/server/kpis/my-kpis';
import { kpiDefinitionOf } from '$lib/server/kpis/status';
import { computeKpiProgress } from '$lib/domain/progress';
import { nextMissingPeriod } from '$lib/domain/entry';
import { parseDecimal } from '$lib/domain/numbers';
import { todayInCopenhagen } from '$lib/domain/dates';
import { parsePeriod, periodStart } from '$lib/domain/periods';

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	const asOf = todayInCopenhagen();
	const rows = (await listKpisForUser(await getDb(), user.organisationId, user.id)).map(({ kpi, observations }) => {
		const points = observations.map((o) => ({ period: o.period, value: parseDecimal(o.value) }));
		const progress = computeKpiProgress(kpiDefinitionOf(kpi), points, asOf);
		return {
			id: kpi.id,
			name: kpi.name,
			unit: kpi.unit,
			decimals: kpi.decimals,
			frequency: kpi.frequency,
			illustrative: kpi.illustrative,
			progress,
			nextPeriod: nextMissingPeriod(kpi.frequency, kpi.baselinePeriod, points.map((p) => p.period), asOf)
		};
	});
	// What is overdue first, then what is due soonest.
	const starts = (period: string) => periodStart(parsePeriod(period)!);
	rows.sort(
		(a, b) =>
			Number(b.progress.overdue) - Number(a.progress.overdue) ||
			starts(a.nextPeriod).localeCompare(starts(b.nextPeriod)) ||
			a.name.localeCompare(b.name, 'da')
	);
	return { asOf, rows };
};
