import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import { listKpisForUser, listObservations, loadKpiProgress } from '$lib/server/kpis';
import { nextMissingPeriod } from '$lib/domain/entry';
import { todayInCopenhagen } from '$lib/domain/dates';
import { parsePeriod, periodStart } from '$lib/domain/periods';

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	const asOf = todayInCopenhagen();
	const db = await getDb();
	// A project lead has a handful of KPIs, so every observed period of them stays small.
	const kpis = await listKpisForUser(db, user.organisationId, user.id);
	const [observations, progress] = await Promise.all([
		listObservations(
			db,
			user.organisationId,
			kpis.map((k) => k.id)
		),
		loadKpiProgress(db, user.organisationId, asOf, kpis)
	]);
	const rows = kpis.map((kpi) => ({
		id: kpi.id,
		name: kpi.name,
		unit: kpi.unit,
		decimals: kpi.decimals,
		frequency: kpi.frequency,
		illustrative: kpi.illustrative,
		progress: progress.get(kpi.id)!,
		nextPeriod: nextMissingPeriod(
			kpi.frequency,
			kpi.baselinePeriod,
			observations.filter((o) => o.kpiId === kpi.id).map((o) => o.period),
			asOf
		)
	}));
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
