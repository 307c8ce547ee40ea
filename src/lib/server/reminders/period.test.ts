import { describe, expect, test } from 'vitest';
import { isoWeekKey, periodKey } from './period';

describe('digest periods', () => {
	test('ISO weeks, also across the turn of the year', () => {
		expect(isoWeekKey('2026-12-01')).toBe('2026-W49');
		expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
		expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
		expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
		expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
		expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
	});
	test('months', () => {
		expect(periodKey('monthly', '2026-12-01')).toBe('2026-12');
		expect(periodKey('weekly', '2026-11-30')).toBe('2026-W49');
	});
});
