import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';

/**
 * Issue 13: a path id is written one way only, as on the API (idText in schemas/fields.ts): the annual
 * report's pages and downloads and the admin's user page answer 404 for 01, 1.0, +1, 1e0 and 0x1 instead of
 * showing the row of id 1 under a second address.
 */
describe('path ids of the annual report and the user admin, against the built server', () => {
	let server: RunningServer;
	let admin: string;
	let reportId: string;
	let userId: string;
	const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: admin }, redirect: 'manual' });
	/** The same id written the other ways a number can be parsed from. */
	const otherSpellings = (id: string) => [`0${id}`, `${id}.0`, `+${id}`, `${id}e0`, `0x${Number(id).toString(16)}`];

	beforeAll(async () => {
		server = await startDemoServer();
		admin = await signInCookie(server.url, 'admin@norddjurs.demo');
		reportId = /href="\/status\/(\d+)"/.exec(await (await get('/status')).text())![1];
		userId = /href="\/admin\/brugere\/(\d+)"/.exec(await (await get('/admin/brugere')).text())![1];
	});
	afterAll(() => server?.stop());

	test('the canonical id is served', async () => {
		expect((await get(`/status/${reportId}`)).status).toBe(200);
		expect((await get(`/status/${reportId}/download/csv`)).status).toBe(200);
		expect((await get(`/admin/brugere/${userId}`)).status).toBe(200);
	});

	test('every other spelling of it is 404, page and download alike', async () => {
		for (const path of [
			...otherSpellings(reportId).flatMap((id) => [`/status/${id}`, `/status/${id}/download/csv`]),
			...otherSpellings(userId).map((id) => `/admin/brugere/${id}`)
		]) {
			expect([path, (await get(encodeURI(path))).status]).toEqual([path, 404]);
		}
	});
});
