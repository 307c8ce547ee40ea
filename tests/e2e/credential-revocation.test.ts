import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	createServerDatabase,
	openServerDatabase,
	startServerOn,
	type ServerDatabase,
	type ServerProcess
} from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';

const timeout = () => AbortSignal.timeout(15_000);
const STRONG = 'grøn tekande på første sal';

/**
 * Links and API tokens through the built app's own forms: a reset voids older links and the user's tokens,
 * disabling voids them for good, and writes made with a token name it in the audit trail.
 */
describe('reset links, disabling and API tokens', () => {
	let database: ServerDatabase;
	let server: ServerProcess;
	let admin: string;

	beforeAll(async () => {
		database = await createServerDatabase();
		server = await startServerOn(database);
		admin = await signInCookie(server.url, 'admin@norddjurs.demo');
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	/** A native form post as the admin; returns the page HTML. */
	async function adminPost(path: string, fields: Record<string, string> = {}): Promise<string> {
		const response = await fetch(`${server.url}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie: admin,
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(fields),
			signal: timeout()
		});
		expect(response.status, path).toBe(200);
		return response.text();
	}
	const match = (html: string, pattern: RegExp) => {
		const found = pattern.exec(html);
		if (!found) throw new Error(`${pattern} not in the page`);
		return found[1] ?? found[0];
	};
	const resetLink = async (userId: number) =>
		match(await adminPost(`/admin/brugere/${userId}?/reset`), /\/invitation\/(\d+\.[a-z2-7]{52})/);
	const newApiToken = async (userId: number, name: string) =>
		match(
			await adminPost('/admin/api-noegler?/create', { name, userId: String(userId) }),
			/fremdrift_\d+\.[a-z2-7]{52}/
		);
	const linkStatus = async (link: string) =>
		(await fetch(`${server.url}/invitation/${link}`, { signal: timeout() })).status;
	const bearer = (token: string, path = '/api/v1/kpis', init: RequestInit = {}) =>
		fetch(`${server.url}${path}`, {
			...init,
			headers: { ...init.headers, authorization: `Bearer ${token}` },
			signal: timeout()
		});

	test('a second reset link voids the first; using it ends API tokens; disable + enable brings back no link or token; token writes name the token', async () => {
		const users = await (
			await fetch(`${server.url}/admin/brugere`, { headers: { cookie: admin }, signal: timeout() })
		).text();
		const userId = Number(
			match(users, /<tr data-user="projektleder@norddjurs\.demo">[\s\S]*?href="\/admin\/brugere\/(\d+)"/)
		);

		// A write through an API token is recorded with that token's id.
		const token = await newApiToken(userId, 'Lønsystem');
		const tokenId = Number(/^fremdrift_(\d+)\./.exec(token)![1]);
		const kpis = (await (await bearer(token)).json()).kpis as { id: number; frequency: string }[];
		const kpiId = kpis.find((k) => k.frequency === 'month')!.id;
		const put = await bearer(token, `/api/v1/kpis/${kpiId}/observations/2026-10`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ value: 6.1, comment: 'Fra lønsystemet', version: null })
		});
		expect(put.status).toBe(201);

		// Two reset links: only the newer works. Using it ends the user's API token.
		const first = await resetLink(userId);
		const second = await resetLink(userId);
		expect(await linkStatus(first)).toBe(404);
		expect(await linkStatus(second)).toBe(200);
		const used = await fetch(`${server.url}/invitation/${second}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ password: STRONG, passwordRepeat: STRONG }),
			signal: timeout()
		});
		expect(used.status).toBe(303);
		expect((await bearer(token)).status).toBe(401);

		// Disabled, then enabled again: the link and the token made before stay dead.
		const third = await resetLink(userId);
		const later = await newApiToken(userId, 'Regnskab');
		expect((await bearer(later)).status).toBe(200);
		await adminPost(`/admin/brugere/${userId}?/disable`);
		await adminPost(`/admin/brugere/${userId}?/enable`);
		expect(await linkStatus(third)).toBe(404);
		expect((await bearer(later)).status).toBe(401);
		expect((await signInCookie(server.url, 'projektleder@norddjurs.demo', STRONG)).length).toBeGreaterThan(0);

		// PGlite opens its folder in one process at a time: stop the server before reading the audit trail.
		await server.stop();
		const handle = await openServerDatabase(database);
		try {
			const events = await handle.db
				.selectFrom('auditEvent')
				.select(['action', 'actorUserId', 'apiTokenId'])
				.where('entityId', '=', `${kpiId}/2026-10`)
				.execute();
			expect(events).toEqual([{ action: 'observation.created', actorUserId: userId, apiTokenId: tokenId }]);
		} finally {
			await handle.close();
		}
	});
});
