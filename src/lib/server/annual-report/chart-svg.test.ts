import { writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { KpiChartInput } from '../../domain/chart-data';
import { niceScale, plottedRange, valueScale } from './chart-scale';
import { renderKpiChartPng } from './chart-png';
import { kpiChartSvg } from './chart-svg';

const internal: KpiChartInput = {
	name: 'Andel nye ledere rekrutteret internt',
	unit: 'percent',
	decimals: 0,
	frequency: 'year',
	definition: {
		direction: 'higher',
		frequency: 'year',
		baseline: { value: 28, period: '2022' },
		target: { value: 40, period: '2025' }
	},
	observations: [
		{ period: '2023', value: 30 },
		{ period: '2024', value: 35 },
		{ period: '2025', value: 41 }
	],
	budgetLines: [
		{ year: 2023, amountKr: 400_000 },
		{ year: 2024, amountKr: 450_000 }
	],
	actuals: [{ year: 2023, amountKr: 380_000 }],
	comparisons: []
};

/** A quarterly KPI with a forecast whose interval reaches beyond every measured value. */
const quarterly: KpiChartInput = {
	name: 'Personaleomsætning',
	unit: 'percent',
	decimals: 1,
	frequency: 'quarter',
	definition: {
		direction: 'lower',
		frequency: 'quarter',
		baseline: { value: 18, period: '2023-Q4' },
		target: { value: 15, period: '2026-Q4' }
	},
	observations: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'].map((period, i) => ({
		period,
		value: 17.5 - i * 0.3,
		seriesBreak: period === '2025-Q1'
	})),
	budgetLines: [],
	actuals: [],
	comparisons: [],
	forecast: {
		period: '2026-Q4',
		value: 14.8,
		lower80: 11.2,
		upper80: 19.6,
		probability: 0.55,
		model: 'linear_trend',
		observations: 6
	}
};

/** A monthly KPI with a budget for two years and spend in the first (issue 17). */
const monthly: KpiChartInput = {
	name: 'Sygefravær, Velfærdsområdet (måned)',
	unit: 'percent',
	decimals: 1,
	frequency: 'month',
	definition: {
		direction: 'lower',
		frequency: 'month',
		baseline: { value: 7.9, period: '2025-01' },
		target: { value: 6.5, period: '2026-12' }
	},
	observations: [
		{ period: '2025-03', value: 7.6 },
		{ period: '2026-05', value: 7.1 }
	],
	budgetLines: [
		{ year: 2025, amountKr: 800_000 },
		{ year: 2026, amountKr: 1_200_000 }
	],
	actuals: [{ year: 2025, amountKr: 750_000 }],
	comparisons: []
};

/** The bars inside the plot (the legend's keys, below it, left out). */
function plotBars(svg: string): string[] {
	return [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)"[^>]*\/>/g)].filter((m) => Number(m[1]) < 278).map((m) => m[0]);
}

/** The y coordinates of the value-axis tick labels and their numbers, read back from the SVG. */
function tickLabels(svg: string): number[] {
	return [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="end">(-?[\d.,]+)<\/text>/g)].map((m) =>
		Number(m[1].replace(/\./g, '').replace(',', '.'))
	);
}

