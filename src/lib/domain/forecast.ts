/**
 * The forecast of a KPI at its target period (DESIGN §3 "Forecast"): the projected value, its 80 % prediction
 * interval and the probability that the target is reached. Shown beside the status, never replacing it.
 * Which model a series gets is decided by the backtest (tests/bench/backtest.ts, README "Prognose").
 */
import { isIsoDate } from './dates';
import {
	aicc,
	fitModel,
	predictWindow,
	summarisePrediction,
	type FittedModel,
	type ForecastModel,
	type SeriesPoint,
	type WindowPeriod
} from './forecast-models';
import { parsePeriodFor, periodOrdinal, periodStart, PERIODS_PER_YEAR, type Frequency, type Period } from './periods';
import { validateKpiDefinition, type KpiDefinition, type ObservationPoint } from './progress';

export { FORECAST_MODELS, type ForecastModel } from './forecast-models';
export { describeForecast, forecastLine, forecastModelName } from './forecast-text';

export interface Forecast {
	/** The target period Pt. */
	period: string;
	/** Point forecast at Pt (of the rolling-year mean ending at Pt when def.assessment is 'rolling_year'). */
	value: number;
	/** The 80 % prediction interval. */
	lower80: number;
	upper80: number;
	/** P(the value at Pt reaches the target), 0..1, direction-aware (lower is better: P(Y ≤ T)). */
	probability: number;
	model: ForecastModel;
	/** Observations the model was fitted to. */
	observations: number;
}

export type ForecastOutcome =
	| { kind: 'forecast'; forecast: Forecast }
	| { kind: 'too_few'; observations: number; needed: number }
	| { kind: 'settled' };

/**
 * How a model is chosen for a series: always the linear trend, the seasonal model wherever it applies, or
 * the one with the smaller AICc. The backtest compares them; FORECAST_MODEL_RULE is the one it supported.
 */
export const MODEL_RULES = ['linear_only', 'seasonal_when_possible', 'aicc'] as const;
export type ModelRule = (typeof MODEL_RULES)[number];
/** Chosen by the backtest (README "Prognose"). */
export const FORECAST_MODEL_RULE: ModelRule = 'seasonal_when_possible';

/**
 * The most observations a forecast is fitted to: the newest five years of months. A trend from further back says
 * little about the years ahead, and a fixed window lets the overview fetch the same values as the KPI page.
 */
export const FORECAST_HISTORY = 60;

/** The seasonal model needs two years of a monthly (quarterly) series. */
const SEASONAL_MINIMUM: Partial<Record<Frequency, number>> = { month: 24, quarter: 8 };

/**
 * Observations after the baseline period that a forecast needs (DESIGN §3): 12 for a monthly KPI, else 6.
 * @example forecastMinimum('month') // 12
 */
export function forecastMinimum(frequency: Frequency): number {
	return frequency === 'month' ? 12 : 6;
}

/**
 * The forecast of a KPI's value at its target period as of an ISO date; throws on an invalid definition or
 * observation, like computeKpiProgress. Uses the newest FORECAST_HISTORY observations after the baseline period that
 * have started by asOf.
 * @example computeForecast(def, observations, '2024-06-30') // { kind: 'forecast', forecast: { period: '2025', value: 6.8, … } }
 */
export function computeForecast(
	def: KpiDefinition,
	observations: readonly ObservationPoint[],
	asOf: string
): ForecastOutcome {
	return computeForecastWith(def, observations, asOf, FORECAST_MODEL_RULE);
}

/**
 * computeForecast with a chosen model rule (the backtest compares the rules with it).
 * @example computeForecastWith(def, observations, '2024-06-30', 'linear_only')
 */
