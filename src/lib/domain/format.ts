/**
 * da-DK display of numbers, KPI values, shares and dates. Units are separated by a no-break
 * space (U+00A0) so "12,5 %" never wraps; the minus sign is the ASCII hyphen-minus, which every
 * font, CSV consumer and screen reader handles alike.
 */
import { t } from '$lib/messages';
import { splitIsoDate } from './dates';
import { roundTo } from './numbers';

/** KPI units (DESIGN §2). */
export const KPI_UNITS = ['percent', 'count', 'days', 'kr', 'score'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

/** No-break space, used between a number and its unit. */
export const NBSP = '\u00a0';
/** Shown where there is no value. */
export const NO_VALUE = '–';

const numberFormats = new Map<number, Intl.NumberFormat>();
const dateFormat = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('da-DK', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
	timeZone: 'Europe/Copenhagen'
});

/**
 * A number in da-DK with exactly `decimals` decimals (half away from zero; never "-0").
 * @example formatNumber(1234) // '1.234'; formatNumber(7.8, 1) // '7,8'
 */
export function formatNumber(value: number, decimals = 0): string {
	const rounded = roundTo(value, decimals);
	return numberFormat(decimals)
		.format(rounded)
		.replace(/\u2212/g, '-');
}

/**
 * A value already in percent units, with a no-break space before "%".
 * @example formatPercent(12.5) // '12,5 %' (with U+00A0)
 */
export function formatPercent(value: number, decimals = 1): string {
	return `${formatNumber(value, decimals)}${NBSP}${t('unit.percent')}`;
}

/**
 * A KPI value with its unit: '7,8 %', '1.234', '3,5 dage', '3.600.000 kr.', '4,2'.
 * @example formatKpiValue(3.5, 'days', 1) // '3,5 dage'
 */
export function formatKpiValue(value: number, unit: KpiUnit, decimals: number): string {
	switch (unit) {
		case 'percent':
			return formatPercent(value, decimals);
		case 'days': {
			const text = formatNumber(value, decimals);
			return `${text}${NBSP}${t(text === '1' ? 'unit.day' : 'unit.days')}`;
		}
		case 'kr':
			return `${formatNumber(value, decimals)}${NBSP}${t('unit.kr')}`;
		case 'count':
		case 'score':
			return formatNumber(value, decimals);
	}
}

/**
 * A difference between two percentages, in %-point with the KPI's decimals.
 * @example formatPercentPoints(0.4, 1) // '0,4 %-point' (with U+00A0)
 */
export function formatPercentPoints(value: number, decimals: number): string {
	return `${formatNumber(value, decimals)}${NBSP}${t('unit.percent_point')}`;
}

/**
 * A change of a KPI value (an improvement, a step from one period to the next): %-point for a percent KPI,
 * else the KPI's own unit, always with the KPI's decimals.
 * @example formatKpiChange(0.4, 'percent', 1) // '0,4 %-point'; formatKpiChange(2, 'days', 0) // '2 dage'
 */
export function formatKpiChange(value: number, unit: KpiUnit, decimals: number): string {
	return unit === 'percent' ? formatPercentPoints(value, decimals) : formatKpiValue(value, unit, decimals);
}

/**
 * A share (1 = 100 %) as a whole percentage, or '–' when there is none.
 * @example formatShare(0.615) // '62 %'; formatShare(null) // '–'
 */
export function formatShare(share: number | null): string {
	if (share === null) return NO_VALUE;
	return formatPercent(roundTo(share * 100, 6), 0);
}

/**
 * An ISO date in Danish words; throws on a malformed date.
 * @example formatDateDa('2026-11-22') // '22. november 2026'
 */
export function formatDateDa(date: string): string {
	const parts = splitIsoDate(date);
	if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${date}"`);
	const moment = new Date(0);
	moment.setUTCFullYear(parts.year, parts.month - 1, parts.day);
	return dateFormat.format(moment);
}

/**
 * A moment as Danish date and time in Europe/Copenhagen.
 * @example formatDateTimeDa(new Date('2026-11-22T07:15:00Z')) // '22. november 2026 kl. 08.15'
 */
export function formatDateTimeDa(value: Date): string {
	if (Number.isNaN(value.getTime())) throw new RangeError('Invalid Date');
	return dateTimeFormat.format(value);
}

function numberFormat(decimals: number): Intl.NumberFormat {
	let format = numberFormats.get(decimals);
	if (!format) {
		format = new Intl.NumberFormat('da-DK', {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		});
		numberFormats.set(decimals, format);
	}
	return format;
}
