/**
 * How each chart series looks — colour, dash, marker, bar fill — decided once, so the Chart.js
 * datasets and the HTML legend beside the canvas can never disagree. Every colour has at least
 * 3:1 contrast against white, and dash, marker shape or hatching tells series apart without colour.
 */
import type { ChartSeries } from '$lib/domain/chart-data';

export type MarkerShape = 'circle' | 'triangle' | 'rectRot' | 'rect' | 'crossRot' | 'star';

export interface SeriesLook {
	/** Line colour, or a bar's border. */
	colour: string;
	lineWidth: number;
	/** Draws a line between points (false for the baseline marker and for bars). */
	line: boolean;
	/** Canvas/SVG dash pattern; empty for solid. */
	dash: number[];
	marker: { shape: MarkerShape; radius: number; fill: string } | null;
	bar: { fill: string; hatched: boolean } | null;
	/** The forecast interval's fill between its two edges; absent for other series. */
	band?: string;
	/** A step series (a year's kroner across its periods): the line steps at the year's end, and `area` fills down to zero. */
	step?: { area: string | null };
}

export const CHART_COLOURS = {
	ink: '#1b1f24',
	values: '#0b4f8a',
	rolling: '#9a3d00',
	forecast: '#6b2a86',
	forecastBand: 'rgba(107,42,134,0.16)',
	trajectory: '#5b6470',
	budgetFill: 'rgba(11,79,138,0.25)',
	/** Lighter than a bar: the band spans whole years behind the measurements. */
	budgetBand: 'rgba(11,79,138,0.12)',
	spent: '#17602a',
	spentFill: 'rgba(23,96,42,0.22)',
	comparisons: ['#7a4b00', '#6b2a86', '#a11d12', '#00626b']
} as const;

/** The dash into a point after a series break (databrud). */
export const BREAK_DASH = [3, 3];
/** A series break's marker; other observations are circles. */
export const BREAK_MARKER = { shape: 'triangle', radius: 7 } as const;

/** The legend key for a series break. */
export const BREAK_LOOK: SeriesLook = {
	colour: CHART_COLOURS.values,
	lineWidth: 2,
	line: false,
	dash: [],
	marker: { ...BREAK_MARKER, fill: CHART_COLOURS.values },
	bar: null
};

const COMPARISON_MARKERS: MarkerShape[] = ['rect', 'crossRot', 'star'];

/**
 * The look of every series, in order.
 * @example seriesLooks(data.series)[0].marker?.shape // 'circle' for the values
 */
export function seriesLooks(series: readonly ChartSeries[]): SeriesLook[] {
	let comparison = 0;
	return series.map((s) => (s.key.startsWith('comparison:') ? comparisonLook(comparison++) : look(s)));
}

function look(series: ChartSeries): SeriesLook {
	const plain = { lineWidth: 2, line: true, dash: [], marker: null, bar: null };
	switch (series.key) {
		case 'values':
			return {
				...plain,
				colour: CHART_COLOURS.values,
				lineWidth: 2.5,
				marker: { shape: 'circle', radius: 3.5, fill: CHART_COLOURS.values }
			};
		case 'rolling':
			// Solid, thick and without markers: told apart from the values (circles) and the dashed lines by shape.
			return { ...plain, colour: CHART_COLOURS.rolling, lineWidth: 3 };
		case 'baseline':
			return {
				...plain,
				colour: CHART_COLOURS.ink,
				lineWidth: 2.5,
				line: false,
				marker: { shape: 'rectRot', radius: 8, fill: '#ffffff' }
			};
		case 'target':
			return { ...plain, colour: CHART_COLOURS.ink, dash: [10, 5] };
		case 'trajectory':
			return { ...plain, colour: CHART_COLOURS.trajectory, dash: [4, 4] };
		case 'forecast':
			// Dash-dot, so it is told from the target (long dashes) and the expected course (short dashes) without colour.
			return { ...plain, colour: CHART_COLOURS.forecast, dash: [8, 3, 2, 3] };
		case 'forecast_low':
		case 'forecast_high':
			return { ...plain, colour: CHART_COLOURS.forecast, lineWidth: 1, band: CHART_COLOURS.forecastBand };
		case 'budget':
			// Across the year: a light band under a step, the bar's colours, so it reads as the year's level, not a month's.
			if (series.kind === 'step') {
				return { ...plain, colour: CHART_COLOURS.values, lineWidth: 1.5, step: { area: CHART_COLOURS.budgetBand } };
			}
			return {
				...plain,
				colour: CHART_COLOURS.values,
				lineWidth: 1.5,
				line: false,
				bar: { fill: CHART_COLOURS.budgetFill, hatched: false }
			};
		default:
			if (series.kind === 'step') {
				return { ...plain, colour: CHART_COLOURS.spent, lineWidth: 2.5, dash: [6, 3], step: { area: null } };
			}
			return {
				...plain,
				colour: CHART_COLOURS.spent,
				lineWidth: 1.5,
				line: false,
				bar: { fill: CHART_COLOURS.spentFill, hatched: true }
			};
	}
}

/**
 * How a series' legend key is drawn: a filled box for a filled area (the forecast interval, the budget band), else the look itself.
 * @example legendLook(seriesLooks(data.series)[i])
 */
export function legendLook(look: SeriesLook): SeriesLook {
	const fill = look.band ?? look.step?.area;
	return fill ? { ...look, line: false, bar: { fill, hatched: false } } : look;
}

function comparisonLook(index: number): SeriesLook {
	const colour = CHART_COLOURS.comparisons[index % CHART_COLOURS.comparisons.length];
	const shape = COMPARISON_MARKERS[index % COMPARISON_MARKERS.length];
	return {
		colour,
		lineWidth: 2,
		line: true,
		dash: [2, 3],
		marker: { shape, radius: 4.5, fill: colour },
		bar: null
	};
}
