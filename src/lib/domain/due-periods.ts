/**
 * Which periods the entry grid asks for (DESIGN §3): every period after the baseline that has ended
 * by the as-of date and has no value, newest `limit` of them, oldest first. A period is overdue once it
 * ended at least OVERDUE_AFTER_DAYS days before the as-of date; before that it is due.
 */
import { OVERDUE_AFTER_DAYS } from './progress';
import {
	addPeriods,
	comparePeriods,
	formatPeriod,
	latestPeriodEndedBefore,
	parsePeriodFor,
	periodContaining,
	type Frequency
} from './periods';

export interface DuePeriod {
	period: string;
	overdue: boolean;
}

/** At most this many missing periods per KPI in the grid (a year of months); older gaps go by the KPI page or import. */
export const MAX_DUE_PERIODS = 12;

/**
 * The missing periods a KPI's entry grid shows, oldest first, and whether older missing ones were left out.
 * @example duePeriods('month', '2026-06', ['2026-07'], '2026-11-22').periods.map((p) => p.period) // ['2026-08', '2026-09', '2026-10']
 */
export function duePeriods(
	frequency: Frequency,
	baselinePeriod: string,
	observed: readonly string[],
	asOf: string,
	limit: number = MAX_DUE_PERIODS
): { periods: DuePeriod[]; more: boolean } {
	const baseline = parsePeriodFor(baselinePeriod, frequency);
	if (!baseline.ok) throw new Error(`Baseline period ${baselinePeriod} is not a ${frequency} period`);
	const have = new Set(observed);
	// The newest period that has ended: the one before the period containing the as-of date.
	const newestEnded = addPeriods(periodContaining(asOf, frequency), -1);
	const newestOverdue = latestPeriodEndedBefore(asOf, frequency, OVERDUE_AFTER_DAYS);
	const periods: DuePeriod[] = [];
	let more = false;
	for (let p = newestEnded; comparePeriods(p, baseline.period) > 0; p = addPeriods(p, -1)) {
		const text = formatPeriod(p);
		if (have.has(text)) continue;
		if (periods.length === limit) {
			more = true;
			break;
		}
		periods.push({ period: text, overdue: comparePeriods(p, newestOverdue) <= 0 });
	}
	return { periods: periods.reverse(), more };
}
