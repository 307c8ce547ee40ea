import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import { listKpisForUser, listObservations, loadKpiProgress } from '$lib/server/kpis';
import { loadEntryGrid, readEntryGridForm, saveEntryGrid } from '$lib/server/imports';
import { listTasks } from '$lib/server/tasks';
import { t } from '$lib/server/messages';
import { nextMissingPeriod } from '$lib/domain/entry';
import { todayInCopenhagen } from '$lib/domain/dates';
import { parsePeriod, periodStart } from '$lib/domain/periods';

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	const asOf = todayInCopenhagen();
	const db = await getDb();
	// A project lead has a handful of KPIs, so every observed period of them stays small.
	const kpis = await listKpisForUser(db, user.organisationId, user.id);
	const [observations, progress, grid, tasks] = await Promise.all([
		listObservations(
			db,
			user.organisationId,
			kpis.map((k) => k.id)
		),
		loadKpiProgress(db, user.organisationId, asOf, kpis),
		loadEntryGrid(db, user, asOf),
		// "Mine opgaver": this is a project lead's start page (homeFor).
		listTasks(db, user, asOf)
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
	// After a save the page is fetched again (post/redirect/get) and says how many values were saved.
	const saved = /^\d{1,6}$/.exec(event.url.searchParams.get('gemt') ?? '');
	return { asOf, rows, grid, tasks, saved: saved ? Number(saved[0]) : null };
};

export const actions: Actions = {
	/** The entry grid: every filled row saved in one transaction by the import's rules, or none. */
	default: async (event) => {
		const user = requireCan(event, 'values.write');
		const formData = await event.request.formData();
		const cells = readEntryGridForm(formData);
		const none: Record<string, string> = {};
		if (!cells)
			return fail(400, { grid: { values: {}, errors: none, questions: none, message: t('grid.unreadable') } });
		const values = Object.fromEntries(cells.map((c) => [c.key, { value: c.value, comment: c.comment }]));
		const result = await saveEntryGrid(await getDb(), user, cells, event.getClientAddress());
		if (result.kind === 'ok') redirect(303, `/mine-noegletal?gemt=${result.created}`);
		if (result.kind === 'rows')
			return fail(400, {
				grid: { values, errors: result.errors, questions: result.questions ?? none, message: null }
			});
		const message = result.kind === 'invalid' ? result.message : t('grid.stale');
		return fail(result.kind === 'invalid' ? 400 : 409, { grid: { values, errors: none, questions: none, message } });
	}
};
