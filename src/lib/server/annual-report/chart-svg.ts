/**
 * A KPI chart for the documents, written as SVG from the one chart description (`kpiChartData`) and the
 * one set of looks (`seriesLooks`) that the web chart uses: the same series, colours, dashes, markers and
 * bars, Danish period labels, the unit on the value axis, kroner on the second axis and a legend that
 * names each series. Rasterised by chart-png.ts.
 */
import { kpiChartData, type ChartSeries, type KpiChartData, type KpiChartInput } from '../../domain/chart-data';
import { formatNumber, type KpiUnit } from '../../domain/format';
import { formatKrAlike } from '../../domain/money';
import { t } from '$lib/server/messages';
import {
	BREAK_DASH,
	BREAK_LOOK,
	BREAK_MARKER,
	seriesLooks,
	type SeriesLook
} from '../../components/charts/series-look';
import { krScale, valueScale, type AxisScale } from './chart-scale';
import { attr, chartLegend, marker, text, type LegendItem } from './chart-svg-parts';

/** The SVG's width in its own units; the PNG is drawn at twice this. */
export const SVG_WIDTH = 640;
const PLOT_HEIGHT = 250;
const FONT_SIZE = 12;
/** DejaVu Sans' mean advance width per em, for laying out text before it is drawn. */
const EM_WIDTH = 0.56;

export interface KpiChartSvg {
	svg: string;
	width: number;
	height: number;
	/** The axes used, so a test can check that every plotted value is inside them. */
	valueAxis: AxisScale;
	krAxis: AxisScale | null;
	data: KpiChartData;
}

/** The value axis' title: the unit in words. */
function unitTitle(unit: KpiUnit): string {
	return unit === 'days' ? t('unit.days') : t(`unit.${unit}`);
}

/** A tick's decimals: the step's, so ticks never repeat. */
function stepDecimals(step: number): number {
	for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
	return 6;
}

/**
 * The chart of a KPI as an SVG document, with the scales it used.
 * @example const { svg, height } = kpiChartSvg(chart); // 640 wide
 */
export function kpiChartSvg(input: KpiChartInput): KpiChartSvg {
	const data = kpiChartData(input);
	const looks = seriesLooks(data.series);
	const value = valueScale(data);
	const kr = krScale(data);
	const n = data.labelsDa.length;

	const valueDecimals = stepDecimals(value.step);
	const valueTicks = value.ticks.map((v) => formatNumber(v, valueDecimals));
	// One scale on the whole axis (issue 17), as on the page's chart.
	const krTicks = kr ? formatKrAlike(kr.ticks.map((v) => Math.round(v))) : [];
	const width = (s: string) => s.length * FONT_SIZE * EM_WIDTH;
	const labelWidth = Math.max(...data.labelsDa.map(width), 1);
	const hasBars = data.series.some((s) => s.kind === 'bar');
	const right = SVG_WIDTH - (kr ? 16 + Math.max(...krTicks.map(width)) : 20);
	let left = 16 + Math.max(...valueTicks.map(width));
	// Period labels are slanted when they do not fit side by side; then the first one needs room on the left.
	const slanted = labelWidth + 8 > ((right - left) / Math.max(n, 1)) * 2;
	if (slanted) left = Math.max(left, labelWidth * Math.SQRT1_2 + 4);
	const top = 28;
	const bottom = top + PLOT_HEIGHT;
	const plotWidth = right - left;
	const slot = plotWidth / Math.max(n, 1);
	const x = (i: number) => (hasBars || n === 1 ? left + (i + 0.5) * slot : left + (i * plotWidth) / Math.max(n - 1, 1));
	const y = (v: number) => bottom - ((v - value.min) / (value.max - value.min)) * PLOT_HEIGHT;
	const yKr = (v: number) => (kr ? bottom - ((v - kr.min) / (kr.max - kr.min)) * PLOT_HEIGHT : bottom);

	// Every step-th period label, ending on the newest.
	const step = slanted ? Math.ceil((FONT_SIZE * 1.6) / slot) : Math.ceil((labelWidth + 8) / slot);
	const labelHeight = slanted ? labelWidth * Math.SQRT1_2 + FONT_SIZE : FONT_SIZE * 1.6;

	const g: Geometry = { left, right, top, bottom, slot, x, y, yKr };
	const parts = [
		...axes(input.unit, data.labelsDa, { value, valueTicks, kr, krTicks }, g, { slanted, step }),
		...bars(data.series, looks, { x, y: yKr, bottom, slot }),
		...band(data.series, looks, x, y),
		...marks(data.series, looks, x, y)
	];

	const legend = chartLegend(legendItems(data.series, looks), {
		top: bottom + labelHeight + 14,
		width: SVG_WIDTH,
		fontSize: FONT_SIZE,
		emWidth: EM_WIDTH
	});
	const height = Math.ceil(legend.bottom + 8);
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_WIDTH}" height="${height}" viewBox="0 0 ${SVG_WIDTH} ${height}"` +
		` font-family="DejaVu Sans" font-size="${FONT_SIZE}" fill="#1b1f24">` +
		`<rect width="100%" height="100%" fill="#ffffff"/>${legend.defs}${parts.join('')}${legend.svg}</svg>`;
	return { svg, width: SVG_WIDTH, height, valueAxis: value, krAxis: kr, data };
}

