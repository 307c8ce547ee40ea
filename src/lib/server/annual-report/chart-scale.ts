/**
 * The axes of a document chart, from the one chart description (`kpiChartData`): a value axis whose
 * range holds every plotted value — the measurements, the rolling-year line, the baseline, the target,
 * the expected course and the forecast's interval — and a kroner axis from zero for the budget (bars or steps).
 */
import type { KpiChartData } from '../../domain/chart-data';

export interface AxisScale {
	min: number;
	max: number;
	/** From min to max, evenly spaced; the first is min and the last is max. */
	ticks: number[];
	/** The spacing of the ticks. */
	step: number;
}

/**
 * The smallest and largest value plotted on an axis ('value' or 'kr'); null when the axis shows nothing.
 * @example plottedRange(kpiChartData(sickLeave), 'value') // { min: 6.5, max: 7.8 }
 */
export function plottedRange(data: KpiChartData, axis: 'value' | 'kr'): { min: number; max: number } | null {
	const values = data.series
		.filter((s) => s.axis === axis)
		.flatMap((s) => s.data)
		.filter((v): v is number => v !== null && Number.isFinite(v));
	if (values.length === 0) return null;
	return { min: Math.min(...values), max: Math.max(...values) };
}

/** 1, 2, 2.5 or 5 times a power of ten: the tick step nearest above `rough`. */
function niceStep(rough: number): number {
	const power = 10 ** Math.floor(Math.log10(rough));
	const fraction = rough / power;
	const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
	return nice * power;
}

/** Rounds away the binary noise of step arithmetic (0.1 + 0.2). */
function clean(value: number, step: number): number {
	const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
	return Number(value.toFixed(digits));
}

/**
 * Round ticks around [min, max] with a little room (5 % of the span) on both sides, never below zero
 * for data that is not; the range always contains min and max.
 * @example niceScale(25, 41) // { min: 20, max: 45, step: 5, ticks: [20, 25, 30, 35, 40, 45] }
 */
export function niceScale(min: number, max: number, count = 5, floor: number | null = null): AxisScale {
	if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) throw new RangeError(`Bad range ${min}–${max}`);
	const pad = max > min ? (max - min) * 0.05 : Math.max(Math.abs(max) * 0.1, 1);
	let lo = min - pad;
	const hi = max + pad;
	if (floor !== null && min >= floor) lo = Math.max(lo, floor);
	const step = niceStep((hi - lo) / count);
	let from = clean(Math.floor(lo / step) * step, step);
	let to = clean(Math.ceil(hi / step) * step, step);
	if (from > min) from = clean(from - step, step);
	if (to < max) to = clean(to + step, step);
	const ticks: number[] = [];
	for (let i = 0; clean(from + i * step, step) <= to; i++) ticks.push(clean(from + i * step, step));
	return { min: from, max: to, ticks, step };
}

/**
 * The value axis of a chart: every plotted value inside it (zero-floored for data that is not negative).
 * @example valueScale(kpiChartData(sickLeave)).ticks // [6.4, 6.6, …, 8]
 */
export function valueScale(data: KpiChartData): AxisScale {
	const range = plottedRange(data, 'value') ?? { min: 0, max: 1 };
	return niceScale(range.min, range.max, 5, 0);
}

/**
 * The kroner axis from zero to above the largest bar; null when the chart has no budget bars.
 * @example krScale(data)?.max // 3000000
 */
export function krScale(data: KpiChartData): AxisScale | null {
	const range = plottedRange(data, 'kr');
	if (!range) return null;
	const scale = niceScale(0, Math.max(range.max, 1), 4, 0);
	// Whole kroner only: the ticks are formatted as money.
	return scale.step >= 1 ? scale : niceScale(0, 4, 4, 0);
}
