/**
 * A document chart as PNG: the SVG of chart-svg.ts rasterised by resvg at twice its size, with DejaVu
 * Sans loaded from its npm package (never from whatever fonts the server happens to have).
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { KpiChartInput } from '../../domain/chart-data';
import { kpiChartSvg } from './chart-svg';

const require = createRequire(import.meta.url);
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
	require.resolve(`dejavu-fonts-ttf/ttf/${file}`)
);
/** Pixels per SVG unit: sharp when Word shows the chart at the text block's width. */
const SCALE = 2;

/**
 * The chart of a KPI as PNG bytes, with its size in SVG units (the size to show it at).
 * @example const { png, width, height } = renderKpiChartPng(chart);
 */
export function renderKpiChartPng(input: KpiChartInput): { png: Uint8Array; width: number; height: number } {
	const { svg, width, height } = kpiChartSvg(input);
	const rendered = new Resvg(svg, {
		font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
		fitTo: { mode: 'width', value: width * SCALE },
		background: '#ffffff'
	}).render();
	return { png: new Uint8Array(rendered.asPng()), width, height };
}
