import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onPostgres } from '../helpers/test-db';
import { createServerDatabase, startServerOn, type ServerProcess } from '../helpers/server';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { hasChromium, launchChromium } from '../helpers/browser';
import type { Browser, Page } from 'playwright-core';

// Generous: the suite runs several files at once on two cores; this test is about answers, not speed.
const timeout = () => AbortSignal.timeout(30_000);

// PGlite lives inside the app's process: there is no database server to stop. This runs on the PostgreSQL run,
// on a cluster of its own (the machine's shared PostgreSQL is used by other test files and is never stopped).
describe.skipIf(!onPostgres)('PostgreSQL stopped and started under the running app', () => {
	let pg: PrivatePostgres | undefined;
	let server: ServerProcess | undefined;
	let cookie: string;
	let kpiId: number;
	let browser: Browser | undefined;

	beforeAll(async () => {
		pg = await startPrivatePostgres();
		server = await startServerOn(await createServerDatabase({ databaseUrl: pg.url }));
		cookie = await signInCookie(server.url, 'direktor@norddjurs.demo');
		const kpis = (await (await fetch(`${server.url}/api/v1/kpis`, { headers: { cookie }, signal: timeout() })).json())
			.kpis;
		kpiId = kpis.find((k: { frequency: string }) => k.frequency === 'month').id;
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await pg?.destroy();
	});

	const page = (path: string) =>
		fetch(`${server!.url}${path}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual', signal: timeout() });
	const api = (path: string, init: RequestInit = {}) =>
		fetch(`${server!.url}${path}`, {
			...init,
			headers: { cookie, origin: server!.url, 'content-type': 'application/json', ...init.headers },
			signal: timeout()
		});

	test('answers 503 with a Danish page and Danish JSON while it is down, then works again without a restart', async () => {
		expect((await page('/')).status).toBe(200);
		expect((await api('/api/v1/kpis')).status).toBe(200);
		// A person with the app open in Chromium (hasChromium: with CI=true a missing browser fails in the helper).
		let tab: Page | undefined;
		if (hasChromium) {
			browser = await launchChromium();
			tab = await signInPage(await browser.newContext(), server!.url, 'direktor@norddjurs.demo');
		}

		await pg!.stopImmediately();
		const down = await page('/');
		expect(down.status).toBe(503);
		expect(down.headers.get('content-type')).toContain('text/html');
		expect(down.headers.get('retry-after')).toBe('5');
		const html = await down.text();
		expect(html).toContain('<html lang="da">');
		expect(html).toContain('Databasen kan ikke nås lige nu');
		for (const path of [`/noegletal/${kpiId}`, '/mine-noegletal', '/status'])
			expect((await page(path)).status, path).toBe(503);

		const apiDown = await api('/api/v1/kpis');
		expect(apiDown.status).toBe(503);
		expect(await apiDown.json()).toMatchObject({
			error: { code: 'unavailable', message: expect.stringContaining('Databasen kan ikke nås') }
		});
		const write = await api(`/api/v1/kpis/${kpiId}/observations/2026-10`, {
			method: 'PUT',
			body: JSON.stringify({ value: 5.5, confirmUnusual: true })
		});
		expect(write.status).toBe(503);
		// A page whose load reads the database (here for an anonymous visitor): the same Danish page.
		const login = await fetch(`${server!.url}/login`, { headers: { accept: 'text/html' }, signal: timeout() });
		expect([login.status, (await login.text()).includes('Databasen kan ikke nås')]).toEqual([503, true]);
		// Signing in needs the database too: a Danish 503, not a crash.
		const signIn = await fetch(`${server!.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server!.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: 'admin@norddjurs.demo', password: 'fremdrift-demo' }),
			signal: timeout()
		});
		expect(signIn.status).toBe(503);
		// A SvelteKit data request (client-side navigation) gets JSON that the error page can show.
		const data = await fetch(`${server!.url}/__data.json`, { headers: { cookie }, signal: timeout() });
		expect([data.status, (await data.json()).message]).toEqual([503, expect.stringContaining('Databasen')]);

		// The answer stays prompt however long the outage lasts: more failed requests than the pool has
		// connections, each within a few seconds (postgres.js's own reconnect backoff would grow to 20 s).
		for (let i = 0; i < 25; i++) {
			const started = Date.now();
			const response = await (i % 2 ? page('/login') : api('/api/v1/kpis'));
			expect([response.status, Date.now() - started < 4_000]).toEqual([503, true]);
		}

		if (tab) {
			// Moving on inside the open app: the client's data request fails with 503, SvelteKit falls back to loading
			// the page itself, and the browser shows the Danish 503 page.
			await Promise.all([
				tab.waitForURL('**/noegletal'),
				tab.getByRole('navigation').getByRole('link', { name: 'Nøgletal', exact: true }).click()
			]);
			await tab.waitForFunction(
				() => document.querySelector('h1')?.textContent === 'Fremdrift er midlertidigt utilgængelig'
			);
			expect(await tab.locator('main').innerText()).toContain('Databasen kan ikke nås lige nu');
		}

		await pg!.start();
		// postgres.js reconnects by itself: the same process answers again within a few seconds.
		const deadline = Date.now() + 30_000;
		let status = 0;
		while (Date.now() < deadline) {
			status = (await page('/')).status;
			if (status === 200) break;
			expect(status).toBe(503);
			await new Promise((r) => setTimeout(r, 250));
		}
		expect(status).toBe(200);
		expect(server!.alive()).toBe(true);
		const saved = await api(`/api/v1/kpis/${kpiId}/observations/2026-10`, {
			method: 'PUT',
			body: JSON.stringify({ value: 5.5, confirmUnusual: true })
		});
		expect(saved.status).toBe(201);
		expect((await api(`/api/v1/kpis/${kpiId}/observations`)).status).toBe(200);
		if (tab) {
			await tab.reload();
			expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe('Nøgletal');
		}
	});
});
