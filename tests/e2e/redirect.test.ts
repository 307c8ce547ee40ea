import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { freePort } from '../helpers/server';
import { DEMO_PASSWORD, signInCookie } from '../helpers/sign-in';

/**
 * Issue 12, item 3: the sign-in's "return to" address may only lead to a page of this site. Every form of
 * the attack report is tried as GET while signed in and as the sign-in POST (a hand-made request, and a
 * real form in Chromium with and without JavaScript), against a "phishing" server on another port that
 * must never be reached. A refused target sends the user home (the director's home is the overview, /).
 */
const timeout = () => AbortSignal.timeout(20_000);

// Raw query text (already percent-encoded): the tab the browser drops, and the characters that were a 500.
const attacks = (phish: string) => [
	...['%09', '%0a', '%0d', '%00', '%0B', '%0C', '%1F', '%7F', '%E3%80%80', '%C2%85', '%E2%80%8E', '%20'].map(
		(c) => `/${c}/${phish}/phish`
	),
	`//${phish}/phish`,
	`/%5C${phish}/phish`,
	`/%5C/${phish}/phish`,
	`/..//${phish}/phish`,
	`/.//${phish}/phish`,
	`http://${phish}/phish`,
	encodeURIComponent(`http://${phish}/phish`),
	'javascript:alert(1)'
];

describe.skipIf(!hasChromium)('the sign-in redirect stays on the site', () => {
	const demo = useDemoBrowser();
	let phishServer: Server;
	let phish: string;
	let phishHits = 0;
	let cookie: string;

	beforeAll(async () => {
		const port = await freePort();
		phish = `127.0.0.1:${port}`;
		phishServer = createServer((_request, response) => {
			phishHits++;
			response.end('phish');
		});
		await new Promise<void>((resolve) => phishServer.listen(port, '127.0.0.1', resolve));
		cookie = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
	});
	afterAll(async () => {
		await new Promise((resolve) => phishServer?.close(resolve));
		expect(phishHits, 'the phishing server was reached').toBe(0);
	});

	/** The redirect's target must be the home page of the site itself (and a valid header: no 500). */
	function expectHome(response: Response, attack: string): void {
		const location = response.headers.get('location');
		expect([response.status, location], attack).toEqual([303, '/']);
	}

	test('GET /login?redirectTo=… while signed in: every attack form goes home, none is a 500', async () => {
		for (const attack of attacks(phish)) {
			const response = await fetch(`${demo.server.url}/login?redirectTo=${attack}`, {
				headers: { cookie },
				redirect: 'manual',
				signal: timeout()
			});
			expectHome(response, attack);
		}
	});

	test('the sign-in POST without JavaScript (a plain form post): every attack form goes home', async () => {
		for (const attack of attacks(phish)) {
			const body = `email=${encodeURIComponent('direktor@norddjurs.demo')}&password=${DEMO_PASSWORD}&redirectTo=${attack}`;
			const response = await fetch(`${demo.server.url}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: demo.server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body,
				signal: timeout()
			});
			expectHome(response, attack);
		}
	});

	test('a real page of the site is still the place to come back to, with its query', async () => {
		const target = encodeURIComponent('/noegletal?x=%C3%A6');
		const signedIn = await fetch(`${demo.server.url}/login?redirectTo=${target}`, {
			headers: { cookie },
			redirect: 'manual',
			signal: timeout()
		});
		expect([signedIn.status, signedIn.headers.get('location')]).toEqual([303, '/noegletal?x=%C3%A6']);
		const closed = await fetch(`${demo.server.url}/noegletal?x=1`, { redirect: 'manual', signal: timeout() });
		expect(closed.headers.get('location')).toBe('/login?redirectTo=%2Fnoegletal%3Fx%3D1');
	});

	async function signInThroughForm(context: BrowserContext, attack: string): Promise<Page> {
		const page = await context.newPage();
		// The hidden field is filled from the query only when the target is safe; an attacker posts it as they like.
		await page.route('**/login*', async (route) => {
			const request = route.request();
			if (request.method() !== 'POST') return route.continue();
			const body = new URLSearchParams(request.postData() ?? '');
			body.delete('redirectTo');
			await route.continue({ postData: `${body}&redirectTo=${attack}` });
		});
		await page.goto(`${demo.server.url}/login?redirectTo=${attack}`);
		await page.getByLabel('E-mail').fill('direktor@norddjurs.demo');
		await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
		await Promise.all([
			page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 }),
			page.getByRole('button', { name: 'Log ind' }).click()
		]);
		return page;
	}

	for (const javaScriptEnabled of [true, false]) {
		test(`in Chromium (JavaScript ${javaScriptEnabled ? 'on' : 'off'}): signing in, or opening the link signed in, never leaves the site`, async () => {
			for (const attack of [
				`/%09/${phish}/phish`,
				`/%0a/${phish}/phish`,
				`/%00/${phish}/phish`,
				`/%E3%80%80/${phish}/phish`,
				`/..//${phish}/phish`
			]) {
				const context = await demo.browser.newContext({ javaScriptEnabled });
				const page = await signInThroughForm(context, attack);
				expect(page.url(), attack).toBe(`${demo.server.url}/`);
				const again = await page.goto(`${demo.server.url}/login?redirectTo=${attack}`);
				expect([again?.status(), page.url()], attack).toEqual([200, `${demo.server.url}/`]);
				await context.close();
			}
		});
	}
});
