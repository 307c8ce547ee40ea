/**
 * Money as whole kroner in integers — never floats (STYLE "Numbers"). Parsing accepts what Danish
 * budget documents and spreadsheets write; formatting writes da-DK.
 */
import { t } from '$lib/messages';
import { NBSP } from './format';

/** The largest amount accepted from input: 1.000.000.000.000 kr. */
export const MAX_AMOUNT_KR = 1_000_000_000_000;

const CURRENCY_SUFFIX = /\s*(?:kr\.?|dkk)$/;
const MILLION_SUFFIX = /\s*(?:mio\.?|mill\.?|millioner|million)$/;
/** Before "mio." a comma is a decimal separator; a point only with one or two decimals (3.6 mio). */
const MILLIONS = /^(\d{1,7})(?:,(\d{1,6})|\.(\d{1,2}))?$/;
/** Whole kroner: plain digits, or groups of three split by points or by spaces, not mixed. */
const KRONER = /^(\d+|[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d{0,2}(?: \d{3})+)(?:,(\d{2}|-))?$/;

const wholeKroner = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const millions = new Intl.NumberFormat('da-DK', {
	minimumFractionDigits: 0,
	maximumFractionDigits: 1
});

/**
 * Reads whole kroner ("3.600.000 kr.", "3,6 mio."); null if malformed, negative, with øre or too large.
 * @example parseAmountKr('3,6 mio. kr.') // 3600000
 */
export function parseAmountKr(text: string): number | null {
	let rest = text
		.replace(/[\u00a0\u202f\u2009]/g, ' ')
		.trim()
		.toLowerCase()
		.replace(CURRENCY_SUFFIX, '');
	const inMillions = MILLION_SUFFIX.test(rest);
	rest = rest.replace(MILLION_SUFFIX, '');
	const amount = inMillions ? readMillions(rest) : readKroner(rest);
	if (amount === null || !Number.isSafeInteger(amount) || amount > MAX_AMOUNT_KR) return null;
	return amount;
}

/**
 * An amount in kroner, da-DK, with a no-break space before "kr.".
 * @example formatKr(3600000) // '3.600.000 kr.'
 */
export function formatKr(amount: number): string {
	assertWholeKroner(amount);
	return `${wholeKroner.format(amount)}${NBSP}${t('unit.kr')}`;
}

/**
 * Like formatKr, but amounts of a million or more in millions with at most one decimal.
 * @example formatKrShort(3600000) // '3,6 mio. kr.'; formatKrShort(1000000) // '1 mio. kr.'
 */
export function formatKrShort(amount: number): string {
	assertWholeKroner(amount);
	if (Math.abs(amount) < 1_000_000) return formatKr(amount);
	const mioKr = t('unit.mio_kr').replace(' ', NBSP);
	return `${millions.format(amount / 1_000_000)}${NBSP}${mioKr}`;
}

const millionsFine = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/**
 * Amounts that are read together — one cell, one column, one axis — on one scale (issue 17): all in whole kroner when
 * every amount is below a million, else all in millions (two decimals when one of them is below a million, so
 * 959.500 kr. does not read as 1 mio.); zero stays '0 kr.'.
 * @example formatKrAlike([1_000_000, 959_500]) // ['1 mio. kr.', '0,96 mio. kr.']; formatKrAlike([800_000, 0]) // ['800.000 kr.', '0 kr.']
 */
export function formatKrAlike(amounts: readonly number[]): string[] {
	amounts.forEach(assertWholeKroner);
	const largest = Math.max(0, ...amounts.map(Math.abs));
	if (largest < 1_000_000) return amounts.map(formatKr);
	const fine = amounts.some((amount) => amount !== 0 && Math.abs(amount) < 1_000_000);
	const mioKr = t('unit.mio_kr').replace(' ', NBSP);
	// Nothing is nothing on any scale: '0 kr.' reads better than '0 mio. kr.'.
	return amounts.map((amount) =>
		amount === 0 ? formatKr(0) : `${(fine ? millionsFine : millions).format(amount / 1_000_000)}${NBSP}${mioKr}`
	);
}

/**
 * formatKrAlike over a column with gaps: the amounts share one scale, a missing one stays null.
 * @example formatKrColumn([1_200_000, null, 800_000]) // ['1,2 mio. kr.', null, '0,8 mio. kr.']
 */
export function formatKrColumn(amounts: readonly (number | null)[]): (string | null)[] {
	const present = amounts.filter((amount): amount is number => amount !== null);
	const texts = formatKrAlike(present);
	let next = 0;
	return amounts.map((amount) => (amount === null ? null : texts[next++]));
}

/**
 * Sums whole-kroner amounts; throws on a non-integer or an unsafe total.
 * @example sumKr([1_000_000, 2_600_000]) // 3600000
 */
export function sumKr(amounts: readonly number[]): number {
	let total = 0;
	for (const amount of amounts) {
		assertWholeKroner(amount);
		total += amount;
	}
	assertWholeKroner(total);
	return total;
}

function readMillions(text: string): number | null {
	const match = MILLIONS.exec(text);
	if (!match) return null;
	const [, whole, commaDecimals, pointDecimals] = match;
	const decimals = (commaDecimals ?? pointDecimals ?? '').padEnd(6, '0');
	return Number(whole) * 1_000_000 + Number(decimals);
}

function readKroner(text: string): number | null {
	const match = KRONER.exec(text);
	if (!match) return null;
	const [, whole, ore] = match;
	if (ore !== undefined && ore !== '00' && ore !== '-') return null;
	return Number(whole.replace(/[. ]/g, ''));
}

function assertWholeKroner(amount: number): void {
	if (!Number.isSafeInteger(amount)) throw new RangeError(`Not whole kroner: ${amount}`);
}
