import { describe, expect, test } from 'vitest';
import { fill } from './index';

describe('fill', () => {
	test('a value that ends with a full stop ends the sentence: no "kr.."', () => {
		expect(fill('I alt forbrugt {spent}.', { spent: '5.683.500 kr.' })).toBe('I alt forbrugt 5.683.500 kr.');
		expect(fill('Forbrugt {spent}. Bevilget {allocated}.', { spent: '1 kr.', allocated: '2 kr.' })).toBe(
			'Forbrugt 1 kr. Bevilget 2 kr.'
		);
	});

	test('other values keep the template’s stop, and a stop inside a value is left alone', () => {
		expect(fill('Opgjort pr. {date}.', { date: '31. december 2025' })).toBe('Opgjort pr. 31. december 2025.');
		expect(fill('{a} og {b}', { a: '3,6 mio. kr.', b: '2' })).toBe('3,6 mio. kr. og 2');
		expect(fill('Mangler {x}.', {})).toBe('Mangler {x}.');
	});
});
