/**
 * Effect per krone (DESIGN §3): a primary KPI's improvement since baseline per million kroner
 * allocated to its recommendation. Never compare the result across different KPIs.
 */
import { sumKr } from './money';
import type { Direction } from './progress';

/**
 * The budget allocated up to and including a year, in whole kroner.
 * @example budgetUpTo([{ year: 2024, amountKr: 1_000_000 }, { year: 2025, amountKr: 500_000 }], 2024) // 1000000
 */
export function budgetUpTo(lines: readonly { year: number; amountKr: number }[], year: number): number {
	return sumKr(lines.filter((line) => line.year <= year).map((line) => line.amountKr));
}

/**
 * Improvement since baseline in the KPI's unit (better is positive) per million kr.; null without budget.
 * @example effectPerMillion({ direction: 'lower', baselineValue: 7.8, latestValue: 7.0, budgetKr: 3_600_000 }) // ≈ 0.222
 */
export function effectPerMillion(input: {
	direction: Direction;
	baselineValue: number;
	latestValue: number;
	budgetKr: number;
}): number | null {
	const { direction, baselineValue, latestValue, budgetKr } = input;
	if (![baselineValue, latestValue, budgetKr].every(Number.isFinite)) {
		throw new RangeError('effectPerMillion needs finite numbers');
	}
	if (budgetKr <= 0) return null;
	const improvement = direction === 'lower' ? baselineValue - latestValue : latestValue - baselineValue;
	return improvement / (budgetKr / 1_000_000);
}
