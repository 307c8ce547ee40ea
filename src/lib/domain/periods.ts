/**
 * Reporting periods — `2024`, `2024-H1`, `2024-Q3`, `2024-05` (DESIGN §2) — and their arithmetic.
 * This is the one period parser: every other layer goes through `parsePeriod`/`parsePeriodFor`.
 */
import { t } from '$lib/messages';
import { daysInMonth, splitIsoDate, toIsoDate, addDays } from './dates';

export const FREQUENCIES = ['year', 'half', 'quarter', 'month'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A period; `index` is 1-based within the year (1 for a year, 1–2, 1–4 or 1–12). */
export interface Period {
	frequency: Frequency;
	year: number;
	index: number;
}

/** Why a period text was refused for a KPI. */
export type PeriodError = 'malformed' | 'wrong_frequency';

/** Years a period may fall in; parsing refuses anything outside. */
export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2199;

/** How many periods of each frequency make one year. */
export const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = {
	year: 1,
	half: 2,
	quarter: 4,
	month: 12
};

const PERIOD_PATTERN = /^(\d{4})(?:-(?:([HhQq])(\d)|(\d{2})))?$/;

/**
 * A checked period; throws a RangeError when the year or index is out of range.
 * @example createPeriod('quarter', 2024, 3) // { frequency: 'quarter', year: 2024, index: 3 }
 */
export function createPeriod(frequency: Frequency, year: number, index: number): Period {
	const period = { frequency, year, index };
	assertPeriod(period);
	return period;
}

/**
 * Parses the canonical period forms (lower-case h/q accepted); null for anything else.
 * @example parsePeriod('2024-Q3') // { frequency: 'quarter', year: 2024, index: 3 }
 */
export function parsePeriod(text: string): Period | null {
	const match = PERIOD_PATTERN.exec(text.trim());
	if (!match) return null;
	const [, yearText, letter, letterIndex, month] = match;
	const year = Number(yearText);
	let period: Period;
	if (letter !== undefined) {
		const frequency = letter.toUpperCase() === 'H' ? 'half' : 'quarter';
		period = { frequency, year, index: Number(letterIndex) };
	} else if (month !== undefined) {
		period = { frequency: 'month', year, index: Number(month) };
	} else {
		period = { frequency: 'year', year, index: 1 };
	}
	return isValidPeriod(period) ? period : null;
}

/**
 * Parses a period that must have the given frequency; the wrong form is an error, never converted.
 * @example parsePeriodFor('2024-05', 'quarter') // { ok: false, error: 'wrong_frequency' }
 */
export function parsePeriodFor(
	text: string,
	frequency: Frequency
): { ok: true; period: Period } | { ok: false; error: PeriodError } {
	const period = parsePeriod(text);
	if (!period) return { ok: false, error: 'malformed' };
	if (period.frequency !== frequency) return { ok: false, error: 'wrong_frequency' };
	return { ok: true, period };
}

/**
 * The canonical text of a period, as stored in the database.
 * @example formatPeriod({ frequency: 'month', year: 2024, index: 5 }) // '2024-05'
 */
export function formatPeriod(p: Period): string {
	assertPeriod(p);
	switch (p.frequency) {
		case 'year':
			return String(p.year);
		case 'half':
			return `${p.year}-H${p.index}`;
		case 'quarter':
			return `${p.year}-Q${p.index}`;
		case 'month':
			return `${p.year}-${String(p.index).padStart(2, '0')}`;
	}
}

const danishMonth = new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'UTC' });

/**
 * A period in Danish words; a string is parsed first and throws when malformed.
 * @example formatPeriodDa('2024-H1') // '1. halvår 2024'; formatPeriodDa('2024-05') // 'maj 2024'
 */
