/**
 * Effect per krone (DESIGN §3): a primary KPI's improvement since baseline for the budget allocated to its
 * recommendation up to that period. Never compare the result across different KPIs.
 */
import { t } from '$lib/messages';
import { formatKpiChange, type KpiUnit } from './format';
import { roundTo } from './numbers';
import { formatKrShort, sumKr } from './money';
import type { Direction } from './progress';

/**
 * The budget allocated up to and including a year, in whole kroner.
 * @example budgetUpTo([{ year: 2024, amountKr: 1_000_000 }, { year: 2025, amountKr: 500_000 }], 2024) // 1000000
 */
export function budgetUpTo(lines: readonly { year: number; amountKr: number }[], year: number): number {
	return sumKr(lines.filter((line) => line.year <= year).map((line) => line.amountKr));
}

/** Below this much allocated, the improvement says nothing about the money (DESIGN §3). */
export const MIN_EFFECT_BUDGET_KR = 100_000;

export interface Effect {
	/** Improvement since baseline in the KPI's unit, signed so that better is positive. */
	improvement: number;
	/** The budget allocated up to the latest value's year, in whole kroner. */
	budgetKr: number;
}

/**
 * A primary KPI's improvement since baseline for the money actually allocated — never a rate per million, since the
 * relation need not be linear; null below MIN_EFFECT_BUDGET_KR.
 * @example effectForBudget({ direction: 'lower', baselineValue: 7.8, latestValue: 7.0, budgetKr: 3_600_000 }) // { improvement: ≈0.8, budgetKr: 3600000 }
 */
export function effectForBudget(input: {
	direction: Direction;
	baselineValue: number;
	latestValue: number;
	budgetKr: number;
}): Effect | null {
	const { direction, baselineValue, latestValue, budgetKr } = input;
	if (![baselineValue, latestValue, budgetKr].every(Number.isFinite)) {
		throw new RangeError('effectForBudget needs finite numbers');
	}
	if (budgetKr < MIN_EFFECT_BUDGET_KR) return null;
	const improvement = direction === 'lower' ? baselineValue - latestValue : latestValue - baselineValue;
	return { improvement, budgetKr };
}

/**
 * The effect in words, with the KPI's decimals and percentages as %-point.
 * @example effectText({ improvement: 1.1, budgetKr: 3_600_000 }, 'percent', 1) // '1,1 %-point bedre end baseline for 3,6 mio. kr. bevilget'
 */
export function effectText(effect: Effect, unit: KpiUnit, decimals: number): string {
	const size = Math.abs(effect.improvement);
	const amount = formatKpiChange(size, unit, decimals);
	const budget = formatKrShort(effect.budgetKr);
	// Compared as shown, so an improvement that rounds to nothing is "unchanged".
	if (roundTo(size, decimals) === 0) return t('effect.same', { budget });
	return t(effect.improvement > 0 ? 'effect.better' : 'effect.worse', { amount, budget });
}
