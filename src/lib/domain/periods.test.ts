import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates';
import {
	FREQUENCIES,
	addPeriods,
	comparePeriods,
	createPeriod,
	formatPeriod,
	formatPeriodDa,
	latestPeriodEndedBefore,
	nextPeriod,
	parseDanishPeriodText,
	parsePeriod,
	parsePeriodFor,
	parsePeriodInput,
	parsePeriodInputFor,
	periodContaining,
	periodEnd,
	periodOrdinal,
	periodStart,
	periodsBetween,
	type Period
} from './periods';

/** Parses a period the test knows to be well formed. */
function p(text: string): Period {
	const period = parsePeriod(text);
	if (!period) throw new Error(`test period malformed: ${text}`);
	return period;
}

describe('parsePeriod', () => {
	it.each([
		['2024', { frequency: 'year', year: 2024, index: 1 }],
		['2024-H1', { frequency: 'half', year: 2024, index: 1 }],
		['2024-h2', { frequency: 'half', year: 2024, index: 2 }],
		['2024-Q3', { frequency: 'quarter', year: 2024, index: 3 }],
		['2024-q4', { frequency: 'quarter', year: 2024, index: 4 }],
		['2024-05', { frequency: 'month', year: 2024, index: 5 }],
		['2024-12', { frequency: 'month', year: 2024, index: 12 }],
		['  2024-01 ', { frequency: 'month', year: 2024, index: 1 }],
		['1900', { frequency: 'year', year: 1900, index: 1 }],
		['2199-Q4', { frequency: 'quarter', year: 2199, index: 4 }]
	])('parses %j', (text, expected) => {
		expect(parsePeriod(text)).toEqual(expected);
	});

	it.each([
		'2024-13',
		'2024-00',
		'2024-Q5',
		'2024-Q0',
		'2024-H3',
		'2024-H0',
		'2024-5',
		'2024-1',
		'24',
		'',
		'   ',
		'1899',
		'2200',
		'2024-Q03',
		'2024-H12',
		'2024Q1',
		'2024-W05',
		'2024-05-01',
		'2024 - Q1',
		'H1-2024',
		'20245'
	])('rejects %j', (text) => {
		expect(parsePeriod(text)).toBeNull();
	});
});

describe('parsePeriodFor', () => {
	it('accepts the form of the given frequency', () => {
		expect(parsePeriodFor('2024-Q2', 'quarter')).toEqual({
			ok: true,
			period: { frequency: 'quarter', year: 2024, index: 2 }
		});
	});

	it('refuses another frequency instead of converting it', () => {
		expect(parsePeriodFor('2024-05', 'quarter')).toEqual({ ok: false, error: 'wrong_frequency' });
		expect(parsePeriodFor('2024', 'month')).toEqual({ ok: false, error: 'wrong_frequency' });
		expect(parsePeriodFor('2024-H1', 'year')).toEqual({ ok: false, error: 'wrong_frequency' });
	});

	it('reports malformed text', () => {
		expect(parsePeriodFor('2024-Q5', 'quarter')).toEqual({ ok: false, error: 'malformed' });
		expect(parsePeriodFor('', 'year')).toEqual({ ok: false, error: 'malformed' });
	});
});

describe('formatPeriod', () => {
	it.each(['2024', '2024-H1', '2024-H2', '2024-Q3', '2024-05', '2024-10'])('round-trips %s', (text) =>
		expect(formatPeriod(p(text))).toBe(text)
	);

	it('writes lower-case input canonically', () => {
		expect(formatPeriod(p('2024-q1'))).toBe('2024-Q1');
	});

	it('throws on an invalid period object', () => {
		expect(() => formatPeriod({ frequency: 'month', year: 2024, index: 13 })).toThrow(RangeError);
		expect(() => formatPeriod({ frequency: 'half', year: 2024, index: 1.5 })).toThrow(RangeError);
	});
});

describe('formatPeriodDa', () => {
	it.each([
		['2024', '2024'],
		['2024-H1', '1. halvår 2024'],
		['2024-H2', '2. halvår 2024'],
		['2024-Q3', '3. kvartal 2024'],
		['2024-05', 'maj 2024'],
		['2024-01', 'januar 2024'],
		['2024-12', 'december 2024']
	])('writes %s as %j', (text, expected) => {
		expect(formatPeriodDa(text)).toBe(expected);
		expect(formatPeriodDa(p(text))).toBe(expected);
	});

	it('throws on malformed text', () => {
		expect(() => formatPeriodDa('2024-13')).toThrow(/2024-13/);
	});
});

