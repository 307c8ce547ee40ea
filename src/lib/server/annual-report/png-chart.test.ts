import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, renderKpiChartPng } from './png-chart';
import type { KpiChartInput } from '../../domain/chart-data';

const sickLeave: KpiChartInput = {
	name: 'Sygefravær',
	unit: 'percent',
	decimals: 1,
	frequency: 'year',
	definition: {
		direction: 'lower',
		frequency: 'year',
		baseline: { value: 7.8, period: '2022' },
		target: { value: 6.5, period: '2025' }
	},
	observations: [
		{ period: '2023', value: 7.4 },
		{ period: '2024', value: 7.0 }
	],
	budgetLines: [],
	actuals: [],
	comparisons: []
};

/** The PNG's chunks by type, and its pixels (one filter byte, then RGB, per row). */
function decode(png: Uint8Array) {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const chunks: Record<string, Uint8Array[]> = {};
	for (let at = 8; at < png.length;) {
		const length = view.getUint32(at);
		const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
		(chunks[type] ??= []).push(png.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	const header = new DataView(chunks.IHDR[0].buffer, chunks.IHDR[0].byteOffset);
	return { width: header.getUint32(0), height: header.getUint32(4), pixels: inflateSync(Buffer.concat(chunks.IDAT)) };
}

describe('renderKpiChartPng', () => {
	test('writes a valid RGB PNG of the chart size', () => {
		const png = renderKpiChartPng(sickLeave);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const { width, height, pixels } = decode(png);
		expect([width, height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
		expect(pixels.length).toBe((CHART_WIDTH * 3 + 1) * CHART_HEIGHT);
	});

	test('draws the values in black where they belong, and more ink for more values', () => {
		const black = (png: Uint8Array) => {
			const { pixels } = decode(png);
			let n = 0;
			for (let i = 0; i < pixels.length - 2; i++)
				if (pixels[i] === 0 && pixels[i + 1] === 0 && pixels[i + 2] === 0) n++;
			return n;
		};
		const fewer = black(renderKpiChartPng({ ...sickLeave, observations: sickLeave.observations.slice(0, 1) }));
		expect(black(renderKpiChartPng(sickLeave))).toBeGreaterThan(fewer);
	});

	test('a KPI without values and a flat target still draws (no division by zero)', () => {
		const flat = {
			...sickLeave,
			observations: [],
			definition: { ...sickLeave.definition, target: { value: 7.8, period: '2025' } }
		};
		expect(decode(renderKpiChartPng(flat)).width).toBe(CHART_WIDTH);
	});
});
