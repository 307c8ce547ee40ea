import type { Db } from '../infra/db';
import type { SessionUser } from '../auth/session';
import { listUsers } from '../auth/users';
import { deepFreeze, listRetiredKpiIds, loadOverviewCached, versionedCache, type OverviewRow } from '../kpis';
import { listAnnualReports } from '../annual-report';
import { can, rolesFor } from '../../domain/policy';
import {
	FINISHED_LIFECYCLES,
	responsibleForKpi,
	sortTasks,
	type KpiWho,
	type OverviewKpi,
	type Person,
	type Task
} from './rules';
import { followUpTasks, statusNoteTasks, valueTasks } from './own-tasks';
import { alarmingRecommendations, overdueByLead, reportTasks, unassignedKpis } from './oversight-tasks';

/**
 * What one user must do now, by role (issue 19 §1), as of an injected date: a project lead's due and overdue values,
 * follow-up items and status notes; a director's overdue values by project lead, alarming recommendations and
 * reports to approve; an admin's reports to publish and KPIs nobody is assigned. Sorted overdue first, then by due
 * date. A fixed number of queries, however many rows; `preloaded` reuses the overview's rows when a page has them.
 * @example const tasks = await listTasks(db, user, todayInCopenhagen());
 */
export async function listTasks(
	db: Db,
	user: SessionUser,
	asOf: string,
	preloaded?: { overview?: readonly OverviewRow[] }
): Promise<Task[]> {
	if (!can(user, 'live.read')) return [];
	const org = user.organisationId;
	const [rows, users, reports] = await Promise.all([
		preloaded?.overview ?? loadOverviewCached(db, org, asOf),
		listUsers(db, org),
		listAnnualReports(db, org, { publishedOnly: false })
	]);
	// Asked only when some KPI could be a task (the start page's query count stays low).
	let retiredIds: Promise<Set<number>> | null = null;
	const retired = () => (retiredIds ??= listRetiredKpiIds(db, org));
	// Only people who may enter values and can sign in answer for a KPI.
	const people = new Map<number, Person>(
		users.filter((u) => u.disabledAt === null && can(u, 'values.write')).map((u) => [u.id, u])
	);
	const directors = users.filter((u) => u.disabledAt === null && rolesFor('report.approve').includes(u.role));
	const kpis = responsibility(rows, people);
	const current = reports.filter((r) => r.replacedById === null);

	const tasks: Task[] = [];
	if (can(user, 'values.write')) {
		const mine = [...kpis.values()].filter(({ who }) =>
			who.kind === 'directors' ? directors.some((d) => d.id === user.id) : who.userIds.includes(user.id)
		);
		if (mine.length > 0) tasks.push(...(await valueTasks(db, user, asOf, mine, await retired())));
		const myRows = rows.filter(
			(row) =>
				!FINISHED_LIFECYCLES.has(row.lifecycle) &&
				(row.assignees.some((a) => a.id === user.id) ||
					(row.assignees.length === 0 && row.responsibleUserId === user.id))
		);
		tasks.push(...followUpTasks(myRows, asOf));
		tasks.push(...(await statusNoteTasks(db, org, myRows, current)));
	}
	if (can(user, 'status.override')) {
		tasks.push(...overdueByLead(kpis, people));
		tasks.push(...alarmingRecommendations(rows));
	}
	if (can(user, 'report.approve')) tasks.push(...reportTasks(current, 'submitted', 'report_approve'));
	if (can(user, 'report.publish')) tasks.push(...reportTasks(current, 'approved', 'report_publish'));
	if (can(user, 'users.manage')) tasks.push(...unassignedKpis(kpis, await retired(), people, directors));
	return sortTasks(tasks);
}

// Per user: a few hundred users of an organisation fit, and their lists are small.
const taskCache = versionedCache<readonly Task[]>(256);

/**
 * listTasks from memory while the organisation's data version (read by the caller, with `overview` loaded for that
 * version) is unchanged: the version also moves with annual reports and status notes, so it covers all it reads.
 * The list is frozen and shared: copy before changing it.
 * @example const version = await readDataVersion(db, org); const tasks = await listTasksCached(db, user, asOf, version, await loadOverviewCached(db, org, asOf, version));
 */
export function listTasksCached(
	db: Db,
	user: SessionUser,
	asOf: string,
	version: number,
	overview: readonly OverviewRow[]
): Promise<readonly Task[]> {
	return taskCache(db).get(user.organisationId, version, `${asOf}:${user.id}:${user.role}`, async () =>
		deepFreeze(await listTasks(db, user, asOf, { overview }))
	);
}

/** Each KPI of the overview once, with who answers for it (responsibleForKpi). */
function responsibility(rows: readonly OverviewRow[], people: Map<number, Person>): Map<number, KpiWho> {
	const linked = new Map<number, { kpi: OverviewKpi; assignees: number[]; responsible: number[] }>();
	for (const row of rows) {
		for (const kpi of row.kpis) {
			const entry = linked.get(kpi.id) ?? linked.set(kpi.id, { kpi, assignees: [], responsible: [] }).get(kpi.id)!;
			entry.assignees.push(...row.assignees.map((a) => a.id).filter((id) => people.has(id)));
			if (row.responsibleUserId !== null && people.has(row.responsibleUserId))
				entry.responsible.push(row.responsibleUserId);
		}
	}
	return new Map(
		[...linked].map(([id, { kpi, assignees, responsible }]) => [
			id,
			{
				kpi,
				who: responsibleForKpi(
					kpi.ownerIds.filter((owner) => people.has(owner)),
					assignees,
					responsible
				)
			}
		])
	);
}
