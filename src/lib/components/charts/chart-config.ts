/**
 * Turns the serialisable chart description (`$lib/domain/chart-data`) into a Chart.js
 * configuration: the looks from `series-look.ts`, Danish ticks and tooltips. Only types come
 * from chart.js here, so importing this module never loads the library.
 */
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { ChartSeries, KpiChartData } from '$lib/domain/chart-data';
import { formatKpiValue, type KpiUnit } from '$lib/domain/format';
import { krAxisTicks } from '$lib/domain/chart-kroner';
import { formatKrShort } from '$lib/domain/money';
import { t } from '$lib/messages';
import { BREAK_DASH, BREAK_MARKER, seriesLooks, type SeriesLook } from './series-look';

type MixedType = 'line' | 'bar';
type Dataset = ChartDataset<MixedType, (number | null)[]>;
export type KpiChartConfig = ChartConfiguration<MixedType, (number | null)[], string>;
/** Makes a hatched fill (browser only); without it hatched bars are plainly filled. */
export type HatchPattern = (colour: string, background: string) => CanvasPattern | string;

/** Points in front, then lines, bars at the back (Chart.js draws higher `order` first). */
const ORDER = { marker: 0, values: 1, line: 2, bar: 3 };

/**
 * The Chart.js configuration for a KPI chart. The legend is HTML beside the canvas (chart.svelte).
 * @example new Chart(canvas, buildChartConfig(data, { unit: 'percent', decimals: 1 }, hatch))
 */
export function buildChartConfig(
	data: KpiChartData,
	format: { unit: KpiUnit; decimals: number },
	hatch?: HatchPattern
): KpiChartConfig {
	const looks = seriesLooks(data.series);
	const datasets = data.series.map((series, i) => toDataset(series, looks[i], hatch));
	const hasKr = data.series.some((s) => s.axis === 'kr');
	const hasBars = data.series.some((s) => s.kind === 'bar');
	const tick = (v: number) => formatKpiValue(v, format.unit, tickDecimals(v, format.decimals));

	return {
		type: 'line',
		data: { labels: [...data.labelsDa], datasets },
		options: {
			locale: 'da-DK',
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: {
					type: 'category',
					offset: hasBars,
					grid: { display: false },
					// Chart.js' room for a slanted first period label falls a pixel or two short at 320 px: a little more.
					afterFit: (scale) => {
						scale.paddingLeft += 4;
					}
				},
				value: {
					type: 'linear',
					position: 'left',
					grace: '5%',
					ticks: { precision: format.decimals, callback: (v) => tick(Number(v)) }
				},
				...(hasKr && {
					kr: {
						type: 'linear' as const,
						position: 'right' as const,
						beginAtZero: true,
						grace: '10%',
						grid: { drawOnChartArea: false },
						title: { display: true, text: t('chart.axis_kr') },
						// One scale on the whole axis (never "800.000" under "1 mio."), without the unit the title gives: short on a phone.
						ticks: { callback: krTickCallback }
					}
				})
			},
			plugins: {
				legend: { display: false },
				tooltip: {
					usePointStyle: true,
					filter: (item: TooltipItem<MixedType>) => item.parsed.y !== null,
					callbacks: {
						label: (item: TooltipItem<MixedType>) => tooltipLabel(item, data.series, format)
					}
				}
			}
		}
	};
}

/**
 * The kroner axis' tick label (Chart.js' tick callback): '1,2 mio.', '800.000'.
 * @example krTickCallback(500000, 1, [{ value: 0 }, { value: 500000 }, { value: 1000000 }]) // '0,5 mio.'
 */
export function krTickCallback(v: number | string, i: number, ticks: readonly { value: number }[]): string {
	return krAxisTicks(ticks.map((tick) => tick.value))[i] ?? krAxisTicks([Number(v)])[0];
}

