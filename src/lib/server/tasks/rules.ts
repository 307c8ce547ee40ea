/**
 * The pure rules of "Mine opgaver" (issue 19): when a value is due and by which day, which follow-up items
 * are a task, who answers for a KPI nobody is assigned, and the one order of a task list. No I/O and no
 * clock: the as-of date always comes in, so the page and the reminders' digests get the same list.
 */
import { addDays, daysBetween } from '../../domain/dates';
import { parsePeriod, periodEnd } from '../../domain/periods';
import { OVERDUE_AFTER_DAYS } from '../../domain/progress';
import type { FollowUpState } from '../../domain/recommendation-status';
import type { Role } from '../../../../db/types';
import type { OverviewRow } from '../kpis';

/** What one user must do now: pure data, the same for the start page and an e-mail digest. */
export interface Task {
	kind: TaskKind;
	/** Stable id of what the task is about, e.g. 'kpi:12:2026-10' (a digest remembers what it has told). */
	subjectKey: string;
	/** What to do, in words (the link's text). */
	title: string;
	/** One more line: the deadline, the missing periods, who it falls to. */
	detail: string;
	/** The page where the task is done. */
	href: string;
	/** The last day (YYYY-MM-DD), when there is one. */
	due: string | null;
	overdue: boolean;
}

export type TaskKind =
	| 'value_overdue'
	| 'value_due'
	| 'follow_up'
	| 'status_note'
	| 'overdue_by_lead'
	| 'recommendation_status'
	| 'report_approve'
	| 'report_publish'
	| 'kpi_unassigned';

/** A value still due (not yet overdue) is a task once its deadline is this many days away or nearer. */
export const DUE_SOON_DAYS = 14;

/** Lifecycles of a recommendation no one works on any more (DESIGN §3: no overdue flag for their KPIs). */
export const FINISHED_LIFECYCLES: ReadonlySet<string> = new Set(['completed', 'paused', 'dropped']);

/**
 * The last day a period's value can be entered before it is overdue (DESIGN §3: overdue from 30 days after the period ended).
 * @example valueDeadline('2026-10') // '2026-11-29'
 */
export function valueDeadline(period: string): string {
	const parsed = parsePeriod(period);
	if (!parsed) throw new RangeError(`Malformed period: "${period}"`);
	return addDays(periodEnd(parsed), OVERDUE_AFTER_DAYS - 1);
}

/**
 * Whether a missing period that is not yet overdue is a task as of a date: its deadline is at most DUE_SOON_DAYS away.
 * @example isValueDueSoon('2026-10', '2026-11-15') // true (deadline 2026-11-29)
 */
export function isValueDueSoon(period: string, asOf: string): boolean {
	return daysBetween(asOf, valueDeadline(period)) <= DUE_SOON_DAYS;
}

/**
 * A follow-up item as a task: due this month (its period ends in the as-of month) or overdue (its period ended
 * before the as-of date), and not done; null otherwise. `due` is the last day of its period.
 * @example followUpTaskState({ duePeriod: '2026-Q4', state: 'in_progress' }, '2026-12-03') // { due: '2026-12-31', overdue: false }
 */
export function followUpTaskState(
	item: { duePeriod: string; state: FollowUpState },
	asOf: string
): { due: string; overdue: boolean } | null {
	const period = parsePeriod(item.duePeriod);
	if (!period || item.state === 'done') return null;
	const due = periodEnd(period);
	if (due < asOf) return { due, overdue: true };
	return due.slice(0, 7) === asOf.slice(0, 7) ? { due, overdue: false } : null;
}

/**
 * Who answers for a KPI's values (issue 19): the people assigned to it (its owners and the project leads of its
 * recommendations), else its recommendations' responsible users, else the organisation's directors.
 * Callers pass only people who may enter values and are not disabled.
 * @example responsibleForKpi([], [], [7]) // { kind: 'responsible', userIds: [7] }
 */
export function responsibleForKpi(
	ownerIds: readonly number[],
	assigneeIds: readonly number[],
	responsibleIds: readonly number[]
): { kind: 'assigned' | 'responsible'; userIds: number[] } | { kind: 'directors'; userIds: [] } {
	const unique = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);
	const assigned = unique([...ownerIds, ...assigneeIds]);
	if (assigned.length > 0) return { kind: 'assigned', userIds: assigned };
	const responsible = unique(responsibleIds);
	if (responsible.length > 0) return { kind: 'responsible', userIds: responsible };
	return { kind: 'directors', userIds: [] };
}

/**
 * The one order of a task list: overdue first, then by due date (tasks without one last), then by key, so the
 * same data always gives the same list.
 * @example sortTasks(tasks)[0].overdue // true when anything is overdue
 */
export function sortTasks(tasks: readonly Task[]): Task[] {
	return [...tasks].sort(
		(a, b) =>
			Number(b.overdue) - Number(a.overdue) ||
			(a.due ?? '9999-99-99').localeCompare(b.due ?? '9999-99-99') ||
			a.subjectKey.localeCompare(b.subjectKey)
	);
}

/** A KPI as the overview loaded it. */
export type OverviewKpi = OverviewRow['kpis'][number];
/** A person who may answer for a KPI. */
export type Person = { id: number; name: string; role: Role };
/** A KPI with who answers for it. */
export interface KpiWho {
	kpi: OverviewKpi;
	who: ReturnType<typeof responsibleForKpi>;
}
