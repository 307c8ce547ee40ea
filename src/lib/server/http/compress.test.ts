import { describe, expect, test } from 'vitest';
import { chooseEncoding, isCompressible } from './compress';

describe('chooseEncoding', () => {
	test.each([
		[null, null],
		['', null],
		['identity', null],
		['gzip, deflate, br', 'br'],
		['br, gzip', 'br'],
		['gzip', 'gzip'],
		['x-gzip', 'gzip'],
		['br;q=0.5, gzip', 'gzip'],
		['br;q=0, gzip;q=0', null],
		['*', 'br'],
		['*;q=0.2, gzip', 'gzip'],
		['gzip;q=0, *', 'br'],
		['BR ; Q=1', 'br']
	])('%s → %s', (accept, expected) => expect(chooseEncoding(accept)).toBe(expected));
});

describe('isCompressible', () => {
	test.each([
		['text/html; charset=utf-8', true],
		['application/json', true],
		['application/problem+json', true],
		['text/csv; charset=utf-8', true],
		['application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
		['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
		['image/png', false],
		['application/jsonx', false],
		[null, false]
	])('%s → %s', (type, expected) => expect(isCompressible(type)).toBe(expected));
});
