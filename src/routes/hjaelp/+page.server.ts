import type { PageServerLoad } from './$types';
import { computeKpiProgress, type KpiDefinition, type ObservationPoint } from '$lib/domain/progress';
import { combineKpiStatuses } from '$lib/domain/recommendation-status';
import { computeForecast, forecastLine } from '$lib/domain/forecast';

/** Sick leave by year (DESIGN §3's vectors): lower is better, 7,8 % in 2022, target 6,5 % in 2025. */
const yearly = {
	direction: 'lower',
	frequency: 'year',
	baseline: { value: 7.8, period: '2022' },
	target: { value: 6.5, period: '2025' }
} as const satisfies KpiDefinition;

/** Staff turnover to be held at 15 % until 2025 (target = baseline). */
const hold = {
	direction: 'lower',
	frequency: 'year',
	baseline: { value: 15, period: '2022' },
	target: { value: 15, period: '2025' }
} as const satisfies KpiDefinition;

/** Sick leave by month on the rolling year (DESIGN §3's vector): 7,8 % in December 2022, target 6,5 % in December 2025. */
const monthly = {
	direction: 'lower',
	frequency: 'month',
	baseline: { value: 7.8, period: '2022-12' },
	target: { value: 6.5, period: '2025-12' },
	assessment: 'rolling_year'
} as const satisfies KpiDefinition;

/** 7,0 % in January to November 2024, then a flu month: 8,4 % in December. */
const fluYear: ObservationPoint[] = [
	...Array.from({ length: 11 }, (_, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, value: 7 })),
	{ period: '2024-12', value: 8.4 }
];

/** A yearly sick leave followed since 2016 towards 6,5 % in 2026, for the forecast example. */
const longYearly = {
	direction: 'lower',
	frequency: 'year',
	baseline: { value: 7.8, period: '2016' },
	target: { value: 6.5, period: '2026' }
} as const satisfies KpiDefinition;
const sevenYears: ObservationPoint[] = [7.6, 7.7, 7.3, 7.4, 7.1, 7.2, 6.9].map((value, i) => ({
	period: String(2017 + i),
	value
}));

// Public: it explains the rules and holds no data. Every example is computed by the same rules as everything else.
export const load: PageServerLoad = async () => {
	const onTrack = computeKpiProgress(yearly, [{ period: '2024', value: 7.0 }], '2024-12-31');
	const missed = computeKpiProgress(yearly, [{ period: '2025', value: 6.7 }], '2026-01-31');
	const holdRows = (
		[
			['2024', 14.8],
			['2024', 15.3],
			['2025', 14.9],
			['2025', 15.2]
		] as const
	).map(([period, value]) => ({
		period,
		value,
		status: computeKpiProgress(hold, [{ period, value }], `${period}-12-31`).status
	}));
	const rolling = {
		latest: computeKpiProgress({ ...monthly, assessment: 'latest' }, fluYear, '2025-01-15'),
		mean: computeKpiProgress(monthly, fluYear, '2025-01-15')
	};
	// A monthly KPI whose last value is for August 2026, on 30 November 2026: September and October are missing.
	const august = [{ period: '2026-08', value: 7 }];
	const missing = computeKpiProgress(monthly, august, '2026-11-30');
	const worst = combineKpiStatuses([
		{ status: 'at_risk', primary: true },
		{ status: 'missed', primary: true },
		{ status: 'no_data', primary: true }
	]);
	return {
		example: { definition: yearly, latest: 7.0, progress: onTrack },
		missed,
		hold: { definition: hold, rows: holdRows },
		rolling,
		missing: missing.missingRun,
		worst,
		forecast: forecastLine(computeForecast(longYearly, sevenYears, '2024-06-30'), {
			unit: 'percent',
			decimals: 1,
			frequency: 'year'
		})
	};
};
