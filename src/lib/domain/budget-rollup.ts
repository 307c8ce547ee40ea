/**
 * The overview's budget roll-up: allocated and spent summed over the recommendations shown, in total and per
 * programme. Pure: it sums the per-recommendation totals the overview already loaded, so it costs no query.
 */
import { sumKr } from './money';

/** What the roll-up needs of an overview row. */
export interface BudgetRollupInput {
	programmeId: number;
	programmeName: string;
	budget: { allocatedKr: number; spentKr: number };
}

export interface BudgetTotals {
	/** How many recommendations the sums cover. */
	recommendations: number;
	allocatedKr: number;
	spentKr: number;
}

export interface BudgetRollup {
	total: BudgetTotals;
	/** One entry per programme among the rows, in the order the programmes first appear. */
	byProgramme: (BudgetTotals & { programmeId: number; programmeName: string })[];
}

/**
 * Sums allocated and spent kroner over the given (already filtered) rows, in total and per programme.
 * @example rollUpBudgets(rows).total // { recommendations: 8, allocatedKr: 6600000, spentKr: 5913500 }
 */
export function rollUpBudgets(rows: readonly BudgetRollupInput[]): BudgetRollup {
	const groups = new Map<number, BudgetRollupInput[]>();
	for (const row of rows) {
		const group = groups.get(row.programmeId);
		if (group) group.push(row);
		else groups.set(row.programmeId, [row]);
	}
	return {
		total: totalsOf(rows),
		byProgramme: [...groups.entries()].map(([programmeId, group]) => ({
			programmeId,
			programmeName: group[0].programmeName,
			...totalsOf(group)
		}))
	};
}

function totalsOf(rows: readonly BudgetRollupInput[]): BudgetTotals {
	return {
		recommendations: rows.length,
		allocatedKr: sumKr(rows.map((r) => r.budget.allocatedKr)),
		spentKr: sumKr(rows.map((r) => r.budget.spentKr))
	};
}
