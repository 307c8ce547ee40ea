import { describe, expect, it } from 'vitest';
import { formatKpiChange, formatKpiValue, formatNumber, formatPercentPoints } from './format';
import { formatKr, formatKrAlike, formatKrColumn, formatKrShort } from './money';
import { effectForBudget, effectText } from './effect';

/**
 * One number style (issue 17, DESIGN §7): every example the issue saw, in the way it was written, and the
 * Danish text that one formatter per kind writes instead. Spaces before units are no-break spaces; the
 * tests read them as plain spaces.
 */
const plain = (text: string | null) => text?.replace(/\u00a0/g, ' ') ?? null;

describe('kroner: whole kroner below a million, millions from a million, one scale per cell, column and axis', () => {
	it('a single amount', () => {
		expect(plain(formatKr(959_500))).toBe('959.500 kr.');
		expect(plain(formatKrShort(959_500))).toBe('959.500 kr.');
		expect(plain(formatKrShort(1_000_000))).toBe('1 mio. kr.');
		expect(plain(formatKrShort(2_600_000))).toBe('2,6 mio. kr.');
	});

	it('"1 mio. kr. / 959.500 kr." in one cell is written on one scale', () => {
		expect(formatKrAlike([1_000_000, 959_500]).map(plain)).toEqual(['1 mio. kr.', '0,96 mio. kr.']);
	});

	it('"1 mio. kr." next to "800.000 kr." in one column is written on one scale', () => {
		expect(formatKrAlike([1_000_000, 800_000]).map(plain)).toEqual(['1 mio. kr.', '0,8 mio. kr.']);
		expect(formatKrAlike([800_000, 450_000, 0]).map(plain)).toEqual(['800.000 kr.', '450.000 kr.', '0 kr.']);
	});

	it('a column with gaps keeps one scale', () => {
		expect(formatKrColumn([null, 1_200_000, null, 800_000]).map(plain)).toEqual([
			null,
			'1,2 mio. kr.',
			null,
			'0,8 mio. kr.'
		]);
		expect(formatKrColumn([null, null])).toEqual([null, null]);
	});
});

describe('KPI values: the KPI unit and its decimals, never "6,60" then "7" or a bare "71,50"', () => {
	it('the import preview values of a percent KPI with one decimal', () => {
		expect(plain(formatKpiValue(6.6, 'percent', 1))).toBe('6,6 %');
		expect(plain(formatKpiValue(7, 'percent', 1))).toBe('7,0 %');
		expect(plain(formatKpiValue(71.5, 'percent', 1))).toBe('71,5 %');
	});

	it('counts have no decimals and group thousands', () => {
		expect(formatNumber(1234)).toBe('1.234');
		expect(formatKpiValue(1234, 'count', 0)).toBe('1.234');
		expect(formatKpiValue(82, 'count', 0)).toBe('82');
	});

	it('%-points carry the KPI decimals; a change of another KPI its own unit', () => {
		expect(plain(formatPercentPoints(0.4, 1))).toBe('0,4 %-point');
		expect(plain(formatPercentPoints(65, 0))).toBe('65 %-point');
		expect(plain(formatKpiChange(0.4, 'percent', 1))).toBe('0,4 %-point');
		expect(plain(formatKpiChange(-1.25, 'percent', 2))).toBe('-1,25 %-point');
		expect(plain(formatKpiChange(2, 'days', 0))).toBe('2 dage');
		expect(formatKpiChange(33, 'count', 0)).toBe('33');
	});
});

describe('effect per krone: for the budget allocated, never a rate per million, nothing below 100.000 kr.', () => {
	it('"65,00 %-point pr. mio. kr." becomes the improvement for the money actually allocated', () => {
		// 0,4 %-point on 2,6 mio. kr.: no extrapolation to a rate per million.
		const effect = effectForBudget({ direction: 'lower', baselineValue: 7.8, latestValue: 7.4, budgetKr: 2_600_000 });
		const text = plain(effectText(effect!, 'percent', 1));
		expect(text).toBe('0,4 %-point bedre end baseline for 2,6 mio. kr. bevilget');
		expect(text).not.toMatch(/pr\. mio/);
	});

	it('"82,50 antal pr. mio. kr." becomes a count without decimals for the money allocated', () => {
		const effect = effectForBudget({ direction: 'higher', baselineValue: 40, latestValue: 73, budgetKr: 400_000 });
		expect(plain(effectText(effect!, 'count', 0))).toBe('33 bedre end baseline for 400.000 kr. bevilget');
	});

	it('is not shown below 100.000 kr.', () => {
		expect(effectForBudget({ direction: 'higher', baselineValue: 40, latestValue: 73, budgetKr: 99_999 })).toBeNull();
	});
});
