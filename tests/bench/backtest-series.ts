/**
 * The series the forecast backtest runs on: the demo's KPI values (read from the seed files, no database) and
 * synthetic series with a known trend, season and noise, drawn from a fixed seed so every run gives the same table.
 */
import normal from '@stdlib/random-base-normal';
import { allerod } from '../../db/seed/allerod';
import { norddjurs } from '../../db/seed/norddjurs';
import { addPeriods, createPeriod, formatPeriod, PERIODS_PER_YEAR, type Frequency } from '../../src/lib/domain/periods';
import type { Assessment, Direction, ObservationPoint } from '../../src/lib/domain/progress';

export interface BacktestSeries {
	family: string;
	name: string;
	frequency: Frequency;
	direction: Direction;
	assessment: Assessment;
	/** In period order, one per period (the demo's may have gaps). */
	observations: ObservationPoint[];
	/** The target value T for a target period: what "reaching the target" is judged against. */
	targetFor: (period: string) => number;
	/** Training sizes (observations before the forecast origin) to evaluate; empty: every size possible. */
	origins: number[];
}

/** Horizons (periods ahead of the origin) evaluated per frequency. */
export const HORIZONS: Readonly<Record<Frequency, readonly number[]>> = {
	month: [1, 3, 6, 12],
	quarter: [1, 2, 4],
	half: [1, 2],
	year: [1, 2]
};

/**
 * The demo's KPIs with enough values for at least one forecast, read from the seed files.
 * @example demoSeries().map((s) => s.name) // ['Norddjurs Kommune: Sygefravær, Velfærdsområdet (måned)', …]
 */
export function demoSeries(): BacktestSeries[] {
	return [norddjurs, allerod].flatMap((org) =>
		org.kpis
			.filter((kpi) => kpi.observations.length > (kpi.frequency === 'month' ? 12 : 6))
			.map((kpi) => ({
				family: 'demo',
				name: `${org.name}: ${kpi.name}`,
				frequency: kpi.frequency,
				direction: kpi.direction,
				assessment: 'latest' as const,
				observations: kpi.observations.map(([period, value]) => ({ period, value })),
				targetFor: () => kpi.target.value,
				origins: []
			}))
	);
}

interface FamilyShape {
	family: string;
	frequency: Frequency;
	length: number;
	origins: number[];
	seasonal: boolean;
	randomWalk?: boolean;
	assessment?: Assessment;
}

/** The synthetic families: trend with and without season, per frequency, plus one that breaks the model's assumptions. */
export const SYNTHETIC_FAMILIES: readonly FamilyShape[] = [
	{ family: 'måned, tendens', frequency: 'month', length: 48, origins: [12, 18, 24, 30, 36], seasonal: false },
	{ family: 'måned, tendens + sæson', frequency: 'month', length: 48, origins: [12, 18, 24, 30, 36], seasonal: true },
	{
		family: 'måned, tendens + sæson, rullende år',
		frequency: 'month',
		length: 48,
		origins: [12, 18, 24, 30],
		seasonal: true,
		assessment: 'rolling_year'
	},
	{ family: 'kvartal, tendens', frequency: 'quarter', length: 24, origins: [6, 8, 12, 16, 20], seasonal: false },
	{ family: 'kvartal, tendens + sæson', frequency: 'quarter', length: 24, origins: [6, 8, 12, 16, 20], seasonal: true },
	{ family: 'halvår, tendens', frequency: 'half', length: 16, origins: [6, 8, 10, 12, 14], seasonal: false },
	{ family: 'år, tendens', frequency: 'year', length: 12, origins: [6, 7, 8, 9, 10], seasonal: false },
	{
		family: 'måned, random walk (brud på antagelsen)',
		frequency: 'month',
		length: 48,
		origins: [12, 18, 24, 30, 36],
		seasonal: false,
		randomWalk: true
	}
];

/**
 * `perFamily` synthetic series of each family: level 5–10, a yearly trend of up to ±0.8 (in the direction of
 * the target two times in three), a season of amplitude 0.2–1.0 with a random peak, normal noise of sd 0.1–0.4.
 * The target is the true level at the target period moved by one noise sd, so reaching it is uncertain.
 * @example syntheticSeries(30, 20261130).length // 30 × SYNTHETIC_FAMILIES.length
 */
export function syntheticSeries(perFamily: number, seed: number): BacktestSeries[] {
	const draw = normal.factory({ seed });
	const uniform = (a: number, b: number) => a + (b - a) * draw.PRNG();
	const series: BacktestSeries[] = [];
	for (const shape of SYNTHETIC_FAMILIES) {
		const perYear = PERIODS_PER_YEAR[shape.frequency];
		const start = createPeriod(shape.frequency, 2016, 1);
		for (let s = 0; s < perFamily; s++) {
			const direction: Direction = draw.PRNG() < 0.5 ? 'lower' : 'higher';
			const better = direction === 'lower' ? -1 : 1;
			const level = uniform(5, 10);
			const slope = (uniform(-0.4, 0.8) * better) / perYear;
			const sd = uniform(0.1, 0.4);
			const amplitude = shape.seasonal ? uniform(0.2, 1) : 0;
			const peak = uniform(0, 2 * Math.PI);
			// A second harmonic makes the season something other than a sine.
			const season = (i: number) =>
				amplitude *
				(Math.sin((2 * Math.PI * i) / perYear + peak) + 0.4 * Math.sin((4 * Math.PI * i) / perYear + 2 * peak));
			const mean = (i: number) => level + slope * i + season(i);
			let walk = 0;
			const observations = Array.from({ length: shape.length }, (_, i) => {
				const noise = draw(0, sd);
				walk += noise;
				return {
					period: formatPeriod(addPeriods(start, i)),
					value: shape.randomWalk ? level + slope * i + walk : mean(i) + noise
				};
			});
			const offset = draw(0, 1) * sd;
			series.push({
				family: shape.family,
				name: `${shape.family} #${s + 1}`,
				frequency: shape.frequency,
				direction,
				assessment: shape.assessment ?? 'latest',
				observations,
				targetFor: (period) => {
					const i = observations.findIndex((o) => o.period === period);
					const index = i >= 0 ? i : shape.length;
					const window = shape.assessment === 'rolling_year' ? perYear : 1;
					let total = 0;
					for (let k = 0; k < window; k++) total += mean(index - k);
					return total / window + offset;
				},
				origins: shape.origins
			});
		}
	}
	return series;
}
