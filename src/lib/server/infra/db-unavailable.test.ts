import { describe, expect, test } from 'vitest';
import { isDatabaseUnavailable } from './db';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable: only connection-class errors become 503', () => {
	test.each([
		['refused', withCode('ECONNREFUSED')],
		['reset', withCode('ECONNRESET')],
		['postgres.js closed connection', withCode('CONNECTION_CLOSED')],
		['admin shutdown 57P01', withCode('57P01')],
		['crash shutdown 57P02', withCode('57P02')],
		['starting up 57P03', withCode('57P03')],
		['connection failure 08006', withCode('08006')],
		['both addresses refused', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
		['wrapped', new Error('query failed', { cause: withCode('ECONNREFUSED') })]
	])('%s → unavailable', (_name, error) => {
		expect(isDatabaseUnavailable(error)).toBe(true);
	});

	test.each([
		['plain bug', new TypeError('cannot read properties of undefined')],
		['syntax error 42601', withCode('42601')],
		['unique violation 23505', withCode('23505')],
		['serialization failure 40001', withCode('40001')],
		['not an error', 'ECONNREFUSED'],
		['null', null]
	])('%s → a real error (500)', (_name, error) => {
		expect(isDatabaseUnavailable(error)).toBe(false);
	});
});
