import { describe, expect, it } from 'vitest';
import { computeKpiProgress, type KpiDefinition } from './progress';
import { AS_OF, monthly, sickLeave } from './progress.test-fixtures';

describe('edge cases', () => {
	it('worse than baseline gives a negative share and off_track', () => {
		const progress = computeKpiProgress(sickLeave, [{ period: '2023', value: 8.1 }], AS_OF);
		expect(progress.achievedShare).toBeCloseTo(-0.231, 3);
		expect(progress.expectedShare).toBeCloseTo(0.333, 3);
		expect(progress.status).toBe('off_track');
	});

	it('clamps E to 1 after the target period, where short of the target is missed (DESIGN §3 revised)', () => {
		const progress = computeKpiProgress(sickLeave, [{ period: '2026', value: 6.7 }], '2027-03-01');
		expect(progress.expectedShare).toBe(1);
		expect(progress.achievedShare).toBeCloseTo(0.846, 3);
		expect(progress.status).toBe('missed');
		expect(progress.targetPassed).toBe(true);
	});

	it('with only values at or before the baseline period there is no data', () => {
		const progress = computeKpiProgress(
			sickLeave,
			[
				{ period: '2021', value: 8.0 },
				{ period: '2022', value: 7.8 }
			],
			AS_OF
		);
		expect(progress).toMatchObject({
			status: 'no_data',
			achievedShare: null,
			expectedShare: null,
			latest: null
		});
	});

	it('with no observations at all there is no data, and the required period is overdue', () => {
		expect(computeKpiProgress(sickLeave, [], AS_OF)).toEqual({
			status: 'no_data',
			achievedShare: null,
			expectedShare: null,
			latest: null,
			assessedValue: null,
			rolling: null,
			targetPassed: false,
			overdue: true,
			requiredPeriod: '2025',
			missingRun: { from: '2023', to: '2025', count: 3 }
		});
	});

	it('ignores an observation whose period starts after the as-of date', () => {
		const progress = computeKpiProgress(
			sickLeave,
			[
				{ period: '2024', value: 7.0 },
				{ period: '2027', value: 9.9 }
			],
			AS_OF
		);
		expect(progress.latest).toEqual({ period: '2024', value: 7.0 });
		expect(progress.status).toBe('on_track');
	});

	it('counts a period that has started but not ended (starts on or before as-of)', () => {
		const observations = [{ period: '2026', value: 6.0 }];
		expect(computeKpiProgress(sickLeave, observations, '2026-01-01').latest?.period).toBe('2026');
		expect(computeKpiProgress(sickLeave, observations, '2025-12-31').latest).toBeNull();
	});

	it('takes the newest period, whatever the input order', () => {
		const observations = [
			{ period: '2017-02', value: 21 },
			{ period: '2016-09', value: 30 },
			{ period: '2016-04', value: 10 },
			{ period: '2016-12', value: 19 }
		];
		const forwards = computeKpiProgress(monthly, observations, AS_OF);
		const backwards = computeKpiProgress(monthly, [...observations].reverse(), AS_OF);
		expect(forwards.latest).toEqual({ period: '2017-02', value: 21 });
		expect(backwards).toEqual(forwards);
	});

	it('works for a half-year KPI', () => {
		const def: KpiDefinition = {
			direction: 'higher',
			frequency: 'half',
			baseline: { value: 40, period: '2023-H2' },
			target: { value: 60, period: '2025-H2' }
		};
		const progress = computeKpiProgress(def, [{ period: '2024-H2', value: 45 }], AS_OF);
		expect(progress.expectedShare).toBeCloseTo(0.5, 9);
		expect(progress.achievedShare).toBeCloseTo(0.25, 9);
		expect(progress.status).toBe('at_risk');
		expect(progress.requiredPeriod).toBe('2026-H1');
		expect(progress.overdue).toBe(true);
	});
});
describe('overdue', () => {
	const yearlyFrom = (period: string): KpiDefinition => ({
		...sickLeave,
		baseline: { value: 7.8, period },
		target: { value: 6.5, period: '2030' }
	});

	it('as of 2026-11-22 a monthly KPI needs 2026-09', () => {
		const def: KpiDefinition = {
			...monthly,
			target: { value: 25, period: '2027-12' }
		};
		const missing = computeKpiProgress(def, [{ period: '2026-08', value: 20 }], AS_OF);
		expect(missing).toMatchObject({ requiredPeriod: '2026-09', overdue: true });
		const present = computeKpiProgress(def, [{ period: '2026-09', value: 20 }], AS_OF);
		expect(present).toMatchObject({ requiredPeriod: '2026-09', overdue: false });
	});

	it('requires a month exactly 30 days after its last day, not a day sooner', () => {
		const def: KpiDefinition = { ...monthly, target: { value: 25, period: '2027-12' } };
		const required = (asOf: string) => computeKpiProgress(def, [], asOf).requiredPeriod;
		expect(required('2026-11-29')).toBe('2026-09');
		expect(required('2026-11-30')).toBe('2026-10'); // 2026-10-31 + 30 days
	});

	it('as of 2026-11-22 a quarterly KPI needs 2026-Q3', () => {
		const def: KpiDefinition = {
			direction: 'higher',
			frequency: 'quarter',
			baseline: { value: 1, period: '2025-Q1' },
			target: { value: 2, period: '2027-Q4' }
		};
		const missing = computeKpiProgress(def, [{ period: '2026-Q4', value: 1.5 }], AS_OF);
		expect(missing).toMatchObject({ requiredPeriod: '2026-Q3', overdue: true });
		const present = computeKpiProgress(def, [{ period: '2026-Q3', value: 1.5 }], AS_OF);
		expect(present).toMatchObject({ requiredPeriod: '2026-Q3', overdue: false });
	});

	it('as of 2026-11-22 a yearly KPI needs 2025', () => {
		const missing = computeKpiProgress(yearlyFrom('2022'), [{ period: '2024', value: 7 }], AS_OF);
		expect(missing).toMatchObject({ requiredPeriod: '2025', overdue: true });
		const present = computeKpiProgress(yearlyFrom('2022'), [{ period: '2025', value: 7 }], AS_OF);
		expect(present).toMatchObject({ requiredPeriod: '2025', overdue: false });
	});

	it('is not overdue when the required period is the baseline period or before', () => {
		for (const baseline of ['2025', '2026']) {
			const progress = computeKpiProgress(yearlyFrom(baseline), [], AS_OF);
			expect(progress).toMatchObject({ requiredPeriod: null, overdue: false, status: 'no_data' });
		}
	});

	it('stays overdue even when a later period has a value', () => {
		const progress = computeKpiProgress(
			yearlyFrom('2022'),
			[
				{ period: '2024', value: 7 },
				{ period: '2026', value: 7 }
			],
			AS_OF
		);
		expect(progress).toMatchObject({ overdue: true, requiredPeriod: '2025' });
		expect(progress.latest?.period).toBe('2026');
	});
});
