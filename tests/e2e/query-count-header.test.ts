import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';

/** The benchmark's `x-query-count` (FREMDRIFT_QUERY_COUNT_HEADER=1): off by default, per request when on. */
describe('x-query-count', () => {
	let plain: RunningServer;
	let counting: RunningServer;

	beforeAll(async () => {
		[plain, counting] = await Promise.all([
			startDemoServer(),
			startDemoServer({ env: { FREMDRIFT_QUERY_COUNT_HEADER: '1' } })
		]);
	});
	afterAll(async () => {
		await plain?.stop();
		await counting?.stop();
	});

	test('is not sent unless switched on', async () => {
		const cookie = await signInCookie(plain.url, 'direktor@norddjurs.demo');
		const response = await fetch(plain.url, { headers: { cookie } });
		expect(response.status).toBe(200);
		expect(response.headers.get('x-query-count')).toBeNull();
	});

	test('counts each request’s own queries, also when requests run at the same time', async () => {
		const cookie = await signInCookie(counting.url, 'direktor@norddjurs.demo');
		const get = async (path: string) => {
			const response = await fetch(counting.url + path, { headers: { cookie } });
			expect(response.status).toBe(200);
			await response.arrayBuffer();
			return Number(response.headers.get('x-query-count'));
		};
		const computed = await get('/');
		// The session lookup, the data version and the overview's fixed set of queries.
		expect(computed).toBeGreaterThanOrEqual(3);
		expect(computed).toBeLessThanOrEqual(16);
		// Then the overview and "Mine opgaver" come from the instance's memory: the session and the data version
		// (and at most hourly the session's last-verified stamp).
		const overview = await get('/');
		expect(overview).toBeLessThanOrEqual(3);
		const api = await get('/api/v1/openapi.json');
		expect(api).toBe(1);
		const together = await Promise.all(Array.from({ length: 8 }, (_, i) => get(i % 2 ? '/' : '/api/v1/openapi.json')));
		expect(together).toEqual(Array.from({ length: 8 }, (_, i) => (i % 2 ? overview : api)));
	});
});
