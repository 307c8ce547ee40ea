/**
 * Numbers across boundaries: `numeric` strings from the database driver (parsed once, here) and
 * numbers typed or pasted by people in Danish or English notation.
 */

/** Where a typed number's decimal separator is: Danish ',', English '.', or guessed ('auto'). */
export type DecimalSeparator = ',' | '.' | 'auto';

const DRIVER_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const NUMBER_WITH_UNIT = /^([-+]?)(\d(?:[\d., ]*\d)?)\s*(\D*)$/;
/** Unit words that may follow a typed number; they carry no meaning for the value. */
const IGNORED_UNITS = new Set([
	'',
	'%',
	'pct',
	'pct.',
	'procent',
	'kr',
	'kr.',
	'dkk',
	'dag',
	'dage',
	'point',
	'stk',
	'stk.'
]);

/**
 * Parses a `numeric` value as the database driver returns it; throws on anything else.
 * @example parseDecimal('7.80') // 7.8
 */
export function parseDecimal(text: string): number {
	if (!DRIVER_DECIMAL.test(text)) throw new RangeError(`Not a decimal number: "${text}"`);
	return normaliseZero(Number(text));
}

/**
 * A number as plain decimal text with '.' ('0.0000001', never '1e-7'), so both the number parser and
 * PostgreSQL's numeric read it exactly as JavaScript holds it.
 * @example plainDecimal(12.5) // '12.5'; plainDecimal(1e-7) // '0.0000001'
 */
export function plainDecimal(value: number): string {
	const text = String(value);
	if (!/e/i.test(text)) return text;
	return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * Parses a typed or pasted number, ignoring a unit word (%, kr., dage …); null if malformed.
 * @example parseDanishNumber('1.234,5') // 1234.5; parseDanishNumber('7,4 %') // 7.4
 */
export function parseDanishNumber(text: string, decimalSeparator: DecimalSeparator = 'auto'): number | null {
	const normalised = text
		.replace(/[\u00a0\u202f\u2009]/g, ' ')
		.replace(/\u2212/g, '-')
		.trim();
	const match = NUMBER_WITH_UNIT.exec(normalised);
	if (!match) return null;
	const [, sign, digits, unit] = match;
	if (!IGNORED_UNITS.has(unit.trim().toLowerCase())) return null;
	const magnitude = parseMagnitude(digits, decimalSeparator);
	if (magnitude === null) return null;
	return normaliseZero(sign === '-' ? -magnitude : magnitude);
}

/**
 * Rounds half away from zero to `decimals` places, on the decimal value as written (1.005 → 1.01).
 * @example roundTo(0.615 * 100, 0) // 62
 */
export function roundTo(value: number, decimals: number): number {
	if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
		throw new RangeError(`Decimals out of range: ${decimals}`);
	}
	if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
	const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(value), decimals)), -decimals);
	return normaliseZero(value < 0 ? -magnitude : magnitude);
}

function parseMagnitude(digits: string, separator: DecimalSeparator): number | null {
	if (separator !== 'auto') return parseWith(digits, separator);
	const lastComma = digits.lastIndexOf(',');
	const lastPoint = digits.lastIndexOf('.');
	if (lastComma >= 0 && lastPoint >= 0) return parseWith(digits, lastComma > lastPoint ? ',' : '.');
	// A lone comma is Danish for a decimal; points are Danish thousands when they group by three.
	return parseWith(digits, ',') ?? parseWith(digits, '.');
}

function parseWith(digits: string, decimal: ',' | '.'): number | null {
	const parts = digits.split(decimal);
	if (parts.length > 2) return null;
	const [whole, fraction] = parts;
	if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
	const thousands = decimal === ',' ? '.' : ',';
	const integer = readGroupedInteger(whole, thousands);
	if (integer === null) return null;
	return Number(fraction === undefined ? integer : `${integer}.${fraction}`);
}

/** Plain digits, or groups of three split consistently by one separator (the given one or space). */
function readGroupedInteger(text: string, thousands: string): string | null {
	if (/^\d+$/.test(text)) return text;
	for (const separator of [thousands, ' ']) {
		const groups = text.split(separator);
		const [first, ...rest] = groups;
		if (rest.length === 0 || !/^[1-9]\d{0,2}$/.test(first)) continue;
		if (rest.every((group) => /^\d{3}$/.test(group))) return groups.join('');
	}
	return null;
}

/** Moves the decimal point by writing the exponent, so no binary multiplication error creeps in. */
function shiftDecimal(value: number, places: number): number {
	const [mantissa, exponent = '0'] = String(value).split('e');
	return Number(`${mantissa}e${Number(exponent) + places}`);
}

function normaliseZero(value: number): number {
	return value === 0 ? 0 : value;
}

/**
 * How many decimals a number needs to be shown exactly (at most 6), so a value is never shown rounded away.
 * @example decimalsNeeded(6.85) // 2; decimalsNeeded(7) // 0
 */
export function decimalsNeeded(value: number): number {
	for (let decimals = 0; decimals < 6; decimals++) {
		if (Math.abs(Number(value.toFixed(decimals)) - value) < 1e-9) return decimals;
	}
	return 6;
}
