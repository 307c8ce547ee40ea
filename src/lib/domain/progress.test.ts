import { describe, expect, it } from 'vitest';
import { STATUS_ORDER, computeKpiProgress, type KpiDefinition } from './progress';
import { AS_OF, halfway, monthly, sickLeave } from './progress.test-fixtures';

describe('STATUS_ORDER', () => {
	it('lists statuses with data worst first', () => {
		expect(STATUS_ORDER).toEqual(['missed', 'off_track', 'at_risk', 'on_track', 'achieved']);
	});
});

describe('DESIGN §3 vectors', () => {
	it('V = 7.0 in 2024 → A = 0.615, E = 0.667 → on_track', () => {
		const progress = computeKpiProgress(sickLeave, [{ period: '2024', value: 7.0 }], AS_OF);
		expect(progress.status).toBe('on_track');
		expect(progress.achievedShare).toBeCloseTo(0.615, 3);
		expect(progress.expectedShare).toBeCloseTo(0.667, 3);
		expect(progress.latest).toEqual({ period: '2024', value: 7.0 });
	});

	it('V = 7.2 in 2024 → A = 0.462 → at_risk', () => {
		const progress = computeKpiProgress(sickLeave, [{ period: '2024', value: 7.2 }], AS_OF);
		expect(progress.status).toBe('at_risk');
		expect(progress.achievedShare).toBeCloseTo(0.462, 3);
		expect(progress.expectedShare).toBeCloseTo(0.667, 3);
	});

	it('V = 7.5 in 2024 → A = 0.231 → off_track', () => {
		const progress = computeKpiProgress(sickLeave, [{ period: '2024', value: 7.5 }], AS_OF);
		expect(progress.status).toBe('off_track');
		expect(progress.achievedShare).toBeCloseTo(0.231, 3);
	});

	it('V = 6.4 in 2024 → achieved', () => {
		const progress = computeKpiProgress(sickLeave, [{ period: '2024', value: 6.4 }], AS_OF);
		expect(progress.status).toBe('achieved');
		expect(progress.achievedShare).toBeCloseTo(1.077, 3);
	});

	it('monthly, higher is better: V = 21 in 2017-02 → A = 0.467, E = 9/19 → on_track', () => {
		const progress = computeKpiProgress(monthly, [{ period: '2017-02', value: 21 }], AS_OF);
		expect(progress.status).toBe('on_track');
		expect(progress.achievedShare).toBeCloseTo(0.467, 3);
		expect(progress.expectedShare).toBeCloseTo(9 / 19, 9);
		expect(progress.expectedShare).toBeCloseTo(0.474, 3);
	});

	it('monthly vector also holds as of shortly after the period', () => {
		const progress = computeKpiProgress(monthly, [{ period: '2017-02', value: 21 }], '2017-03-05');
		expect(progress.status).toBe('on_track');
		expect(progress.achievedShare).toBeCloseTo(0.467, 3);
	});
});

