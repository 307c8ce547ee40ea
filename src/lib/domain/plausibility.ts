/**
 * Plausibility of one KPI value before it is saved — the one rule set the entry form, the JSON API, the
 * import preview and the entry grid share (issue 14):
 * - bounds: by unit (`%` 0–100, counts and days ≥ 0), replaced by the KPI's own min/max where it has them;
 * - decimals: a value with more decimals than the KPI shows is rounded half away from zero ("half up")
 *   to the KPI's decimals, and the user is told (a warning, not a refusal);
 * - no period after the current one (Copenhagen date); the current period of the KPI's frequency is allowed;
 * - a soft warning, saved only after an explicit "yes, the value is right", when the change from the
 *   previous value lies more than 3 standard deviations from the mean of the KPI's own period-to-period
 *   changes (judged once there are at least MIN_CHANGES changes).
 * Pure: no I/O; words come from the message catalogue, so the browser can show the same sentences.
 */
import { t } from '$lib/messages';
import { plural } from './plural';
import { formatKpiChange, formatKpiValue, formatNumber, type KpiUnit } from './format';
import { roundTo } from './numbers';
import {
	comparePeriods,
	formatPeriodDa,
	parsePeriodFor,
	periodContaining,
	type Frequency,
	type Period
} from './periods';

/** What of a KPI the rules need (min/max null: the unit's default bound). */
export interface PlausibilityRules {
	unit: KpiUnit;
	decimals: number;
	frequency: Frequency;
	minValue: number | null;
	maxValue: number | null;
}

/** One bound and where it comes from (the unit's default or the KPI's own definition). */
export interface Bound {
	value: number;
	source: 'unit' | 'kpi';
}

/** The period-to-period changes a judgement needs at least. */
export const MIN_CHANGES = 4;
/** How many standard deviations a change may lie from the mean change before it is called unusual. */
export const UNUSUAL_SD = 3;

const UNIT_BOUNDS: Readonly<Record<KpiUnit, { min: number | null; max: number | null }>> = {
	percent: { min: 0, max: 100 },
	count: { min: 0, max: null },
	days: { min: 0, max: null },
	kr: { min: null, max: null },
	score: { min: null, max: null }
};

/**
 * The bounds a value of the KPI must keep: its own min/max where set, else the unit's default.
 * @example valueBounds({ unit: 'percent', minValue: null, maxValue: 20, … }) // { min: { value: 0, source: 'unit' }, max: { value: 20, source: 'kpi' } }
 */
export function valueBounds(rules: Pick<PlausibilityRules, 'unit' | 'minValue' | 'maxValue'>): {
	min: Bound | null;
	max: Bound | null;
} {
	const unit = UNIT_BOUNDS[rules.unit];
	const pick = (own: number | null, fallback: number | null): Bound | null =>
		own !== null ? { value: own, source: 'kpi' } : fallback !== null ? { value: fallback, source: 'unit' } : null;
	return { min: pick(rules.minValue, unit.min), max: pick(rules.maxValue, unit.max) };
}

/** A stored value of the KPI (its history, used for the unusual-change warning). */
export interface HistoryPoint {
	period: string;
	value: number;
}

export interface PlausibilityInput {
	/** Canonical period of the KPI's frequency ('2026-09'). */
	period: string;
	value: number;
	/** Today in Copenhagen ('2026-11-22', todayInCopenhagen()). */
	today: string;
	/** The KPI's stored values (any order; a stored value of `period` itself is left out of the judgement). */
	history: readonly HistoryPoint[];
}

export interface PlausibilityCheck {
	/** The value as it is to be stored: rounded to the KPI's decimals. */
	value: number;
	/** Refusals, each at its field, in Danish: nothing may be saved while there is one. */
	errors: { field: 'period' | 'value'; message: string }[];
	/** Set when the value was rounded: tells the user what is stored instead of what was typed. */
	rounded: string | null;
	/** Set when the change is unusual: save only after the user confirms the value ("Ja, værdien er rigtig"). */
	unusual: string | null;
}

