import { describe, expect, test } from 'vitest';
import { axeViolations, sweepRoles } from '../helpers/axe-sweep';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';

/** Every page the admin and the politician can open, and the anonymous ones, checked with axe (WCAG 2.1 AA). */
describe.skipIf(!hasChromium)('accessibility sweep: admin, politician, anonymous visitors', () => {
	const demo = useDemoBrowser();
	sweepRoles(demo, [
		{
			email: 'admin@norddjurs.demo',
			pages: [
				'/admin/brugere',
				'/admin/api-noegler',
				'/admin/logo',
				'/programmer',
				'/programmer/import',
				':programme',
				'/anbefalinger/ny',
				':recommendation/rediger',
				':recommendation/forloeb',
				':recommendation/budget',
				':recommendation/opfoelgning'
			]
		},
		{ email: 'politiker@norddjurs.demo', pages: ['/status', '/hjaelp', '/tilgaengelighed', '/indstillinger'] }
	]);

	test('anonymous visitors: sign-in, help and accessibility statement pages', async () => {
		const context = await demo.browser.newContext();
		const page = await context.newPage();
		for (const path of ['/login', '/hjaelp', '/tilgaengelighed']) {
			await page.goto(`${demo.server.url}${path}`);
			expect([path, await axeViolations(page)]).toEqual([path, []]);
		}
		// Every page's footer leads to the accessibility statement (webtilgængelighedsloven asks for a visible link).
		await page.goto(`${demo.server.url}/login`);
		await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
		await page.waitForURL('**/tilgaengelighed');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tilgængelighedserklæring');
		const text = await page.locator('main').innerText();
		for (const part of [
			'WCAG 2.1 niveau AA',
			'axe',
			'tastatur',
			'Kendte begrænsninger',
			'Digitaliseringsstyrelsen',
			'22. november 2026'
		])
			expect(text).toContain(part);
		await context.close();
	});
});