interface Geometry {
	left: number;
	right: number;
	top: number;
	bottom: number;
	slot: number;
	x: (i: number) => number;
	y: (v: number) => number;
	yKr: (v: number) => number;
}

/** Grid, the value axis with the unit, the kroner axis, and every step-th period label ending on the newest. */
function axes(
	unit: KpiUnit,
	labels: readonly string[],
	scales: { value: AxisScale; valueTicks: string[]; kr: AxisScale | null; krTicks: string[] },
	g: Geometry,
	labelling: { slanted: boolean; step: number }
): string[] {
	const { left, right, top, bottom } = g;
	const parts = scales.value.ticks.flatMap((v, i) => [
		`<line x1="${left}" x2="${right}" y1="${g.y(v)}" y2="${g.y(v)}" stroke="#d5d9de" stroke-width="1"/>`,
		text(left - 6, g.y(v) + 4, scales.valueTicks[i], { anchor: 'end' })
	]);
	parts.push(text(4, top - 12, unitTitle(unit), { bold: true }));
	if (scales.kr) {
		scales.kr.ticks.forEach((v, i) => parts.push(text(right + 6, g.yKr(v) + 4, scales.krTicks[i])));
		parts.push(text(right + 6, top - 12, t('chart.axis_kr'), { bold: true }));
	}
	parts.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#1b1f24" stroke-width="1"/>`);
	labels.forEach((label, i) => {
		if ((labels.length - 1 - i) % labelling.step !== 0) return;
		parts.push(`<line x1="${g.x(i)}" x2="${g.x(i)}" y1="${bottom}" y2="${bottom + 4}" stroke="#1b1f24"/>`);
		parts.push(
			labelling.slanted
				? text(g.x(i), bottom + 14, label, { anchor: 'end', rotate: -45 })
				: text(g.x(i), bottom + 17, label, { anchor: 'middle' })
		);
	});
	return parts;
}

/** The lines (the measurements drawn last), then every marker on top, a series break's as a triangle. */
function marks(
	series: readonly ChartSeries[],
	looks: readonly SeriesLook[],
	x: (i: number) => number,
	y: (v: number) => number
): string[] {
	const order = series.map((_, i) => i).filter((i) => looks[i].line && !series[i].band);
	order.sort((a, b) => Number(series[a].key === 'values') - Number(series[b].key === 'values'));
	const parts = order.flatMap((i) => line(series[i], looks[i], x, y));
	series.forEach((s, i) => {
		const look = looks[i];
		if (!look.marker) return;
		const { shape, radius, fill } = look.marker;
		s.data.forEach((v, j) => {
			if (v === null) return;
			const broken = s.breaks?.[j] === true;
			parts.push(
				marker(x(j), y(v), broken ? BREAK_MARKER.shape : shape, {
					radius: broken ? BREAK_MARKER.radius : radius,
					fill,
					colour: look.colour
				})
			);
		});
	});
	return parts;
}

