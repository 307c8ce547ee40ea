import { describe, expect, it } from 'vitest';
import { computeKpiProgress, expectedValueAt, validateKpiDefinition } from './progress';
import { AS_OF, monthly, sickLeave } from './progress.test-fixtures';

describe('validateKpiDefinition', () => {
	it('accepts the design vectors and hold-the-level targets', () => {
		expect(validateKpiDefinition(sickLeave)).toBeNull();
		expect(validateKpiDefinition(monthly)).toBeNull();
		expect(validateKpiDefinition({ ...sickLeave, target: { value: 7.8, period: '2025' } })).toBeNull();
	});

	it('finds a direction that disagrees with the target', () => {
		expect(validateKpiDefinition({ ...sickLeave, target: { value: 8, period: '2025' } })).toBe('direction_mismatch');
		expect(validateKpiDefinition({ ...monthly, target: { value: 17, period: '2017-12' } })).toBe('direction_mismatch');
	});

	it('finds malformed and wrong-frequency periods', () => {
		expect(validateKpiDefinition({ ...sickLeave, baseline: { value: 7.8, period: '22' } })).toBe('period_malformed');
		expect(validateKpiDefinition({ ...sickLeave, target: { value: 6.5, period: '2025-13' } })).toBe('period_malformed');
		expect(validateKpiDefinition({ ...sickLeave, target: { value: 6.5, period: '2025-H1' } })).toBe(
			'period_wrong_frequency'
		);
		expect(validateKpiDefinition({ ...monthly, frequency: 'quarter' })).toBe('period_wrong_frequency');
	});

	it('finds a target period that is not after the baseline period', () => {
		expect(validateKpiDefinition({ ...sickLeave, target: { value: 6.5, period: '2022' } })).toBe(
			'target_not_after_baseline'
		);
		expect(validateKpiDefinition({ ...sickLeave, target: { value: 6.5, period: '2020' } })).toBe(
			'target_not_after_baseline'
		);
	});
});
describe('programming errors throw', () => {
	it('rejects an invalid definition', () => {
		const bad = { ...sickLeave, target: { value: 9, period: '2025' } };
		expect(() => computeKpiProgress(bad, [], AS_OF)).toThrow(/direction_mismatch/);
		const nan = { ...sickLeave, baseline: { value: Number.NaN, period: '2022' } };
		expect(() => computeKpiProgress(nan, [], AS_OF)).toThrow(/finite/);
	});

	it('rejects a malformed as-of date', () => {
		expect(() => computeKpiProgress(sickLeave, [], '22-11-2026')).toThrow(RangeError);
	});

	it('rejects observations of the wrong form, non-canonical, repeated or not finite', () => {
		const run = (period: string, value = 7) => computeKpiProgress(sickLeave, [{ period, value }], AS_OF);
		expect(() => run('2024-H1')).toThrow(/wrong_frequency/);
		expect(() => run('24')).toThrow(/malformed/);
		expect(() => run(' 2024')).toThrow(/canonical/);
		expect(() => run('2024', Number.NaN)).toThrow(/finite/);
		const twice = [
			{ period: '2024', value: 7 },
			{ period: '2024', value: 7.1 }
		];
		expect(() => computeKpiProgress(sickLeave, twice, AS_OF)).toThrow(/Two observations/);
	});
});
describe('expectedValueAt', () => {
	it('follows the straight line from baseline to target, flat outside', () => {
		expect(expectedValueAt(sickLeave, '2022')).toBeCloseTo(7.8, 9);
		expect(expectedValueAt(sickLeave, '2024')).toBeCloseTo(6.933, 3);
		expect(expectedValueAt(sickLeave, '2025')).toBeCloseTo(6.5, 9);
		expect(expectedValueAt(sickLeave, '2028')).toBeCloseTo(6.5, 9);
		expect(expectedValueAt(sickLeave, '2020')).toBeCloseTo(7.8, 9);
		expect(expectedValueAt(monthly, '2017-02')).toBeCloseTo(17.5 + 7.5 * (9 / 19), 9);
	});

	it('throws on a period of the wrong frequency', () => {
		expect(() => expectedValueAt(sickLeave, '2024-Q1')).toThrow(RangeError);
	});
});
