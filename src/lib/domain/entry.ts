/**
 * Data entry rules: which period a project lead is asked for next.
 */
import { comparePeriods, formatPeriod, nextPeriod, parsePeriodFor, periodContaining, type Frequency } from './periods';

/**
 * The period to pre-fill in the entry form: the oldest period after the baseline, up to the one
 * containing the as-of date, that has no value; when none is missing, the period after the newest value.
 * @example nextMissingPeriod('year', '2022', ['2023', '2024'], '2026-11-22') // '2025'
 */
export function nextMissingPeriod(
	frequency: Frequency,
	baselinePeriod: string,
	observed: readonly string[],
	asOf: string
): string {
	const baseline = parsePeriodFor(baselinePeriod, frequency);
	if (!baseline.ok) throw new Error(`Baseline period ${baselinePeriod} is not a ${frequency} period`);
	const have = new Set(observed);
	const current = periodContaining(asOf, frequency);
	let candidate = nextPeriod(baseline.period);
	while (comparePeriods(candidate, current) <= 0) {
		if (!have.has(formatPeriod(candidate))) return formatPeriod(candidate);
		candidate = nextPeriod(candidate);
	}
	const newest = [...observed].sort().pop();
	const after = newest ? parsePeriodFor(newest, frequency) : null;
	return formatPeriod(after?.ok ? nextPeriod(after.period) : candidate);
}
