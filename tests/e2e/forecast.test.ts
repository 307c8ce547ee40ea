import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

const S = '[\\s\\u00a0]';

/**
 * Issue 15, item 6 as a director meets it: a recommendation at risk shows status, reason, forecast, latest note and
 * money in the first screenful; its KPI's chart draws the forecast as a fan and the table beside it gives the interval.
 */
describe.skipIf(!hasChromium)('the forecast, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a director reads status, reason, forecast, note and money of a recommendation at risk at 1280 × 800, then the fan and its interval on the KPI', async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 800 } });
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		await page.goto(demo.server.url);
		// The overview gives the chance beside the primary KPI.
		await expect(page.locator('tr[data-recommendation="8"] [data-probability]').textContent()).resolves.toMatch(
			new RegExp(`Prognose: (under |over )?\\d+${S}% for at nå målet`)
		);
		await page
			.locator('tbody tr[data-recommendation]')
			.getByRole('link', { name: 'Anbefaling 8 · Kommunikation' })
			.click();
		await page.waitForURL(/\/anbefalinger\/\d+$/);

		const panel = page.getByRole('region', { name: 'Status og årsag' });
		const part = (name: string) => panel.locator(`[data-why="${name}"]`);
		await expect(part('status').textContent()).resolves.toContain('I risiko');
		await expect(part('reason').textContent()).resolves.toMatch(
			/Ansøgere pr\. stillingsopslag, Velfærdsområdet: 5,9 i 1\. halvår 2026, \d+\s?% af vejen mod målet 7,5/
		);
		await expect(part('forecast').textContent()).resolves.toMatch(
			new RegExp(
				`Prognose for 2\\. halvår 2027: \\d+,\\d \\(80${S}%-interval \\d+,\\d–\\d+,\\d\\)\\. Sandsynlighed for at nå målet: (under |over )?\\d+${S}%\\. Model: lineær tendens \\(6 målinger\\)\\.`
			)
		);
		await expect(part('note').textContent()).resolves.toContain('Der er ikke tilført ekstra kommunikationsfaglige');
		await expect(part('money').textContent()).resolves.toMatch(
			new RegExp(`Bevilget til og med 2026: 500\\.000${S}kr\\., heraf forbrugt 230\\.000${S}kr\\.`)
		);
		await page.evaluate(() => window.scrollTo(0, 0));
		for (const name of ['status', 'reason', 'forecast', 'note', 'money']) {
			const box = await part(name).boundingBox();
			expect([name, box !== null && box.y >= 0 && box.y + box.height <= 800]).toEqual([name, true]);
		}
		await page.screenshot({ path: 'test-results/anbefaling-prognose-1280.png' });

		// The KPI: the sentence beside the status, the fan in the legend, the interval in the table at the target period.
		await page.locator('tr[data-kpi="Ansøgere pr. stillingsopslag, Velfærdsområdet"] a').first().click();
		await page.waitForURL(/\/noegletal\/\d+$/);
		const sentence = (await part('forecast').count()) === 0 ? await page.locator('[data-forecast]').textContent() : '';
		expect(sentence).toMatch(/^Prognose for 2\. halvår 2027: /);
		await page.locator('canvas').first().waitFor();
		const legend = await page.locator('.legend li').allTextContents();
		expect(legend.map((item) => item.trim())).toEqual(
			expect.arrayContaining(['Prognose', 'Prognosens 80\u00a0%-interval'])
		);
		await page.getByText('Vis tallene bag grafen').click();
		const table = page.locator('table').filter({ has: page.locator('[data-forecast-column]') });
		const last = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: '2. halvår 2027' }) });
		const cells = await last.locator('td').allTextContents();
		const interval = sentence!.match(/\((80.%-interval )(\d+,\d)–(\d+,\d)\)/)!;
		expect(cells.some((cell) => cell.includes(`(${interval[2]}–${interval[3]})`))).toBe(true);
		await page
			.locator('section[aria-labelledby="graf"]')
			.screenshot({ path: 'test-results/noegletal-prognose-vifte.png' });
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		await context.close();
	});
});
