/**
 * A KPI chart as a PNG image for the DOCX download, drawn without a browser or a graphics package:
 * black-and-white line styles (values solid with square markers, target dashed, expected trajectory
 * dotted, baseline as a ring), value-axis ticks and period labels in a small built-in bitmap font.
 * The numbers themselves stand in a table beside the image; the image only has to be legible.
 */
import { deflateSync } from 'node:zlib';
import { kpiChartData, type KpiChartInput } from '../../domain/chart-data';
import { formatNumber } from '../../domain/format';

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 420;

type Rgb = readonly [number, number, number];
const BLACK: Rgb = [0, 0, 0];
const GREY: Rgb = [110, 110, 110];
const LIGHT: Rgb = [215, 215, 215];

// 5×7 glyphs, one string of five bits per row, for the characters tick labels and periods use.
const GLYPHS: Record<string, string[]> = {
	'0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
	'1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
	'2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
	'3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
	'4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
	'5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
	'6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
	'7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
	'8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
	'9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
	'-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
	',': ['00000', '00000', '00000', '00000', '00110', '00100', '01000'],
	'.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
	'%': ['11000', '11001', '00010', '00100', '01000', '10011', '00011'],
	H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
	Q: ['01110', '10001', '10001', '10001', '10101', '10010', '01101']
};
const SCALE = 2;
const GLYPH_W = 6 * SCALE;

class Canvas {
	readonly pixels: Uint8Array;
	readonly width: number;
	readonly height: number;
	constructor(width: number, height: number) {
		this.width = width;
		this.height = height;
		this.pixels = new Uint8Array(width * height * 3).fill(255);
	}
	set(x: number, y: number, colour: Rgb): void {
		x = Math.round(x);
		y = Math.round(y);
		if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
		const i = (y * this.width + x) * 3;
		this.pixels[i] = colour[0];
		this.pixels[i + 1] = colour[1];
		this.pixels[i + 2] = colour[2];
	}
	dot(x: number, y: number, size: number, colour: Rgb): void {
		const half = Math.floor(size / 2);
		for (let dy = -half; dy < size - half; dy++)
			for (let dx = -half; dx < size - half; dx++) this.set(x + dx, y + dy, colour);
	}
	/** A line with a dash pattern of [on, off] pixel lengths (solid when none). */
	line(
		x0: number,
		y0: number,
		x1: number,
		y1: number,
		width: number,
		colour: Rgb,
		dash?: [number, number],
		offset = 0
	): number {
		const length = Math.hypot(x1 - x0, y1 - y0);
		const steps = Math.max(1, Math.ceil(length));
		for (let s = 0; s <= steps; s++) {
			const travelled = offset + (s / steps) * length;
			if (dash && travelled % (dash[0] + dash[1]) >= dash[0]) continue;
			this.dot(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, width, colour);
		}
		return offset + length;
	}
	text(x: number, y: number, text: string, colour: Rgb): void {
		[...text].forEach((char, i) => {
			const glyph = GLYPHS[char];
			if (!glyph) return;
			glyph.forEach((row, gy) => {
				[...row].forEach((bit, gx) => {
					if (bit === '1')
						for (let sy = 0; sy < SCALE; sy++)
							for (let sx = 0; sx < SCALE; sx++)
								this.set(x + i * GLYPH_W + gx * SCALE + sx, y + gy * SCALE + sy, colour);
				});
			});
		});
	}
}

