/**
 * ISO calendar dates ('YYYY-MM-DD') as plain strings. Day arithmetic runs on UTC midnights, so
 * time zones and daylight saving never shift a date by a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

interface DateParts {
	year: number;
	month: number;
	day: number;
}

const copenhagenDate = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Copenhagen',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/**
 * Number of days in a month (month 1–12) of the proleptic Gregorian calendar.
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
		return leap ? 29 : 28;
	}
	const length = MONTH_LENGTHS[month - 1];
	if (length === undefined) throw new RangeError(`Month out of range: ${month}`);
	return length;
}

/**
 * Writes a calendar date as 'YYYY-MM-DD' (no validation beyond zero-padding).
 * @example toIsoDate(2024, 6, 30) // '2024-06-30'
 */
export function toIsoDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * True for a real calendar date written 'YYYY-MM-DD'.
 * @example isIsoDate('2024-02-29') // true; isIsoDate('2025-02-29') // false
 */
export function isIsoDate(text: string): boolean {
	return splitIsoDate(text) !== null;
}

/**
 * Whole days from `from` to `to` (to − from); throws on a malformed date.
 * @example daysBetween('2026-09-30', '2026-11-22') // 53
 */
export function daysBetween(from: string, to: string): number {
	return epochDay(to) - epochDay(from);
}

/**
 * The date `n` days after `date` (n may be negative); throws on a malformed date.
 * @example addDays('2024-02-28', 1) // '2024-02-29'
 */
export function addDays(date: string, n: number): string {
	if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
	const moment = new Date((epochDay(date) + n) * MS_PER_DAY);
	const year = moment.getUTCFullYear();
	if (year < 0 || year > 9999) throw new RangeError(`Date out of range: ${date} + ${n} days`);
	return toIsoDate(year, moment.getUTCMonth() + 1, moment.getUTCDate());
}

/**
 * The calendar date in Europe/Copenhagen at `now` (default: the current moment).
 * @example todayInCopenhagen(new Date('2026-11-21T23:30:00Z')) // '2026-11-22'
 */
export function todayInCopenhagen(now: Date = new Date()): string {
	if (Number.isNaN(now.getTime())) throw new RangeError('Invalid Date');
	const parts = copenhagenDate.formatToParts(now);
	const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
	return toIsoDate(part('year'), part('month'), part('day'));
}

/**
 * The year, month and day of an ISO date, or null when it is not a real calendar date.
 * @example splitIsoDate('2024-05-17') // { year: 2024, month: 5, day: 17 }
 */
export function splitIsoDate(text: string): DateParts | null {
	const match = ISO_DATE.exec(text);
	if (!match) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

function epochDay(text: string): number {
	const parts = splitIsoDate(text);
	if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${text}"`);
	// setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
	const moment = new Date(0);
	moment.setUTCFullYear(parts.year, parts.month - 1, parts.day);
	return Math.round(moment.getTime() / MS_PER_DAY);
}

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

const TYPED_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;

/**
 * The one reader of a date a person types: Danish day-month-year with '.', '-' or '/' between the parts
 * ('31.12.2025', '31-12-2025', '31/12/2025', '1.2.2026') or ISO ('2025-12-31'), surrounding spaces allowed.
 * Returns the ISO date, or null when the text is not a real calendar date in one of those forms.
 * @example parseTypedDate('31.12.2025') // '2025-12-31'; parseTypedDate('2025-12-31') // '2025-12-31'; parseTypedDate('31.2.2025') // null
 */
export function parseTypedDate(text: string): string | null {
	const trimmed = text.trim();
	if (isIsoDate(trimmed)) return trimmed;
	const match = TYPED_DATE.exec(trimmed);
	if (!match) return null;
	const iso = toIsoDate(Number(match[4]), Number(match[3]), Number(match[1]));
	return isIsoDate(iso) ? iso : null;
}

/**
 * An ISO date written the way parseTypedDate reads it first and a Danish reader expects in a form field.
 * @example formatTypedDate('2026-01-14') // '14.01.2026'
 */
export function formatTypedDate(date: string): string {
	const parts = splitIsoDate(date);
	if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${date}"`);
	return `${pad2(parts.day)}.${pad2(parts.month)}.${String(parts.year).padStart(4, '0')}`;
}
