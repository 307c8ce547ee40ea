import { describe, expect, it } from 'vitest';
import { parseDanishNumber, parseDecimal, roundTo } from './numbers';

describe('parseDecimal', () => {
	it.each([
		['7.80', 7.8],
		['-1.5', -1.5],
		['12', 12],
		['0', 0],
		['-0', 0],
		['0.001', 0.001],
		['3600000', 3_600_000]
	])('parses %j', (text, expected) => {
		expect(parseDecimal(text)).toBe(expected);
	});

	it('never returns negative zero', () => {
		expect(Object.is(parseDecimal('-0.00'), 0)).toBe(true);
	});

	it.each(['', ' 7.8', '7,8', '1e5', 'NaN', 'Infinity', '+1', '.5', '5.', '1.2.3', 'abc'])('throws on %j', (text) => {
		expect(() => parseDecimal(text)).toThrow(RangeError);
	});
});

describe('parseDanishNumber (auto)', () => {
	it.each([
		['7,4', 7.4],
		['7,4 %', 7.4],
		['12,5 %', 12.5],
		['12,5%', 12.5],
		['1.234', 1234],
		['1.234,5', 1234.5],
		['-0,3', -0.3],
		['\u22120,3', -0.3],
		['3.600.000 kr.', 3_600_000],
		['7.4', 7.4],
		['0.250', 0.25],
		['1234.567', 1234.567],
		['1.2345', 1.2345],
		['4 dage', 4],
		['1 dag', 1],
		['1\u00a0234,5', 1234.5],
		['250 000', 250_000],
		['1,234.5', 1234.5],
		['1,234,567', 1_234_567],
		['  42  ', 42],
		['3,5 pct.', 3.5],
		['+2', 2],
		['0', 0]
	])('parses %j as %d', (text, expected) => {
		expect(parseDanishNumber(text)).toBe(expected);
	});

	it('reads a lone comma as Danish decimal, never as thousands', () => {
		expect(parseDanishNumber('1,234')).toBe(1.234);
	});

	it.each([
		'',
		'abc',
		'7,4 abc',
		'1.2.3',
		'1,2,3,4',
		'1.23.456',
		'1.234.56',
		'7, 4',
		',5',
		'.5',
		'5,',
		'--5',
		'- 5',
		'1.234,5,6',
		'3,6 mio. kr.',
		'%'
	])('returns null for %j', (text) => {
		expect(parseDanishNumber(text)).toBeNull();
	});
});

describe('parseDanishNumber with a fixed separator', () => {
	it("reads ',' as decimal and '.' as thousands", () => {
		expect(parseDanishNumber('1.234,5', ',')).toBe(1234.5);
		expect(parseDanishNumber('1.234', ',')).toBe(1234);
		expect(parseDanishNumber('7.4', ',')).toBeNull();
		expect(parseDanishNumber('1,234.5', ',')).toBeNull();
	});

	it("reads '.' as decimal and ',' as thousands", () => {
		expect(parseDanishNumber('1,234.5', '.')).toBe(1234.5);
		expect(parseDanishNumber('7.4', '.')).toBe(7.4);
		expect(parseDanishNumber('1.234', '.')).toBe(1.234);
		expect(parseDanishNumber('1,234', '.')).toBe(1234);
		expect(parseDanishNumber('7,4', '.')).toBeNull();
		expect(parseDanishNumber('1.234,5', '.')).toBeNull();
	});
});

describe('roundTo', () => {
	it.each([
		[1.005, 2, 1.01],
		[0.615 * 100, 0, 62],
		[2.5, 0, 3],
		[-2.5, 0, -3],
		[7.849, 1, 7.8],
		[7.85, 1, 7.9],
		[1234.5678, 2, 1234.57],
		[1e-7, 2, 0],
		[123, 0, 123]
	])('roundTo(%d, %d) = %d', (value, decimals, expected) => {
		expect(roundTo(value, decimals)).toBe(expected);
	});

	it('never returns negative zero', () => {
		expect(Object.is(roundTo(-0.2, 0), 0)).toBe(true);
	});

	it('throws on bad decimals or non-finite values', () => {
		expect(() => roundTo(1, -1)).toThrow(RangeError);
		expect(() => roundTo(1, 1.5)).toThrow(RangeError);
		expect(() => roundTo(Number.NaN, 1)).toThrow(RangeError);
	});
});