/** Round tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten. */
function ticks(min: number, max: number, wanted = 5): { values: number[]; decimals: number } {
	if (min === max) {
		min -= 1;
		max += 1;
	}
	const raw = (max - min) / wanted;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
	const values: number[] = [];
	for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step) values.push(Math.round(v / step) * step);
	return { values, decimals: Math.max(0, -Math.floor(Math.log10(step))) };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	out.set(new TextEncoder().encode(type), 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

/** The canvas as a PNG file (8-bit RGB, no filtering). */
function encodePng(canvas: Canvas): Uint8Array {
	const header = new Uint8Array(13);
	const view = new DataView(header.buffer);
	view.setUint32(0, canvas.width);
	view.setUint32(4, canvas.height);
	header.set([8, 2, 0, 0, 0], 8);
	const stride = canvas.width * 3;
	const raw = new Uint8Array((stride + 1) * canvas.height);
	for (let y = 0; y < canvas.height; y++)
		raw.set(canvas.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
	const parts = [
		new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', new Uint8Array(deflateSync(raw))),
		chunk('IEND', new Uint8Array())
	];
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/**
 * The KPI chart of the report as PNG bytes (CHART_WIDTH × CHART_HEIGHT pixels).
 * @example const png = renderKpiChartPng(chart); // Uint8Array starting with the PNG signature
 */
export function renderKpiChartPng(input: KpiChartInput): Uint8Array {
	const data = kpiChartData(input);
	const series = (key: string) => data.series.find((s) => s.key === key)?.data ?? [];
	const values = series('values');
	const target = series('target');
	const trajectory = series('trajectory');
	const all = [...values, ...target, ...trajectory, input.definition.baseline.value].filter(
		(v): v is number => v !== null && Number.isFinite(v)
	);
	const [min, max] = [Math.min(...all), Math.max(...all)];
	// A little room above and below, so a target on the lowest tick is not hidden by the axis.
	const pad = (max - min || Math.abs(max) || 1) * 0.08;
	const { values: tickValues, decimals } = ticks(min - pad, max + pad);
	const low = tickValues[0];
	const high = tickValues[tickValues.length - 1];

	const canvas = new Canvas(CHART_WIDTH, CHART_HEIGHT);
	const left = 110;
	const right = CHART_WIDTH - 50;
	const top = 20;
	const bottom = CHART_HEIGHT - 50;
	const n = data.labels.length;
	const x = (i: number) => (n <= 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1));
	const y = (v: number) => bottom - ((v - low) / (high - low || 1)) * (bottom - top);

	for (const tick of tickValues) {
		canvas.line(left, y(tick), right, y(tick), 1, LIGHT);
		const label = formatNumber(tick, decimals);
		canvas.text(left - 12 - label.length * GLYPH_W, y(tick) - 7, label, BLACK);
	}
	canvas.line(left, top, left, bottom, 2, BLACK);
	canvas.line(left, bottom, right, bottom, 2, BLACK);
	const every = Math.max(1, Math.ceil(n / 8));
	data.labels.forEach((label, i) => {
		if (i % every !== 0 && i !== n - 1) return;
		canvas.line(x(i), bottom, x(i), bottom + 6, 2, BLACK);
		canvas.text(x(i) - (label.length * GLYPH_W) / 2, bottom + 14, label, BLACK);
	});

	const draw = (points: (number | null)[], width: number, colour: Rgb, dash?: [number, number]) => {
		let offset = 0;
		for (let i = 1; i < points.length; i++) {
			const a = points[i - 1];
			const b = points[i];
			if (a === null || b === null) continue;
			offset = canvas.line(x(i - 1), y(a), x(i), y(b), width, colour, dash, offset);
		}
	};
	draw(trajectory, 2, GREY, [3, 5]);
	draw(target, 3, BLACK, [14, 8]);
	draw(values, 4, BLACK);
	values.forEach((v, i) => {
		if (v !== null) canvas.dot(x(i), y(v), 11, BLACK);
	});
	// The baseline: a ring at the first period.
	const bx = x(0);
	const by = y(input.definition.baseline.value);
	for (let a = 0; a < 360; a += 3)
		canvas.dot(bx + 9 * Math.cos((a * Math.PI) / 180), by + 9 * Math.sin((a * Math.PI) / 180), 3, BLACK);
	return encodePng(canvas);
}