describe('document chart axes', () => {
	test('niceScale brackets the range with round ticks', () => {
		expect(niceScale(25, 41)).toMatchObject({ min: 20, max: 45, step: 5 });
		for (const [min, max] of [
			[0.1, 0.3],
			[6.5, 7.8],
			[1234, 98765],
			[5, 5],
			[-3, 2]
		]) {
			const scale = niceScale(min, max);
			expect(scale.min).toBeLessThanOrEqual(min);
			expect(scale.max).toBeGreaterThanOrEqual(max);
			expect(scale.ticks[0]).toBe(scale.min);
			expect(scale.ticks.at(-1)).toBe(scale.max);
		}
	});

	test('the value axis holds every measurement, the target and the forecast interval', () => {
		for (const input of [internal, quarterly]) {
			const chart = kpiChartSvg(input);
			const range = plottedRange(chart.data, 'value')!;
			expect(chart.valueAxis.min).toBeLessThanOrEqual(range.min);
			expect(chart.valueAxis.max).toBeGreaterThanOrEqual(range.max);
			// The tick labels drawn bracket it too.
			const ticks = tickLabels(chart.svg);
			expect(ticks.length).toBeGreaterThan(2);
			expect(Math.min(...ticks)).toBeLessThanOrEqual(range.min);
			expect(Math.max(...ticks)).toBeGreaterThanOrEqual(range.max);
		}
		// Anbefaling 1 of the issue: 41 % above a 40 % target stays inside.
		expect(valueScale(kpiChartSvg(internal).data).max).toBeGreaterThanOrEqual(41);
		expect(plottedRange(kpiChartSvg(quarterly).data, 'value')).toEqual({ min: 11.2, max: 19.6 });
	});

	test('Danish period labels, the unit on the axis, budget bars and a legend that names the series', () => {
		const { svg, krAxis } = kpiChartSvg(internal);
		expect(svg).toContain('>2022</text>');
		expect(svg).toContain('>%</text>');
		expect(svg).toContain('>kr.</text>');
		expect(krAxis!.max).toBeGreaterThanOrEqual(450_000);
		for (const label of ['Målinger', 'Baseline', 'Mål', 'Forventet forløb', 'Bevilget', 'Forbrugt'])
			expect(svg).toContain(`>${label}</text>`);
		expect(svg).toContain('url(#hatch)');
		const q = kpiChartSvg(quarterly).svg;
		expect(q).toContain('>1. kvartal 2024</text>');
		expect(q).not.toMatch(/2024-Q1|2023-Q4/);
		expect(q).toContain('>Prognosens 80\u00a0%-interval</text>');
		expect(q).toContain('>Databrud</text>');
		// Black-and-white safe: dashes for target, course and forecast.
		expect(q).toContain('stroke-dasharray="10 5"');
		expect(q).toContain('stroke-dasharray="4 4"');
		expect(q).toContain('stroke-dasharray="8 3 2 3"');
	});

	test("a monthly chart holds each year's budget across its months as a step with its area, no bar in December", () => {
		const { svg, krAxis } = kpiChartSvg(monthly);
		expect(plotBars(svg)).toEqual([]);
		const yOf = (v: number) => 28 + 250 - ((v - krAxis!.min) / (krAxis!.max - krAxis!.min)) * 250;
		// One step line over the whole range: at the 2025 level through December, up at the new year, on to December 2026.
		const step = svg.match(/<path d="(M[^"]+)" fill="none" stroke="#0b4f8a" stroke-width="1.5"\/>/)![1];
		const levels = [...step.matchAll(/V([\d.]+)/g)].map((m) => Math.round(Number(m[1])));
		expect(levels).toEqual(Array.from({ length: 23 }, (_, i) => Math.round(yOf(i < 11 ? 800_000 : 1_200_000))));
		expect(Math.round(Number(step.match(/^M[\d.]+ ([\d.]+)/)![1]))).toBe(Math.round(yOf(800_000)));
		// Its area: the same outline closed down to the axis, filled as the yearly bars are.
		expect(svg).toContain(`<path d="${step}V278H`);
		expect(svg).toMatch(/V278H[\d.]+Z" fill="rgba\(11,79,138,0.12\)" stroke="none"\/>/);
		// The spend: a dashed green step over 2025 only.
		expect(svg).toMatch(/<path d="M[^"]+" fill="none" stroke="#17602a" stroke-width="2.5" stroke-dasharray="6 3"\/>/);
		// The legend says per year; the kroner ticks are short, the unit in the axis title.
		expect(svg).toContain('>Bevilget pr. år</text>');
		expect(svg).toContain('>Forbrugt pr. år</text>');
		const krTicks = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]+)<\/text>/g)]
			.filter(([, x, y]) => Number(x) > 500 && Number(y) < 290)
			.map(([, , , label]) => label);
		expect(krTicks).toEqual(['0', '0,5\u00a0mio.', '1\u00a0mio.', '1,5\u00a0mio.', 'kr.']);
		if (process.env.CHART_PNG_OUT)
			writeFileSync(process.env.CHART_PNG_OUT.replace(/\.png$/, '-monthly.png'), renderKpiChartPng(monthly).png);
	});

	test('a quarterly chart likewise; a yearly one keeps its bars', () => {
		const quarterly: KpiChartInput = {
			...monthly,
			frequency: 'quarter',
			definition: {
				...monthly.definition,
				frequency: 'quarter',
				baseline: { value: 7.9, period: '2025-Q1' },
				target: { value: 6.5, period: '2026-Q4' }
			},
			observations: []
		};
		const { svg } = kpiChartSvg(quarterly);
		expect(plotBars(svg)).toEqual([]);
		expect(svg).toContain('>Bevilget pr. år</text>');
		expect(svg).toMatch(/V278H[\d.]+Z" fill="rgba\(11,79,138,0.12\)"/);
		expect(plotBars(kpiChartSvg(internal).svg)).toHaveLength(3); // 2023 allocated and spent, 2024 allocated
	});

	test('rasterises to a PNG of twice the SVG size with the text drawn', () => {
		const { png, width, height } = renderKpiChartPng(quarterly);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const view = new DataView(png.buffer, png.byteOffset);
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([width * 2, height * 2]);
		if (process.env.CHART_PNG_OUT) writeFileSync(process.env.CHART_PNG_OUT, png);
	});
});
