import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_KR, formatKr, formatKrAlike, formatKrShort, parseAmountKr, sumKr } from './money';

const NBSP = '\u00a0';

describe('parseAmountKr', () => {
	it.each([
		['3.600.000', 3_600_000],
		['3.600.000 kr.', 3_600_000],
		['3.600.000 kr', 3_600_000],
		['3.600.000 DKK', 3_600_000],
		['3600000', 3_600_000],
		['3,6 mio.', 3_600_000],
		['3,6 mio. kr.', 3_600_000],
		['3,6 Mio. Kr.', 3_600_000],
		['3,6mio', 3_600_000],
		['1 mio', 1_000_000],
		['1 mio.', 1_000_000],
		['2 mill.', 2_000_000],
		['1,25 mio. kr.', 1_250_000],
		['0,5 mio', 500_000],
		['3,125 mio', 3_125_000],
		['1,000001 mio', 1_000_001],
		['3.6 mio', 3_600_000],
		['3.25 mio. kr.', 3_250_000],
		['800.000,00 kr.', 800_000],
		['800.000,- kr.', 800_000],
		['100.000', 100_000],
		['  250 000 ', 250_000],
		['250\u00a0000 kr.', 250_000],
		['1.234', 1234],
		['0', 0],
		['999', 999],
		['1.000.000.000.000', MAX_AMOUNT_KR],
		['1000000 mio', MAX_AMOUNT_KR]
	])('parses %j as %d', (text, expected) => {
		expect(parseAmountKr(text)).toBe(expected);
	});

	it.each([
		['', 'empty'],
		['   ', 'blank'],
		['kr.', 'unit only'],
		['mio', 'unit only'],
		['-100', 'negative'],
		['\u2212100', 'negative (Unicode minus)'],
		['3,6,0', 'two commas'],
		['1.23.456', 'bad grouping'],
		['1.000 000', 'mixed separators'],
		['abc', 'not a number'],
		['800.000,50 kr.', 'øre other than ,00'],
		['3,6', 'øre with one digit'],
		['3,60', 'øre other than ,00'],
		['3.6', 'point decimal without mio'],
		['3.600 mio', 'ambiguous point before mio'],
		['1,0000001 mio', 'fraction of a krone'],
		['1.000.000.000.001', 'above the maximum'],
		['1000001 mio', 'above the maximum'],
		['kr. 100', 'currency first'],
		['100 kr. mio', 'units in the wrong order'],
		['3,6 mia.', 'billions are not supported']
	])('returns null for %j (%s)', (text) => {
		expect(parseAmountKr(text)).toBeNull();
	});
});

describe('formatKr', () => {
	it('writes whole kroner with points and a no-break space before kr.', () => {
		expect(formatKr(1234)).toBe(`1.234${NBSP}kr.`);
		expect(formatKr(3_600_000)).toBe(`3.600.000${NBSP}kr.`);
		expect(formatKr(0)).toBe(`0${NBSP}kr.`);
		expect(formatKr(-5000)).toBe(`-5.000${NBSP}kr.`);
	});

	it('throws on fractional kroner', () => {
		expect(() => formatKr(12.5)).toThrow(RangeError);
	});
});

describe('formatKrShort', () => {
	it('writes a million or more in millions, one decimal, dropping ",0"', () => {
		expect(formatKrShort(3_600_000)).toBe(`3,6${NBSP}mio.${NBSP}kr.`);
		expect(formatKrShort(1_000_000)).toBe(`1${NBSP}mio.${NBSP}kr.`);
		expect(formatKrShort(1_250_000)).toBe(`1,3${NBSP}mio.${NBSP}kr.`);
		expect(formatKrShort(1_960_000)).toBe(`2${NBSP}mio.${NBSP}kr.`);
		expect(formatKrShort(12_345_678)).toBe(`12,3${NBSP}mio.${NBSP}kr.`);
		expect(formatKrShort(2_500_000_000)).toBe(`2.500${NBSP}mio.${NBSP}kr.`);
	});

	it('writes smaller amounts like formatKr', () => {
		expect(formatKrShort(999_999)).toBe(`999.999${NBSP}kr.`);
		expect(formatKrShort(800_000)).toBe(`800.000${NBSP}kr.`);
	});

	it('round-trips through parseAmountKr', () => {
		expect(parseAmountKr(formatKrShort(3_600_000))).toBe(3_600_000);
		expect(parseAmountKr(formatKr(3_600_000))).toBe(3_600_000);
	});
});

describe('sumKr', () => {
	it('adds whole kroner', () => {
		expect(sumKr([1_000_000, 2_600_000, 0])).toBe(3_600_000);
		expect(sumKr([])).toBe(0);
	});

	it('throws on a non-integer or an unsafe total', () => {
		expect(() => sumKr([1, 0.5])).toThrow(RangeError);
		expect(() => sumKr([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
		expect(() => sumKr([Number.NaN])).toThrow(RangeError);
	});
});

describe('formatKrAlike (one scale within a cell, column or axis)', () => {
	const plain = (amounts: number[]) => formatKrAlike(amounts).map((text) => text.replace(/\u00a0/g, ' '));

	it('never mixes millions and kroner: "1 mio. kr. / 959.500 kr." becomes one scale', () => {
		expect(plain([1_000_000, 959_500])).toEqual(['1 mio. kr.', '0,96 mio. kr.']);
		expect(plain([1_000_000, 800_000])).toEqual(['1 mio. kr.', '0,8 mio. kr.']);
		expect(plain([3_600_000, 3_300_000])).toEqual(['3,6 mio. kr.', '3,3 mio. kr.']);
	});

	it('keeps whole kroner when everything is below a million, and zero as zero', () => {
		expect(plain([200_000, 188_000])).toEqual(['200.000 kr.', '188.000 kr.']);
		expect(plain([0, 0])).toEqual(['0 kr.', '0 kr.']);
		expect(plain([6_600_000, 0])).toEqual(['6,6 mio. kr.', '0 kr.']);
	});
});
