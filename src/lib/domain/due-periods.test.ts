import { describe, expect, it } from 'vitest';
import { duePeriods } from './due-periods';

const periodsOf = (result: ReturnType<typeof duePeriods>) => result.periods.map((p) => p.period);

describe('duePeriods', () => {
	it('asks for every ended month without a value, overdue from 30 days after its end (DESIGN §3)', () => {
		const result = duePeriods('month', '2026-06', ['2026-07'], '2026-11-22');
		expect(result.periods).toEqual([
			{ period: '2026-08', overdue: true },
			{ period: '2026-09', overdue: true },
			{ period: '2026-10', overdue: false }
		]);
		expect(result.more).toBe(false);
	});

	it('never asks for the current period or the baseline', () => {
		expect(periodsOf(duePeriods('quarter', '2026-Q2', [], '2026-11-22'))).toEqual(['2026-Q3']);
		expect(periodsOf(duePeriods('year', '2025', [], '2026-11-22'))).toEqual([]);
		expect(periodsOf(duePeriods('year', '2022', ['2023', '2025'], '2026-11-22'))).toEqual(['2024']);
	});

	it('keeps the newest missing periods when there are more than the limit, and says so', () => {
		const result = duePeriods('month', '2016-05', [], '2026-11-22', 3);
		expect(periodsOf(result)).toEqual(['2026-08', '2026-09', '2026-10']);
		expect(result.more).toBe(true);
	});

	it('asks for nothing when the baseline is in the future', () => {
		expect(duePeriods('half', '2027-H1', [], '2026-11-22').periods).toEqual([]);
	});
});
