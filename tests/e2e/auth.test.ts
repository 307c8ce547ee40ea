import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

// Without Chromium (a developer machine) these say so and skip; with CI=true browser.ts fails instead.
describe.skipIf(!hasChromium)('signing in and access, in Chromium', () => {
	const demo = useDemoBrowser();

	const roles = [
		{ email: 'admin@norddjurs.demo', role: 'administrator', home: '/' },
		{ email: 'direktor@norddjurs.demo', role: 'direktør', home: '/' },
		{ email: 'projektleder@norddjurs.demo', role: 'projektleder', home: '/mine-noegletal' },
		{ email: 'politiker@norddjurs.demo', role: 'politiker', home: '/status' }
	];

	test.each(roles)('$email signs in, lands on $home, and signs out', async ({ email, role, home }) => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, email);
		expect(new URL(page.url()).pathname).toBe(home);
		await expect(page.locator('[data-signed-in]').textContent()).resolves.toContain(`· ${role} · Norddjurs Kommune`);
		await page.getByRole('button', { name: 'Log ud' }).click();
		await page.waitForURL(/\/login\?logget-ud/);
		await expect(page.getByRole('status').textContent()).resolves.toBe('Du er logget ud.');
		const again = await page.goto(`${demo.server.url}${home}`);
		expect(new URL(again!.url()).pathname).toBe('/login');
		await context.close();
	});

	test('a wrong password and an unknown e-mail get the same message; the 6th failure in 15 minutes gets 429', async () => {
		const context = await demo.browser.newContext();
		const page = await context.newPage();
		const attempt = async (email: string, password: string) => {
			await page.goto(`${demo.server.url}/login`);
			await page.getByLabel('E-mail').fill(email);
			await page.getByLabel('Adgangskode').fill(password);
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login')),
				page.getByRole('button', { name: 'Log ind' }).click()
			]);
			await page.waitForLoadState();
			return {
				status: response.status(),
				retryAfter: response.headers()['retry-after'],
				message: await page.getByRole('alert').textContent()
			};
		};
		const unknown = await attempt('findes.ikke@norddjurs.demo', 'forkert-adgangskode');
		const wrong = await attempt('politiker@allerod.demo', 'forkert-adgangskode');
		expect(unknown).toMatchObject({ status: 400, message: 'E-mail eller adgangskode er forkert.' });
		expect(wrong.message).toBe(unknown.message);
		for (let i = 2; i <= 5; i++) expect((await attempt('politiker@allerod.demo', `forkert-${i}`)).status).toBe(400);
		const sixth = await attempt('politiker@allerod.demo', 'fremdrift-demo');
		expect(sixth.status).toBe(429);
		expect(Number(sixth.retryAfter)).toBeGreaterThan(800);
		expect(sixth.message).toMatch(/^For mange mislykkede forsøg\. Prøv igen om 1[45] minutter\.$/);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await context.close();
	});

	test('a politician cannot open live data: the server refuses, it is not just hidden', async () => {
		const cookie = await signInCookie(demo.server.url, 'politiker@norddjurs.demo');
		const director = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const list = await (
			await fetch(`${demo.server.url}/api/v1/recommendations`, { headers: { cookie: director } })
		).json();
		const id = list.recommendations[0].id;
		const page = await fetch(`${demo.server.url}/anbefalinger/${id}`, { headers: { cookie }, redirect: 'manual' });
		expect(page.status).toBe(403);
		expect(await page.text()).toContain('Du har ikke adgang til denne side.');
		const api = await fetch(`${demo.server.url}/api/v1/recommendations`, { headers: { cookie } });
		expect(api.status).toBe(403);
		expect(await api.json()).toEqual({
			error: { code: 'forbidden', message: 'Du har ikke adgang til denne side.', fields: {} }
		});
		const home = await fetch(`${demo.server.url}/`, { headers: { cookie }, redirect: 'manual' });
		expect([home.status, home.headers.get('location')]).toEqual([303, '/status']);
	});

	test('a user of Allerød gets 404 for a Norddjurs recommendation', async () => {
		const norddjurs = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const id = (
			await (await fetch(`${demo.server.url}/api/v1/recommendations`, { headers: { cookie: norddjurs } })).json()
		).recommendations[0].id;
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'direktor@allerod.demo');
		await expect(page.locator('h1').textContent()).resolves.toBe('Oversigt · Allerød Kommune');
		const response = await page.goto(`${demo.server.url}/anbefalinger/${id}`);
		expect(response?.status()).toBe(404);
		await expect(page.locator('h1').textContent()).resolves.toBe('Siden findes ikke');
		await context.close();
	});

	test('a cookie copied before sign-out no longer works after it', async () => {
		const cookie = await signInCookie(demo.server.url, 'admin@norddjurs.demo');
		expect((await fetch(`${demo.server.url}/admin/brugere`, { headers: { cookie }, redirect: 'manual' })).status).toBe(
			200
		);
		const out = await fetch(`${demo.server.url}/logout`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie,
				origin: demo.server.url,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			}
		});
		expect(out.status).toBe(303);
		const stolen = await fetch(`${demo.server.url}/admin/brugere`, { headers: { cookie }, redirect: 'manual' });
		expect(stolen.status).toBe(303);
		expect(stolen.headers.get('location')).toMatch(/^\/login\?redirectTo=/);
	});

	test('every response carries the security headers; signed-in pages are not cached', async () => {
		const cookie = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const response = await fetch(`${demo.server.url}/`, { headers: { cookie } });
		const csp = response.headers.get('content-security-policy') ?? '';
		for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "default-src 'self'"])
			expect(csp).toContain(directive);
		// The inline start-up script is allowed by its hash (svelte.config.js), and by nothing broader.
		const inline = [...(await response.clone().text()).matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
		expect(inline.length).toBeGreaterThan(0);
		for (const [, code] of inline)
			expect(csp).toContain(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
		expect(csp).not.toMatch(/unsafe-inline'?[^;]*;.*script|script-src[^;]*unsafe-inline/);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const login = await fetch(`${demo.server.url}/login`);
		expect(login.headers.get('x-content-type-options')).toBe('nosniff');
		expect(login.headers.get('strict-transport-security')).toBeNull(); // served over http here
	});

	test('an admin creates an API token that works as Bearer until revoked; cookie JSON writes need our Origin', async () => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'admin@norddjurs.demo');
		await page.goto(`${demo.server.url}/admin/api-noegler`);
		await page.getByLabel('Navn på nøglen').fill('Lønsystem');
		await page.getByLabel('Bruger').selectOption({ label: 'Peter Projektleder (projektleder)' });
		await page.getByRole('button', { name: 'Opret nøgle' }).click();
		const token = (await page.locator('[data-secret="api-token"]').textContent())!.trim();
		expect(token).toMatch(/^fremdrift_\d+\.[a-z2-7]{52}$/);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);

		const ok = await fetch(`${demo.server.url}/api/v1/recommendations`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(ok.status).toBe(200);
		expect((await ok.json()).recommendations).toHaveLength(8);
		const bad = await fetch(`${demo.server.url}/api/v1/recommendations`, {
			headers: { authorization: 'Bearer fremdrift_1.forkert' }
		});
		expect(bad.status).toBe(401);

		await page.goto(`${demo.server.url}/admin/api-noegler`);
		await page.getByRole('button', { name: 'Tilbagekald: Lønsystem' }).click();
		await page.waitForURL(/\?\/revoke$/);
		await expect(page.locator('tbody').textContent()).resolves.toContain('Tilbagekaldt');
		expect(
			(await fetch(`${demo.server.url}/api/v1/recommendations`, { headers: { authorization: `Bearer ${token}` } }))
				.status
		).toBe(401);

		const cookie = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const crossSite = await fetch(`${demo.server.url}/api/v1/recommendations`, {
			method: 'POST',
			headers: { cookie, origin: 'https://ond.example', 'content-type': 'application/json' },
			body: '{}'
		});
		expect(crossSite.status).toBe(403);
		expect((await crossSite.json()).error.code).toBe('cross_origin');
		await context.close();
	});
});
