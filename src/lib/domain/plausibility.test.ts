import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkPlausibility, valueBounds, type PlausibilityRules } from './plausibility';

const sickLeave: PlausibilityRules = {
	unit: 'percent',
	decimals: 1,
	frequency: 'month',
	minValue: null,
	maxValue: null
};
const today = '2026-11-22';
const check = (
	rules: PlausibilityRules,
	period: string,
	value: number,
	history: { period: string; value: number }[] = []
) => checkPlausibility(rules, { period, value, today, history });

describe('bounds', () => {
	test('a percentage lies in 0–100, counts and days are not negative, kroner and scores are free', () => {
		expect(valueBounds(sickLeave)).toEqual({ min: { value: 0, source: 'unit' }, max: { value: 100, source: 'unit' } });
		expect(valueBounds({ unit: 'count', minValue: null, maxValue: null })).toEqual({
			min: { value: 0, source: 'unit' },
			max: null
		});
		expect(valueBounds({ unit: 'days', minValue: null, maxValue: null }).min).toEqual({ value: 0, source: 'unit' });
		expect(valueBounds({ unit: 'kr', minValue: null, maxValue: null })).toEqual({ min: null, max: null });
		expect(valueBounds({ unit: 'score', minValue: null, maxValue: null })).toEqual({ min: null, max: null });
	});

	test("a KPI's own min/max replaces the unit's bound (a percent change may be negative)", () => {
		expect(valueBounds({ unit: 'percent', minValue: -50, maxValue: 20 })).toEqual({
			min: { value: -50, source: 'kpi' },
			max: { value: 20, source: 'kpi' }
		});
		expect(check({ ...sickLeave, minValue: -50 }, '2026-09', -0.4).errors).toEqual([]);
		expect(check({ ...sickLeave, maxValue: 20 }, '2026-09', 25).errors).toEqual([
			{ field: 'value', message: 'Værdien 25,0\u00a0% er over 20,0\u00a0%, nøgletallets højeste tilladte værdi.' }
		]);
		expect(check({ ...sickLeave, minValue: 2 }, '2026-09', 1).errors[0].message).toBe(
			'Værdien 1,0\u00a0% er under 2,0\u00a0%, nøgletallets mindste tilladte værdi.'
		);
	});

	test('150 %, 1.234,5 % and −0,4 % sick leave are refused, naming the bound; 0 % and 100 % are allowed', () => {
		expect(check(sickLeave, '2026-09', 150).errors).toEqual([
			{
				field: 'value',
				message: 'Værdien 150,0\u00a0% er over 100,0\u00a0%, den højeste værdi for enheden procent (%).'
			}
		]);
		expect(check(sickLeave, '2026-09', 1234.5).errors).toHaveLength(1);
		expect(check(sickLeave, '2026-09', -0.4).errors).toEqual([
			{ field: 'value', message: 'Værdien -0,4\u00a0% er under 0,0\u00a0%, den mindste værdi for enheden procent (%).' }
		]);
		expect(check(sickLeave, '2026-09', 0).errors).toEqual([]);
		expect(check(sickLeave, '2026-09', 100).errors).toEqual([]);
		expect(check({ ...sickLeave, unit: 'count', decimals: 0 }, '2026-09', -1).errors[0].message).toBe(
			'Værdien -1 er under 0, den mindste værdi for enheden antal.'
		);
	});
});

describe('decimals: rounded half away from zero, with a warning', () => {
	test('6,85 on a one-decimal KPI is stored as 6,9 and the user is told', () => {
		const result = check(sickLeave, '2026-09', 6.85);
		expect(result.value).toBe(6.9);
		expect(result.rounded).toBe('Værdien 6,85 er afrundet til 6,9\u00a0%, fordi nøgletallet har 1 decimal.');
		expect(result.errors).toEqual([]);
	});

	test('whole numbers and two decimals word the warning for themselves; a value within the decimals has none', () => {
		expect(check({ ...sickLeave, unit: 'count', decimals: 0 }, '2026-09', 12.5).rounded).toBe(
			'Værdien 12,5 er afrundet til 13, fordi nøgletallet er i hele tal.'
		);
		expect(check({ ...sickLeave, decimals: 2 }, '2026-09', 6.855).value).toBe(6.86);
		expect(check({ ...sickLeave, decimals: 2 }, '2026-09', 6.855).rounded).toContain('har 2 decimaler');
		expect(check(sickLeave, '2026-09', 6.8).rounded).toBeNull();
		// A spreadsheet's float noise (0,069 × 100) is not a typed decimal.
		expect(check(sickLeave, '2026-09', 0.069 * 100).rounded).toBeNull();
		expect(check(sickLeave, '2026-09', 0.069 * 100).value).toBe(6.9);
	});

	test('the bound is judged on the stored (rounded) value: 100,04 % on one decimal is 100,0 %', () => {
		expect(check(sickLeave, '2026-09', 100.04).errors).toEqual([]);
		expect(check(sickLeave, '2026-09', 100.05).errors).toHaveLength(1);
	});
});

