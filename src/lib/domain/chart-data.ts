/**
 * What a KPI chart shows (DESIGN §4): the series, its one-sentence Danish summary and the rows of
 * the data table beside it. Pure and serialisable — no Chart.js types — so a load function may
 * compute it and the one Chart.js wrapper (`$lib/components/charts`) only has to draw it.
 */
import { t } from '$lib/messages';
import { formatKpiValue, formatNumber, type KpiUnit } from './format';
import type { Forecast } from './forecast';
import { amountsOnPeriods, allocationPerYear, spansYear } from './chart-kroner';
import { formatKrAlike, formatKrColumn, sumKr } from './money';
import { roundTo } from './numbers';
import {
	addPeriods,
	formatPeriod,
	formatPeriodDa,
	parsePeriodFor,
	periodsBetween,
	periodStart,
	type Frequency,
	type Period
} from './periods';
import { computeKpiProgress, expectedValueAt, type KpiDefinition } from './progress';

export interface KpiChartInput {
	name: string;
	unit: KpiUnit;
	decimals: number;
	frequency: Frequency;
	definition: KpiDefinition;
	observations: readonly { period: string; value: number; seriesBreak?: boolean }[];
	budgetLines: readonly { year: number; amountKr: number }[];
	actuals: readonly { year: number; amountKr: number }[];
	comparisons: readonly { name: string; values: readonly { period: string; value: number }[] }[];
	/** The forecast at the target period (DESIGN §3), drawn as a fan from the latest value; absent or null: none. */
	forecast?: Forecast | null;
}

/**
 * A series as a page sends it to its chart, and no more: period and value, `seriesBreak` only where a break
 * starts (the hydration data carries each value once, without the row's id, comment, source or version).
 * @example chartObservations([{ id: 1, period: '2024', value: 7.1, seriesBreak: false, comment: '' }]) // [{ period: '2024', value: 7.1 }]
 */
export function chartObservations(
	series: readonly { period: string; value: number; seriesBreak?: boolean }[]
): KpiChartInput['observations'] {
	return series.map(({ period, value, seriesBreak }) =>
		seriesBreak ? { period, value, seriesBreak } : { period, value }
	);
}

export type ChartSeriesKey =
	| 'values'
	| 'rolling'
	| 'baseline'
	| 'target'
	| 'trajectory'
	| 'forecast'
	| 'forecast_low'
	| 'forecast_high'
	| 'budget'
	| 'spent'
	| `comparison:${string}`;

export interface ChartSeries {
	key: ChartSeriesKey;
	label: string;
	/** 'step': one level per year held across the year's periods (a year's kroner on a chart of months, quarters or half-years). */
	kind: 'line' | 'bar' | 'step';
	axis: 'value' | 'kr';
	dashed?: boolean;
	/** One entry per label; null where the series has no point. */
	data: (number | null)[];
	/** Only on `values`: true where a series break (databrud) starts. */
	breaks?: boolean[];
	/** The forecast's interval: 'lower' is the band's edge (not in the legend), 'upper' fills down to it. */
	band?: 'lower' | 'upper';
}

export interface KpiChartData {
	/** Canonical periods from the baseline period to the later of target period and last observation. */
	labels: string[];
	/** The same periods in Danish words. */
	labelsDa: string[];
	series: ChartSeries[];
}

export interface KpiChartTableRow {
	period: string;
	/** The period's calendar year. */
	year: number;
	value: string | null;
	seriesBreak: boolean;
	/** The rolling-year mean at this period (KPIs assessed on it); null where it is not shown. */
	rolling: string | null;
	/** At the target period of a KPI with a forecast: '6,8 % (6,4–7,2)'; null elsewhere. */
	forecast: string | null;
	target: string;
	trajectory: string;
	budget: string | null;
	spent: string | null;
	/** In the order of `input.comparisons`. */
	comparisons: (string | null)[];
}

/**
 * The chart's series over every period from baseline to the later of target and last observation.
 * Throws on an invalid definition or an observation of the wrong frequency, like computeKpiProgress.
 * @example kpiChartData(sickLeave).series.find((s) => s.key === 'trajectory')?.data // [7.8, 7.367, 6.933, 6.5]
 */
