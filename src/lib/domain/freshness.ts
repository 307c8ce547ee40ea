/**
 * Data freshness of a recommendation (issue 19, a Kausal-style signal): how old its newest value is against
 * its KPIs' frequency. For a KPI, the required period is the newest one that ended at least 30 days before the
 * as-of date (DESIGN §3's overdue rule). Its newest value is `current` when it is for that period or later,
 * `late` when it is one period older, `stale` when two or more; a KPI without values has `no_data`. A
 * recommendation takes its freshest KPI (the age of its newest value); no KPIs or no values give `no_data`.
 */
import { latestPeriodEndedBefore, parsePeriodFor, periodsBetween, type Frequency } from './periods';
import { OVERDUE_AFTER_DAYS } from './progress';

export const FRESHNESS = ['current', 'late', 'stale', 'no_data'] as const;
export type Freshness = (typeof FRESHNESS)[number];

/**
 * A KPI's freshness from the period of its newest value.
 * @example kpiFreshness('month', '2026-08', '2026-11-22') // 'late' (2026-09 is required)
 */
export function kpiFreshness(frequency: Frequency, latestPeriod: string | null, asOf: string): Freshness {
	if (latestPeriod === null) return 'no_data';
	const latest = parsePeriodFor(latestPeriod, frequency);
	if (!latest.ok) throw new RangeError(`Period ${latestPeriod} is not a ${frequency} period`);
	const behind = periodsBetween(latest.period, latestPeriodEndedBefore(asOf, frequency, OVERDUE_AFTER_DAYS));
	return behind <= 0 ? 'current' : behind === 1 ? 'late' : 'stale';
}

/**
 * A recommendation's freshness: its freshest KPI's; `no_data` without KPIs or values.
 * @example recommendationFreshness([{ frequency: 'year', latestPeriod: '2025' }], '2026-11-22') // 'current'
 */
export function recommendationFreshness(
	kpis: readonly { frequency: Frequency; latestPeriod: string | null }[],
	asOf: string
): Freshness {
	let best: Freshness = 'no_data';
	for (const kpi of kpis) {
		const freshness = kpiFreshness(kpi.frequency, kpi.latestPeriod, asOf);
		if (FRESHNESS.indexOf(freshness) < FRESHNESS.indexOf(best)) best = freshness;
	}
	return best;
}