describe('ordinals and arithmetic', () => {
	it('counts whole periods between two periods', () => {
		expect(periodsBetween(p('2016-05'), p('2017-12'))).toBe(19);
		expect(periodsBetween(p('2016-05'), p('2017-02'))).toBe(9);
		expect(periodsBetween(p('2022'), p('2025'))).toBe(3);
		expect(periodsBetween(p('2023-H2'), p('2024-H1'))).toBe(1);
		expect(periodsBetween(p('2024-Q4'), p('2023-Q1'))).toBe(-7);
	});

	it('throws when frequencies differ', () => {
		expect(() => periodsBetween(p('2024'), p('2024-H1'))).toThrow(RangeError);
	});

	it('makes consecutive periods have consecutive ordinals', () => {
		expect(periodOrdinal(p('2025-01')) - periodOrdinal(p('2024-12'))).toBe(1);
		expect(periodOrdinal(p('2025-Q1')) - periodOrdinal(p('2024-Q4'))).toBe(1);
	});

	it('adds periods across year ends, both ways', () => {
		expect(formatPeriod(addPeriods(p('2024-Q4'), 1))).toBe('2025-Q1');
		expect(formatPeriod(addPeriods(p('2024-01'), -1))).toBe('2023-12');
		expect(formatPeriod(addPeriods(p('2024-05'), 19))).toBe('2025-12');
		expect(formatPeriod(addPeriods(p('2024-H1'), -3))).toBe('2022-H2');
		expect(formatPeriod(addPeriods(p('2024'), 0))).toBe('2024');
		expect(formatPeriod(nextPeriod(p('2024-12')))).toBe('2025-01');
		expect(formatPeriod(nextPeriod(p('2024-H2')))).toBe('2025-H1');
	});

	it('is consistent: addPeriods(a, periodsBetween(a, b)) is b', () => {
		for (const frequency of FREQUENCIES) {
			const a = createPeriod(frequency, 2020, 1);
			for (let n = -30; n <= 30; n++) {
				const b = addPeriods(a, n);
				expect(periodsBetween(a, b)).toBe(n);
				expect(parsePeriodFor(formatPeriod(b), frequency)).toEqual({ ok: true, period: b });
			}
		}
	});

	it('throws outside the supported years and on fractional steps', () => {
		expect(() => addPeriods(p('2199-12'), 1)).toThrow(RangeError);
		expect(() => addPeriods(p('2024'), 0.5)).toThrow(RangeError);
	});
});

describe('comparePeriods', () => {
	it('orders periods of one frequency', () => {
		const sorted = ['2024-Q3', '2023-Q4', '2024-Q1'].map(p).sort(comparePeriods).map(formatPeriod);
		expect(sorted).toEqual(['2023-Q4', '2024-Q1', '2024-Q3']);
		expect(comparePeriods(p('2024-05'), p('2024-05'))).toBe(0);
		expect(comparePeriods(p('2024-06'), p('2024-05'))).toBe(1);
	});

	it('orders mixed frequencies by last day, then first day', () => {
		const sorted = ['2025', '2024-H2', '2024-12', '2024-Q4', '2024-06'].map(p).sort(comparePeriods).map(formatPeriod);
		expect(sorted).toEqual(['2024-06', '2024-H2', '2024-Q4', '2024-12', '2025']);
	});
});

describe('periodStart and periodEnd', () => {
	it.each([
		['2024', '2024-01-01', '2024-12-31'],
		['2024-H1', '2024-01-01', '2024-06-30'],
		['2024-H2', '2024-07-01', '2024-12-31'],
		['2024-Q1', '2024-01-01', '2024-03-31'],
		['2026-Q3', '2026-07-01', '2026-09-30'],
		['2024-Q4', '2024-10-01', '2024-12-31'],
		['2024-02', '2024-02-01', '2024-02-29'],
		['2025-02', '2025-02-01', '2025-02-28'],
		['2024-11', '2024-11-01', '2024-11-30']
	])('%s runs from %s to %s', (text, start, end) => {
		expect(periodStart(p(text))).toBe(start);
		expect(periodEnd(p(text))).toBe(end);
	});
});