export function kpiChartData(input: KpiChartInput): KpiChartData {
	const frame = buildFrame(input);
	const { labels, definition: def } = frame;
	const series: ChartSeries[] = [
		{
			key: 'values',
			label: t('chart.values'),
			kind: 'line',
			axis: 'value',
			data: frame.values,
			breaks: frame.breaks
		},
		...(frame.rolling
			? [
					{
						key: 'rolling',
						label: rollingLabel(def),
						kind: 'line',
						axis: 'value',
						data: frame.rolling
					} satisfies ChartSeries
				]
			: []),
		{
			key: 'baseline',
			label: t('chart.baseline'),
			kind: 'line',
			axis: 'value',
			data: labels.map((_, i) => (i === 0 ? def.baseline.value : null))
		},
		{
			key: 'target',
			label: t('chart.target'),
			kind: 'line',
			axis: 'value',
			dashed: true,
			data: labels.map(() => def.target.value)
		},
		{
			key: 'trajectory',
			label: t('chart.trajectory'),
			kind: 'line',
			axis: 'value',
			dashed: true,
			data: frame.trajectory
		}
	];
	if (frame.fan) {
		series.push(
			{ key: 'forecast', label: t('chart.forecast'), kind: 'line', axis: 'value', dashed: true, data: frame.fan.mid },
			{
				key: 'forecast_low',
				label: t('chart.forecast_low'),
				kind: 'line',
				axis: 'value',
				band: 'lower',
				data: frame.fan.low
			},
			{
				key: 'forecast_high',
				label: t('chart.forecast_interval'),
				kind: 'line',
				axis: 'value',
				band: 'upper',
				data: frame.fan.high
			}
		);
	}
	if (input.budgetLines.length > 0) {
		series.push(krSeries('budget', input.frequency, frame.budget));
	}
	if (input.actuals.length > 0) {
		series.push(krSeries('spent', input.frequency, frame.spent));
	}
	input.comparisons.forEach((comparison, i) => {
		series.push({
			key: `comparison:${comparison.name}`,
			label: comparison.name,
			kind: 'line',
			axis: 'value',
			data: frame.comparisons[i]
		});
	});
	return { labels, labelsDa: frame.periods.map((p) => formatPeriodDa(p)), series };
}

/**
 * One Danish sentence on the way from baseline to the latest value and the target, and when there is a
 * budget a second on allocated and spent kroner and a third on the allocation per year ("pr. år").
 * @example kpiChartSummary(sickLeave) // 'Sygefravær er faldet fra 7,8 % i 2022 til 6,7 % i 2025; målet er 6,5 % i 2025.'
 */
export function kpiChartSummary(input: KpiChartInput): string {
	const frame = buildFrame(input);
	const { definition: def } = frame;
	const value = (v: number) => formatKpiValue(v, input.unit, input.decimals);
	const params = {
		name: input.name,
		from: value(def.baseline.value),
		fromPeriod: formatPeriodDa(def.baseline.period),
		target: value(def.target.value),
		targetPeriod: formatPeriodDa(def.target.period)
	};
	const latest = frame.latestIndex;
	let sentence: string;
	if (latest === null) {
		sentence = t('chart.summary_none', params);
	} else {
		const to = frame.values[latest] as number;
		// Compare as shown, so "fra 7,8 % til 7,8 %" is reported as unchanged.
		const change = Math.sign(roundTo(to, input.decimals) - roundTo(def.baseline.value, input.decimals));
		const key = change < 0 ? 'chart.summary_down' : change > 0 ? 'chart.summary_up' : 'chart.summary_flat';
		sentence = t(key, { ...params, to: value(to), toPeriod: formatPeriodDa(frame.periods[latest]) });
	}
	if (input.budgetLines.length === 0) return sentence;
	const [allocated, spent] = formatKrAlike([
		sumKr(input.budgetLines.map((line) => line.amountKr)),
		sumKr(input.actuals.map((line) => line.amountKr))
	]);
	const budget = t('chart.summary_budget', { allocated, spent });
	return `${sentence} ${budget} ${allocationPerYear(input.budgetLines)}`;
}

/**
 * The rows of the data table beside the chart, one per label, formatted in Danish.
 * @example kpiChartTable(sickLeave)[0] // { period: '2022', value: null, target: '6,5 %', trajectory: '7,8 %', … }
 */
