/**
 * The forecast's two models and their predictive distribution (forecast.ts decides which one a KPI gets).
 * Both are OLS on the period index x (whole periods of the KPI's frequency):
 * - linear_trend: y = a + b·x + ε;
 * - seasonal_trend: y = a + b·x + season(x) + ε, one dummy per month (quarter) but the first.
 * ε is taken as independent normal noise with one variance, so a prediction is Student-t with n − p degrees of freedom.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { dot, fitOls, quadraticForm, type OlsFit } from './forecast-ols';
import type { Direction } from './progress';

export const FORECAST_MODELS = ['linear_trend', 'seasonal_trend'] as const;
export type ForecastModel = (typeof FORECAST_MODELS)[number];

/** One observation on the period axis: ordinal as from periodOrdinal. */
export interface SeriesPoint {
	ordinal: number;
	value: number;
}

export interface FittedModel {
	model: ForecastModel;
	fit: OlsFit;
	/** x = ordinal − origin (the mean ordinal), which keeps XᵀX well conditioned. */
	origin: number;
	perYear: number;
}

/** A period of the forecast window: its value is known (observed) or to be predicted. */
export interface WindowPeriod {
	ordinal: number;
	known: number | null;
}

/** The predictive distribution of the window's mean: mean + se·T(df). */
export interface Prediction {
	mean: number;
	se: number;
	df: number;
}

/** The central 80 % interval. */
const INTERVAL_LEVEL = 0.8;

/**
 * The design row of a period for a model.
 * @example designRow('linear_trend', 5, 3, 12) // [1, 2]
 */
export function designRow(model: ForecastModel, ordinal: number, origin: number, perYear: number): number[] {
	const row = [1, ordinal - origin];
	if (model === 'seasonal_trend') {
		const season = ((ordinal % perYear) + perYear) % perYear;
		for (let s = 1; s < perYear; s++) row.push(season === s ? 1 : 0);
	}
	return row;
}

/**
 * Fits a model to the points; null when it cannot be fitted (too few points, a season without data).
 * @example fitModel('linear_trend', [{ ordinal: 0, value: 1 }, { ordinal: 1, value: 2 }, { ordinal: 2, value: 3 }], 1)?.fit.coefficients // [2, 1]
 */
export function fitModel(model: ForecastModel, points: readonly SeriesPoint[], perYear: number): FittedModel | null {
	if (points.length === 0 || (model === 'seasonal_trend' && perYear < 2)) return null;
	const origin = points.reduce((total, p) => total + p.ordinal, 0) / points.length;
	const rows = points.map((p) => designRow(model, p.ordinal, origin, perYear));
	const fit = fitOls(
		rows,
		points.map((p) => p.value)
	);
	return fit ? { model, fit, origin, perYear } : null;
}

/**
 * The predictive distribution of the mean over a window of periods (one period, or the 12 months / 4 quarters
 * of a rolling year): known values count as they are; the k periods to predict add s²·(k + gᵀ(XᵀX)⁻¹g) to the
 * variance of their sum, g the sum of their design rows. For a whole window of linear-trend predictions this is
 * s²·(1/k + 1/n + (x̄f − x̄)²/Sxx) for the mean, the textbook formula.
 * @example predictWindow(fitted, [{ ordinal: 2025, known: null }])
 */
export function predictWindow(fitted: FittedModel, window: readonly WindowPeriod[]): Prediction {
	const { model, fit, origin, perYear } = fitted;
	let knownSum = 0;
	let unknown = 0;
	const g = new Array<number>(fit.coefficients.length).fill(0);
	for (const period of window) {
		if (period.known !== null) {
			knownSum += period.known;
			continue;
		}
		unknown++;
		designRow(model, period.ordinal, origin, perYear).forEach((x, i) => (g[i] += x));
	}
	const k = window.length;
	const mean = (knownSum + dot(g, fit.coefficients)) / k;
	const variance = unknown === 0 ? 0 : (fit.residualSd ** 2 * (unknown + quadraticForm(fit.inverse, g))) / k ** 2;
	return { mean, se: Math.sqrt(Math.max(0, variance)), df: fit.df };
}

/**
 * The 80 % prediction interval and the probability that the value reaches the target (lower is better: ≤ T).
 * With se = 0 (a perfect fit) the interval is the point and the probability 0 or 1.
 * @example summarisePrediction({ mean: 7, se: 0.5, df: 4 }, 6.5, 'lower').probability // ≈ 0.19
 */
export function summarisePrediction(
	prediction: Prediction,
	target: number,
	direction: Direction
): { lower80: number; upper80: number; probability: number } {
	const { mean, se, df } = prediction;
	if (se === 0) {
		const reaches = direction === 'lower' ? mean <= target : mean >= target;
		return { lower80: mean, upper80: mean, probability: reaches ? 1 : 0 };
	}
	const half = tQuantile(1 - (1 - INTERVAL_LEVEL) / 2, df) * se;
	const below = tCdf((target - mean) / se, df);
	return { lower80: mean - half, upper80: mean + half, probability: direction === 'lower' ? below : 1 - below };
}

/**
 * Small-sample Akaike information criterion of a Gaussian OLS fit (smaller is better); +∞ when undefined.
 * @example aicc(fitted) // compare linear_trend with seasonal_trend on the same points
 */
export function aicc(fitted: FittedModel): number {
	const { n, df, rss } = fitted.fit;
	const k = n - df + 1; // the coefficients and the noise variance
	if (rss <= 0) return -Infinity;
	if (n - k - 1 <= 0) return Infinity;
	return n * Math.log(rss / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}
