import { parsePeriod, periodEnd } from '../../domain/periods';
import type { MissingRun } from '../../domain/progress';
import type { FollowUpState } from '../../domain/recommendation-status';
import type { OverviewRow } from './status';

/** Who enters a missing value: the KPI's owners, else its recommendations' project leads, else nobody. */
export type MissingEntryWho = { kind: 'owners' | 'project_leads'; names: string[] } | { kind: 'none'; names: [] };

export interface MissingEntry {
	kpiId: number;
	name: string;
	/** Every missing period of the run that ends at the required period. */
	missingRun: MissingRun;
	who: MissingEntryWho;
}

/**
 * The overview's "Mangler indtastning": each overdue KPI of the rows once, with its run of missing periods and
 * who enters it, from the rows already loaded (no query). A KPI whose recommendations are all finished is never
 * overdue (DESIGN §3), so it is not listed.
 * @example listMissingEntries(await loadOverview(db, organisationId, '2026-11-22'))[0].missingRun // { from: '2026-08', to: '2026-09', count: 2 }
 */
export function listMissingEntries(rows: readonly OverviewRow[]): MissingEntry[] {
	const leadsByKpi = new Map<number, Set<string>>();
	for (const row of rows) {
		for (const kpi of row.kpis) {
			const leads = leadsByKpi.get(kpi.id) ?? leadsByKpi.set(kpi.id, new Set()).get(kpi.id)!;
			for (const lead of row.assignees) leads.add(lead.name);
		}
	}
	const entries = new Map<number, MissingEntry>();
	for (const kpi of rows.flatMap((row) => row.kpis)) {
		const run = kpi.progress.missingRun;
		if (!kpi.progress.overdue || !run || entries.has(kpi.id)) continue;
		const leads = [...(leadsByKpi.get(kpi.id) ?? [])].sort((a, b) => a.localeCompare(b, 'da'));
		const who: MissingEntryWho =
			kpi.owners.length > 0
				? { kind: 'owners', names: kpi.owners }
				: leads.length > 0
					? { kind: 'project_leads', names: leads }
					: { kind: 'none', names: [] };
		entries.set(kpi.id, { kpiId: kpi.id, name: kpi.name, missingRun: run, who });
	}
	return [...entries.values()];
}

export interface OpenFollowUp {
	recommendationId: number;
	number: number;
	title: string;
	item: string;
	duePeriod: string;
	state: FollowUpState;
	/** Due in an earlier year, its period ended, and still not done. */
	overdue: boolean;
}

/**
 * The overview's "Opfølgning i år": the rows' follow-up items due this year that are not done, and, first and
 * marked overdue, those due in an earlier year whose period has ended and that are still not done.
 * @example listOpenFollowUps(rows, '2026-11-22') // [{ item: 'Evaluering', duePeriod: '2025', overdue: true, … }, …]
 */
export function listOpenFollowUps(rows: readonly OverviewRow[], asOf: string): OpenFollowUp[] {
	const year = Number(asOf.slice(0, 4));
	const open = rows.flatMap((row) =>
		row.followUpItems.flatMap((item) => {
			const period = parsePeriod(item.duePeriod);
			if (!period || item.state === 'done') return [];
			const overdue = period.year < year && periodEnd(period) <= asOf;
			if (period.year !== year && !overdue) return [];
			const { id: recommendationId, number, title } = row;
			const due = { item: item.title, duePeriod: item.duePeriod, state: item.state, overdue };
			return [{ recommendationId, number, title, ...due, ends: periodEnd(period) }];
		})
	);
	// Earlier years' overdue items first, oldest first; then this year's in register order (the sort is stable).
	const rank = (o: (typeof open)[number]) => (o.overdue ? o.ends : '9999');
	return open.sort((a, b) => rank(a).localeCompare(rank(b))).map(({ ends: _ends, ...rest }) => rest);
}
