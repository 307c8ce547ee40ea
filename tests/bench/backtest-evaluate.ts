/**
 * Rolling-origin evaluation of the forecast: for each series, each training size (origin) and each horizon,
 * forecast the value h periods after the origin from the values up to the origin only, then compare with the
 * value that came. Metrics: coverage of the 80 % interval, MASE (scaled by the training data's one-step naive
 * and seasonal-naive errors, Hyndman & Koehler 2006), and the Brier score of the probability of reaching the target.
 */
import { computeForecastWith, forecastMinimum, type ModelRule } from '../../src/lib/domain/forecast';
import {
	addPeriods,
	formatPeriod,
	parsePeriod,
	periodEnd,
	periodOrdinal,
	PERIODS_PER_YEAR
} from '../../src/lib/domain/periods';
import type { KpiDefinition } from '../../src/lib/domain/progress';
import { HORIZONS, type BacktestSeries } from './backtest-series';

/** One forecast compared with what came. */
export interface Evaluation {
	family: string;
	rule: ModelRule;
	/** Training size and whether the seasonal model applied to it (so the rules differ). */
	trainingSize: number;
	seasonalApplies: boolean;
	model: string;
	covered: boolean;
	absError: number;
	naiveAbsError: number;
	seasonalNaiveAbsError: number;
	/** MAE of the training data's one-step naive / seasonal-naive forecast; null where undefined or 0. */
	scaleNaive: number | null;
	scaleSeasonal: number | null;
	probability: number;
	reached: boolean;
}

/**
 * Every evaluation of one series under one model rule.
 * @example evaluateSeries(demoSeries()[0], 'linear_only').length
 */
export function evaluateSeries(series: BacktestSeries, rule: ModelRule): Evaluation[] {
	const obs = series.observations;
	const byOrdinal = new Map(obs.map((o) => [periodOrdinal(parsePeriod(o.period)!), o.value]));
	const perYear = PERIODS_PER_YEAR[series.frequency];
	const rolling = series.assessment === 'rolling_year';
	const window = rolling ? perYear : 1;
	const first = parsePeriod(obs[0].period)!;
	const baselinePeriod = formatPeriod(addPeriods(first, -1));
	const minimum = forecastMinimum(series.frequency);
	const sizes = series.origins.length > 0 ? series.origins : range(minimum, obs.length - 1);
	const seasonalMinimum = series.frequency === 'month' ? 24 : series.frequency === 'quarter' ? 8 : Infinity;
	const results: Evaluation[] = [];
	for (const size of sizes) {
		const training = obs.slice(0, size);
		const origin = parsePeriod(training[training.length - 1].period)!;
		const asOf = periodEnd(origin);
		const values = training.map((o) => o.value);
		const ordinals = training.map((o) => periodOrdinal(parsePeriod(o.period)!));
		const scaleNaive = meanAbsLagged(ordinals, values, 1);
		const scaleSeasonal = perYear > 1 ? meanAbsLagged(ordinals, values, perYear) : scaleNaive;
		for (const h of HORIZONS[series.frequency]) {
			const targetOrdinal = periodOrdinal(origin) + h;
			const windowValues = range(targetOrdinal - window + 1, targetOrdinal).map((o) => byOrdinal.get(o));
			if (windowValues.some((v) => v === undefined)) continue;
			const actual = mean(windowValues as number[]);
			const targetPeriod = formatPeriod(addPeriods(origin, h));
			const targetValue = series.targetFor(targetPeriod);
			const def: KpiDefinition = {
				direction: series.direction,
				frequency: series.frequency,
				baseline: { value: targetValue + (series.direction === 'lower' ? 1 : -1), period: baselinePeriod },
				target: { value: targetValue, period: targetPeriod },
				assessment: series.assessment
			};
			const outcome = computeForecastWith(def, training, asOf, rule);
			if (outcome.kind !== 'forecast') continue;
			const f = outcome.forecast;
			const trainingMap = new Map(ordinals.map((o, i) => [o, values[i]]));
			const naive = rolling ? mean(values.slice(-perYear)) : values[values.length - 1];
			const seasonalNaive = rolling ? naive : (seasonalNaiveValue(trainingMap, targetOrdinal, perYear) ?? naive);
			results.push({
				family: series.family,
				rule,
				trainingSize: size,
				seasonalApplies: size >= seasonalMinimum,
				model: f.model,
				covered: actual >= f.lower80 && actual <= f.upper80,
				absError: Math.abs(actual - f.value),
				naiveAbsError: Math.abs(actual - naive),
				seasonalNaiveAbsError: Math.abs(actual - seasonalNaive),
				scaleNaive,
				scaleSeasonal,
				probability: f.probability,
				reached: series.direction === 'lower' ? actual <= targetValue : actual >= targetValue
			});
		}
	}
	return results;
}

export interface Summary {
	forecasts: number;
	coverage: number;
	/** MASE of the forecast, then of the naive and seasonal-naive forecasts, on the same scales. */
	maseNaive: number;
	maseSeasonal: number;
	naiveMase: number;
	seasonalNaiveMase: number;
	brier: number;
	/** Brier score of always saying the group's base rate (the share that reached the target). */
	brierBaseRate: number;
}

/**
 * The metrics of a group of evaluations.
 * @example summarise(evaluations.filter((e) => e.family === 'demo'))
 */
export function summarise(evaluations: readonly Evaluation[]): Summary {
	const scaled = (pick: (e: Evaluation) => number, scale: (e: Evaluation) => number | null) => {
		const ratios = evaluations.flatMap((e) => {
			const s = scale(e);
			return s === null ? [] : [pick(e) / s];
		});
		return ratios.length > 0 ? mean(ratios) : NaN;
	};
	const baseRate = mean(evaluations.map((e) => (e.reached ? 1 : 0)));
	return {
		forecasts: evaluations.length,
		coverage: mean(evaluations.map((e) => (e.covered ? 1 : 0))),
		maseNaive: scaled(
			(e) => e.absError,
			(e) => e.scaleNaive
		),
		maseSeasonal: scaled(
			(e) => e.absError,
			(e) => e.scaleSeasonal
		),
		naiveMase: scaled(
			(e) => e.naiveAbsError,
			(e) => e.scaleNaive
		),
		seasonalNaiveMase: scaled(
			(e) => e.seasonalNaiveAbsError,
			(e) => e.scaleSeasonal
		),
		brier: mean(evaluations.map((e) => (e.probability - (e.reached ? 1 : 0)) ** 2)),
		brierBaseRate: baseRate * (1 - baseRate)
	};
}

/** The newest training value in the target's season. */
function seasonalNaiveValue(
	training: ReadonlyMap<number, number>,
	target: number,
	perYear: number
): number | undefined {
	const latest = Math.max(...training.keys());
	for (let o = target - perYear; o >= target - 10 * perYear; o -= perYear) {
		if (o <= latest && training.has(o)) return training.get(o);
	}
	return undefined;
}

/** Mean |y_t − y_{t−lag}| over the pairs present; null without pairs or when it is 0. */
function meanAbsLagged(ordinals: readonly number[], values: readonly number[], lag: number): number | null {
	const at = new Map(ordinals.map((o, i) => [o, values[i]]));
	const diffs = ordinals.flatMap((o, i) => (at.has(o - lag) ? [Math.abs(values[i] - at.get(o - lag)!)] : []));
	const result = diffs.length > 0 ? mean(diffs) : 0;
	return result > 0 ? result : null;
}

function mean(values: readonly number[]): number {
	return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

function range(from: number, to: number): number[] {
	return from > to ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
