import { describe, expect, it } from 'vitest';
import { describeChanges } from './display';

const change = (before: unknown, after: unknown) => ({
	field: 'amountKr',
	before,
	after,
	by: 'Anders',
	at: new Date(0)
});
const shown = (before: unknown, after: unknown) => {
	const [described] = describeChanges([change(before, after)]);
	return [described.before, described.after].map((text) => text.replace(/\u00a0/g, ' '));
};

describe('describeChanges: an amount before and after reads on one scale (issue 17)', () => {
	it('"1 mio. kr." beside "959.500 kr." is written in millions on both sides', () => {
		expect(shown(1_000_000, 959_500)).toEqual(['1 mio. kr.', '0,96 mio. kr.']);
		expect(shown(800_000, 250_000)).toEqual(['800.000 kr.', '250.000 kr.']);
	});

	it('falls back to whole kroner when millions would show two different amounts alike', () => {
		expect(shown(1_234_567, 1_234_000)).toEqual(['1.234.567 kr.', '1.234.000 kr.']);
	});

	it('an amount that was not there reads as empty', () => {
		expect(shown(null, 3_600_000)[1]).toBe('3.600.000 kr.');
	});
});