export function formatPeriodDa(p: Period | string): string {
	const period = typeof p === 'string' ? parsePeriod(p) : p;
	if (!period) throw new RangeError(`Malformed period: "${String(p)}"`);
	assertPeriod(period);
	const { year, index: n } = period;
	switch (period.frequency) {
		case 'year':
			return t('period.year', { year });
		case 'half':
			return t('period.half', { n, year });
		case 'quarter':
			return t('period.quarter', { n, year });
		case 'month':
			return t('period.month', { month: danishMonth.format(Date.UTC(2000, n - 1, 15)), year });
	}
}

/**
 * A running count of periods of one frequency, so differences are whole periods.
 * @example periodOrdinal(parsePeriod('2024-Q1')!) - periodOrdinal(parsePeriod('2023-Q4')!) // 1
 */
export function periodOrdinal(p: Period): number {
	assertPeriod(p);
	return p.year * PERIODS_PER_YEAR[p.frequency] + (p.index - 1);
}

/**
 * b − a in whole periods; throws if the frequencies differ.
 * @example periodsBetween(parsePeriod('2016-05')!, parsePeriod('2017-12')!) // 19
 */
export function periodsBetween(a: Period, b: Period): number {
	if (a.frequency !== b.frequency) {
		throw new RangeError(`Cannot count periods between ${a.frequency} and ${b.frequency}`);
	}
	return periodOrdinal(b) - periodOrdinal(a);
}

/**
 * Sort order (−1, 0, 1); across frequencies by last day, then by first day.
 * @example ['2025', '2024-H2'].map((s) => parsePeriod(s)!).sort(comparePeriods)
 */
export function comparePeriods(a: Period, b: Period): number {
	if (a.frequency === b.frequency) return Math.sign(periodOrdinal(a) - periodOrdinal(b));
	return compareText(periodEnd(a), periodEnd(b)) || compareText(periodStart(a), periodStart(b));
}

/**
 * The period `n` periods after `p` (n may be negative); throws outside the supported years.
 * @example formatPeriod(addPeriods(parsePeriod('2024-Q4')!, 1)) // '2025-Q1'
 */
export function addPeriods(p: Period, n: number): Period {
	if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of periods: ${n}`);
	const perYear = PERIODS_PER_YEAR[p.frequency];
	const ordinal = periodOrdinal(p) + n;
	return createPeriod(p.frequency, Math.floor(ordinal / perYear), (ordinal % perYear) + 1);
}

/**
 * The period right after `p`.
 * @example formatPeriod(nextPeriod(parsePeriod('2024-12')!)) // '2025-01'
 */
export function nextPeriod(p: Period): Period {
	return addPeriods(p, 1);
}

/**
 * The first day of a period as an ISO date.
 * @example periodStart(parsePeriod('2024-H2')!) // '2024-07-01'
 */
export function periodStart(p: Period): string {
	return toIsoDate(p.year, firstMonth(p), 1);
}

/**
 * The last day of a period as an ISO date.
 * @example periodEnd(parsePeriod('2024-02')!) // '2024-02-29'
 */
export function periodEnd(p: Period): string {
	const lastMonth = firstMonth(p) + 12 / PERIODS_PER_YEAR[p.frequency] - 1;
	return toIsoDate(p.year, lastMonth, daysInMonth(p.year, lastMonth));
}

/**
 * The period of the given frequency that contains an ISO date; throws on a malformed date.
 * @example formatPeriod(periodContaining('2026-11-22', 'quarter')) // '2026-Q4'
 */
export function periodContaining(date: string, frequency: Frequency): Period {
	const parts = splitIsoDate(date);
	if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${date}"`);
	const monthsPerPeriod = 12 / PERIODS_PER_YEAR[frequency];
	return createPeriod(frequency, parts.year, Math.floor((parts.month - 1) / monthsPerPeriod) + 1);
}

/**
 * The newest period whose last day lies at least `minDays` days before `asOf`.
 * @example formatPeriod(latestPeriodEndedBefore('2026-11-22', 'month', 30)) // '2026-09'
 */