describe('periodContaining', () => {
	it.each([
		['2026-11-22', 'year', '2026'],
		['2026-06-30', 'half', '2026-H1'],
		['2026-07-01', 'half', '2026-H2'],
		['2026-03-31', 'quarter', '2026-Q1'],
		['2026-04-01', 'quarter', '2026-Q2'],
		['2026-11-22', 'quarter', '2026-Q4'],
		['2024-02-29', 'month', '2024-02']
	] as const)('%s lies in the %s %s', (date, frequency, expected) => {
		expect(formatPeriod(periodContaining(date, frequency))).toBe(expected);
	});

	it('throws on a malformed date', () => {
		expect(() => periodContaining('2025-02-29', 'month')).toThrow(RangeError);
	});
});

describe('latestPeriodEndedBefore', () => {
	it.each([
		['month', '2026-09'],
		['quarter', '2026-Q3'],
		['half', '2026-H1'],
		['year', '2025']
	] as const)('as of 2026-11-22 with 30 days, a %s KPI needs %s', (frequency, expected) => {
		expect(formatPeriod(latestPeriodEndedBefore('2026-11-22', frequency, 30))).toBe(expected);
	});

	it('includes a period whose end lies exactly minDays before', () => {
		// 2026-10-31 + 30 days = 2026-11-30
		expect(formatPeriod(latestPeriodEndedBefore('2026-11-30', 'month', 30))).toBe('2026-10');
		expect(formatPeriod(latestPeriodEndedBefore('2026-11-29', 'month', 30))).toBe('2026-09');
	});

	it('with minDays 0 returns the period that ended on asOf or before', () => {
		expect(formatPeriod(latestPeriodEndedBefore('2026-12-31', 'year', 0))).toBe('2026');
		expect(formatPeriod(latestPeriodEndedBefore('2026-12-30', 'year', 0))).toBe('2025');
	});

	it('matches a brute-force search over every day of two years', () => {
		for (let day = 0; day < 731; day++) {
			const asOf = addDays('2025-01-01', day);
			for (const frequency of FREQUENCIES) {
				const found = latestPeriodEndedBefore(asOf, frequency, 30);
				expect(daysBetween(periodEnd(found), asOf)).toBeGreaterThanOrEqual(30);
				expect(daysBetween(periodEnd(nextPeriod(found)), asOf)).toBeLessThan(30);
			}
		}
	});
});

describe('parseDanishPeriodText', () => {
	it.each([
		['2025', '2025'],
		['2025.', '2025'],
		['  2025.  ', '2025'],
		['Primo 2024', '2024-H1'],
		['Primo 2024.', '2024-H1'],
		['primo 2024', '2024-H1'],
		['ultimo 2024', '2024-H2'],
		['Ultimo 2024.', '2024-H2'],
		['Foråret 2024', '2024-H1'],
		['FORÅRET 2024', '2024-H1'],
		['Efteråret 2024.', '2024-H2'],
		['efteråret  2024', '2024-H2'],
		['1. halvår 2024', '2024-H1'],
		['2. halvår 2024', '2024-H2'],
		['2. kvartal 2024', '2024-Q2'],
		['4. Kvartal 2024.', '2024-Q4'],
		['2024-H1', '2024-H1']
	])('reads %j as %s', (text, expected) => {
		const period = parseDanishPeriodText(text);
		expect(period && formatPeriod(period)).toBe(expected);
	});

	it.each([
		'',
		'Evaluering af forløbet i 2025.',
		'Opfølgning fastlægges, når der er kendskab til analysens resultater',
		'3. halvår 2024',
		'5. kvartal 2024',
		'0. kvartal 2024',
		'medio 2024',
		'2024..',
		'1899',
		'foråret',
		'primo 24'
	])('returns null for %j', (text) => {
		expect(parseDanishPeriodText(text)).toBeNull();
	});
});

