import { describe, expect, it } from 'vitest';
import { nextMissingPeriod } from './entry';

describe('nextMissingPeriod', () => {
	it('asks for the oldest gap after the baseline', () => {
		expect(nextMissingPeriod('month', '2022-12', ['2023-01', '2023-03'], '2023-06-15')).toBe('2023-02');
	});

	it('asks for the current period when everything before it is there', () => {
		expect(nextMissingPeriod('year', '2022', ['2023', '2024', '2025'], '2026-11-22')).toBe('2026');
		expect(nextMissingPeriod('month', '2025-12', [], '2026-01-10')).toBe('2026-01');
	});

	it('asks for the period after the newest when values run ahead of the as-of date', () => {
		expect(nextMissingPeriod('quarter', '2023-Q4', ['2024-Q1', '2024-Q2'], '2024-05-01')).toBe('2024-Q3');
	});

	it('asks for the first period after the baseline when the baseline is in the future', () => {
		expect(nextMissingPeriod('half', '2027-H1', [], '2026-11-22')).toBe('2027-H2');
	});

	it('refuses a baseline of the wrong form', () => {
		expect(() => nextMissingPeriod('month', '2024', [], '2026-11-22')).toThrow();
	});
});
