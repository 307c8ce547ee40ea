import { describe, expect, test } from 'vitest';
import { computeForecast, computeForecastWith, describeForecast, forecastModelName, type Forecast } from './forecast';
import { NBSP } from './format';
import type { KpiDefinition, ObservationPoint } from './progress';

/** Yearly KPI, lower is better; six values after the 2018 baseline. */
const yearly: KpiDefinition = {
	direction: 'lower',
	frequency: 'year',
	baseline: { value: 8, period: '2018' },
	target: { value: 6.5, period: '2026' }
};
const yearlyValues = [7.9, 7.7, 7.8, 7.4, 7.3, 7.1];
const yearlyObs: ObservationPoint[] = yearlyValues.map((value, i) => ({ period: String(2019 + i), value }));

function forecastOf(def: KpiDefinition, obs: readonly ObservationPoint[], asOf: string): Forecast {
	const outcome = computeForecast(def, obs, asOf);
	if (outcome.kind !== 'forecast') throw new Error(`expected a forecast, got ${outcome.kind}`);
	return outcome.forecast;
}

/** The month strings from `start` (YYYY-MM) on, `count` of them. */
function months(startYear: number, startMonth: number, count: number): string[] {
	return Array.from({ length: count }, (_, i) => {
		const m = startMonth - 1 + i;
		return `${startYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
	});
}

/** Deterministic noise in [−0.5, 0.5) that is not periodic in 12. */
const wobble = (i: number) => ((Math.sin(i * 12.9898 + 78.233) * 43758.5453) % 1) / 2;

describe('linear trend: the textbook prediction interval, computed here by hand', () => {
	// ŷ ± t·s·sqrt(1 + 1/n + (x0 − x̄)²/Sxx), t(0.90; 4) = 1.5332 from a printed table.
	const x = yearlyValues.map((_, i) => 2019 + i);
	const n = x.length;
	const xBar = x.reduce((a, b) => a + b) / n;
	const yBar = yearlyValues.reduce((a, b) => a + b) / n;
	const sxx = x.reduce((a, xi) => a + (xi - xBar) ** 2, 0);
	const slope = x.reduce((a, xi, i) => a + (xi - xBar) * (yearlyValues[i] - yBar), 0) / sxx;
	const intercept = yBar - slope * xBar;
	const rss = x.reduce((a, xi, i) => a + (yearlyValues[i] - intercept - slope * xi) ** 2, 0);
	const s = Math.sqrt(rss / (n - 2));
	const se = s * Math.sqrt(1 + 1 / n + (2026 - xBar) ** 2 / sxx);
	const point = intercept + slope * 2026;
	const T_TABLE = 1.5332;

	test('point and 80 % interval agree with the hand computation', () => {
		const f = forecastOf(yearly, yearlyObs, '2025-03-01');
		expect(f).toMatchObject({ period: '2026', model: 'linear_trend', observations: 6 });
		expect(f.value).toBeCloseTo(point, 10);
		expect(f.lower80).toBeCloseTo(point - T_TABLE * se, 3);
		expect(f.upper80).toBeCloseTo(point + T_TABLE * se, 3);
		expect(f.value).toBeCloseTo(6.8, 1);
	});

	test('the probability of reaching a target at the interval bound is 10 % (lower is better: P(Y ≤ T))', () => {
		const atLower = { ...yearly, target: { value: point - T_TABLE * se, period: '2026' } };
		expect(forecastOf(atLower, yearlyObs, '2025-03-01').probability).toBeCloseTo(0.1, 4);
		const atPoint = { ...yearly, target: { value: point, period: '2026' } };
		expect(forecastOf(atPoint, yearlyObs, '2025-03-01').probability).toBeCloseTo(0.5, 10);
	});

	test('unordered points, points after asOf and at or before the baseline are handled as documented', () => {
		const extra = [
			{ period: '2018', value: 99 },
			{ period: '2017', value: -99 },
			{ period: '2025', value: 1 }
		];
		const shuffled = [...yearlyObs].reverse().concat(extra);
		const f = forecastOf(yearly, shuffled, '2024-12-31');
		expect(f.value).toBeCloseTo(point, 10);
		expect(f.observations).toBe(6);
	});
});

describe('when there is no forecast', () => {
	test('too few observations after the baseline: 6, or 12 for a monthly KPI', () => {
		expect(computeForecast(yearly, yearlyObs.slice(0, 4), '2025-03-01')).toEqual({
			kind: 'too_few',
			observations: 4,
			needed: 6
		});
		// The sixth value's period has not started yet.
		expect(computeForecast(yearly, yearlyObs, '2023-12-31')).toMatchObject({ observations: 5 });
		const monthly: KpiDefinition = {
			direction: 'higher',
			frequency: 'month',
			baseline: { value: 10, period: '2023-12' },
			target: { value: 20, period: '2025-12' }
		};
		const obs = months(2024, 1, 11).map((period, i) => ({ period, value: 10 + i }));
		expect(computeForecast(monthly, obs, '2024-12-15')).toEqual({ kind: 'too_few', observations: 11, needed: 12 });
		expect(
			describeForecast(
				{ kind: 'too_few', observations: 4, needed: 6 },
				{ unit: 'percent', decimals: 1, frequency: 'year' }
			)
		).toBe('For få målinger til en prognose (4 af 6).');
	});

	test('settled: the target period (or a later one) has a value', () => {
		const withTarget = [...yearlyObs, { period: '2025', value: 7 }, { period: '2026', value: 6.9 }];
		expect(computeForecast(yearly, withTarget, '2026-01-01')).toEqual({ kind: 'settled' });
		expect(computeForecast(yearly, [...yearlyObs, { period: '2027', value: 6 }], '2027-06-01')).toEqual({
			kind: 'settled'
		});
		// …but not while the target period has not started by asOf.
		expect(computeForecast(yearly, withTarget, '2025-12-31').kind).toBe('forecast');
	});
});

describe('direction, rolling year and season', () => {
	test('higher is better: P(Y ≥ T) is the complement of the lower-is-better probability', () => {
		const rising = yearlyObs.map((o, i) => ({ period: o.period, value: 60 + 2 * i + wobble(i) }));
		const higher: KpiDefinition = {
			direction: 'higher',
			frequency: 'year',
			baseline: { value: 58, period: '2018' },
			target: { value: 75, period: '2026' }
		};
		const up = forecastOf(higher, rising, '2025-01-01');
		const lowerTwin: KpiDefinition = { ...higher, direction: 'lower', baseline: { value: 80, period: '2018' } };
		const down = forecastOf(lowerTwin, rising, '2025-01-01');
		expect(up.probability + down.probability).toBeCloseTo(1, 12);
		expect(up.value).toBeCloseTo(74, 0);
		expect(up.probability).toBeGreaterThan(0);
		expect(up.probability).toBeLessThan(0.5); // the point forecast falls short of 75
	});

	test('rolling year: the mean of the 12 months ending at Pt, with the variance of a mean of 12 predictions', () => {
		const def: KpiDefinition = {
			direction: 'lower',
			frequency: 'month',
			baseline: { value: 8, period: '2023-12' },
			target: { value: 6.5, period: '2026-12' },
			assessment: 'rolling_year'
		};
		const values = months(2024, 1, 18).map((period, i) => ({ period, value: 8 - 0.05 * i + 0.2 * wobble(i) }));
		const f = forecastOf(def, values, '2025-07-01');
		// By hand: x = 0..17, future x = 24..35 (2026), s²(1/k + 1/n + (x̄f − x̄)²/Sxx), t(0.90; 16) = 1.3368.
		const y = values.map((v) => v.value);
		const n = 18;
		const xBar = 8.5;
		const sxx = Array.from({ length: n }, (_, i) => (i - xBar) ** 2).reduce((a, b) => a + b);
		const yBar = y.reduce((a, b) => a + b) / n;
		const slope = y.reduce((a, yi, i) => a + (i - xBar) * (yi - yBar), 0) / sxx;
		const s2 = y.reduce((a, yi, i) => a + (yi - yBar - slope * (i - xBar)) ** 2, 0) / (n - 2);
		const xf = 29.5;
		const se = Math.sqrt(s2 * (1 / 12 + 1 / n + (xf - xBar) ** 2 / sxx));
		expect(f.value).toBeCloseTo(yBar + slope * (xf - xBar), 10);
		expect(f.upper80 - f.value).toBeCloseTo(1.3368 * se, 3);
		// The mean of 12 months is surer than one month.
		const single = forecastOf({ ...def, assessment: 'latest' }, values, '2025-07-01');
		expect(f.upper80 - f.lower80).toBeLessThan(single.upper80 - single.lower80);
		expect(
			describeForecast(
				{ kind: 'forecast', forecast: f },
				{ unit: 'percent', decimals: 1, frequency: 'month', assessment: 'rolling_year' }
			)
		).toMatch(/^Prognose for gennemsnittet af de 12 måneder til og med december 2026: /);
	});

	test('rolling year: months of the window already observed count as they are', () => {
		const def: KpiDefinition = {
			direction: 'lower',
			frequency: 'month',
			baseline: { value: 8, period: '2023-12' },
			target: { value: 6.5, period: '2025-06' },
			assessment: 'rolling_year'
		};
		// 2024-01 … 2025-02 observed; the window 2024-07 … 2025-06 has 8 known months and 4 to predict (x = 14..17).
		const values = months(2024, 1, 14).map((period, i) => ({ period, value: 8 - 0.05 * i + 0.2 * wobble(i) }));
		const f = forecastOf(def, values, '2025-03-15');
		const y = values.map((v) => v.value);
		const n = 14;
		const xBar = 6.5;
		const sxx = Array.from({ length: n }, (_, i) => (i - xBar) ** 2).reduce((a, b) => a + b);
		const yBar = y.reduce((a, b) => a + b) / n;
		const slope = y.reduce((a, yi, i) => a + (i - xBar) * (yi - yBar), 0) / sxx;
		const s2 = y.reduce((a, yi, i) => a + (yi - yBar - slope * (i - xBar)) ** 2, 0) / (n - 2);
		const predicted = [14, 15, 16, 17].map((x) => yBar + slope * (x - xBar));
		const known = y.slice(6).reduce((a, b) => a + b);
		expect(f.value).toBeCloseTo((known + predicted.reduce((a, b) => a + b)) / 12, 10);
		// Var of the sum of m = 4 predictions: s²(m + m²(1/n + (x̄g − x̄)²/Sxx)); t(0.90; 12) = 1.3562.
		const se = Math.sqrt(s2 * (4 + 16 * (1 / n + (15.5 - xBar) ** 2 / sxx))) / 12;
		expect(f.upper80 - f.value).toBeCloseTo(1.3562 * se, 3);
	});

	test('a monthly series with two years and a season: the seasonal model recovers the season', () => {
		const season = [0.8, 0.6, 0.3, 0, -0.2, -0.4, -0.9, -0.6, -0.1, 0.1, 0.3, 0.1];
		const truth = (i: number) => 7 - 0.02 * i + season[i % 12];
		const values = months(2023, 1, 30).map((period, i) => ({ period, value: truth(i) + 0.05 * wobble(i) }));
		const def: KpiDefinition = {
			direction: 'lower',
			frequency: 'month',
			baseline: { value: 7.5, period: '2022-12' },
			target: { value: 6.3, period: '2025-07' }
		};
		const seasonal = computeForecastWith(def, values, '2025-06-30', 'seasonal_when_possible');
		const linear = computeForecastWith(def, values, '2025-06-30', 'linear_only');
		if (seasonal.kind !== 'forecast' || linear.kind !== 'forecast') throw new Error('expected forecasts');
		expect(seasonal.forecast.model).toBe('seasonal_trend');
		expect(seasonal.forecast.value).toBeCloseTo(truth(30), 1); // July: the season's low
		expect(seasonal.forecast.lower80).toBeLessThan(truth(30));
		expect(seasonal.forecast.upper80).toBeGreaterThan(truth(30));
		expect(Math.abs(linear.forecast.value - truth(30))).toBeGreaterThan(0.5);
		expect(computeForecastWith(def, values, '2025-06-30', 'aicc')).toMatchObject({
			forecast: { model: 'seasonal_trend' }
		});
		expect(forecastModelName('seasonal_trend')).toBe('tendens og sæson');
		expect(forecastModelName('linear_trend')).toBe('lineær tendens');
	});
});

describe('edge cases never throw or give NaN', () => {
	test('a month with no value in a long series: the seasonal model cannot be fitted, the linear trend is used', () => {
		const def: KpiDefinition = {
			direction: 'lower',
			frequency: 'month',
			baseline: { value: 8, period: '2022-12' },
			target: { value: 6.5, period: '2025-12' }
		};
		const noJuly = months(2023, 1, 30)
			.map((period, i) => ({ period, value: 8 - 0.03 * i + 0.3 * wobble(i) }))
			.filter((o) => !o.period.endsWith('-07'));
		const f = forecastOf(def, noJuly, '2025-06-30');
		expect(f).toMatchObject({ model: 'linear_trend', observations: 28 });
		const withJuly = months(2023, 1, 30).map((period, i) => ({ period, value: 8 - 0.03 * i + 0.3 * wobble(i) }));
		expect(forecastOf(def, withJuly, '2025-06-30').model).toBe('seasonal_trend');
	});

	test('all values equal: the interval collapses and the probability is 0 or 1', () => {
		const flat = yearlyObs.map((o) => ({ ...o, value: 7 }));
		const f = forecastOf(yearly, flat, '2025-01-01');
		expect(f).toMatchObject({ value: 7, lower80: 7, upper80: 7, probability: 0 });
		const holdTheLevel: KpiDefinition = {
			...yearly,
			baseline: { value: 7, period: '2018' },
			target: { value: 7, period: '2026' }
		};
		expect(forecastOf(holdTheLevel, flat, '2025-01-01').probability).toBe(1);
	});

	test('gaps in the series and a target far ahead', () => {
		const gappy = yearlyObs
			.filter((_, i) => i !== 2)
			.concat({ period: '2026', value: 7 }, { period: '2028', value: 6.9 });
		const farDef = { ...yearly, target: { value: 6.5, period: '2150' } };
		const f = forecastOf(farDef, gappy, '2029-01-01');
		for (const v of [f.value, f.lower80, f.upper80, f.probability]) expect(Number.isFinite(v)).toBe(true);
		expect(f.observations).toBe(7);
		expect(f.probability).toBeGreaterThanOrEqual(0);
		expect(f.probability).toBeLessThanOrEqual(1);
	});

	test('an invalid definition or observation throws, as computeKpiProgress does', () => {
		expect(() => computeForecast({ ...yearly, target: { value: 9, period: '2026' } }, yearlyObs, '2025-01-01')).toThrow(
			/direction_mismatch/
		);
		expect(() => computeForecast(yearly, [...yearlyObs, { period: '2024', value: 1 }], '2025-01-01')).toThrow(/Two/);
		expect(() => computeForecast(yearly, yearlyObs, '2025-1-1')).toThrow(RangeError);
	});
});

describe('describeForecast', () => {
	test("the sentence, with the KPI's unit and decimals and a whole-percent probability", () => {
		const forecast: Forecast = {
			period: '2025',
			value: 6.81,
			lower80: 6.38,
			upper80: 7.24,
			probability: 0.2304,
			model: 'linear_trend',
			observations: 8
		};
		const kpi = { unit: 'percent', decimals: 1, frequency: 'year' } as const;
		expect(describeForecast({ kind: 'forecast', forecast }, kpi)).toBe(
			`Prognose for 2025: 6,8${NBSP}% (80${NBSP}%-interval 6,4–7,2). Sandsynlighed for at nå målet: 23${NBSP}%`
		);
		const nearlySure = { ...forecast, period: '2025-Q4', probability: 0.998 };
		expect(describeForecast({ kind: 'forecast', forecast: nearlySure }, { ...kpi, frequency: 'quarter' })).toMatch(
			/^Prognose for 4\. kvartal 2025: .* over 99\u00a0%$/
		);
		expect(describeForecast({ kind: 'forecast', forecast: { ...forecast, probability: 0.001 } }, kpi)).toMatch(
			/under 1\u00a0%$/
		);
		expect(describeForecast({ kind: 'forecast', forecast: { ...forecast, probability: 0 } }, kpi)).toMatch(
			/: 0\u00a0%$/
		);
	});
});
