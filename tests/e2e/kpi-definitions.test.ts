import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

describe.skipIf(!hasChromium)('defining KPIs, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a director defines a KPI: a target that disagrees with the direction is refused per field; fixed, it is created and linked', async () => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal/ny`);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await page.getByLabel('Navn', { exact: true }).fill('Vikarforbrug, Velfærdsområdet');
		await page.getByLabel('Enhed').selectOption('kr');
		await page.getByLabel('Decimaler').fill('0');
		await page.getByLabel('Retning').selectOption('lower');
		await page.getByLabel('Frekvens').selectOption('quarter');
		await page.getByLabel('Baseline: værdi').fill('2.400.000 kr.');
		await page.getByLabel('Baseline: periode').fill('2024-q4');
		await page.getByLabel('Mål: værdi').fill('2.900.000');
		await page.getByLabel('Mål: periode').fill('2026-Q4');
		await page.getByLabel('Knyttet til Anbefaling 7 · Trivselsteam på Velfærdsområdet').check();
		await page.getByLabel('Peter Projektleder (projektleder)').check();
		await page.getByRole('button', { name: 'Gem nøgletal' }).click();
		await page.waitForLoadState();
		await expect(page.locator('#felt-targetValue-error').textContent()).resolves.toContain(
			'lavere er bedre kræver et mål under baseline'
		);
		await expect(page.getByLabel('Baseline: værdi').inputValue()).resolves.toBe('2.400.000 kr.');

		await page.getByLabel('Mål: værdi').fill('1.800.000');
		await page.getByRole('button', { name: 'Gem nøgletal' }).click();
		await page.waitForURL(/\/noegletal\/\d+$/);
		await expect(page.locator('h1').textContent()).resolves.toBe('Nøgletal: Vikarforbrug, Velfærdsområdet');
		await expect(page.locator('.facts').textContent()).resolves.toContain('2.400.000\u00a0kr. (4. kvartal 2024)');
		await expect(
			page.getByRole('link', { name: 'Anbefaling 7 · Trivselsteam på Velfærdsområdet' }).count()
		).resolves.toBe(1);
		await context.close();
	});

	test('two directors edit the same KPI: the second save is refused and the first stands', async () => {
		const first = await signInPage(await demo.browser.newContext(), demo.server.url, 'direktor@norddjurs.demo');
		const second = await signInPage(await demo.browser.newContext(), demo.server.url, 'admin@norddjurs.demo');
		await first.goto(`${demo.server.url}/noegletal`);
		const editUrl = await first
			.getByRole('link', { name: 'Redigér: Trivselsscore, Velfærdsområdet' })
			.getAttribute('href');
		for (const page of [first, second]) await page.goto(`${demo.server.url}${editUrl}`);
		await first.getByLabel('Datakilde').fill('Trivselsmåling (APV)');
		await first.getByRole('button', { name: 'Gem nøgletal' }).click();
		await first.waitForURL(/\/noegletal\/\d+$/);
		await second.getByLabel('Datakilde').fill('Noget andet');
		await second.getByRole('button', { name: 'Gem nøgletal' }).click();
		await second.waitForLoadState();
		await expect(second.getByRole('alert').textContent()).resolves.toContain('ændret af en anden imens');
		await expect(second.getByLabel('Datakilde').inputValue()).resolves.toBe('Trivselsmåling (APV)');
		await expect(first.locator('.facts').textContent()).resolves.toContain('Trivselsmåling (APV)');
	});

	test('a director adds a comparison series (national average); bad lines are named, good ones saved and served by the API', async () => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal`);
		await page.getByRole('link', { name: 'Sygefravær, Velfærdsområdet (år)', exact: true }).click();
		await page.waitForURL(/\/noegletal\/\d+$/);
		const kpiUrl = page.url();
		await page.getByLabel('Navn på serien (fx Landsgennemsnit)').fill('Landsgennemsnit');
		await page.getByLabel('Seriens kilde (valgfri)').fill('KRL');
		await page.getByRole('button', { name: 'Tilføj sammenligningsserie' }).click();
		await page.waitForURL(/\?\/addComparison$/);
		await page
			.getByLabel('Værdier for Landsgennemsnit: én pr. linje, fx 2024;6,9')
			.fill('2023;7,2\n2024;6,9\n2025-01;1');
		await page.getByRole('button', { name: 'Gem værdier' }).click();
		await page.waitForURL(/\?\/comparisonValues$/);
		await expect(page.locator('p.field-error').textContent()).resolves.toContain(
			'Linje 3: Perioden passer ikke til nøgletallets frekvens (år).'
		);
		await expect(page.locator('table[data-comparison="Landsgennemsnit"] tbody tr').count()).resolves.toBe(0);
		await page.getByLabel('Værdier for Landsgennemsnit: én pr. linje, fx 2024;6,9').fill('2023;7,2\n2024\t6,9 %');
		await page.getByRole('button', { name: 'Gem værdier' }).click();
		await page.waitForURL(/\?\/comparisonValues$/);
		await expect(page.locator('table[data-comparison="Landsgennemsnit"] tbody').textContent()).resolves.toContain(
			'6,9\u00a0%'
		);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		const id = /\/noegletal\/(\d+)/.exec(kpiUrl)![1];
		const api = await page.request.get(`${demo.server.url}/api/v1/kpis/${id}`);
		expect((await api.json()).comparisons).toEqual([
			{
				name: 'Landsgennemsnit',
				source: 'KRL',
				values: [
					{ period: '2023', value: 7.2 },
					{ period: '2024', value: 6.9 }
				]
			}
		]);
		await context.close();
	});
});
