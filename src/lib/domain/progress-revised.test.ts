/** DESIGN §3 as revised: missed, hold the level at and after Pt, the rolling year, the missing-period run. */
import { describe, expect, it } from 'vitest';
import { computeKpiProgress, type KpiDefinition } from './progress';
import { combineKpiStatuses } from './recommendation-status';
import { AS_OF, months, rollingValues, sickLeave, sickLeaveMonthly } from './progress.test-fixtures';

describe('missed (the target period has a value and it did not reach the target)', () => {
	it('V = 6.7 in 2025 → A = 0.846 → missed', () => {
		const progress = computeKpiProgress(sickLeave, [{ period: '2025', value: 6.7 }], AS_OF);
		expect(progress.achievedShare).toBeCloseTo(0.846, 3);
		expect(progress.status).toBe('missed');
		expect(progress.targetPassed).toBe(true);
	});

	it('V = 6.5 in 2025 → achieved', () => {
		expect(computeKpiProgress(sickLeave, [{ period: '2025', value: 6.5 }], AS_OF).status).toBe('achieved');
	});

	it('V = 6.6 in 2026 → missed', () => {
		expect(computeKpiProgress(sickLeave, [{ period: '2026', value: 6.6 }], '2026-11-22').status).toBe('missed');
	});

	it('the same value before the target period is judged on the way (on_track), not missed', () => {
		const progress = computeKpiProgress(sickLeave, [{ period: '2024', value: 6.7 }], AS_OF);
		expect(progress.status).toBe('on_track');
		expect(progress.targetPassed).toBe(false);
	});

	it('as of a date before the target period is observed the status is on the way; after, missed', () => {
		const values = [
			{ period: '2024', value: 7.0 },
			{ period: '2025', value: 6.9 }
		];
		expect(computeKpiProgress(sickLeave, values, '2024-12-31').status).toBe('on_track');
		expect(computeKpiProgress(sickLeave, values, '2025-01-01').status).toBe('missed');
	});
});

describe('hold the level (T = B)', () => {
	const hold: KpiDefinition = {
		direction: 'higher',
		frequency: 'year',
		baseline: { value: 80, period: '2022' },
		target: { value: 80, period: '2025' }
	};
	const at = (period: string, value: number) => computeKpiProgress(hold, [{ period, value }], AS_OF);

	it('before Pt: on_track while not worse than T, else off_track; A is null', () => {
		expect(at('2024', 80).status).toBe('on_track');
		expect(at('2024', 81).status).toBe('on_track');
		expect(at('2024', 79.9).status).toBe('off_track');
		expect(at('2024', 79.9).achievedShare).toBeNull();
	});

	it('at Pt: achieved when not worse than T, else missed', () => {
		expect(at('2025', 80).status).toBe('achieved');
		expect(at('2025', 79).status).toBe('missed');
	});

	it('after Pt: the same', () => {
		expect(at('2026', 80.5).status).toBe('achieved');
		expect(at('2026', 79).status).toBe('missed');
	});
});

