import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

/** The start page's "Mine opgaver" section, accessible and reflowing at 320 px. */
async function checkTaskSection(page: Page): Promise<void> {
	const section = page.locator('section.my-tasks');
	await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Mine opgaver');
	await expect(section.locator('ul > li a').count()).resolves.toBeGreaterThan(0);
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await page.setViewportSize({ width: 1280, height: 800 });
}

/** Follows the first task of a kind and returns the page it opened. */
async function follow(page: Page, kind: string): Promise<string> {
	const link = page.locator(`section.my-tasks li[data-task="${kind}"] a`).first();
	const href = (await link.getAttribute('href'))!;
	await Promise.all([page.waitForURL((url) => url.pathname === href.split(/[?#]/)[0]), link.click()]);
	return href;
}

// Issue 19 §5: each role's start page shows its tasks live, each one link to act.
describe.skipIf(!hasChromium)('Mine opgaver on the start pages (demo, Chromium)', () => {
	const demo = useDemoBrowser();

	test("a project lead's start page lists their tasks; a value task opens the KPI's entry grid", async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK' });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		expect(new URL(page.url()).pathname).toBe('/mine-noegletal');
		await checkTaskSection(page);
		const href = await follow(page, 'value_overdue');
		expect(href).toMatch(/^\/noegletal\/\d+#indtastning$/);
		await expect(page.locator('#indtastning').isVisible()).resolves.toBe(true);
		await context.close();
	});

	test("a director's start page lists overdue values by person and alarming recommendations", async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK' });
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		expect(new URL(page.url()).pathname).toBe('/');
		await checkTaskSection(page);
		const byLead = await page.locator('li[data-task="overdue_by_lead"] a').allTextContents();
		expect(byLead.some((text) => /^Peter Projektleder mangler indtastning af \d+ nøgletal$/.test(text))).toBe(true);
		const title = (await page.locator('li[data-task="recommendation_status"] a').first().textContent())!;
		await follow(page, 'recommendation_status');
		const [, number, name] = /^Følg op på anbefaling (\d+) \((.+)\): (i risiko|bagud|ikke nået)$/.exec(title)!;
		await expect(page.locator('h1').textContent()).resolves.toBe(`Anbefaling ${number} · ${name}`);
		await context.close();
	});

	test("an admin's start page lists KPIs nobody is assigned; the task opens the KPI's form", async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK' });
		const page = await signInPage(context, demo.server.url, 'admin@norddjurs.demo');
		await checkTaskSection(page);
		const detail = await page.locator('li[data-task="kpi_unassigned"] .detail').first().textContent();
		expect(detail).toMatch(/opgave/);
		const href = await follow(page, 'kpi_unassigned');
		expect(href).toMatch(/^\/noegletal\/\d+\/rediger$/);
		await expect(page.locator('h1').count()).resolves.toBe(1);
		await context.close();
	});

	test('the overview shows each recommendation’s data freshness in words and filters by it', async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK' });
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		const words = await page.locator('tbody tr[data-recommendation] [data-freshness]').allTextContents();
		expect(words).toHaveLength(8);
		for (const word of words)
			expect(word.trim()).toMatch(/^\S+ (Aktuelle data|Forsinkede data|Forældede data|Ingen data)$/);
		const kinds = await page
			.locator('tbody tr[data-recommendation] [data-freshness]')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-freshness')!));
		const chosen = kinds[0];
		await page.getByLabel('Dataaktualitet').selectOption(chosen);
		await Promise.all([
			page.waitForURL((url) => url.searchParams.get('aktualitet') === chosen),
			page.getByRole('button', { name: 'Vis', exact: true }).click()
		]);
		const shown = await page
			.locator('tbody tr[data-recommendation] [data-freshness]')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-freshness')));
		expect(shown).toEqual(kinds.filter((k) => k === chosen));
		await context.close();
	});
	// Issue 19 §1's fallback: a KPI with no project lead goes to the recommendation's responsible user (then the directors).
	test("a director names a recommendation's responsible user on its edit page; the choice is kept", async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK' });
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		await page.goto(`${demo.server.url}/anbefalinger/1/rediger`);
		const select = page.getByLabel('Ansvarlig bruger i Fremdrift');
		await expect(select.inputValue()).resolves.toBe('');
		const options = await select.locator('option').allTextContents();
		expect(options).toContain('Ingen – direktørerne får besked');
		expect(options).toContain('Peter Projektleder (projektleder)');
		expect(options.some((o) => o.includes('politiker'))).toBe(false);
		await select.selectOption({ label: 'Peter Projektleder (projektleder)' });
		await Promise.all([
			page.waitForResponse((r) => r.url().includes('?/assignments')),
			page.getByRole('button', { name: 'Gem tilknytninger' }).click()
		]);
		await expect(page.getByText('Tilknytningerne er gemt.').isVisible()).resolves.toBe(true);
		await page.reload();
		await expect(page.getByLabel('Ansvarlig bruger i Fremdrift').locator('option:checked').textContent()).resolves.toBe(
			'Peter Projektleder (projektleder)'
		);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await context.close();
	});
});
