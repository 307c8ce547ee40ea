import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { apiToken } from '../helpers/api-token';
import { signInPage } from '../helpers/sign-in';

const NBSP = '\u00a0';
const MEAN = 'Gennemsnittet af de seneste 12 måneder (4 kvartaler)';

describe.skipIf(!hasChromium)('a KPI judged on the rolling year, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a director defines a monthly KPI on the rolling year (a yearly one is refused at the field); its page says what is judged and why, and the chart and its table show the mean as its own line', async () => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal/ny`);
		// The default is the latest value.
		await expect(page.getByLabel('Seneste værdi', { exact: true }).isChecked()).resolves.toBe(true);
		await page.getByLabel('Navn', { exact: true }).fill('Sygefravær, rullende år');
		await page.getByLabel('Retning').selectOption('lower');
		await page.getByLabel('Frekvens').selectOption('year');
		await page.getByLabel('Baseline: værdi').fill('7,8');
		await page.getByLabel('Baseline: periode').fill('2022');
		await page.getByLabel('Mål: værdi').fill('6,5');
		await page.getByLabel('Mål: periode').fill('2025');
		await page.getByLabel(MEAN).check();
		await page.getByRole('button', { name: 'Gem nøgletal' }).click();
		await page.waitForLoadState();
		await expect(page.locator('#assessment-error').textContent()).resolves.toBe(
			'Gennemsnittet af de seneste 12 måneder (4 kvartaler) kan kun vælges for nøgletal, der måles hver måned eller hvert kvartal.'
		);
		// The refused form keeps the choice.
		await expect(page.getByLabel(MEAN).isChecked()).resolves.toBe(true);

		await page.getByLabel('Frekvens').selectOption('month');
		await page.getByLabel('Baseline: periode').fill('2022-12');
		await page.getByLabel('Mål: periode').fill('2025-12');
		await page.getByRole('button', { name: 'Gem nøgletal' }).click();
		await page.waitForURL(/\/noegletal\/\d+$/);
		const kpiId = /\/noegletal\/(\d+)$/.exec(page.url())![1];

		// DESIGN §3's rolling-year vector, pushed as a payroll system would: 7,0 % January–November 2024, 8,4 % December.
		const headers = {
			authorization: `Bearer ${await apiToken(demo.server, 'direktor@norddjurs.demo')}`,
			'content-type': 'application/json'
		};
		for (let month = 1; month <= 12; month++) {
			const period = `2024-${String(month).padStart(2, '0')}`;
			const response = await fetch(`${demo.server.url}/api/v1/kpis/${kpiId}/observations/${period}`, {
				method: 'PUT',
				headers,
				body: JSON.stringify({ value: month === 12 ? 8.4 : 7, confirmUnusual: true })
			});
			expect(response.status).toBe(201);
			if (month === 5) {
				// 5 of 12 months: too few for the mean — the page says the latest value was judged, and why.
				await page.reload();
				await expect(page.locator('[data-assessment]').textContent()).resolves.toContain(
					'Den seneste værdi, fordi der er for få værdier til et gennemsnit'
				);
				await expect(page.locator('[data-status-reason]').textContent()).resolves.toContain(
					'Kun 5 af 12 perioder har en værdi, så den seneste værdi er vurderet.'
				);
			}
		}
		const api = await (await fetch(`${demo.server.url}/api/v1/kpis/${kpiId}`, { headers })).json();
		expect(api).toMatchObject({
			assessment: 'rolling_year',
			status: 'at_risk',
			rollingYear: { valueCount: 12, window: 12, fellBackToLatest: false }
		});

		await page.reload();
		const status = page.locator('[data-kpi-status]');
		await expect(status.locator('[data-status]').getAttribute('data-status')).resolves.toBe('at_risk');
		await expect(status.locator('[data-status-reason]').textContent()).resolves.toContain(
			`7,1${NBSP}% i gennemsnit de seneste 12 måneder til og med december 2024`
		);
		await expect(status.locator('[data-assessment]').textContent()).resolves.toContain(
			`Gennemsnittet af de seneste 12 måneder · Vurderet værdi: 7,1${NBSP}%`
		);

		// The legend names the line; the table behind the chart has it as a column beside the values.
		await expect(page.locator('.legend').textContent()).resolves.toContain('Gennemsnit af de seneste 12 måneder');
		await page.getByText('Vis tallene bag grafen').click();
		const table = page.locator('.kpi-chart table');
		const headings = await table.locator('thead th').allTextContents();
		expect(headings.map((h) => h.trim()).slice(0, 3)).toEqual([
			'Periode',
			'Målinger',
			'Gennemsnit af de seneste 12 måneder'
		]);
		const december = table.locator('tbody tr', { has: page.locator('th', { hasText: /^december 2024$/ }) });
		const cells = (await december.locator('td').allTextContents()).map((c) => c.trim());
		expect(cells.slice(0, 2)).toEqual([`8,4${NBSP}%`, `7,1${NBSP}%`]);
		const may = table.locator('tbody tr', { has: page.locator('th', { hasText: /^maj 2024$/ }) });
		// Five of twelve months: too few for a mean, so none is drawn.
		expect((await may.locator('td').allTextContents()).map((c) => c.trim()).slice(0, 2)).toEqual([`7,0${NBSP}%`, '–']);
		await page.screenshot({ path: 'test-results/noegletal-rullende-aar-1280.png', fullPage: true });
		await context.close();
	});

	test("the help page's worked examples follow the revised rules", async () => {
		const context = await demo.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${demo.server.url}/hjaelp`);
		const statusOf = (selector: string) => page.locator(`${selector} [data-status]`).getAttribute('data-status');
		await expect(statusOf('[data-example="missed"]')).resolves.toBe('missed');
		await expect(
			page
				.locator('[data-example="hold"] [data-status]')
				.evaluateAll((badges) => badges.map((b) => b.getAttribute('data-status')))
		).resolves.toEqual(['on_track', 'off_track', 'achieved', 'missed']);
		await expect(statusOf('[data-example="rolling"] [data-assessment="latest"]')).resolves.toBe('off_track');
		await expect(statusOf('[data-example="rolling"] [data-assessment="mean"]')).resolves.toBe('at_risk');
		await expect(page.locator('[data-example="missing"]').textContent()).resolves.toContain(
			'»mangler september og oktober 2026«'
		);
		await expect(statusOf('[data-example="worst"]')).resolves.toBe('missed');
		await expect(
			page
				.locator('[data-worst-order] [data-status]')
				.evaluateAll((badges) => badges.map((b) => b.getAttribute('data-status')))
		).resolves.toEqual(['missed', 'off_track', 'at_risk', 'on_track', 'achieved']);
		await page.screenshot({ path: 'test-results/hjaelp-1280.png', fullPage: true });
		await context.close();
	});
});
