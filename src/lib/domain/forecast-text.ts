/**
 * The forecast in Danish words. Kept apart from forecast.ts so a page can word a forecast computed on the
 * server without loading the statistics library.
 */
import { t } from '$lib/messages';
import type { ForecastModel } from './forecast-models';
import type { ForecastOutcome } from './forecast';
import { formatKpiValue, formatNumber, formatPercent, type KpiUnit } from './format';
import { formatPeriodDa, type Frequency } from './periods';
import { plural } from './plural';
import type { Assessment } from './progress';

/** How a KPI's numbers are shown (the KPI's own unit and decimals). */
export interface ForecastDisplay {
	unit: KpiUnit;
	decimals: number;
	frequency: Frequency;
	/** 'rolling_year' words the forecast as the mean of the year ending at the target period. */
	assessment?: Assessment;
}

/**
 * The forecast as one Danish sentence.
 * @example describeForecast(outcome, { unit: 'percent', decimals: 1, frequency: 'year' })
 * // 'Prognose for 2025: 6,8 % (80 %-interval 6,4–7,2). Sandsynlighed for at nå målet: 23 %'
 * @example describeForecast({ kind: 'too_few', observations: 4, needed: 6 }, kpi) // 'For få målinger til en prognose (4 af 6).'
 */
export function describeForecast(outcome: ForecastOutcome, kpi: ForecastDisplay): string {
	if (outcome.kind === 'too_few') {
		return t(plural(outcome.observations, { one: 'forecast.too_few_one', other: 'forecast.too_few_other' }), {
			observations: outcome.observations,
			needed: outcome.needed
		});
	}
	if (outcome.kind === 'settled') return t('forecast.settled');
	const { forecast } = outcome;
	const periodText = formatPeriodDa(forecast.period);
	const rolling = kpi.assessment === 'rolling_year';
	const period =
		rolling && kpi.frequency === 'month'
			? t('forecast.rolling_months', { period: periodText })
			: rolling && kpi.frequency === 'quarter'
				? t('forecast.rolling_quarters', { period: periodText })
				: periodText;
	return t('forecast.sentence', {
		period,
		value: formatKpiValue(forecast.value, kpi.unit, kpi.decimals),
		lower: formatNumber(forecast.lower80, kpi.decimals),
		upper: formatNumber(forecast.upper80, kpi.decimals),
		probability: formatProbability(forecast.probability)
	});
}

/**
 * The forecast line a page shows: the sentence with the model named, the too-few sentence, or null once settled.
 * @example forecastLine(outcome, kpi) // 'Prognose for 2025: 6,8 % (…). Sandsynlighed for at nå målet: 23 %. Model: lineær tendens (8 målinger).'
 */
export function forecastLine(outcome: ForecastOutcome | undefined | null, kpi: ForecastDisplay): string | null {
	if (!outcome || outcome.kind === 'settled') return null;
	if (outcome.kind === 'too_few') return describeForecast(outcome, kpi);
	return t(
		plural(outcome.forecast.observations, { one: 'forecast.with_model_one', other: 'forecast.with_model_other' }),
		{
			sentence: describeForecast(outcome, kpi),
			model: forecastModelName(outcome.forecast.model),
			observations: outcome.forecast.observations
		}
	);
}

/**
 * The model's plain-Danish name for pages and help.
 * @example forecastModelName('linear_trend') // 'lineær tendens'
 */
export function forecastModelName(model: ForecastModel): string {
	return model === 'seasonal_trend' ? t('forecast.model_seasonal_trend') : t('forecast.model_linear_trend');
}

/**
 * A probability as a whole percentage; never "0 %" or "100 %" for a probability that is neither.
 * @example formatProbability(0.234) // '23 %'
 */
export function formatProbability(probability: number): string {
	const percent = probability * 100;
	if (percent > 0 && percent < 0.5) return t('forecast.probability_below', { percent: formatPercent(1, 0) });
	if (percent < 100 && percent >= 99.5) return t('forecast.probability_above', { percent: formatPercent(99, 0) });
	return formatPercent(percent, 0);
}