describe('parsePeriodInput: the wordings people type and paste', () => {
	it.each([
		// canonical
		['2024', '2024'],
		['2024-H1', '2024-H1'],
		['2024-q3', '2024-Q3'],
		['2024-10', '2024-10'],
		// months in words, Danish and English, any case, with or without a full stop
		['okt 2024', '2024-10'],
		['Okt 2024', '2024-10'],
		['OKT 2024', '2024-10'],
		['okt. 2024', '2024-10'],
		['oktober 2024', '2024-10'],
		['Oktober 2024', '2024-10'],
		['oct 2024', '2024-10'],
		['October 2024', '2024-10'],
		['jan 2025', '2025-01'],
		['januar 2025', '2025-01'],
		['feb. 2025', '2025-02'],
		['marts 2025', '2025-03'],
		['mar 2025', '2025-03'],
		['maj 2025', '2025-05'],
		['May 2025', '2025-05'],
		['juni 2025', '2025-06'],
		['sept. 2025', '2025-09'],
		['sep 2025', '2025-09'],
		['december 2025', '2025-12'],
		['dec-2025', '2025-12'],
		['nov-25', '2025-11'],
		['Nov-25', '2025-11'],
		['okt/24', '2024-10'],
		['okt 24', '2024-10'],
		['\u00a0okt\u00a02024 ', '2024-10'],
		['oktober  2024.', '2024-10'],
		// months as numbers
		['10-2024', '2024-10'],
		['10/2024', '2024-10'],
		['10.2024', '2024-10'],
		['1-2024', '2024-01'],
		['01/2024', '2024-01'],
		['2024/10', '2024-10'],
		['2024-1', '2024-01'],
		['2024.10', '2024-10'],
		// halves
		['1. halvår 2025', '2025-H1'],
		['2. halvår 2025', '2025-H2'],
		['1. Halvår 2025', '2025-H1'],
		['1 halvår 2025', '2025-H1'],
		['1.halvår 2025', '2025-H1'],
		['2025 H1', '2025-H1'],
		['2025 h2', '2025-H2'],
		['2025H1', '2025-H1'],
		['H1 2025', '2025-H1'],
		['h2 2025', '2025-H2'],
		['H1-2025', '2025-H1'],
		['H1/2025', '2025-H1'],
		// quarters
		['3. kvt. 2024', '2024-Q3'],
		['3. kvt 2024', '2024-Q3'],
		['3 kvt 2024', '2024-Q3'],
		['3. kvartal 2024', '2024-Q3'],
		['2. Kvartal 2024', '2024-Q2'],
		['4. KVARTAL 2024.', '2024-Q4'],
		['Q3 2024', '2024-Q3'],
		['q3 2024', '2024-Q3'],
		['Q3-2024', '2024-Q3'],
		['Q3/2024', '2024-Q3'],
		['2024 Q3', '2024-Q3'],
		['2024Q3', '2024-Q3'],
		['2024 q1', '2024-Q1'],
		// years
		[' 2024 ', '2024'],
		['2024.', '2024']
	])('reads %j as %s', (text, expected) => {
		const period = parsePeriodInput(text);
		expect(period && formatPeriod(period)).toBe(expected);
	});

	it.each([
		'',
		'okt',
		'oktober',
		'okto 2024',
		'oktobre 2024',
		'13-2024',
		'0-2024',
		'2024-13',
		'2024/0',
		'10-24',
		'3. halvår 2025',
		'H3 2025',
		'0. halvår 2025',
		'5. kvt. 2024',
		'Q5 2024',
		'Q0 2024',
		'2024 Q5',
		'24',
		'1899',
		'2200',
		'okt 1899',
		'2024-10-15',
		'15-10-2024',
		'15.10.2024',
		'tirsdag',
		'x'.repeat(100)
	])('returns null for %j', (text) => {
		expect(parsePeriodInput(text)).toBeNull();
	});
});

describe('parsePeriodInputFor: the KPI decides, nothing is converted', () => {
	it.each([
		['oktober 2024', 'month', '2024-10'],
		['nov-25', 'month', '2025-11'],
		['1. halvår 2025', 'half', '2025-H1'],
		['2025 H1', 'half', '2025-H1'],
		['3. kvt. 2024', 'quarter', '2024-Q3'],
		['Q3 2024', 'quarter', '2024-Q3'],
		['2024', 'year', '2024']
	] as const)('reads %j for a %s KPI as %s', (text, frequency, expected) => {
		const parsed = parsePeriodInputFor(text, frequency);
		expect(parsed.ok && formatPeriod(parsed.period)).toBe(expected);
	});

	it.each([
		['oktober 2024', 'half'],
		['okt 2024', 'quarter'],
		['2024-10', 'year'],
		['H1 2025', 'month'],
		['Q3 2024', 'month'],
		['2024', 'month'],
		['3. kvt. 2024', 'half'],
		['2024-10-15', 'month'],
		['2024-10-15', 'half'],
		['15-10-2024', 'month'],
		['15.10.2024', 'quarter']
	] as const)('refuses %j for a %s KPI as the wrong frequency', (text, frequency) => {
		expect(parsePeriodInputFor(text, frequency)).toEqual({ ok: false, error: 'wrong_frequency' });
	});

	it.each([
		['okto 2024', 'month'],
		['13-2024', 'month'],
		['', 'year']
	] as const)('refuses %j for a %s KPI as malformed', (text, frequency) => {
		expect(parsePeriodInputFor(text, frequency)).toEqual({ ok: false, error: 'malformed' });
	});
});
