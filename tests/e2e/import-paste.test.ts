import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

const shots = 'test-results/import-paste';

/** Whether the element is wholly inside the window as it is shown now. */
async function inViewport(locator: Locator): Promise<boolean> {
	return locator.evaluate((element) => {
		const box = element.getBoundingClientRect();
		return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
	});
}

/** Clicks a submit button and waits for the page the form answers with. */
async function submit(page: Page, button: Locator): Promise<void> {
	await Promise.all([page.waitForEvent('load'), button.click()]);
}

describe.skipIf(!hasChromium)('pasting a KPI’s values from a spreadsheet, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a project lead pastes 12 months as two columns, one cell wrong: the text stays, the raw cell is shown beside its error, fixed in place and saved', async () => {
		await mkdir(shots, { recursive: true });
		const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		const kpiName = 'Sygefravær, Velfærdsområdet (måned)';
		await page.locator(`tr[data-kpi="${kpiName}"]`).getByRole('link').click();
		await page.waitForURL(/\/noegletal\/\d+(#\w+)?$/);
		await page.getByRole('link', { name: 'Indsæt fra regneark' }).click();
		await page.waitForURL(/\/noegletal\/import\?noegletal=\d+$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(kpiName);

		// Two columns as copied from the user's own sheet: Danish month names, no header, line 8 mistyped.
		// The stored 2025 values a tenth higher, so no change is unusual (that has its own test).
		const months = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
		const values = ['7,3', '7,5', '7,2', '7,1', '6,8', '6,3', '5,9', '6,x', '6,6', '6,6', '6,7', '6,8'];
		const pasted = months.map((month, i) => `${month} 2025\t${values[i]}`).join('\n');
		const box = page.getByLabel('Indsæt fra Excel');
		await box.fill(pasted);
		await submit(page, page.getByRole('button', { name: 'Vis forhåndsvisning', exact: true }));

		await expect(box.inputValue()).resolves.toBe(pasted);
		const bad = page.locator('tr[data-kind="error"]');
		await expect(bad.count()).resolves.toBe(1);
		await expect(bad.getAttribute('data-line')).resolves.toBe('8');
		const cell = page.getByLabel('Værdi i linje 8');
		await expect(cell.inputValue()).resolves.toBe('6,x');
		await expect(bad.textContent()).resolves.toContain('Skriv et tal, fx 7,4.');
		await expect(bad.textContent()).resolves.toContain('august 2025');
		await expect(page.locator('[data-import-summary]').textContent()).resolves.toMatch(/^12 rækker: .*1 med fejl\.$/);
		await expect(page.getByRole('alert').first().textContent()).resolves.toContain('fordi 1 række har fejl');
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		await page.screenshot({ path: `${shots}/fejl-1280.png`, fullPage: true });

		await cell.fill('6,6');
		await submit(page, page.getByRole('button', { name: 'Prøv igen med rettelserne' }));
		await expect(page.locator('tr[data-kind="error"]').count()).resolves.toBe(0);
		await expect(box.inputValue()).resolves.toBe(pasted.replace('6,x', '6,6'));
		// The KPI's unit and decimals on both sides of the change (issue 17), never "6,60" then "7" or a bare "71,50".
		await expect(page.locator('tr[data-line="8"]').textContent()).resolves.toMatch(/\d,\d\u00a0% → 6,6\u00a0%/);
		await page.setViewportSize({ width: 320, height: 640 });
		await page.screenshot({ path: `${shots}/forhaandsvisning-320.png`, fullPage: true });
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.screenshot({ path: `${shots}/forhaandsvisning-1280.png`, fullPage: true });
		await expect(page.locator('tr[data-unusual]').count()).resolves.toBe(0);
		await expect(page.getByLabel('Ja, de markerede værdier er rigtige').count()).resolves.toBe(0);

		await submit(page, page.getByRole('button', { name: /^Gem alle 12 rækker$/ }));
		const saved = page.getByRole('status').filter({ hasText: 'Importen er gemt' });
		await expect(saved.textContent()).resolves.toMatch(
			/^Importen er gemt: \d+ nye? og \d+ ændrede? værdi(er)? \(\d+ var uændrede?\)\.$/
		);
		expect(await inViewport(saved)).toBe(true);
		await page.screenshot({ path: `${shots}/gemt-1280.png` });

		await context.close();
	});

	test('the same paste at 320 px: the error row can be corrected and the confirmation is in view', async () => {
		const context = await demo.browser.newContext({ viewport: { width: 320, height: 640 } });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await page.locator('tr[data-kpi="Sygefravær, Velfærdsområdet (måned)"]').getByRole('link').click();
		await page.waitForURL(/\/noegletal\/\d+(#\w+)?$/);
		await page.getByRole('link', { name: 'Indsæt fra regneark' }).click();
		await page.waitForURL(/\/noegletal\/import\?noegletal=\d+$/);
		await page
			.getByLabel('Indsæt fra Excel')
			.fill('Periode\tVærdi\tKommentar\n1. kvt. 2024\t6,9\tForkert form\nokt 2024\t6,9\t');
		await submit(page, page.getByRole('button', { name: 'Vis forhåndsvisning', exact: true }));
		const bad = page.locator('tr[data-kind="error"]');
		await expect(bad.textContent()).resolves.toContain('Perioden skal være en måned');
		await expect(page.getByLabel('Periode i linje 2').inputValue()).resolves.toBe('1. kvt. 2024');
		await page.screenshot({ path: `${shots}/fejl-320.png`, fullPage: true });
		await page.getByLabel('Periode i linje 2').fill('sep 2024');
		await submit(page, page.getByRole('button', { name: 'Prøv igen med rettelserne' }));
		await expect(page.locator('tr[data-kind="error"]').count()).resolves.toBe(0);
		await submit(page, page.getByRole('button', { name: /^Gem (alle )?\d+ rækk?er?$/ }));
		const saved = page.getByRole('status').filter({ hasText: 'Importen er gemt' });
		// Danish singulars: one value of each kind.
		await expect(saved.textContent()).resolves.toMatch(
			/^Importen er gemt: (0 nye og 1 ændret værdi|1 ny og 0 ændrede værdier) \(1 var uændret\)\.$/
		);
		await page.screenshot({ path: `${shots}/gemt-320.png` });
		expect(await inViewport(saved)).toBe(true);
		await context.close();
	});

	test('a file’s rows are kept after a preview: a percent cell reads as 8,1, a wrong row is corrected in the table without choosing the file again', async () => {
		const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Ark1');
		sheet.addRow(['Nøgletal', 'Periode', 'Værdi']);
		const kpiName = 'Sygefravær, Velfærdsområdet (måned)';
		// Near the stored 8,3 and 8,4, so no change is unusual.
		sheet.addRow([kpiName, new Date(Date.UTC(2023, 0, 1)), 0.081]);
		sheet.addRow([kpiName, 'Q1 2023', 0.083]);
		for (const row of [2, 3]) {
			sheet.getRow(row).getCell(2).numFmt = 'mmm yyyy';
			sheet.getRow(row).getCell(3).numFmt = '0.0%';
		}
		await page.goto(`${demo.server.url}/noegletal/import`);
		await page.getByLabel('Eller vælg en fil (CSV eller XLSX)').setInputFiles({
			name: 'sygefravær.xlsx',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from(await book.xlsx.writeBuffer())
		});
		await submit(page, page.getByRole('button', { name: 'Vis forhåndsvisning', exact: true }));
		await expect(page.locator('[data-file-kept]').textContent()).resolves.toContain('sygefravær.xlsx');
		await expect(page.locator('tr[data-line="2"]').textContent()).resolves.toMatch(/januar 2023.*8,1/);
		await expect(page.getByLabel('Periode i linje 3').inputValue()).resolves.toBe('Q1 2023');
		await expect(page.locator('tr[data-line="3"]').textContent()).resolves.toContain('Perioden passer ikke');

		await page.getByLabel('Periode i linje 3').fill('feb 2023');
		await submit(page, page.getByRole('button', { name: 'Prøv igen med rettelserne' }));
		await expect(page.locator('tr[data-kind="error"]').count()).resolves.toBe(0);
		await expect(page.locator('tr[data-line="3"]').textContent()).resolves.toMatch(/februar 2023.*8,3/);
		await page.screenshot({ path: `${shots}/fil-1280.png`, fullPage: true });
		await submit(page, page.getByRole('button', { name: /^Gem alle 2 rækker$/ }));
		const saved = page.getByRole('status').filter({ hasText: 'Importen er gemt' });
		expect(await inViewport(saved)).toBe(true);
		await context.close();
	});

	test('an unusual change is marked on its row and saved only after the tick; without it the save is refused naming the line, the paste kept', async () => {
		for (const width of [1280, 320]) {
			const context = await demo.browser.newContext({ viewport: { width, height: width === 320 ? 640 : 800 } });
			const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
			await page.locator('tr[data-kpi="Sygefravær, Velfærdsområdet (måned)"]').getByRole('link').click();
			await page.waitForURL(/\/noegletal\/\d+(#\w+)?$/);
			await page.getByRole('link', { name: 'Indsæt fra regneark' }).click();
			await page.waitForURL(/\/noegletal\/import\?noegletal=\d+$/);
			// The series moves about a percentage point a month at most; 12,4 after 7,5 is far outside that.
			const [month, jump] = width === 1280 ? ['apr 2024', '12,4'] : ['maj 2024', '1,2'];
			const pasted = `${width === 1280 ? 'mar' : 'jun'} 2024\t${width === 1280 ? '7,6' : '6,6'}\n${month}\t${jump}`;
			const box = page.getByLabel('Indsæt fra Excel');
			await box.fill(pasted);
			await submit(page, page.getByRole('button', { name: 'Vis forhåndsvisning', exact: true }));

			const marked = page.locator('tr[data-unusual]');
			await expect(marked.count()).resolves.toBe(1);
			await expect(marked.getAttribute('data-line')).resolves.toBe('2');
			await expect(marked.textContent()).resolves.toMatch(new RegExp(`Usædvanlig ændring: ${jump}`));
			await expect(page.locator('[data-unusual-note]').textContent()).resolves.toContain(
				'1 række har en usædvanlig ændring'
			);
			const tick = page.getByLabel('Ja, de markerede værdier er rigtige');
			await expect(tick.isChecked()).resolves.toBe(false);
			await page.screenshot({ path: `${shots}/usaedvanlig-${width}.png`, fullPage: true });

			// Without the tick: nothing saved, the line named, the paste and the marked row still there.
			await submit(page, page.getByRole('button', { name: /^Gem alle 2 rækker$/ }));
			const refused = page.getByRole('alert').filter({ hasText: 'Intet er gemt' });
			await expect(refused.textContent()).resolves.toContain(
				'Intet er gemt, fordi linje 2 har en usædvanlig ændring. Se de markerede værdier efter, og sæt flueben ved »Ja, de markerede værdier er rigtige«'
			);
			expect(await inViewport(refused)).toBe(true);
			await expect(box.inputValue()).resolves.toBe(pasted);
			await expect(page.locator('tr[data-unusual]').count()).resolves.toBe(1);
			const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
			await page.screenshot({ path: `${shots}/usaedvanlig-afvist-${width}.png` });

			await page.getByLabel('Ja, de markerede værdier er rigtige').check();
			await submit(page, page.getByRole('button', { name: /^Gem alle 2 rækker$/ }));
			const saved = page.getByRole('status').filter({ hasText: 'Importen er gemt' });
			await expect(saved.textContent()).resolves.toMatch(/^Importen er gemt: /);
			expect(await inViewport(saved)).toBe(true);
			await context.close();
		}
	});
});