describe('assessment on the rolling year', () => {
	const values = rollingValues;
	const asOf = '2025-01-15';

	it('the latest value: A = −0.462 → off_track', () => {
		const progress = computeKpiProgress(sickLeaveMonthly, values, asOf);
		expect(progress.achievedShare).toBeCloseTo(-0.462, 3);
		expect(progress.status).toBe('off_track');
		expect(progress.rolling).toBeNull();
	});

	it('the rolling year: V = 7.1167, A = 0.526, E = 24/36 → at_risk', () => {
		const progress = computeKpiProgress({ ...sickLeaveMonthly, assessment: 'rolling_year' }, values, asOf);
		expect(progress.assessedValue).toBeCloseTo(7.1167, 4);
		expect(progress.achievedShare).toBeCloseTo(0.526, 3);
		expect(progress.expectedShare).toBeCloseTo(24 / 36, 9);
		expect(progress.status).toBe('at_risk');
		expect(progress.rolling).toEqual({ count: 12, window: 12, used: true });
		expect(progress.latest).toEqual({ period: '2024-12', value: 8.4 });
	});

	it('with 6 of 12 months the mean is used; with 5 of 12 the latest value, and says so', () => {
		const rolling = { ...sickLeaveMonthly, assessment: 'rolling_year' } as const;
		const six = [...months(2024, 7, 11, 7.0), { period: '2024-12', value: 8.4 }];
		expect(computeKpiProgress(rolling, six, asOf).rolling).toEqual({ count: 6, window: 12, used: true });
		expect(computeKpiProgress(rolling, six, asOf).assessedValue).toBeCloseTo((5 * 7 + 8.4) / 6, 9);
		const five = six.slice(1);
		const progress = computeKpiProgress(rolling, five, asOf);
		expect(progress.rolling).toEqual({ count: 5, window: 12, used: false });
		expect(progress.assessedValue).toBe(8.4);
		expect(progress.status).toBe('off_track');
	});

	it('only the 12 months ending at the latest period count', () => {
		const rolling = { ...sickLeaveMonthly, assessment: 'rolling_year' } as const;
		const progress = computeKpiProgress(rolling, [...months(2023, 1, 12, 20), ...values], asOf);
		expect(progress.assessedValue).toBeCloseTo(7.1167, 4);
	});

	it('a quarterly KPI uses 4 quarters and needs 2 of them', () => {
		const quarterly: KpiDefinition = {
			direction: 'lower',
			frequency: 'quarter',
			baseline: { value: 8, period: '2023-Q4' },
			target: { value: 6, period: '2026-Q4' },
			assessment: 'rolling_year'
		};
		const two = [
			{ period: '2025-Q2', value: 7 },
			{ period: '2025-Q3', value: 6 }
		];
		expect(computeKpiProgress(quarterly, two, AS_OF).assessedValue).toBe(6.5);
		expect(computeKpiProgress(quarterly, two.slice(1), AS_OF).rolling?.used).toBe(false);
	});

	it('a yearly KPI ignores the option', () => {
		const progress = computeKpiProgress(
			{ ...sickLeave, assessment: 'rolling_year' },
			[{ period: '2024', value: 7 }],
			AS_OF
		);
		expect(progress.rolling).toBeNull();
		expect(progress.status).toBe('on_track');
	});
});

describe('the missing-period run', () => {
	const monthlyKpi: KpiDefinition = {
		direction: 'lower',
		frequency: 'month',
		baseline: { value: 8, period: '2025-12' },
		target: { value: 6, period: '2027-12' }
	};

	it('as of 2026-11-22 a monthly KPI needs 2026-09; with values to July the run is August and September', () => {
		const progress = computeKpiProgress(monthlyKpi, [{ period: '2026-07', value: 7 }], AS_OF);
		expect(progress.requiredPeriod).toBe('2026-09');
		expect(progress.overdue).toBe(true);
		expect(progress.missingRun).toEqual({ from: '2026-08', to: '2026-09', count: 2 });
	});

	it('a value for the required period means no run, even with older gaps', () => {
		const progress = computeKpiProgress(monthlyKpi, [{ period: '2026-09', value: 7 }], AS_OF);
		expect(progress.overdue).toBe(false);
		expect(progress.missingRun).toBeNull();
	});

	it('without any value the run starts after the baseline period', () => {
		const progress = computeKpiProgress(monthlyKpi, [], AS_OF);
		expect(progress.missingRun).toEqual({ from: '2026-01', to: '2026-09', count: 9 });
	});

	it('a value after the required period does not end the run', () => {
		const values = [
			{ period: '2026-06', value: 7 },
			{ period: '2026-10', value: 7 }
		];
		expect(computeKpiProgress(monthlyKpi, values, AS_OF).missingRun).toEqual({
			from: '2026-07',
			to: '2026-09',
			count: 3
		});
	});

	it('no overdue flag when values are no longer expected (the recommendations are finished)', () => {
		const progress = computeKpiProgress(monthlyKpi, [], AS_OF, { expectsValues: false });
		expect(progress.overdue).toBe(false);
		expect(progress.missingRun).toBeNull();
		expect(progress.requiredPeriod).toBe('2026-09');
	});
});

describe('worst order', () => {
	it('missed < off_track < at_risk < on_track < achieved', () => {
		const worst = (...statuses: ('missed' | 'off_track' | 'at_risk' | 'on_track' | 'achieved' | 'no_data')[]) =>
			combineKpiStatuses(statuses.map((status) => ({ status, primary: false })));
		expect(worst('achieved', 'missed', 'off_track')).toBe('missed');
		expect(worst('achieved', 'on_track', 'at_risk')).toBe('at_risk');
		expect(worst('no_data', 'missed')).toBe('missed');
		expect(worst('no_data', 'no_data')).toBe('no_data');
	});
});
