import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	daysInMonth,
	formatTypedDate,
	isIsoDate,
	parseTypedDate,
	splitIsoDate,
	toIsoDate,
	todayInCopenhagen
} from './dates';

describe('isIsoDate', () => {
	it.each(['2024-02-29', '2000-02-29', '2026-11-22', '1900-01-01', '2199-12-31', '0001-01-01'])('accepts %s', (text) =>
		expect(isIsoDate(text)).toBe(true)
	);

	it.each([
		'2025-02-29',
		'1900-02-29',
		'2024-04-31',
		'2024-13-01',
		'2024-00-10',
		'2024-01-00',
		'2024-1-05',
		'24-01-05',
		'2024-01-05T00:00',
		' 2024-01-05',
		'2024/01/05',
		''
	])('rejects %j', (text) => expect(isIsoDate(text)).toBe(false));
});

describe('daysInMonth', () => {
	it('knows leap years', () => {
		expect(daysInMonth(2024, 2)).toBe(29);
		expect(daysInMonth(2025, 2)).toBe(28);
		expect(daysInMonth(1900, 2)).toBe(28);
		expect(daysInMonth(2000, 2)).toBe(29);
		expect(daysInMonth(2024, 4)).toBe(30);
		expect(daysInMonth(2024, 12)).toBe(31);
	});

	it('throws on a month out of range', () => {
		expect(() => daysInMonth(2024, 13)).toThrow(RangeError);
	});
});

describe('splitIsoDate and toIsoDate', () => {
	it('round-trips', () => {
		expect(splitIsoDate('2024-05-07')).toEqual({ year: 2024, month: 5, day: 7 });
		expect(toIsoDate(2024, 5, 7)).toBe('2024-05-07');
		expect(splitIsoDate('2024-05-32')).toBeNull();
	});
});

describe('daysBetween', () => {
	it('counts whole days, signed', () => {
		expect(daysBetween('2026-09-30', '2026-11-22')).toBe(53);
		expect(daysBetween('2026-11-22', '2026-09-30')).toBe(-53);
		expect(daysBetween('2024-01-01', '2024-01-01')).toBe(0);
		expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
		expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
	});

	it('is not disturbed by daylight saving changes', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
	});

	it('throws on malformed dates', () => {
		expect(() => daysBetween('2025-02-29', '2025-03-01')).toThrow(RangeError);
		expect(() => daysBetween('2025-03-01', 'tomorrow')).toThrow(/tomorrow/);
	});
});

describe('addDays', () => {
	it('crosses month, year and leap-day boundaries', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2026-11-22', -30)).toBe('2026-10-23');
		expect(addDays('2026-11-22', 0)).toBe('2026-11-22');
	});

	it('handles years below 100 without the Date.UTC century shift', () => {
		expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
	});

	it('agrees with daysBetween over a long range', () => {
		let date = '2023-12-25';
		for (let i = 1; i <= 800; i++) {
			date = addDays(date, 1);
			expect(daysBetween('2023-12-25', date)).toBe(i);
		}
		expect(date).toBe('2026-03-04');
	});

	it('throws on fractional days and malformed dates', () => {
		expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
		expect(() => addDays('2024-1-1', 1)).toThrow(RangeError);
	});
});

describe('todayInCopenhagen', () => {
	it('uses Copenhagen winter time (UTC+1)', () => {
		expect(todayInCopenhagen(new Date('2026-11-21T22:59:00Z'))).toBe('2026-11-21');
		expect(todayInCopenhagen(new Date('2026-11-21T23:00:00Z'))).toBe('2026-11-22');
	});

	it('uses Copenhagen summer time (UTC+2)', () => {
		expect(todayInCopenhagen(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
		expect(todayInCopenhagen(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
	});

	it('defaults to now and returns an ISO date', () => {
		expect(isIsoDate(todayInCopenhagen())).toBe(true);
	});

	it('throws on an invalid Date', () => {
		expect(() => todayInCopenhagen(new Date('nonsense'))).toThrow(RangeError);
	});
});

describe('parseTypedDate', () => {
	it.each([
		['31.12.2025', '2025-12-31'],
		['31-12-2025', '2025-12-31'],
		['31/12/2025', '2025-12-31'],
		['2025-12-31', '2025-12-31'],
		['1.2.2026', '2026-02-01'],
		['  14.01.2026 ', '2026-01-14'],
		['29.02.2024', '2024-02-29']
	])('reads %s as %s', (typed, iso) => {
		expect(parseTypedDate(typed)).toBe(iso);
	});

	it.each([
		'',
		'31.12.25',
		'29.02.2025',
		'31.13.2025',
		'0.1.2025',
		'31.12-2025',
		'2025/12/31',
		'12/31/2025',
		'i går',
		'2025-12-31x'
	])('refuses %j', (typed) => {
		expect(parseTypedDate(typed)).toBeNull();
	});

	it('reads back what formatTypedDate writes', () => {
		expect(formatTypedDate('2026-01-14')).toBe('14.01.2026');
		expect(parseTypedDate(formatTypedDate('2024-02-29'))).toBe('2024-02-29');
		expect(() => formatTypedDate('14.01.2026')).toThrow(RangeError);
	});
});
