import { describe, expect, it } from 'vitest';
import { budgetUpTo, effectPerMillion } from './effect';

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

describe('effectPerMillion', () => {
	it('signs lower-is-better so that a fall is positive', () => {
		const effect = effectPerMillion({
			direction: 'lower',
			baselineValue: 7.8,
			latestValue: 7.0,
			budgetKr: 3_600_000
		});
		expect(effect).toBeCloseTo(0.222, 3);
	});

	it('signs higher-is-better so that a rise is positive', () => {
		const effect = effectPerMillion({
			direction: 'higher',
			baselineValue: 17.5,
			latestValue: 21,
			budgetKr: 500_000
		});
		expect(effect).toBeCloseTo(7, 9);
	});

	it('is negative when the KPI got worse', () => {
		const effect = effectPerMillion({
			direction: 'lower',
			baselineValue: 7.8,
			latestValue: 8.1,
			budgetKr: 1_000_000
		});
		expect(effect).toBeCloseTo(-0.3, 9);
	});

	it('is zero without change and null without budget', () => {
		const base = { direction: 'higher' as const, baselineValue: 5, latestValue: 5 };
		expect(effectPerMillion({ ...base, budgetKr: 1_000_000 })).toBe(0);
		expect(effectPerMillion({ ...base, latestValue: 6, budgetKr: 0 })).toBeNull();
		expect(effectPerMillion({ ...base, latestValue: 6, budgetKr: -100 })).toBeNull();
	});

	it('throws on non-finite input', () => {
		expect(() =>
			effectPerMillion({ direction: 'lower', baselineValue: 1, latestValue: Number.NaN, budgetKr: 1 })
		).toThrow(RangeError);
	});
});
