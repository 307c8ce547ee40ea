import { describe, expect, it } from 'vitest';
import { plural, pluralCategory } from './plural';

describe('plural', () => {
	it.each([
		[0, 'other'],
		[1, 'one'],
		[2, 'other'],
		[21, 'other'],
		[10_000, 'other']
	] as const)('%d is %s in Danish', (count, category) => {
		expect(pluralCategory(count)).toBe(category);
	});

	it('picks the singular only for one', () => {
		const forms = { one: 'række', other: 'rækker' };
		expect([0, 1, 2].map((n) => `${n} ${plural(n, forms)}`)).toEqual(['0 rækker', '1 række', '2 rækker']);
	});
});
