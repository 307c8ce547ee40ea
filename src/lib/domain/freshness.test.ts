import { describe, expect, test } from 'vitest';
import { kpiFreshness, recommendationFreshness } from './freshness';

describe('data freshness (issue 19)', () => {
	// As of 2026-11-22 a monthly KPI needs 2026-09, a quarterly one 2026-Q3 and a yearly one 2025 (DESIGN §3).
	const asOf = '2026-11-22';
	test('current at or after the required period, late one period behind, stale two or more', () => {
		expect(kpiFreshness('month', '2026-10', asOf)).toBe('current');
		expect(kpiFreshness('month', '2026-09', asOf)).toBe('current');
		expect(kpiFreshness('month', '2026-08', asOf)).toBe('late');
		expect(kpiFreshness('month', '2026-07', asOf)).toBe('stale');
		expect(kpiFreshness('quarter', '2026-Q3', asOf)).toBe('current');
		expect(kpiFreshness('quarter', '2026-Q2', asOf)).toBe('late');
		expect(kpiFreshness('year', '2025', asOf)).toBe('current');
		expect(kpiFreshness('year', '2024', asOf)).toBe('late');
		expect(kpiFreshness('year', '2023', asOf)).toBe('stale');
		expect(kpiFreshness('half', '2026-H1', asOf)).toBe('current');
		expect(kpiFreshness('month', null, asOf)).toBe('no_data');
	});

	test('a recommendation takes its freshest KPI; no KPIs or no values give no data', () => {
		expect(recommendationFreshness([], asOf)).toBe('no_data');
		expect(recommendationFreshness([{ frequency: 'month', latestPeriod: null }], asOf)).toBe('no_data');
		expect(
			recommendationFreshness(
				[
					{ frequency: 'year', latestPeriod: '2023' },
					{ frequency: 'month', latestPeriod: '2026-08' }
				],
				asOf
			)
		).toBe('late');
	});

	test('a period of the wrong form is an error, not a silent answer', () => {
		expect(() => kpiFreshness('month', '2026', asOf)).toThrow(RangeError);
	});
});
