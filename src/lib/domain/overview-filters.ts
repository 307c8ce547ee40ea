/**
 * The overview's filters (programme, theme, responsible project lead, status, data freshness) as one pure predicate, so the
 * rows shown and the sums over them (budget-rollup.ts) are taken from the same set.
 */

export interface OverviewFilters {
	program?: number;
	tema?: number;
	ansvarlig?: number;
	/** A status key, or 'follow_up' for a recommendation followed through its follow-up items. */
	status?: string;
	/** A freshness key (freshness.ts): current, late, stale or no_data. */
	freshness?: string;
}

/** What the filters look at in an overview row. */
export interface OverviewFilterable {
	programmeId: number;
	themeId: number | null;
	assignees: readonly { id: number }[];
	status: { status: string | null };
	/** The row's data freshness (freshness.ts); a row without it never passes a freshness filter. */
	freshness?: string;
}

/**
 * Whether a row passes every filter that is set; an unset filter lets every row through.
 * @example rows.filter((row) => matchesOverviewFilters(row, { program: 1, status: 'at_risk' }))
 */
export function matchesOverviewFilters(row: OverviewFilterable, filters: OverviewFilters): boolean {
	const { program, tema, ansvarlig, status, freshness } = filters;
	return (
		(program === undefined || row.programmeId === program) &&
		(tema === undefined || row.themeId === tema) &&
		(ansvarlig === undefined || row.assignees.some((a) => a.id === ansvarlig)) &&
		(status === undefined || (row.status.status ?? 'follow_up') === status) &&
		(freshness === undefined || row.freshness === freshness)
	);
}
