/**
 * The kroner side of a KPI chart (issue 17): a year's allocation (or spend) placed on the chart's periods,
 * the sentence that names it per year, and the short tick labels of the kroner axis. Budget lines are per
 * year, so on a chart of months, quarters or half-years the year's amount is held across all of that year's
 * periods (a step); only a yearly chart shows it as one bar per period.
 */
import { t } from '$lib/messages';
import { NBSP } from './format';
import { formatKrAlike, sumKr } from './money';
import type { Frequency, Period } from './periods';

export interface YearAmount {
	year: number;
	amountKr: number;
}

/** True when a year's amount spans several of the chart's periods (months, quarters, half-years). */
export function spansYear(frequency: Frequency): boolean {
	return frequency !== 'year';
}

/** The sum of each year's lines, years ascending. */
export function totalsByYear(lines: readonly YearAmount[]): YearAmount[] {
	const byYear = new Map<number, number[]>();
	for (const { year, amountKr } of lines) byYear.set(year, [...(byYear.get(year) ?? []), amountKr]);
	return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, amounts]) => ({ year, amountKr: sumKr(amounts) }));
}

/**
 * Kroner per year on the chart's periods: on every period of the year when a year spans several periods, else on the
 * year itself; years outside the range are left out, periods of a year without lines are null.
 * @example amountsOnPeriods(months2026, [{ year: 2026, amountKr: 1_200_000 }]) // twelve times 1200000
 */
export function amountsOnPeriods(periods: readonly Period[], lines: readonly YearAmount[]): (number | null)[] {
	const perYear = new Map(totalsByYear(lines).map(({ year, amountKr }) => [year, amountKr]));
	return periods.map((period) => perYear.get(period.year) ?? null);
}

/**
 * The allocation per year in one clause, consecutive years with the same amount joined, all amounts on one scale.
 * @example allocationPerYear([{ year: 2025, amountKr: 1_800_000 }, { year: 2026, amountKr: 1_200_000 }])
 * // 'Bevillingen er 1,8 mio. kr. pr. år i 2025 og 1,2 mio. kr. pr. år i 2026.'
 */
export function allocationPerYear(lines: readonly YearAmount[]): string {
	const runs: { from: number; to: number; amountKr: number }[] = [];
	for (const { year, amountKr } of totalsByYear(lines)) {
		const last = runs.at(-1);
		if (last && last.to === year - 1 && last.amountKr === amountKr) last.to = year;
		else runs.push({ from: year, to: year, amountKr });
	}
	const amounts = formatKrAlike(runs.map((run) => run.amountKr));
	const parts = runs.map((run, i) =>
		t('chart.budget_year_amount', {
			amount: amounts[i],
			years: run.from === run.to ? String(run.from) : `${run.from}–${run.to}`
		})
	);
	return t('chart.summary_budget_years', { years: danishList.format(parts) });
}

const danishList = new Intl.ListFormat('da-DK', { type: 'conjunction' });

/**
 * The kroner axis' tick labels: one scale on the whole axis and without the unit, which the axis title gives ('kr.'),
 * so they stay short enough for a phone.
 * @example krAxisTicks([0, 500_000, 1_000_000]) // ['0', '0,5 mio.', '1 mio.']
 */
export function krAxisTicks(values: readonly number[]): string[] {
	const unit = new RegExp(`[\\s${NBSP}]${escapeRegExp(t('unit.kr'))}$`);
	return formatKrAlike(values.map(Math.round)).map((label) => label.replace(unit, ''));
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
