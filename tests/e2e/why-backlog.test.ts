import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

const RECOMMENDATION = 'Anbefaling 7 · Trivselsteam på Velfærdsområdet';

/** No element makes the page wider than the window (WCAG 1.4.10 reflow): the width, and what sticks out. */
const pageWidth = (page: Page) =>
	page.evaluate(() => {
		const sticking = [...document.querySelectorAll('main *')]
			.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
			.filter((e) => !e.parentElement?.closest('.table-scroll'))
			.map((e) => `${e.tagName.toLowerCase()}: ${e.textContent?.trim().slice(0, 40)}`)
			.slice(0, 5);
		return { width: document.documentElement.scrollWidth, sticking };
	});

/**
 * Issue 15, items 2 and 3: a director reads why a recommendation is behind in the first screenful (status, reason,
 * newest note, money), at 320 px nothing overflows, and the overview's backlog names every missing period and
 * who enters it.
 */
describe.skipIf(!hasChromium)('the why-panel and the backlog, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a director reads status, reason, latest note and money in the first viewport at 1280 × 800; at 320 px nothing overflows', async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 800 } });
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		await page.goto(demo.server.url);
		await page.getByRole('link', { name: RECOMMENDATION }).click();
		await page.waitForURL(/\/anbefalinger\/\d+$/);
		const url = page.url();

		const panel = page.getByRole('region', { name: 'Status og årsag' });
		const part = (name: string) => panel.locator(`[data-why="${name}"]`);
		// Behind: the target year 2025 passed short of the target (the demo's values are fixed).
		await expect(part('status').locator('[data-status]').first().textContent()).resolves.toMatch(/Ikke nået|Bagud/);
		await expect(part('reason').textContent()).resolves.toMatch(
			/Sygefravær, Velfærdsområdet \(år\): 6,7\s%\si 2025 mod målet 6,5\s%\si 2025; målåret er passeret\./
		);
		await expect(part('note').textContent()).resolves.toContain('1-5-14-modellen er implementeret');
		await expect(part('note').getByRole('link', { name: 'Læs alle statusnotater' }).getAttribute('href')).resolves.toBe(
			'#statusnotater'
		);
		await expect(part('money').textContent()).resolves.toMatch(
			/Bevilget til og med \d{4}: 3,6\smio\.\skr\., heraf forbrugt 3,3\smio\.\skr\./
		);
		await expect(part('missing').textContent()).resolves.toMatch(/Sygefravær, Velfærdsområdet \(måned\): mangler /);
		// The KPI table names the same run of missing periods as the panel.
		const run = (await part('missing')
			.locator('[data-missing-kpi="Sygefravær, Velfærdsområdet (måned)"]')
			.textContent())!
			.replace(/^.*?: /, '')
			.trim();
		await expect(page.locator('tr[data-kpi="Sygefravær, Velfærdsområdet (måned)"]').textContent()).resolves.toContain(
			run
		);
		// The panel comes before the register's prose, the KPI table right after it.
		const headings = await page.locator('main h2').allTextContents();
		expect(headings.indexOf('Status og årsag')).toBe(0);
		expect(headings.indexOf('Nøgletal')).toBe(1);
		expect(headings.indexOf('Nøgletal')).toBeLessThan(headings.indexOf('Formål'));

		// Read without scrolling: each part ends within the first 800 px.
		await page.evaluate(() => window.scrollTo(0, 0));
		for (const name of ['status', 'reason', 'note', 'money']) {
			const box = await part(name).boundingBox();
			expect([name, box !== null && box.y >= 0 && box.y + box.height <= 800]).toEqual([name, true]);
		}
		await page.screenshot({ path: 'test-results/anbefaling-hvorfor-1280.png' });
		const axe = await new AxeBuilder({ page }).include('[data-why-panel]').withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		await context.close();

		const narrow = await demo.browser.newContext({ locale: 'da-DK', viewport: { width: 320, height: 800 } });
		const phone = await signInPage(narrow, demo.server.url, 'direktor@norddjurs.demo');
		await phone.goto(url);
		await expect(phone.getByRole('heading', { name: 'Status og årsag' }).isVisible()).resolves.toBe(true);
		expect(await pageWidth(phone)).toEqual({ width: 320, sticking: [] });
		await phone.screenshot({ path: 'test-results/anbefaling-hvorfor-320.png' });
		await phone.locator('[data-why-panel]').screenshot({ path: 'test-results/anbefaling-hvorfor-320-panel.png' });
		await phone.goto(`${demo.server.url}/?asOf=2026-11-30`);
		expect(await pageWidth(phone)).toEqual({ width: 320, sticking: [] });
		// The backlog reads as cards on a phone: who enters the value is in view, not behind a sideways scroll.
		const owner = phone.locator('tr[data-missing-kpi="Sygefravær, Velfærdsområdet (måned)"] td').nth(2);
		await owner.scrollIntoViewIfNeeded();
		const box = await owner.boundingBox();
		expect(box !== null && box.x >= 0 && box.x + box.width <= 320).toBe(true);
		await phone.screenshot({ path: 'test-results/oversigt-mangler-320.png' });
		await narrow.close();
	});

	test("the overview names a run of two missing months and its owner, and an earlier year's overdue follow-up item", async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 800 } });
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		// As of 30 November 2026 the monthly sick leave lacks September (due) and October (ended 30 days ago).
		await page.goto(`${demo.server.url}/?asOf=2026-11-30`);
		const row = page.locator('table[data-missing] tr[data-missing-kpi="Sygefravær, Velfærdsområdet (måned)"]');
		const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
		expect(cells).toEqual([
			'Sygefravær, Velfærdsområdet (måned)',
			'mangler september og oktober 2026',
			'Peter Projektleder'
		]);
		// Anbefaling 2's item was due in 2025 and is not done: listed in this year's follow-up, marked overdue.
		const due = page.locator('section[aria-labelledby="opfoelgning-i-aar"] tr[data-due="overdue"]', {
			hasText: 'Opfølgning fastlægges efter politisk stillingtagen'
		});
		await expect(due.textContent()).resolves.toMatch(/Anbefaling 2 · .*over tid siden 2025/);
		await expect(page.getByText('Ingen udestående opfølgningspunkter').count()).resolves.toBe(0);
		// Its page says why in words: no KPIs, so the follow-up items decide, and the overdue one is what is missing.
		await due.getByRole('link').click();
		await page.waitForURL(/\/anbefalinger\/\d+$/);
		const panel = page.getByRole('region', { name: 'Status og årsag' });
		await expect(panel.locator('[data-why="status"]').textContent()).resolves.toContain(
			'2 af 3 opfølgningspunkter færdige · 1 over tid'
		);
		await expect(panel.locator('[data-why="reason"]').textContent()).resolves.toContain(
			'Anbefalingen har ingen nøgletal, så dens status følger opfølgningspunkterne.'
		);
		await expect(panel.locator('[data-why="missing"]').textContent()).resolves.toContain(
			'Opfølgningspunkt over tid: Opfølgning fastlægges efter politisk stillingtagen (frist 2025, i gang)'
		);
		await expect(panel.locator('[data-why="money"]').textContent()).resolves.toContain(
			'Der er ikke bevilget midler til anbefalingen.'
		);
		await page.goto(`${demo.server.url}/?asOf=2026-11-30`);
		await page.locator('#mangler-indtastning').scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/oversigt-mangler-1280.png' });
		await context.close();
	});
});