describe('no period after the current one (Copenhagen date)', () => {
	test('as of 22 November 2026, November is allowed and December is refused, naming the latest period', () => {
		expect(check(sickLeave, '2026-11', 7).errors).toEqual([]);
		expect(check(sickLeave, '2026-12', 7).errors).toEqual([
			{
				field: 'period',
				message:
					'Perioden december 2026 er ikke begyndt endnu. Den seneste periode, der kan indtastes, er november 2026.'
			}
		]);
		expect(check(sickLeave, '2027-01', 7).errors[0].field).toBe('period');
	});

	test('each frequency has its own current period', () => {
		const yearly = { ...sickLeave, frequency: 'year' as const };
		expect(check(yearly, '2026', 7).errors).toEqual([]);
		expect(check(yearly, '2027', 7).errors[0].message).toContain('Den seneste periode, der kan indtastes, er 2026.');
		const quarterly = { ...sickLeave, frequency: 'quarter' as const };
		expect(check(quarterly, '2026-Q4', 7).errors).toEqual([]);
		expect(check(quarterly, '2027-Q1', 7).errors).toHaveLength(1);
		const half = { ...sickLeave, frequency: 'half' as const };
		expect(check(half, '2026-H2', 7).errors).toEqual([]);
		expect(check(half, '2027-H1', 7).errors).toHaveLength(1);
	});
});

describe('unusual change (more than 3 standard deviations of the own period-to-period changes)', () => {
	// Changes +0,1, −0,1, +0,2, −0,2, +0,1: mean 0,02, sd ≈ 0,164 → usual changes between about −0,47 and 0,51.
	const history = [
		{ period: '2026-03', value: 7.0 },
		{ period: '2026-04', value: 7.1 },
		{ period: '2026-05', value: 7.0 },
		{ period: '2026-06', value: 7.2 },
		{ period: '2026-07', value: 7.0 },
		{ period: '2026-08', value: 7.1 }
	];

	test('a jump from 7,1 to 9,5 is unusual and says why; a step of 0,3 is not', () => {
		const jump = check(sickLeave, '2026-09', 9.5, history);
		expect(jump.errors).toEqual([]);
		expect(jump.unusual).toBe(
			'Usædvanlig ændring: 9,5\u00a0% er 2,4\u00a0%-point fra 7,1\u00a0% (august 2026). Nøgletallets 5 ændringer fra periode til periode ligger normalt mellem -0,5\u00a0%-point og 0,5\u00a0%-point (gennemsnit ± 3 standardafvigelser). Tjek værdien, og sæt flueben, hvis den er rigtig.'
		);
		expect(check(sickLeave, '2026-09', 7.4, history).unusual).toBeNull();
		expect(check(sickLeave, '2026-09', 6.7, history).unusual).toBeNull();
		expect(check(sickLeave, '2026-09', 6.5, history).unusual).not.toBeNull();
	});

	test('fewer than 4 changes are not judged', () => {
		expect(check(sickLeave, '2026-09', 50, history.slice(2)).unusual).toBeNull();
		expect(check(sickLeave, '2026-09', 50, history.slice(1)).unusual).not.toBeNull();
	});

	test("the period's own stored value is left out, and a value before all others is compared with the next", () => {
		const withStored = [...history, { period: '2026-09', value: 30 }];
		expect(check(sickLeave, '2026-09', 7.2, withStored).unusual).toBeNull();
		expect(check(sickLeave, '2026-02', 12, history).unusual).toContain('fra 7,0\u00a0% (marts 2026)');
	});

	test('a series that never moved still allows a change of one unit of its last decimal', () => {
		const flat = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07'].map((period) => ({ period, value: 5 }));
		expect(check(sickLeave, '2026-08', 5.1, flat).unusual).toBeNull();
		expect(check(sickLeave, '2026-08', 5.4, flat).unusual).not.toBeNull();
	});

	test('a refused value gets no warning on top', () => {
		expect(check(sickLeave, '2026-09', 150, history).unusual).toBeNull();
	});

	test("a stored outlier in the period being corrected does not hide a new jump: the period's own value is left out", () => {
		const withOutlier = [...history.slice(0, 5), { period: '2026-08', value: 30 }, { period: '2026-09', value: 7.1 }];
		expect(check(sickLeave, '2026-08', 12, withOutlier).unusual).toContain('fra 7,0\u00a0% (juli 2026)');
		expect(check(sickLeave, '2026-08', 7.1, withOutlier).unusual).toBeNull();
	});

	test('the one-pass statistics agree with the textbook two-pass ones on many series', () => {
		const random = fc.sample(
			fc.record({
				values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 30 }),
				at: fc.nat(40),
				value: fc.integer({ min: 0, max: 1000 })
			}),
			{ numRuns: 300, seed: 14 }
		);
		for (const { values, at, value } of random) {
			const series = values.map((v, i) => ({
				period: `20${String(10 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}`,
				value: v / 10
			}));
			const period = series[at % series.length].period;
			const naive = twoPass(
				series.filter((p) => p.period !== period),
				period,
				value / 10
			);
			const result = check(sickLeave, period, value / 10, series).unusual !== null;
			expect([period, result]).toEqual([period, naive]);
		}
	});
});

/** The unusual-change rule written the plain way: every change of the series without the period, two passes. */
function twoPass(points: { period: string; value: number }[], period: string, value: number): boolean {
	const changes = points.slice(1).map((p, i) => p.value - points[i].value);
	if (changes.length < 4) return false;
	const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
	const sd = Math.max(Math.sqrt(changes.reduce((a, c) => a + (c - mean) ** 2, 0) / (changes.length - 1)), 0.1);
	const before = points.filter((p) => p.period < period).pop();
	const after = points.find((p) => p.period > period);
	const change = before ? value - before.value : after!.value - value;
	return Math.abs(change - mean) > 3 * sd;
}