/** The budget (and spent) bars side by side in each period's slot, on the kroner axis. */
function bars(
	series: readonly ChartSeries[],
	looks: readonly SeriesLook[],
	g: { x: (i: number) => number; y: (v: number) => number; bottom: number; slot: number }
): string[] {
	const barSeries = series.map((s, i) => ({ s, look: looks[i] })).filter(({ look }) => look.bar);
	const barWidth = Math.min(36, (g.slot * 0.8) / Math.max(barSeries.length, 1));
	return barSeries.flatMap(({ s, look }, k) =>
		s.data.flatMap((v, i) => {
			if (v === null) return [];
			const x0 = g.x(i) - (barSeries.length * barWidth) / 2 + k * barWidth;
			const top = g.y(v);
			const fill = look.bar!.hatched ? 'url(#hatch)' : look.bar!.fill;
			return [
				`<rect${attr({ x: x0, y: top, width: barWidth, height: Math.max(g.bottom - top, 0), fill, stroke: look.colour, 'stroke-width': look.lineWidth })}/>`
			];
		})
	);
}

/** The forecast's 80 % interval: filled between its lower and upper edge. */
function band(
	series: readonly ChartSeries[],
	looks: readonly SeriesLook[],
	x: (i: number) => number,
	y: (v: number) => number
): string[] {
	const upperAt = series.findIndex((s) => s.band === 'upper');
	const lower = series.find((s) => s.band === 'lower');
	if (upperAt < 0 || !lower) return [];
	const upper = series[upperAt];
	const at = upper.data.map((v, i) => i).filter((i) => upper.data[i] !== null && lower.data[i] !== null);
	if (at.length < 2) return [];
	const points = [
		...at.map((i) => `${x(i)},${y(upper.data[i]!)}`),
		...at.reverse().map((i) => `${x(i)},${y(lower.data[i]!)}`)
	];
	const look = looks[upperAt];
	return [
		`<polygon points="${points.join(' ')}" fill="${look.band}" stroke="${look.colour}" stroke-width="${look.lineWidth}"/>`
	];
}

/** A series' line over its points (gaps spanned, as on the web); the segment into a series break dashed. */
function line(series: ChartSeries, look: SeriesLook, x: (i: number) => number, y: (v: number) => number): string[] {
	const points = series.data.flatMap((v, i) => (v === null ? [] : [{ i, v }]));
	if (points.length < 2) return [];
	const stroke = (dash: readonly number[]) =>
		attr({
			fill: 'none',
			stroke: look.colour,
			'stroke-width': look.lineWidth,
			'stroke-dasharray': dash.length > 0 ? dash.join(' ') : undefined,
			'stroke-linejoin': 'round'
		});
	if (!series.breaks?.some(Boolean)) {
		// One path, so a dash pattern runs on across the points.
		return [`<path d="${points.map((p, k) => `${k ? 'L' : 'M'}${x(p.i)} ${y(p.v)}`).join('')}"${stroke(look.dash)}/>`];
	}
	return points.slice(1).map((b, k) => {
		const a = points[k];
		const dash = series.breaks?.[b.i] ? BREAK_DASH : look.dash;
		return `<path d="M${x(a.i)} ${y(a.v)}L${x(b.i)} ${y(b.v)}"${stroke(dash)}/>`;
	});
}

/** The legend as on the web: the interval one filled key, and a key for series breaks when there are any. */
function legendItems(series: readonly ChartSeries[], looks: readonly SeriesLook[]): LegendItem[] {
	const items: LegendItem[] = series.flatMap((s, i) => {
		if (s.band === 'lower') return [];
		const look = looks[i];
		return [
			{
				label: s.label,
				look: look.band ? { ...look, line: false, bar: { fill: look.band, hatched: false } } : look
			}
		];
	});
	if (series.some((s) => s.breaks?.some(Boolean))) items.push({ label: t('chart.series_break'), look: BREAK_LOOK });
	return items;
}
