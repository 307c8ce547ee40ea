import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { todayInCopenhagen } from '../../src/lib/domain/dates';
import { addPeriods, formatPeriod, periodContaining } from '../../src/lib/domain/periods';
import { WCAG_TAGS } from '../helpers/axe-sweep';

describe.skipIf(!hasChromium)('setting up a recommendation with its KPI in one place, in Chromium', () => {
	const demo = useDemoBrowser();

	test('from Anbefaling 2: choose the project lead, create a linked primary KPI, come back; the lead enters its values', async () => {
		const cookie = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const list = await (await fetch(`${demo.server.url}/api/v1/recommendations`, { headers: { cookie } })).json();
		const id = list.recommendations.find((r: { number: number }) => r.number === 2).id;

		const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		await page.goto(`${demo.server.url}/anbefalinger/${id}`);
		expect(await page.locator('[data-project-leads]').textContent()).toContain('Ingen endnu.');

		// The project lead: chosen through the recommendation's own link.
		await page.getByRole('link', { name: 'Skift projektledere' }).click();
		await page.waitForURL(/\/rediger#tildelinger$/);
		await page.getByLabel(/Peter Projektleder/).check();
		await page.getByRole('button', { name: 'Gem tilknytninger' }).click();
		await page.getByText('Tilknytningerne er gemt.').waitFor();
		await page.goto(`${demo.server.url}/anbefalinger/${id}`);
		expect(await page.locator('[data-project-leads]').textContent()).toContain('Peter Projektleder');

		// The KPI: from the recommendation's page, linked and primary already.
		await page.getByRole('link', { name: 'Nyt nøgletal til anbefalingen' }).click();
		await page.waitForURL(new RegExp(`/noegletal/ny\\?anbefaling=${id}$`));
		expect(await page.locator(`#rec-${id}`).isChecked()).toBe(true);
		expect(await page.locator(`#primary-${id}`).isChecked()).toBe(true);
		expect(await page.locator('[data-kpi-preset]').textContent()).toContain('første nøgletal');
		expect(await page.locator('[data-owners-hint]').textContent()).toContain('(Peter Projektleder)');
		const owners = await page.locator('input[name="ownerId"]:checked').count();
		expect(owners).toBe(0);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await page.screenshot({ path: 'test-results/nyt-noegletal-fra-anbefaling-320.png', fullPage: true });
		await page.setViewportSize({ width: 1280, height: 800 });

		const thisMonth = periodContaining(todayInCopenhagen(), 'month');
		await page.getByLabel('Navn').fill('Besatte praktikpladser');
		await page.getByLabel('Frekvens').selectOption('month');
		await page.getByLabel('Retning').selectOption('higher');
		await page.getByLabel('Baseline: værdi').fill('40');
		await page.getByLabel('Baseline: periode').fill(formatPeriod(addPeriods(thisMonth, -2)));
		await page.getByLabel('Mål: værdi').fill('60');
		await page.getByLabel('Mål: periode').fill(formatPeriod(addPeriods(thisMonth, 12)));
		await page.getByRole('button', { name: 'Gem nøgletal' }).click();
		await page.waitForURL(new RegExp(`/anbefalinger/${id}\\?oprettet=\\d+#noegletal$`));

		const notice = page.getByRole('status').filter({ hasText: 'Besatte praktikpladser' });
		expect(await notice.textContent()).toBe(
			'Nøgletallet »Besatte praktikpladser« er oprettet og knyttet til anbefalingen.'
		);
		expect(
			await notice.evaluate((el) => {
				const box = el.getBoundingClientRect();
				return box.top >= 0 && box.bottom <= window.innerHeight;
			})
		).toBe(true);
		expect(await page.locator('tr[data-kpi="Besatte praktikpladser"] th').textContent()).toContain('(primært)');
		await page.screenshot({ path: 'test-results/anbefaling-nyt-noegletal.png' });
		await context.close();

		// The project lead of the recommendation finds the new KPI's missing month in their grid.
		const leadContext = await demo.browser.newContext();
		const lead = await signInPage(leadContext, demo.server.url, 'projektleder@norddjurs.demo');
		expect(await lead.locator('tr[data-grid-row]', { hasText: 'Besatte praktikpladser' }).count()).toBe(1);
		await leadContext.close();
	});
});