export function kpiChartTable(input: KpiChartInput): KpiChartTableRow[] {
	const frame = buildFrame(input);
	const value = (v: number | null) => (v === null ? null : formatKpiValue(v, input.unit, input.decimals));
	// Each kroner column on one scale (never "800.000 kr." under "1,2 mio. kr.").
	const budget = formatKrColumn(frame.budget);
	const spent = formatKrColumn(frame.spent);
	const target = formatKpiValue(frame.definition.target.value, input.unit, input.decimals);
	return frame.periods.map((period, i) => ({
		period: formatPeriodDa(period),
		year: period.year,
		value: value(frame.values[i]),
		seriesBreak: frame.breaks[i],
		rolling: value(frame.rolling?.[i] ?? null),
		forecast:
			frame.fan && input.forecast && i === frame.fan.at
				? t('chart.forecast_cell', {
						value: value(input.forecast.value) as string,
						lower: formatNumber(input.forecast.lower80, input.decimals),
						upper: formatNumber(input.forecast.upper80, input.decimals)
					})
				: null,
		target,
		trajectory: value(frame.trajectory[i]) as string,
		budget: budget[i],
		spent: spent[i],
		comparisons: frame.comparisons.map((series) => value(series[i]))
	}));
}

/** A chart's table of at most this many rows is shown whole (a yearly KPI's always is). */
const WHOLE_TABLE_ROWS = 40;

/**
 * The rows a page shows when the full table is one link away: a table of up to WHOLE_TABLE_ROWS rows whole;
 * a longer one's latest `years` calendar years up to the year of the newest value (of the last row when there is
 * none), and its last row (the target period, or the newest value).
 * @example recentChartRows(kpiChartTable(tenYearsMonthly), 3).map((r) => r.period) // ['januar 2024', …, 'december 2026', 'december 2027']
 */
export function recentChartRows<Row extends Pick<KpiChartTableRow, 'year' | 'value'>>(
	rows: readonly Row[],
	years: number
): Row[] {
	if (rows.length <= WHOLE_TABLE_ROWS) return [...rows];
	const newest = rows.findLastIndex((row) => row.value !== null);
	const lastYear = rows[newest >= 0 ? newest : rows.length - 1].year;
	return rows.filter((row, i) => i === rows.length - 1 || (row.year > lastYear - years && row.year <= lastYear));
}

interface Frame {
	definition: KpiDefinition;
	periods: Period[];
	labels: string[];
	values: (number | null)[];
	breaks: boolean[];
	/** The rolling-year mean at each period with a value, for a KPI assessed on it; null for other KPIs. */
	rolling: (number | null)[] | null;
	/** Index of the newest observation after the baseline period, if any. */
	latestIndex: number | null;
	/** The forecast fan: from the latest (or rolling-year) value to the forecast and its interval at `at` (Pt). */
	fan: { at: number; mid: (number | null)[]; low: (number | null)[]; high: (number | null)[] } | null;
	trajectory: number[];
	budget: (number | null)[];
	spent: (number | null)[];
	comparisons: (number | null)[][];
}

/** Everything the three views share, aligned on one list of periods. */
function buildFrame(input: KpiChartInput): Frame {
	const def = input.definition;
	if (input.frequency !== def.frequency) {
		throw new Error(`KPI frequency ${input.frequency} differs from its definition's ${def.frequency}`);
	}
	const baseline = mustParseFor(def.baseline.period, def.frequency);
	const target = mustParseFor(def.target.period, def.frequency);
	const observations = input.observations.map((o) => ({
		...o,
		at: periodsBetween(baseline, mustParseFor(o.period, def.frequency))
	}));
	const lastAt = Math.max(periodsBetween(baseline, target), ...observations.map((o) => o.at));
	const periods = Array.from({ length: lastAt + 1 }, (_, i) => addPeriods(baseline, i));
	const labels = periods.map(formatPeriod);

	const values: (number | null)[] = labels.map(() => null);
	const breaks = labels.map(() => false);
	let latestIndex: number | null = null;
	for (const { at, period, value, seriesBreak } of observations) {
		if (at < 0) continue; // before the baseline: outside the chart
		if (values[at] !== null) throw new Error(`Two observations for period ${period}`);
		if (!Number.isFinite(value)) throw new Error(`Observation ${period} is not a finite number`);
		values[at] = value;
		breaks[at] = seriesBreak === true;
		if (at > 0 && (latestIndex === null || at > latestIndex)) latestIndex = at;
	}

	const rolling = rollingMeans(def, periods, values);
	return {
		definition: def,
		periods,
		labels,
		values,
		breaks,
		rolling,
		latestIndex,
		fan: forecastFan(input.forecast, periodsBetween(baseline, target), latestIndex, rolling ?? values),
		trajectory: labels.map((label) => expectedValueAt(def, label)),
		budget: amountsOnPeriods(periods, input.budgetLines),
		spent: amountsOnPeriods(periods, input.actuals),
		comparisons: input.comparisons.map((c) => alignComparison(labels, def.frequency, c.values))
	};
}