export function latestPeriodEndedBefore(asOf: string, frequency: Frequency, minDays: number): Period {
	// daysBetween(end, asOf) >= minDays  ⇔  end <= asOf − minDays.
	const cutoff = addDays(asOf, -minDays);
	const containing = periodContaining(cutoff, frequency);
	return periodEnd(containing) === cutoff ? containing : addPeriods(containing, -1);
}

/** Month names and their abbreviations, Danish and English (Excel in either language writes them), by month. */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
	[
		['jan', 'januar', 'january'],
		['feb', 'februar', 'february'],
		['mar', 'marts', 'march', 'mrt'],
		['apr', 'april'],
		['maj', 'may'],
		['jun', 'juni', 'june'],
		['jul', 'juli', 'july'],
		['aug', 'august'],
		['sep', 'sept', 'september'],
		['okt', 'oktober', 'oct', 'october'],
		['nov', 'november'],
		['dec', 'december']
	].flatMap((names, index) => names.map((name) => [name, index + 1] as const))
);

/** `2024`, `24` (→ 2024) as a year; two-digit years are read as 20xx. */
const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/**
 * The period wordings people type and paste, after `normalisePeriodText`; each gives frequency, year and index.
 * Order matters only for speed: the canonical forms are tried before these.
 */
const PERIOD_WORDINGS: readonly [RegExp, (m: RegExpExecArray) => [Frequency, number, number] | null][] = [
	// Months: 'okt 2024', 'oktober 2024', 'okt. 2024', 'nov-25', 'okt/2024'.
	[
		/^([a-zæøå]+)\.? ?[-/]? ?(\d{4}|\d{2})$/,
		(m) => {
			const month = MONTH_NAMES.get(m[1]);
			return month === undefined ? null : ['month', fullYear(m[2]), month];
		}
	],
	// Months as numbers: '10-2024', '10/2024', '10.2024', '2024/10', '2024-1'.
	[/^(\d{1,2}) ?[-/.] ?(\d{4})$/, (m) => ['month', Number(m[2]), Number(m[1])]],
	[/^(\d{4}) ?[-/.] ?(\d{1,2})$/, (m) => ['month', Number(m[1]), Number(m[2])]],
	// Halves: '1. halvår 2025', '1 halvår 2025', '2025 H1', 'H1 2025', 'H1-2025', '2025H1'.
	[/^(\d)\.? ?halvår (\d{4})$/, (m) => ['half', Number(m[2]), Number(m[1])]],
	[/^h(\d) ?[-/]? ?(\d{4})$/, (m) => ['half', Number(m[2]), Number(m[1])]],
	[/^(\d{4}) ?[-/]? ?h(\d)$/, (m) => ['half', Number(m[1]), Number(m[2])]],
	// Quarters: '3. kvt. 2024', '3. kvartal 2024', '3 kvt 2024', 'Q3 2024', '2024 Q3', 'Q3-2024', '2024Q3'.
	[/^(\d)\.? ?(?:kvt|kvartal)\.? (\d{4})$/, (m) => ['quarter', Number(m[2]), Number(m[1])]],
	[/^(?:q|kv) ?(\d) ?[-/]? ?(\d{4})$/, (m) => ['quarter', Number(m[2]), Number(m[1])]],
	[/^(\d{4}) ?[-/]? ?(?:q|kv) ?(\d)$/, (m) => ['quarter', Number(m[1]), Number(m[2])]]
];

/** Lower case, one space between words, no space or full stop at the ends; æøå and NBSP safe. */
function normalisePeriodText(text: string): string {
	return text
		.replace(/[\u00a0\u202f\t]/g, ' ')
		.trim()
		.replace(/\.$/, '')
		.trim()
		.replace(/\s+/g, ' ')
		.toLocaleLowerCase('da-DK');
}