/**
 * Checks one value of a KPI for a period against the plausibility rules; pure. For many values of one KPI
 * (an import, the entry grid) createPlausibilityChecker reads the history once.
 * @example checkPlausibility(rules, { period: '2026-09', value: 150, today: '2026-11-22', history: [] }).errors
 * // [{ field: 'value', message: 'Værdien 150,0 % er over 100,0 %, den højeste værdi for enheden procent (%).' }]
 */
export function checkPlausibility(rules: PlausibilityRules, input: PlausibilityInput): PlausibilityCheck {
	return createPlausibilityChecker(rules, input.history)(input);
}

/**
 * The plausibility check of one KPI with its stored values read once: each call costs a binary search,
 * whatever the length of the history.
 * @example const check = createPlausibilityChecker(rules, stored); rows.map((r) => check({ ...r, today }))
 */
export function createPlausibilityChecker(
	rules: PlausibilityRules,
	history: readonly HistoryPoint[]
): (input: Omit<PlausibilityInput, 'history'>) => PlausibilityCheck {
	const show = (v: number) => formatKpiValue(v, rules.unit, rules.decimals);
	const changes = createChangeStatistics(history);
	const { min, max } = valueBounds(rules);
	const unitName = t(`unit_name.${rules.unit}`).toLowerCase();
	let currentOf: { today: string; period: Period } | null = null;
	return (input) => {
		const { value, rounded } = roundForKpi(rules, input.value);
		const errors: PlausibilityCheck['errors'] = [];
		if (min && value < min.value)
			errors.push({
				field: 'value',
				message:
					min.source === 'kpi'
						? t('plausibility.below_kpi_min', { value: show(value), min: show(min.value) })
						: t('plausibility.below_unit_min', { value: show(value), min: show(min.value), unit: unitName })
			});
		if (max && value > max.value)
			errors.push({
				field: 'value',
				message:
					max.source === 'kpi'
						? t('plausibility.above_kpi_max', { value: show(value), max: show(max.value) })
						: t('plausibility.above_unit_max', { value: show(value), max: show(max.value), unit: unitName })
			});
		const period = parsePeriodFor(input.period, rules.frequency);
		if (period.ok) {
			if (input.today !== currentOf?.today)
				currentOf = { today: input.today, period: periodContaining(input.today, rules.frequency) };
			const current = currentOf.period;
			if (comparePeriods(period.period, current) > 0)
				errors.push({
					field: 'period',
					message: t('plausibility.future_period', {
						period: formatPeriodDa(period.period),
						current: formatPeriodDa(current)
					})
				});
		}
		const unusual = errors.length === 0 ? unusualChange(rules, value, changes(input.period, value), show) : null;
		return { value, errors, rounded, unusual };
	};
}

/**
 * A typed value rounded half away from zero to the KPI's decimals, with the sentence that tells the user
 * (null when nothing but a float's noise was rounded off).
 * @example roundForKpi({ unit: 'percent', decimals: 1 }, 6.85) // { value: 6.9, rounded: 'Værdien 6,85 er afrundet til 6,9 %, …' }
 */
export function roundForKpi(
	rules: Pick<PlausibilityRules, 'unit' | 'decimals'>,
	typed: number
): { value: number; rounded: string | null } {
	const value = roundTo(typed, rules.decimals);
	// A float's noise (6.8999999999 from a percent cell) is not something a person typed: no warning for it.
	if (Math.abs(value - typed) <= 1e-9 * Math.max(1, Math.abs(typed))) return { value, rounded: null };
	const params = {
		typed: formatNumber(typed, decimalsOf(typed)),
		stored: formatKpiValue(value, rules.unit, rules.decimals)
	};
	const rounded =
		rules.decimals === 0
			? t('plausibility.rounded_whole', params)
			: t(plural(rules.decimals, { one: 'plausibility.rounded_one', other: 'plausibility.rounded_other' }), {
					...params,
					decimals: rules.decimals
				});
	return { value, rounded };
}