/**
 * The fan from the newest judged value to the forecast at the target period: straight lines to the point forecast
 * and to both ends of its 80 % interval (the model's numbers are only at Pt; the fan shows where they lead).
 */
function forecastFan(
	forecast: Forecast | null | undefined,
	targetAt: number,
	latestIndex: number | null,
	judged: readonly (number | null)[]
): Frame['fan'] {
	if (!forecast || latestIndex === null || latestIndex >= targetAt) return null;
	const start = judged[latestIndex] ?? null;
	if (start === null) return null;
	const towards = (end: number) =>
		judged.map((_, i) =>
			i < latestIndex || i > targetAt ? null : start + ((end - start) * (i - latestIndex)) / (targetAt - latestIndex)
		);
	return {
		at: targetAt,
		mid: towards(forecast.value),
		low: towards(forecast.lower80),
		high: towards(forecast.upper80)
	};
}

/** The label of the rolling-year line (legend and table column): 'Gennemsnit af de seneste 12 måneder'. */
function rollingLabel(def: Pick<KpiDefinition, 'frequency'>): string {
	return t(def.frequency === 'quarter' ? 'chart.rolling_quarters' : 'chart.rolling_months');
}

/**
 * For a KPI assessed on the rolling year: at each period with a value, the mean the status rule would judge
 * there (computeKpiProgress as of that period's start, so the window and its 6-of-12 minimum are the rule's
 * own); null where the rule fell back to the latest value. Null for a KPI judged on its latest value.
 */
function rollingMeans(
	def: KpiDefinition,
	periods: readonly Period[],
	values: readonly (number | null)[]
): (number | null)[] | null {
	if (def.assessment !== 'rolling_year' || (def.frequency !== 'month' && def.frequency !== 'quarter')) return null;
	const points = periods.flatMap((period, i) => {
		const value = values[i];
		return value === null ? [] : [{ at: i, period: formatPeriod(period), value }];
	});
	return periods.map((period, i) => {
		if (i === 0 || values[i] === null) return null;
		const upTo = points.filter((p) => p.at <= i);
		const progress = computeKpiProgress(def, upTo, periodStart(period));
		return progress.rolling?.used ? progress.assessedValue : null;
	});
}

/** A comparison series on the chart's labels; values of another frequency or outside the range are left out. */
function alignComparison(
	labels: readonly string[],
	frequency: Frequency,
	values: readonly { period: string; value: number }[]
): (number | null)[] {
	const byLabel = new Map<string, number>();
	for (const { period, value } of values) {
		const parsed = parsePeriodFor(period, frequency);
		if (parsed.ok && Number.isFinite(value)) byLabel.set(formatPeriod(parsed.period), value);
	}
	return labels.map((label) => byLabel.get(label) ?? null);
}

function mustParseFor(text: string, frequency: Frequency): Period {
	const result = parsePeriodFor(text, frequency);
	if (!result.ok) throw new RangeError(`Period "${text}" is ${result.error} for a ${frequency} KPI`);
	return result.period;
}

/** Allocated or spent kroner: a bar per year on a yearly chart, else a step held across each year's periods, named "pr. år". */
function krSeries(key: 'budget' | 'spent', frequency: Frequency, data: (number | null)[]): ChartSeries {
	if (!spansYear(frequency)) return { key, label: t(`chart.${key}`), kind: 'bar', axis: 'kr', data };
	return { key, label: t(`chart.${key}_per_year`), kind: 'step', axis: 'kr', data };
}
