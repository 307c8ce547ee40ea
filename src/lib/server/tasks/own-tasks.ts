import type { Db } from '../infra/db';
import type { SessionUser } from '../auth/session';
import { listObservations, type OverviewRow } from '../kpis';
import { listStatusUpdatesForPeriod } from '../register';
import type { ReportRow } from '../annual-report';
import { t } from '../messages';
import { duePeriods } from '../../domain/due-periods';
import { formatDateDa } from '../../domain/format';
import { formatPeriodDa } from '../../domain/periods';
import { missingRunText } from '../../domain/status-text';
import { followUpTaskState, isValueDueSoon, valueDeadline, type KpiWho, type Task } from './rules';

// A person's own work (issue 19 §1, project lead): values to enter, follow-up items, status notes.

/** The user's KPIs' overdue runs and their values due within DUE_SOON_DAYS, each linking to the KPI's entry grid. */
export async function valueTasks(
	db: Db,
	user: SessionUser,
	asOf: string,
	mine: readonly KpiWho[],
	retired: ReadonlySet<number>
): Promise<Task[]> {
	const expected = mine.filter(({ kpi }) => !retired.has(kpi.id));
	if (expected.length === 0) return [];
	const observed = Map.groupBy(
		await listObservations(
			db,
			user.organisationId,
			expected.map(({ kpi }) => kpi.id)
		),
		(o) => o.kpiId
	);
	return expected.flatMap(({ kpi, who }) => {
		const href = `/noegletal/${kpi.id}#indtastning`;
		const fallback =
			who.kind === 'responsible'
				? t('tasks.fallback_responsible')
				: who.kind === 'directors'
					? t('tasks.fallback_directors')
					: null;
		const withFallback = (text: string) => (fallback ? `${text} ${fallback}` : text);
		const tasks: Task[] = [];
		const run = kpi.progress.missingRun;
		if (kpi.progress.overdue && run) {
			const due = valueDeadline(run.from);
			tasks.push({
				kind: 'value_overdue',
				subjectKey: `kpi:${kpi.id}:${run.to}`,
				title: t('tasks.value_overdue', { kpi: kpi.name, missing: missingRunText(run) }),
				detail: withFallback(t('tasks.value_overdue_detail', { date: formatDateDa(due) })),
				href,
				due,
				overdue: true
			});
		}
		const periods = duePeriods(
			kpi.frequency,
			kpi.definition.baseline.period,
			(observed.get(kpi.id) ?? []).map((o) => o.period),
			asOf
		).periods;
		for (const { period } of periods.filter((p) => !p.overdue && isValueDueSoon(p.period, asOf))) {
			const due = valueDeadline(period);
			tasks.push({
				kind: 'value_due',
				subjectKey: `kpi:${kpi.id}:${period}`,
				title: t('tasks.value_due', { kpi: kpi.name, period: formatPeriodDa(period) }),
				detail: withFallback(t('tasks.value_due_detail', { date: formatDateDa(due) })),
				href,
				due,
				overdue: false
			});
		}
		return tasks;
	});
}

/** Follow-up items of the user's recommendations due this month or overdue, not done. */
export function followUpTasks(rows: readonly OverviewRow[], asOf: string): Task[] {
	return rows.flatMap((row) =>
		row.followUpItems.flatMap((item) => {
			const state = followUpTaskState(item, asOf);
			if (!state) return [];
			return [
				{
					kind: 'follow_up' as const,
					subjectKey: `follow-up:${item.id}:${item.duePeriod}`,
					title: t('tasks.follow_up', { item: item.title, number: row.number }),
					detail: t(state.overdue ? 'tasks.follow_up_overdue' : 'tasks.follow_up_due', {
						period: formatPeriodDa(item.duePeriod)
					}),
					href: `/anbefalinger/${row.id}/opfoelgning`,
					due: state.due,
					overdue: state.overdue
				}
			];
		})
	);
}

/** A status note for each draft annual report's year that the user's recommendations in its scope still lack. */
export async function statusNoteTasks(
	db: Db,
	organisationId: number,
	rows: readonly OverviewRow[],
	reports: readonly ReportRow[]
): Promise<Task[]> {
	const drafts = reports.filter((r) => r.state === 'draft');
	if (drafts.length === 0 || rows.length === 0) return [];
	const years = [...new Set(drafts.map((r) => r.year))];
	const written = await Promise.all(
		years.map((year) =>
			listStatusUpdatesForPeriod(
				db,
				organisationId,
				String(year),
				rows.map((r) => r.id)
			)
		)
	);
	const has = new Set(written.flat().map((note) => `${note.recommendationId}:${note.period}`));
	const tasks = new Map<string, Task>();
	for (const report of drafts) {
		for (const row of rows) {
			const subjectKey = `status-note:${row.id}:${report.year}`;
			if (report.programmeId !== null && report.programmeId !== row.programmeId) continue;
			if (has.has(`${row.id}:${report.year}`) || tasks.has(subjectKey)) continue;
			tasks.set(subjectKey, {
				kind: 'status_note',
				subjectKey,
				title: t('tasks.status_note', { year: report.year, number: row.number, title: row.title }),
				detail: t('tasks.status_note_detail', { year: report.year }),
				href: `/anbefalinger/${row.id}?notat=${report.year}#notat-form`,
				due: null,
				overdue: false
			});
		}
	}
	return [...tasks.values()];
}