export function computeForecastWith(
	def: KpiDefinition,
	observations: readonly ObservationPoint[],
	asOf: string,
	rule: ModelRule
): ForecastOutcome {
	const problem = validateKpiDefinition(def);
	if (problem) throw new Error(`Invalid KPI definition: ${problem}`);
	if (!Number.isFinite(def.baseline.value) || !Number.isFinite(def.target.value)) {
		throw new Error('Invalid KPI definition: baseline and target must be finite numbers');
	}
	if (!isIsoDate(asOf)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${asOf}"`);

	const baseline = periodOrdinal(mustParseFor(def.baseline.period, def.frequency));
	const target = periodOrdinal(mustParseFor(def.target.period, def.frequency));
	const known = knownValues(def.frequency, observations, asOf);
	const points: SeriesPoint[] = [...known]
		.filter(([ordinal]) => ordinal > baseline)
		.map(([ordinal, value]) => ({ ordinal, value }))
		.sort((a, b) => a.ordinal - b.ordinal)
		.slice(-FORECAST_HISTORY);

	if (points.length > 0 && points[points.length - 1].ordinal >= target) return { kind: 'settled' };
	const needed = forecastMinimum(def.frequency);
	if (points.length < needed) return { kind: 'too_few', observations: points.length, needed };

	const fitted = chooseModel(rule, def.frequency, points);
	const prediction = predictWindow(fitted, forecastWindow(def, target, known));
	const { lower80, upper80, probability } = summarisePrediction(prediction, def.target.value, def.direction);
	return {
		kind: 'forecast',
		forecast: {
			period: def.target.period,
			value: prediction.mean,
			lower80,
			upper80,
			probability,
			model: fitted.model,
			observations: points.length
		}
	};
}

/** The fitted model a rule picks; the linear trend when the seasonal one does not apply or cannot be fitted. */
function chooseModel(rule: ModelRule, frequency: Frequency, points: readonly SeriesPoint[]): FittedModel {
	const perYear = PERIODS_PER_YEAR[frequency];
	const linear = fitModel('linear_trend', points, perYear);
	// Six or more distinct periods always determine a line.
	if (!linear) throw new Error('The linear trend could not be fitted');
	const minimum = SEASONAL_MINIMUM[frequency];
	if (rule === 'linear_only' || minimum === undefined || points.length < minimum) return linear;
	const seasonal = fitModel('seasonal_trend', points, perYear);
	if (!seasonal) return linear;
	if (rule === 'seasonal_when_possible') return seasonal;
	return aicc(seasonal) < aicc(linear) ? seasonal : linear;
}

/**
 * The periods whose mean is forecast: Pt alone, or the rolling year ending at Pt (months or quarters). A period of
 * the window that already has a value keeps it, even one at or before the baseline: it is a fact, not a forecast.
 */
function forecastWindow(def: KpiDefinition, target: number, known: ReadonlyMap<number, number>): WindowPeriod[] {
	const rolling = def.assessment === 'rolling_year' && (def.frequency === 'month' || def.frequency === 'quarter');
	const length = rolling ? PERIODS_PER_YEAR[def.frequency] : 1;
	return Array.from({ length }, (_, i) => {
		const ordinal = target - length + 1 + i;
		return { ordinal, known: known.get(ordinal) ?? null };
	});
}

/** Every observation that has started by asOf, by period ordinal; a malformed or repeated one throws. */
function knownValues(
	frequency: Frequency,
	observations: readonly ObservationPoint[],
	asOf: string
): Map<number, number> {
	const byOrdinal = new Map<number, number>();
	const seen = new Set<number>();
	for (const { period: text, value } of observations) {
		const period = mustParseFor(text, frequency);
		if (!Number.isFinite(value)) throw new Error(`Observation ${text} is not a finite number`);
		const ordinal = periodOrdinal(period);
		if (seen.has(ordinal)) throw new Error(`Two observations for period ${text}`);
		seen.add(ordinal);
		if (periodStart(period) <= asOf) byOrdinal.set(ordinal, value);
	}
	return byOrdinal;
}

function mustParseFor(text: string, frequency: Frequency): Period {
	const result = parsePeriodFor(text, frequency);
	if (!result.ok) throw new RangeError(`Period "${text}" is ${result.error} for a ${frequency} KPI`);
	return result.period;
}
