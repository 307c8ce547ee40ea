import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInCookie, signInPage } from '../helpers/sign-in';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every page each role can open, checked with axe (WCAG 2.1 AA) on a desktop and a phone-sized screen. */
describe.skipIf(!hasChromium)('accessibility sweep', () => {
	const demo = useDemoBrowser();

	async function samplePaths(): Promise<Record<string, string>> {
		const cookie = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const recs = (await (await fetch(`${demo.server.url}/api/v1/recommendations`, { headers: { cookie } })).json())
			.recommendations;
		const kpis = (await (await fetch(`${demo.server.url}/api/v1/kpis`, { headers: { cookie } })).json()).kpis;
		const programme = /href="(\/programmer\/\d+)"/.exec(
			await (await fetch(`${demo.server.url}/programmer`, { headers: { cookie } })).text()
		)![1];
		return {
			recommendation: `/anbefalinger/${recs[6].id}`,
			kpi: `/noegletal/${kpis[0].id}`,
			kpiEdit: `/noegletal/${kpis[0].id}/rediger`,
			programme,
			first: `/anbefalinger/${recs[0].id}`
		};
	}

	const roles = [
		{
			email: 'direktor@norddjurs.demo',
			pages: (p: Record<string, string>) => [
				'/',
				p.recommendation,
				p.kpi,
				'/hjaelp',
				'/mine-noegletal',
				'/noegletal',
				'/noegletal/import',
				'/noegletal/ny',
				p.kpiEdit,
				'/status',
				`${p.recommendation}/forloeb`
			]
		},
		{
			email: 'projektleder@norddjurs.demo',
			pages: (p: Record<string, string>) => [
				'/',
				p.recommendation,
				p.kpi,
				'/hjaelp',
				'/mine-noegletal',
				'/noegletal',
				'/noegletal/import',
				`${p.first}/opfoelgning`
			]
		},
		{
			email: 'admin@norddjurs.demo',
			pages: (p: Record<string, string>) => [
				'/admin/brugere',
				'/admin/api-noegler',
				'/admin/logo',
				'/programmer',
				'/programmer/import',
				p.programme,
				'/anbefalinger/ny',
				`${p.recommendation}/rediger`,
				`${p.recommendation}/forloeb`,
				`${p.recommendation}/budget`,
				`${p.recommendation}/opfoelgning`
			]
		},
		{ email: 'politiker@norddjurs.demo', pages: () => ['/status', '/hjaelp', '/tilgaengelighed', '/indstillinger'] }
	];

	test.each(roles)(
		'$email: no WCAG 2.1 AA violations on the pages the role can open',
		async ({ email, pages }) => {
			const paths = pages(await samplePaths());
			for (const viewport of [
				{ width: 1280, height: 900 },
				{ width: 320, height: 640 }
			]) {
				const context = await demo.browser.newContext({ viewport });
				const page = await signInPage(context, demo.server.url, email);
				for (const path of paths) {
					const response = await page.goto(`${demo.server.url}${path}`);
					expect([path, response?.status()]).toEqual([path, 200]);
					const axe = await new AxeBuilder({ page }).withTags(wcag).analyze();
					expect([
						path,
						viewport.width,
						axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)
					]).toEqual([path, viewport.width, []]);
				}
				await context.close();
			}
			// Ten pages, two viewports and an axe run each: well past the default minute on a loaded 2-core machine.
		},
		180_000
	);

	test('anonymous visitors: sign-in, help and accessibility statement pages', async () => {
		const context = await demo.browser.newContext();
		const page = await context.newPage();
		for (const path of ['/login', '/hjaelp', '/tilgaengelighed']) {
			await page.goto(`${demo.server.url}${path}`);
			const axe = await new AxeBuilder({ page }).withTags(wcag).analyze();
			expect([path, axe.violations.map((v) => v.id)]).toEqual([path, []]);
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