function toDataset(series: ChartSeries, look: SeriesLook, hatch?: HatchPattern): Dataset {
	const base = {
		label: series.label,
		data: [...series.data],
		yAxisID: series.axis,
		borderColor: look.colour,
		borderWidth: look.lineWidth
	};
	if (look.bar) {
		const { fill, hatched } = look.bar;
		return {
			...base,
			type: 'bar',
			backgroundColor: hatched && hatch ? hatch(look.colour, fill) : fill,
			pointStyle: 'rect',
			maxBarThickness: 36,
			order: ORDER.bar
		};
	}
	if (look.step) return stepDataset(series, look, base);
	const line = {
		...base,
		type: 'line' as const,
		showLine: look.line,
		spanGaps: true,
		borderDash: look.dash,
		borderCapStyle: look.dash.length > 0 ? ('butt' as const) : ('round' as const),
		backgroundColor: look.marker?.fill ?? look.colour,
		pointStyle: look.marker?.shape ?? ('line' as const),
		pointRadius: look.marker?.radius ?? 0,
		pointHoverRadius: look.marker ? look.marker.radius + 2 : 0,
		order: !look.line ? ORDER.marker : series.key === 'values' ? ORDER.values : ORDER.line
	};
	// The forecast interval: the upper edge fills down to the lower one, drawn just before it.
	if (series.band === 'upper') return { ...line, fill: '-1', backgroundColor: look.band };
	const breaks = series.breaks;
	if (!breaks?.some(Boolean) || !look.marker) return line;
	const { radius, shape } = look.marker;
	const at = (i: number) => breaks[i] === true;
	return {
		...line,
		pointStyle: series.data.map((_, i) => (at(i) ? BREAK_MARKER.shape : shape)),
		pointRadius: series.data.map((_, i) => (at(i) ? BREAK_MARKER.radius : radius)),
		pointHoverRadius: series.data.map((_, i) => (at(i) ? BREAK_MARKER.radius : radius) + 2),
		// The segment into a series break is dashed: the levels on either side are not comparable.
		segment: { borderDash: (ctx) => (at(ctx.p1DataIndex) ? BREAK_DASH : undefined) }
	};
}

/**
 * A year's kroner across its periods: a step at each year's end (half-way between December and January), a gap for a
 * year without lines, an area down to zero for the budget; a lone period (its neighbours empty) gets a short dash.
 */
function stepDataset(
	series: ChartSeries,
	look: SeriesLook,
	base: { label: string; data: (number | null)[]; yAxisID: string; borderColor: string; borderWidth: number }
): Dataset {
	const lone = series.data.map(
		(v, i) => v !== null && (series.data[i - 1] ?? null) === null && (series.data[i + 1] ?? null) === null
	);
	return {
		...base,
		type: 'line',
		stepped: 'middle',
		spanGaps: false,
		borderDash: look.dash,
		fill: look.step?.area ? 'origin' : false,
		backgroundColor: look.step?.area ?? look.colour,
		pointStyle: 'line',
		pointRadius: lone.map((l) => (l ? 8 : 0)),
		pointHoverRadius: lone.map((l) => (l ? 8 : 0)),
		pointBorderWidth: look.lineWidth,
		order: ORDER.bar
	};
}

function tooltipLabel(
	item: TooltipItem<MixedType>,
	series: readonly ChartSeries[],
	format: { unit: KpiUnit; decimals: number }
): string {
	const s = series[item.datasetIndex];
	const v = item.parsed.y;
	if (!s || v === null || v === undefined) return '';
	const text = s.axis === 'kr' ? formatKrShort(Math.round(v)) : formatKpiValue(v, format.unit, format.decimals);
	const note = s.breaks?.[item.dataIndex] ? ` (${t('chart.series_break')})` : '';
	return `${s.label}: ${text}${note}`;
}

/** At least the KPI's decimals, more only if a tick needs them (so ticks never repeat). */
function tickDecimals(value: number, decimals: number): number {
	for (let d = decimals; d < decimals + 4; d++) {
		if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-6) return d;
	}
	return decimals + 4;
}
