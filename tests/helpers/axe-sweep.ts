import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { useDemoBrowser } from './demo-browser';
import { signInCookie, signInPage } from './sign-in';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const SWEEP_VIEWPORTS = [
	{ width: 1280, height: 900 },
	{ width: 320, height: 640 }
];

/** Demo paths a sweep names by key (`:recommendation` in a path stands for the sample recommendation's path). */
type Samples = Record<'recommendation' | 'kpi' | 'kpiEdit' | 'programme' | 'first', string>;

async function samplePaths(baseUrl: string): Promise<Samples> {
	const cookie = await signInCookie(baseUrl, 'direktor@norddjurs.demo');
	const get = (path: string) => fetch(`${baseUrl}${path}`, { headers: { cookie } });
	const recs = (await (await get('/api/v1/recommendations')).json()).recommendations;
	const kpis = (await (await get('/api/v1/kpis')).json()).kpis;
	const programme = /href="(\/programmer\/\d+)"/.exec(await (await get('/programmer')).text())![1];
	return {
		recommendation: `/anbefalinger/${recs[6].id}`,
		kpi: `/noegletal/${kpis[0].id}`,
		kpiEdit: `/noegletal/${kpis[0].id}/rediger`,
		programme,
		first: `/anbefalinger/${recs[0].id}`
	};
}

/** The violations axe finds on the page, one line each (rule and where). */
export async function axeViolations(page: Page): Promise<string[]> {
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	return axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

/**
 * Registers one test per role, viewport and page: the role signs in once per viewport, and each test opens one
 * page and runs axe (WCAG 2.1 AA) on it. One page per test, so that a test's time limit is about one page on a
 * busy machine, not about a role's whole list (CI, 2026-12-01: a director's 22 pages in one test passed 180 s).
 * @example sweepRoles(useDemoBrowser(), [{ email: 'politiker@norddjurs.demo', pages: ['/status'] }]);
 */
export function sweepRoles(demo: ReturnType<typeof useDemoBrowser>, roles: { email: string; pages: string[] }[]) {
	let samples: Samples;
	beforeAll(async () => {
		samples = await samplePaths(demo.server.url);
	});
	const resolve = (path: string) => path.replace(/:(\w+)/g, (_, key: keyof Samples) => samples[key]);

	for (const { email, pages } of roles)
		describe(email, () => {
			for (const viewport of SWEEP_VIEWPORTS)
				describe(`${viewport.width} px`, () => {
					let context: BrowserContext;
					let page: Page;
					beforeAll(async () => {
						context = await demo.browser.newContext({ viewport });
						page = await signInPage(context, demo.server.url, email);
					});
					afterAll(() => context?.close());

					test.each(pages)('%s: no WCAG 2.1 AA violations', async (path) => {
						const response = await page.goto(`${demo.server.url}${resolve(path)}`);
						expect(response?.status()).toBe(200);
						expect(await axeViolations(page)).toEqual([]);
					});
				});
		});
}
