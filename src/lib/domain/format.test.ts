import { describe, expect, it } from 'vitest';
import {
	NBSP,
	formatDateDa,
	formatDateTimeDa,
	formatKpiValue,
	formatNumber,
	formatPercent,
	formatShare
} from './format';

describe('formatNumber', () => {
	it.each([
		[1234, 0, '1.234'],
		[1234567.891, 2, '1.234.567,89'],
		[7.8, 1, '7,8'],
		[7.8, 2, '7,80'],
		[7, 1, '7,0'],
		[-0.3, 1, '-0,3'],
		[-1234.5, 1, '-1.234,5'],
		[0.615, 2, '0,62'],
		[1.005, 2, '1,01'],
		[2.5, 0, '3'],
		[999.96, 1, '1.000,0']
	])('formatNumber(%d, %d) = %j', (value, decimals, expected) => {
		expect(formatNumber(value, decimals)).toBe(expected);
	});

	it('uses the ASCII hyphen-minus and never writes "-0"', () => {
		expect(formatNumber(-5).charCodeAt(0)).toBe(0x2d);
		expect(formatNumber(-0.2)).toBe('0');
		expect(formatNumber(-0.04, 1)).toBe('0,0');
	});

	it('defaults to no decimals', () => {
		expect(formatNumber(7.8)).toBe('8');
	});

	it('throws on a non-finite value', () => {
		expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
	});
});

describe('formatPercent', () => {
	it('writes a no-break space before %', () => {
		expect(formatPercent(12.5)).toBe('12,5\u00a0%');
		expect(formatPercent(7.8, 1)).toBe('7,8\u00a0%');
		expect(formatPercent(50, 0)).toBe('50\u00a0%');
		expect(formatPercent(-1.25, 2)).toBe('-1,25\u00a0%');
		expect(NBSP).toBe('\u00a0');
	});
});

describe('formatKpiValue', () => {
	it.each([
		[7.8, 'percent', 1, '7,8\u00a0%'],
		[1234, 'count', 0, '1.234'],
		[3.5, 'days', 1, '3,5\u00a0dage'],
		[1, 'days', 0, '1\u00a0dag'],
		[3_600_000, 'kr', 0, '3.600.000\u00a0kr.'],
		[1234.5, 'kr', 2, '1.234,50\u00a0kr.'],
		[4.2, 'score', 1, '4,2'],
		[4.25, 'score', 2, '4,25']
	] as const)('formatKpiValue(%d, %s, %d) = %j', (value, unit, decimals, expected) => {
		expect(formatKpiValue(value, unit, decimals)).toBe(expected);
	});
});

describe('formatShare', () => {
	it('writes a share as a whole percentage', () => {
		expect(formatShare(0.615)).toBe('62\u00a0%');
		expect(formatShare(0.6153846153846153)).toBe('62\u00a0%');
		expect(formatShare(0.285)).toBe('29\u00a0%');
		expect(formatShare(1)).toBe('100\u00a0%');
		expect(formatShare(0)).toBe('0\u00a0%');
		expect(formatShare(-0.231)).toBe('-23\u00a0%');
		expect(formatShare(1.077)).toBe('108\u00a0%');
	});

	it('writes an en dash for no share', () => {
		expect(formatShare(null)).toBe('–');
	});
});

describe('formatDateDa', () => {
	it.each([
		['2026-11-22', '22. november 2026'],
		['2024-01-01', '1. januar 2024'],
		['2024-02-29', '29. februar 2024'],
		['2025-05-31', '31. maj 2025']
	])('formatDateDa(%j) = %j', (date, expected) => {
		expect(formatDateDa(date)).toBe(expected);
	});

	it('throws on a malformed date', () => {
		expect(() => formatDateDa('2025-02-29')).toThrow(RangeError);
	});
});

describe('formatDateTimeDa', () => {
	it('shows Copenhagen time, winter and summer', () => {
		expect(formatDateTimeDa(new Date('2026-11-22T07:15:00Z'))).toBe('22. november 2026 kl. 08.15');
		expect(formatDateTimeDa(new Date('2026-06-30T22:05:00Z'))).toBe('1. juli 2026 kl. 00.05');
		expect(formatDateTimeDa(new Date('2026-03-01T12:00:00Z'))).toBe('1. marts 2026 kl. 13.00');
	});

	it('throws on an invalid Date', () => {
		expect(() => formatDateTimeDa(new Date('nonsense'))).toThrow(RangeError);
	});
});
