import type { OverviewRow } from '../kpis';
import type { ReportRow } from '../annual-report';
import { t } from '../messages';
import { plural } from '../../domain/plural';
import { FINISHED_LIFECYCLES, valueDeadline, type KpiWho, type OverviewKpi, type Person, type Task } from './rules';

// Oversight (issue 19 §1, director and admin): overdue values by person, alarming recommendations, reports
// waiting for a step, and KPIs nobody is assigned.

/** The recommendation statuses a director is told about (issue 19). */
const ALARMING = new Set(['at_risk', 'off_track', 'missed']);

/** For a director: the overdue KPIs, one task per project lead (or responsible user) they fall to. */
export function overdueByLead(kpis: Map<number, KpiWho>, people: Map<number, Person>): Task[] {
	const byPerson = new Map<number, OverviewKpi[]>();
	for (const { kpi, who } of kpis.values()) {
		if (!kpi.progress.overdue || !kpi.progress.missingRun) continue;
		for (const id of who.userIds) (byPerson.get(id) ?? byPerson.set(id, []).get(id)!).push(kpi);
	}
	return [...byPerson].map(([id, overdue]) => {
		const names = overdue.map((k) => k.name).sort((a, b) => a.localeCompare(b, 'da'));
		const due = overdue.map((k) => valueDeadline(k.progress.missingRun!.from)).sort()[0];
		return {
			kind: 'overdue_by_lead' as const,
			subjectKey: `overdue-by-lead:${id}`,
			title: t(plural(overdue.length, { one: 'tasks.overdue_by_lead_one', other: 'tasks.overdue_by_lead_other' }), {
				name: people.get(id)!.name,
				count: overdue.length
			}),
			detail: names.join(', '),
			href: '/#mangler-indtastning',
			due,
			overdue: true
		};
	});
}

/** For a director: recommendations at risk, behind or missed that are still worked on. */
export function alarmingRecommendations(rows: readonly OverviewRow[]): Task[] {
	return rows.flatMap((row) => {
		const status = row.status.status;
		if (status === null || !ALARMING.has(status) || FINISHED_LIFECYCLES.has(row.lifecycle)) return [];
		return [
			{
				kind: 'recommendation_status' as const,
				subjectKey: `recommendation:${row.id}:${status}`,
				title: t('tasks.recommendation_status', {
					number: row.number,
					title: row.title,
					status: t(`status_lower.${status}`)
				}),
				detail: row.themeName ?? row.programmeName,
				href: `/anbefalinger/${row.id}`,
				due: null,
				overdue: false
			}
		];
	});
}

/** Annual reports waiting for the user's step: approval (submitted) or publishing (approved). */
export function reportTasks(
	reports: readonly ReportRow[],
	state: 'submitted' | 'approved',
	kind: 'report_approve' | 'report_publish'
): Task[] {
	return reports
		.filter((r) => r.state === state)
		.map((r) => ({
			kind,
			subjectKey: `report:${r.id}:${state}`,
			title: t(kind === 'report_approve' ? 'tasks.report_approve' : 'tasks.report_publish', {
				year: r.year,
				scope: r.programmeName ?? t('tasks.report_whole_organisation')
			}),
			detail: t('tasks.report_edition', { edition: r.edition }),
			href: `/status/${r.id}`,
			due: null,
			overdue: false
		}));
}

/** For an admin: KPIs still expected that nobody is assigned, saying whose task they are until someone is. */
export function unassignedKpis(
	kpis: Map<number, KpiWho>,
	retired: ReadonlySet<number>,
	people: Map<number, Person>,
	directors: readonly { name: string }[]
): Task[] {
	return [...kpis.values()].flatMap(({ kpi, who }) => {
		if (who.kind === 'assigned' || retired.has(kpi.id)) return [];
		const detail =
			who.kind === 'responsible'
				? t('tasks.unassigned_responsible', { names: who.userIds.map((id) => people.get(id)!.name).join(', ') })
				: directors.length > 0
					? t('tasks.unassigned_directors', { names: directors.map((d) => d.name).join(', ') })
					: t('tasks.unassigned_nobody');
		return [
			{
				kind: 'kpi_unassigned' as const,
				subjectKey: `kpi-unassigned:${kpi.id}`,
				title: t('tasks.kpi_unassigned', { kpi: kpi.name }),
				detail,
				href: `/noegletal/${kpi.id}/rediger`,
				due: null,
				overdue: kpi.progress.overdue
			}
		];
	});
}
