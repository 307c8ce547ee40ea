import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { DEMO_PASSWORD } from '../helpers/sign-in';

/** What has the keyboard focus: element, its own text, and the text of its label (for form fields). */
function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
		return {
			tag: el?.tagName.toLowerCase() ?? '',
			text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
			label: el?.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
			href: el?.getAttribute('href') ?? ''
		};
	});
}

/** Presses Tab until the focused element matches (at most `max` times); fails if it never does. */
async function tabTo(
	page: Page,
	matches: (f: Awaited<ReturnType<typeof focused>>) => boolean,
	what: string,
	max = 120
): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (matches(await focused(page))) return;
	}
	throw new Error(`Tab never reached ${what}`);
}

describe.skipIf(!hasChromium)('data entry with the keyboard only, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a project lead signs in, opens Mine nøgletal, reaches a KPI, enters a value and saves it, and sees it saved — no mouse', async () => {
		const context = await demo.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${demo.server.url}/login`);

		await tabTo(page, (f) => f.label === 'E-mail', 'the e-mail field');
		await page.keyboard.type('projektleder@norddjurs.demo');
		await tabTo(page, (f) => f.label === 'Adgangskode', 'the password field');
		await page.keyboard.type(DEMO_PASSWORD);
		await Promise.all([page.waitForURL((url) => url.pathname === '/mine-noegletal'), page.keyboard.press('Enter')]);

		// The first Tab reaches the skip link; it moves focus past the menu to the content.
		await page.keyboard.press('Tab');
		expect((await focused(page)).text).toBe('Gå til indhold');
		await page.keyboard.press('Enter');
		const name = 'Sygefravær, Velfærdsområdet (måned)';
		await tabTo(page, (f) => f.tag === 'a' && f.text === name, `the link to ${name}`);
		await Promise.all([page.waitForURL(/\/noegletal\/\d+/), page.keyboard.press('Enter')]);

		// The entry form proposes the period that is due; the value is typed, then the save button pressed.
		await tabTo(page, (f) => f.label.startsWith('Værdi'), 'the value field');
		const period = await page.evaluate(
			() =>
				(document.activeElement as HTMLInputElement).form?.querySelector<HTMLInputElement>('[name="period"]')?.value ??
				''
		);
		expect(period).toMatch(/^\d{4}-\d{2}$/);
		await page.keyboard.type('7,4');
		await tabTo(page, (f) => f.tag === 'button' && f.text === 'Gem værdi', 'the save button');
		await Promise.all([page.waitForURL(/\?gemt=\d{4}-\d{2}#indtast$/), page.keyboard.press('Enter')]);

		expect(await page.getByRole('status').first().textContent()).toMatch(/^Værdien for .+ er gemt\.$/);
		expect(await page.locator(`tr[data-period="${period}"] td.number`).textContent()).toBe('7,4\u00a0%');
		await context.close();
	});
});