/** An ISO day ('2024-10-15'), also with a time after it as some exports write it. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/;

/**
 * The one parser of periods people write (forms, pastes, CSV, XLSX, the API): the canonical forms and the
 * Danish and Excel wordings — `okt 2024`, `oktober 2024`, `10-2024`, `10/2024`, `nov-25`, `1. halvår 2025`,
 * `2025 H1`, `H1 2025`, `3. kvt. 2024`, `3. kvartal 2024`, `Q3 2024`, `2024 Q3`, `2024`; case-insensitive.
 * Null for anything else, a date ('2024-10-15') included: a day is not a period (see parsePeriodInputFor).
 * @example formatPeriod(parsePeriodInput('oktober 2024')!) // '2024-10'
 */
export function parsePeriodInput(text: string): Period | null {
	if (text.length > 40) return null;
	const canonical = parsePeriod(text);
	if (canonical) return canonical;
	const normalised = normalisePeriodText(text);
	const tidied = parsePeriod(normalised);
	if (tidied) return tidied;
	for (const [pattern, read] of PERIOD_WORDINGS) {
		const match = pattern.exec(normalised);
		if (!match) continue;
		const parts = read(match);
		if (!parts) continue;
		const period = { frequency: parts[0], year: parts[1], index: parts[2] };
		return isValidPeriod(period) ? period : null;
	}
	return null;
}

/**
 * parsePeriodInput for a KPI of the given frequency: another frequency's wording is refused, never
 * converted ('oktober 2024' for a half-yearly KPI), and so is a typed date ('2024-10-15'): which period a
 * day belongs to is the writer's choice to make (an XLSX date cell is read with periodContaining instead).
 * @example parsePeriodInputFor('okt 2024', 'quarter') // { ok: false, error: 'wrong_frequency' }
 */
export function parsePeriodInputFor(
	text: string,
	frequency: Frequency
): { ok: true; period: Period } | { ok: false; error: PeriodError } {
	const period = parsePeriodInput(text);
	if (!period) {
		const isDay = ISO_DAY.test(normalisePeriodText(text)) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(text.trim());
		return { ok: false, error: isDay ? 'wrong_frequency' : 'malformed' };
	}
	if (period.frequency !== frequency) return { ok: false, error: 'wrong_frequency' };
	return { ok: true, period };
}

/** Follow-up times as municipal documents word them: the start or end of a year is its first or second half. */
const FOLLOW_UP_HALVES: readonly [RegExp, number][] = [
	[/^(?:primo|foråret) (\d{4})$/, 1],
	[/^(?:ultimo|efteråret) (\d{4})$/, 2]
];

/**
 * Reads a follow-up time as the municipal documents write it ('Primo 2024', 'Efteråret 2024.'), else any
 * wording of parsePeriodInput ('1. halvår 2024', '2. kvartal 2024', '2025'); null for anything else.
 * @example parseDanishPeriodText('Primo 2024') // { frequency: 'half', year: 2024, index: 1 }
 */
export function parseDanishPeriodText(text: string): Period | null {
	const normalised = normalisePeriodText(text);
	for (const [pattern, index] of FOLLOW_UP_HALVES) {
		const match = pattern.exec(normalised);
		if (!match) continue;
		const period: Period = { frequency: 'half', year: Number(match[1]), index };
		return isValidPeriod(period) ? period : null;
	}
	return parsePeriodInput(text);
}

function isValidPeriod(p: Period): boolean {
	return (
		(FREQUENCIES as readonly string[]).includes(p.frequency) &&
		Number.isInteger(p.year) &&
		p.year >= MIN_PERIOD_YEAR &&
		p.year <= MAX_PERIOD_YEAR &&
		Number.isInteger(p.index) &&
		p.index >= 1 &&
		p.index <= PERIODS_PER_YEAR[p.frequency]
	);
}

function assertPeriod(p: Period): void {
	if (!isValidPeriod(p)) throw new RangeError(`Invalid period: ${JSON.stringify(p)}`);
}

function firstMonth(p: Period): number {
	assertPeriod(p);
	return (p.index - 1) * (12 / PERIODS_PER_YEAR[p.frequency]) + 1;
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
