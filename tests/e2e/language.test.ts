import type { BrowserContext } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { da } from '../../src/lib/messages/da';
import { en } from '../../src/lib/messages/en';
import { daServer } from '../../src/lib/server/messages/da';
import { enServer } from '../../src/lib/server/messages/en';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInCookie } from '../helpers/sign-in';

const ENGLISH = 'en-GB,en;q=0.9,da;q=0.5';

/** A context signed in as `email` without the (Danish-labelled) form, so any language can be tried. */
async function signedInContext(context: BrowserContext, baseUrl: string, email: string): Promise<BrowserContext> {
	const [name, value] = (await signInCookie(baseUrl, email)).split('=');
	await context.addCookies([{ name, value, url: baseUrl }]);
	return context;
}

describe.skipIf(!hasChromium)('the page language (Accept-Language) and what the browser downloads', () => {
	const demo = useDemoBrowser();

	test('Accept-Language preferring English: the page is English with <html lang="en">; otherwise Danish', async () => {
		const english = await fetch(`${demo.server.url}/login`, { headers: { 'accept-language': ENGLISH } });
		const englishHtml = await english.text();
		expect(englishHtml).toMatch(/^<!doctype html>\s*<html lang="en">/i);
		expect(englishHtml).toContain(`>${en['auth.sign_in_title']}</h1>`);
		expect(english.headers.get('vary')).toMatch(/accept-language/i);
		for (const header of ['da-DK,da;q=0.9,en;q=0.8', '*']) {
			const html = await (await fetch(`${demo.server.url}/login`, { headers: { 'accept-language': header } })).text();
			expect(html).toMatch(/^<!doctype html>\s*<html lang="da">/i);
			expect(html).toContain(`>${da['auth.sign_in_title']}</h1>`);
		}
		// Server-only wording follows too: a cross-site form post is refused in English.
		const refused = await fetch(`${demo.server.url}/login`, {
			method: 'POST',
			headers: {
				'accept-language': ENGLISH,
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'email=x'
		});
		expect(refused.status).toBe(403);
		await expect(refused.text()).resolves.toBe(enServer['error.cross_site_form']);
	});

	test('an English browser: the overview is rendered, hydrated and navigated in English', async () => {
		const context = await signedInContext(
			await demo.browser.newContext({ locale: 'en-GB' }),
			demo.server.url,
			'direktor@norddjurs.demo'
		);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error' || /hydration/i.test(message.text())) errors.push(message.text());
		});
		await page.goto(demo.server.url, { waitUntil: 'networkidle' });
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
		await expect(page.locator('h1').textContent()).resolves.toBe(`${en['overview.title']} · Norddjurs Kommune`);
		// A client-side navigation renders with the browser's t(): English there too.
		await page
			.getByRole('navigation', { name: en['nav.main'] })
			.getByRole('link', { name: en['nav.kpis'], exact: true })
			.click();
		await page.waitForURL(/\/noegletal$/);
		await expect(page.locator('h1').first().textContent()).resolves.toContain(en['nav.kpis']);
		await expect(page.getByRole('link', { name: en['app.skip_to_content'] }).count()).resolves.toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	test('a Danish browser downloads neither the English catalogue nor server-only messages', async () => {
		const context = await signedInContext(
			await demo.browser.newContext({ locale: 'da-DK' }),
			demo.server.url,
			'direktor@norddjurs.demo'
		);
		const page = await context.newPage();
		const scripts: Promise<string>[] = [];
		page.on('response', (response) => {
			if (response.request().resourceType() === 'script' && response.ok()) scripts.push(response.text());
		});
		await page.goto(demo.server.url, { waitUntil: 'networkidle' });
		await expect(page.locator('h1').textContent()).resolves.toBe(`${da['overview.title']} · Norddjurs Kommune`);
		const javascript = (await Promise.all(scripts)).join('\n');
		// The browser's Danish is there (the scan below would be empty proof otherwise) …
		expect(javascript).toContain(da['status.overdue']);
		expect(javascript).toContain(da['overview.title']);
		// … but no English-only message, and no message only the server words.
		expect(javascript).not.toContain(en['app.skip_to_content']);
		expect(javascript).not.toContain(en['status.follow_up_progress_other']);
		expect(javascript).not.toContain(daServer['api.cross_origin']);
		expect(javascript).not.toContain(enServer['api.cross_origin']);
		await context.close();
	});
});