/** The number of decimals a number is written with (up to 20), to echo what was typed. */
function decimalsOf(value: number): number {
	const text = String(Math.abs(value));
	if (/e/i.test(text)) return 20;
	const dot = text.indexOf('.');
	return dot === -1 ? 0 : Math.min(20, text.length - dot - 1);
}

/** A new value's change against the KPI's own changes (without the stored value of its period). */
interface ChangeJudgement {
	count: number;
	mean: number;
	sd: number;
	change: number;
	neighbour: HistoryPoint;
}

/**
 * The period-to-period changes of the stored values, as sums, so that leaving one period out (the one
 * being overwritten) and finding the value before (or after) a period cost no pass over the history.
 */
function createChangeStatistics(
	history: readonly HistoryPoint[]
): (period: string, value: number) => ChangeJudgement | null {
	const points = [...history].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
	let sum = 0;
	let squares = 0;
	for (let i = 1; i < points.length; i++) {
		const c = points[i].value - points[i - 1].value;
		sum += c;
		squares += c * c;
	}
	const firstAtOrAfter = (period: string) => {
		let low = 0;
		let high = points.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (points[mid].period < period) low = mid + 1;
			else high = mid;
		}
		return low;
	};
	return (period, value) => {
		let count = Math.max(0, points.length - 1);
		let s = sum;
		let q = squares;
		const at = firstAtOrAfter(period);
		const own = points[at]?.period === period;
		if (own) {
			// Leaving the period's stored value out: its two changes become one across it.
			const before = points[at - 1];
			const after = points[at + 1];
			const drop = (c: number) => {
				s -= c;
				q -= c * c;
				count -= 1;
			};
			if (before) drop(points[at].value - before.value);
			if (after) drop(after.value - points[at].value);
			if (before && after) {
				const c = after.value - before.value;
				s += c;
				q += c * c;
				count += 1;
			}
		}
		if (count < MIN_CHANGES) return null;
		const before = points[at - 1];
		const after = points[own ? at + 1 : at];
		if (!before && !after) return null;
		const mean = s / count;
		const variance = Math.max(0, (q - (s * s) / count) / (count - 1));
		return before
			? { count, mean, sd: Math.sqrt(variance), change: value - before.value, neighbour: before }
			: { count, mean, sd: Math.sqrt(variance), change: after.value - value, neighbour: after };
	};
}

/** The warning for a change more than UNUSUAL_SD standard deviations from the mean change, or null. */
function unusualChange(
	rules: PlausibilityRules,
	value: number,
	judged: ChangeJudgement | null,
	show: (v: number) => string
): string | null {
	if (!judged) return null;
	// A series that never moved would make any change "unusual": one unit of the last decimal is the least spread.
	const sd = Math.max(judged.sd, 10 ** -rules.decimals);
	if (Math.abs(judged.change - judged.mean) <= UNUSUAL_SD * sd) return null;
	const low = roundTo(judged.mean - UNUSUAL_SD * sd, rules.decimals);
	const high = roundTo(judged.mean + UNUSUAL_SD * sd, rules.decimals);
	return t(plural(judged.count, { one: 'plausibility.unusual_one', other: 'plausibility.unusual_other' }), {
		value: show(value),
		other: show(judged.neighbour.value),
		period: formatPeriodDa(judged.neighbour.period),
		// Steps between values, so a percent KPI's read in %-point (issue 17).
		change: formatKpiChange(Math.abs(judged.change), rules.unit, rules.decimals),
		low: formatKpiChange(low, rules.unit, rules.decimals),
		high: formatKpiChange(high, rules.unit, rules.decimals),
		count: judged.count
	});
}
