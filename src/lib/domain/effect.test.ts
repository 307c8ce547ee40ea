import { describe, expect, it } from 'vitest';
import { budgetUpTo, effectForBudget, effectText } from './effect';

describe('budgetUpTo', () => {
	const lines = [
		{ year: 2023, amountKr: 400_000 },
		{ year: 2024, amountKr: 1_200_000 },
		{ year: 2024, amountKr: 800_000 },
		{ year: 2026, amountKr: 1_000_000 }
	];

	it('sums the lines up to and including the year', () => {
		expect(budgetUpTo(lines, 2022)).toBe(0);
		expect(budgetUpTo(lines, 2023)).toBe(400_000);
		expect(budgetUpTo(lines, 2024)).toBe(2_400_000);
		expect(budgetUpTo(lines, 2025)).toBe(2_400_000);
		expect(budgetUpTo(lines, 2030)).toBe(3_400_000);
	});

	it('throws on a fractional amount', () => {
		expect(() => budgetUpTo([{ year: 2024, amountKr: 0.5 }], 2024)).toThrow(RangeError);
	});
});

describe('effectForBudget and effectText (DESIGN §3: the improvement for the money allocated, never per million)', () => {
	const NBSP = '\u00a0';
	const text = (...args: Parameters<typeof effectText>) => effectText(...args).replace(/\u00a0/g, ' ');

	it('signs lower-is-better so that a fall is better, and words it for the money allocated', () => {
		const effect = effectForBudget({ direction: 'lower', baselineValue: 7.8, latestValue: 6.7, budgetKr: 3_600_000 });
		expect(effect?.improvement).toBeCloseTo(1.1, 9);
		expect(text(effect!, 'percent', 1)).toBe('1,1 %-point bedre end baseline for 3,6 mio. kr. bevilget');
		expect(effectText(effect!, 'percent', 1)).toContain(`1,1${NBSP}%-point`);
	});

	it('signs higher-is-better so that a rise is better; counts and days in their own unit', () => {
		const effect = effectForBudget({ direction: 'higher', baselineValue: 4.2, latestValue: 5.9, budgetKr: 500_000 });
		expect(text(effect!, 'count', 1)).toBe('1,7 bedre end baseline for 500.000 kr. bevilget');
		const days = effectForBudget({ direction: 'lower', baselineValue: 10, latestValue: 12, budgetKr: 250_000 });
		expect(text(days!, 'days', 0)).toBe('2 dage dårligere end baseline for 250.000 kr. bevilget');
	});

	it('an improvement that rounds to nothing is unchanged', () => {
		const effect = effectForBudget({ direction: 'lower', baselineValue: 7.8, latestValue: 7.78, budgetKr: 1_000_000 });
		expect(text(effect!, 'percent', 1)).toBe('uændret siden baseline for 1 mio. kr. bevilget');
	});

	it('is not shown below 100.000 kr. allocated', () => {
		const base = { direction: 'higher' as const, baselineValue: 5, latestValue: 6 };
		expect(effectForBudget({ ...base, budgetKr: 99_999 })).toBeNull();
		expect(effectForBudget({ ...base, budgetKr: 0 })).toBeNull();
		expect(effectForBudget({ ...base, budgetKr: 100_000 })).toEqual({ improvement: 1, budgetKr: 100_000 });
	});

	it('refuses numbers that are not finite', () => {
		expect(() => effectForBudget({ direction: 'lower', baselineValue: NaN, latestValue: 1, budgetKr: 1 })).toThrow(
			RangeError
		);
	});
});