describe('exact boundaries (float noise must not flip a status)', () => {
	const at = (value: number) => computeKpiProgress(halfway, [{ period: '2021', value }], AS_OF);

	it('A = E − 0.10 exactly is on_track; just below is at_risk', () => {
		// (4.2 − 5) / (3 − 5) = 0.4 = 0.5 − 0.10, but computes to 0.3999999999999999
		expect(at(4.2).achievedShare).toBeCloseTo(0.4, 9);
		expect(at(4.2).status).toBe('on_track');
		expect(at(4.21).status).toBe('at_risk');
	});

	it('A = E − 0.25 exactly is at_risk; just below is off_track', () => {
		const def: KpiDefinition = { ...halfway, target: { value: 3.6, period: '2022' } };
		const status = (value: number) => computeKpiProgress(def, [{ period: '2021', value }], AS_OF).status;
		// (4.65 − 5) / (3.6 − 5) = 0.25, computed as 0.24999999999999975
		expect(status(4.65)).toBe('at_risk');
		expect(status(4.66)).toBe('off_track');
	});

	it('boundaries with E = 2/5 on a quarterly KPI', () => {
		const def: KpiDefinition = {
			direction: 'lower',
			frequency: 'quarter',
			baseline: { value: 5, period: '2020-Q1' },
			target: { value: 3, period: '2021-Q2' }
		};
		const progress = (value: number) => computeKpiProgress(def, [{ period: '2020-Q3', value }], AS_OF);
		expect(progress(4.4).expectedShare).toBeCloseTo(0.4, 9);
		expect(progress(4.4).status).toBe('on_track'); // A = 0.3 = E − 0.10
		expect(progress(4.41).status).toBe('at_risk');
		expect(progress(4.7).status).toBe('at_risk'); // A = 0.15 = E − 0.25
		expect(progress(4.71).status).toBe('off_track');
	});

	it('V = T exactly is achieved; a hair short is not', () => {
		expect(at(3).status).toBe('achieved');
		expect(at(3).achievedShare).toBe(1);
		expect(at(3.01).status).toBe('on_track');
	});
});
describe('hold-the-level targets (T = B)', () => {
	const hold = (direction: 'lower' | 'higher'): KpiDefinition => ({
		direction,
		frequency: 'year',
		baseline: { value: 10, period: '2022' },
		target: { value: 10, period: '2025' }
	});
	const status = (direction: 'lower' | 'higher', value: number) =>
		computeKpiProgress(hold(direction), [{ period: '2024', value }], AS_OF);

	it('lower is better: on_track at or below T, else off_track, never achieved', () => {
		expect(status('lower', 10).status).toBe('on_track');
		expect(status('lower', 8).status).toBe('on_track');
		expect(status('lower', 10.1).status).toBe('off_track');
	});

	it('higher is better: on_track at or above T, else off_track', () => {
		expect(status('higher', 10).status).toBe('on_track');
		expect(status('higher', 12).status).toBe('on_track');
		expect(status('higher', 9.9).status).toBe('off_track');
	});

	it('has no achieved share but an expected share', () => {
		const progress = status('higher', 12);
		expect(progress.achievedShare).toBeNull();
		expect(progress.expectedShare).toBeCloseTo(0.667, 3);
	});
});
describe('properties over many generated cases', () => {
	/** A small deterministic pseudo-random generator (mulberry32), so failures reproduce. */
	function random(seed: number): () => number {
		let state = seed;
		return () => {
			state = (state + 0x6d2b79f5) | 0;
			let x = Math.imul(state ^ (state >>> 15), 1 | state);
			x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
			return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
		};
	}

	it('status agrees with A and E, shares stay in range, and improving never worsens status', () => {
		const next = random(20261122);
		const rank = (s: string) => STATUS_ORDER.indexOf(s as (typeof STATUS_ORDER)[number]);
		for (let i = 0; i < 2000; i++) {
			const direction = next() < 0.5 ? 'lower' : 'higher';
			const b = Math.round(next() * 1000) / 10;
			const gap = Math.round(1 + next() * 500) / 10;
			const t = direction === 'lower' ? b - gap : b + gap;
			const span = 1 + Math.floor(next() * 6);
			const def: KpiDefinition = {
				direction,
				frequency: 'year',
				baseline: { value: b, period: '2015' },
				target: { value: t, period: String(2015 + span) }
			};
			const period = String(2016 + Math.floor(next() * 8));
			const value = Math.round((b + (t - b) * (next() * 1.6 - 0.3)) * 10) / 10;
			const progress = computeKpiProgress(def, [{ period, value }], AS_OF);
			const a = progress.achievedShare ?? Number.NaN;
			const e = progress.expectedShare ?? Number.NaN;
			expect(e).toBeGreaterThan(0);
			expect(e).toBeLessThanOrEqual(1);
			expect(progress.status === 'achieved').toBe(a >= 1 - 1e-9);
			if (progress.status === 'off_track') expect(a).toBeLessThan(e - 0.25 + 1e-9);
			if (progress.status === 'on_track') expect(a).toBeGreaterThanOrEqual(e - 0.1 - 1e-9);
			const better = direction === 'lower' ? value - gap / 10 : value + gap / 10;
			const improved = computeKpiProgress(def, [{ period, value: better }], AS_OF);
			expect(rank(improved.status)).toBeGreaterThanOrEqual(rank(progress.status));
		}
	});
});
