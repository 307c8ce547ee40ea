import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';

/**
 * Issue 16: the committee secretary's fields for the Word agenda item (Sagsnr., udvalg, mødedato) are filled on the
 * report page by a director, checked by the server in Danish, and appear at the top of the downloaded agenda item.
 */
describe.skipIf(!hasChromium)('the agenda item’s meeting fields, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a director fills Sagsnr., udvalg and mødedato; a bad date is refused in Danish; the agenda item carries them', async () => {
		const context = await demo.browser.newContext({ locale: 'da-DK' });
		const page = await signInPage(context, demo.server.url, 'direktor@allerod.demo');
		await page.goto(`${demo.server.url}/status`);
		await page.locator('tr[data-report="2025/1"] a').click();
		await page.waitForURL(/\/status\/\d+$/);
		const url = page.url();
		const form = page.locator('[data-meeting-form]');

		// No 31 February: refused with the field's own Danish message, the typed text kept.
		await form.getByLabel('Mødedato').fill('31.02.2026');
		await form.getByRole('button', { name: 'Gem mødeoplysninger' }).click();
		await expect(form.locator('.field-error').first().textContent()).resolves.toContain(
			'Skriv mødedatoen som en dato, fx 14.01.2026'
		);
		await expect(form.getByLabel('Mødedato').inputValue()).resolves.toBe('31.02.2026');

		await form.getByLabel('Sagsnr.').fill('27.00.00-A00-3-25');
		await form.getByLabel('Udvalg').fill('Økonomiudvalget');
		// A Danish date as people write it (also 14-01-2026, 14/01/2026 or ISO); shown back the same way.
		await form.getByLabel('Mødedato').fill('14/01/2026');
		await form.getByRole('button', { name: 'Gem mødeoplysninger' }).click();
		await expect(form.getByLabel('Sagsnr.').inputValue()).resolves.toBe('27.00.00-A00-3-25');
		await page.goto(url);
		const saved = page.locator('[data-meeting-form]');
		await expect(saved.getByLabel('Udvalg').inputValue()).resolves.toBe('Økonomiudvalget');
		await expect(saved.getByLabel('Mødedato').inputValue()).resolves.toBe('14.01.2026');
		await expect(saved.textContent()).resolves.not.toContain('ÅÅÅÅ');

		const download = await page.request.get(`${url}/download/docx`);
		expect(download.status()).toBe(200);
		const zip = await JSZip.loadAsync(await download.body());
		const xml = await zip.file('word/document.xml')!.async('string');
		const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
		expect(text).toContain('27.00.00-A00-3-25');
		expect(text).toContain('Økonomiudvalget');
		expect(text).toContain('14. januar 2026');
		await context.close();

		// A politician sees no such form, and posting it is refused by the server.
		const politician = await signInPage(await demo.browser.newContext(), demo.server.url, 'politiker@allerod.demo');
		const refused = await politician.request.post(`${url}?/meeting`, {
			form: { caseNumber: 'x', committee: 'y', meetingDate: '' },
			headers: { origin: demo.server.url }
		});
		expect(refused.status()).toBeGreaterThanOrEqual(400);
		await politician.context().close();
	});
});
