import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import type { RunningServer } from '../helpers/server';
import { countingKeyboard } from '../helpers/keyboard';
import { postPageForm } from '../helpers/form-post';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { todayInCopenhagen } from '../../src/lib/domain/dates';
import { addPeriods, formatPeriod, formatPeriodDa, periodContaining } from '../../src/lib/domain/periods';

/** Monthly KPIs with baseline three months ago: the two months since are missing (this month has not ended). */
const thisMonth = periodContaining(todayInCopenhagen(), 'month');
const [twoAgo, lastMonth] = [-2, -1].map((n) => formatPeriod(addPeriods(thisMonth, n)));

/** Creates a monthly KPI through the KPI form as the director, owned by the project lead or by nobody; its id. */
async function createKpi(server: RunningServer, name: string, owned: boolean): Promise<number> {
	const cookie = await signInCookie(server.url, 'direktor@norddjurs.demo');
	const form = await (await fetch(`${server.url}/noegletal/ny`, { headers: { cookie } })).text();
	const leadId = /id="owner-(\d+)"[^>]*>\s*<label for="owner-\d+">Peter Projektleder/.exec(form)![1];
	const response = await fetch(`${server.url}/noegletal/ny`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			name,
			unit: 'percent',
			decimals: '1',
			direction: 'lower',
			frequency: 'month',
			baselineValue: '8',
			baselinePeriod: formatPeriod(addPeriods(thisMonth, -3)),
			targetValue: '6',
			targetPeriod: formatPeriod(addPeriods(thisMonth, 12)),
			...(owned ? { ownerId: leadId } : {})
		})
	});
	expect(response.status, `creating ${name}`).toBe(303);
	const list = await (await fetch(`${server.url}/api/v1/kpis`, { headers: { cookie } })).json();
	return list.kpis.find((k: { name: string }) => k.name === name).id;
}

/** The KPI's stored values, read back through the API as the director. */
async function storedValues(server: RunningServer, id: number): Promise<[string, number][]> {
	const cookie = await signInCookie(server.url, 'direktor@norddjurs.demo');
	const body = await (await fetch(`${server.url}/api/v1/kpis/${id}/observations`, { headers: { cookie } })).json();
	return body.observations.map((o: { period: string; value: number }) => [o.period, o.value]);
}

/** Whether the element is wholly inside the viewport. */
function inViewport(page: Page, selector: string): Promise<boolean> {
	return page.locator(selector).evaluate((el) => {
		const box = el.getBoundingClientRect();
		return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
	});
}

/** A form post to the KPI page's grid action, as a browser without JavaScript (or a forger) sends it. */
function postGrid(server: RunningServer, cookie: string, id: number, body: Record<string, string>) {
	return postPageForm(`${server.url}/noegletal/${id}?/grid`, cookie, body);
}

describe.skipIf(!hasChromium)('the entry grid on a KPI page, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a project lead saves the two missing months by keyboard alone and sees the confirmation in view', async () => {
		const id = await createKpi(demo.server, 'Sidegitter tastatur', true);
		const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal/${id}`);
		await page.waitForLoadState('networkidle');
		const rows = page.locator('#indtastning tr[data-grid-row]');
		expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-grid-row')))).toEqual([
			`${id}/${twoAgo}`,
			`${id}/${lastMonth}`
		]);
		await page.screenshot({ path: 'test-results/noegletal-gitter-1280.png', fullPage: true });

		const keys = countingKeyboard(page);
		for (let i = 0; i < 200; i++) {
			await keys.press('Tab');
			if (await page.evaluate(() => document.activeElement?.hasAttribute('data-grid-value'))) break;
		}
		expect(await page.evaluate(() => document.activeElement?.id)).toBe(`v-${id}-${twoAgo}`);
		await keys.type('7,1');
		await keys.press('Enter');
		await keys.type('7,2');
		// The last row's Enter goes to the save button; Enter there saves.
		await keys.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gem værdierne');
		await Promise.all([page.waitForURL(/gemt=/), keys.press('Enter')]);
		await page.waitForFunction(() => document.activeElement?.id === 'besked');
		// Issue 14: "a one-minute job". At a key a second, with the page's own Tab order from its top.
		expect(keys.count).toBeLessThanOrEqual(60);

		const url = new URL(page.url());
		expect([url.search, url.hash]).toEqual([`?gemt=${twoAgo},${lastMonth}`, '#indtast']);
		expect(await page.locator('#besked').textContent()).toContain(
			`Værdierne for ${formatPeriodDa(twoAgo)} og ${formatPeriodDa(lastMonth)} er gemt.`
		);
		expect(await inViewport(page, '#besked .notice')).toBe(true);
		expect(await page.locator('#indtastning').count()).toBe(0);
		await page.screenshot({ path: 'test-results/noegletal-gitter-gemt-1280.png' });
		await context.close();
		expect(await storedValues(demo.server, id)).toEqual([
			[twoAgo, 7.1],
			[lastMonth, 7.2]
		]);
	});

	test('at 320 px the grid fits; a wrong cell saves nothing and keeps what was typed, with the reason on its row', async () => {
		const id = await createKpi(demo.server, 'Sidegitter smal', true);
		const context = await demo.browser.newContext({ viewport: { width: 320, height: 640 } });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal/${id}`);
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await page.locator('#indtastning').scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/noegletal-gitter-320.png', fullPage: true });
		const cell = (period: string) => page.locator(`#v-${id}-${period}`);
		await cell(twoAgo).fill('6,5');
		await cell(lastMonth).fill('150');
		await page.getByRole('button', { name: 'Gem værdierne' }).click();
		await page.locator('[data-grid-feedback]').waitFor();
		expect(await page.locator('[data-grid-feedback]').textContent()).toMatch(
			/^\s*Intet er gemt, fordi \d+ (række|rækker) har fejl\./
		);
		expect(await inViewport(page, '[data-grid-feedback]')).toBe(true);
		expect(await cell(lastMonth).getAttribute('aria-invalid')).toBe('true');
		expect([await cell(twoAgo).inputValue(), await cell(lastMonth).inputValue()]).toEqual(['6,5', '150']);
		expect(new URL(page.url()).search).toBe('');
		await cell(lastMonth).scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/noegletal-gitter-320-fejl.png' });
		expect(await storedValues(demo.server, id)).toEqual([]);

		await cell(lastMonth).fill('6,6');
		await Promise.all([page.waitForURL(/gemt=/), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
		await page.waitForFunction(() => document.activeElement?.id === 'besked');
		expect(await inViewport(page, '#besked .notice')).toBe(true);
		await page.screenshot({ path: 'test-results/noegletal-gitter-320-gemt.png' });
		await context.close();
	});

	test('without JavaScript the grid posts, redirects and the page after it says which months were saved', async () => {
		const id = await createKpi(demo.server, 'Sidegitter uden JS', true);
		const context = await demo.browser.newContext({ javaScriptEnabled: false });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal/${id}`);
		await page.locator(`#v-${id}-${lastMonth}`).fill('5,5');
		await Promise.all([page.waitForURL(/gemt=/), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
		expect(await page.locator('#besked').textContent()).toContain(`Værdien for ${formatPeriodDa(lastMonth)} er gemt.`);
		expect(await page.locator(`tr[data-grid-row="${id}/${lastMonth}"]`).count()).toBe(0);
		expect(await page.locator(`tr[data-grid-row="${id}/${twoAgo}"]`).count()).toBe(1);
		await context.close();
	});

	test('a project lead not assigned to the KPI sees no grid, and a grid post is refused with nothing saved', async () => {
		const id = await createKpi(demo.server, 'Sidegitter, ikke projektlederens', false);
		const lead = await signInCookie(demo.server.url, 'projektleder@norddjurs.demo');
		const html = await (await fetch(`${demo.server.url}/noegletal/${id}`, { headers: { cookie: lead } })).text();
		expect(html).not.toContain('data-grid-row');
		const response = await postGrid(demo.server, lead, id, {
			[`value:${id}/${twoAgo}`]: '7,1',
			[`value:${id}/${lastMonth}`]: '7,2'
		});
		expect(response.status).toBe(403);
		expect(await storedValues(demo.server, id)).toEqual([]);
		// The director, who may write every KPI, sees its grid.
		const director = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const theirs = await (await fetch(`${demo.server.url}/noegletal/${id}`, { headers: { cookie: director } })).text();
		expect(theirs).toContain(`data-grid-row="${id}/${lastMonth}"`);
	});

	test('a grid post on one KPI’s page that names another KPI is refused whole, even one the user may write', async () => {
		const [own, other] = [
			await createKpi(demo.server, 'Sidegitter, eget', true),
			await createKpi(demo.server, 'Sidegitter, også eget', true)
		];
		const lead = await signInCookie(demo.server.url, 'projektleder@norddjurs.demo');
		const response = await postGrid(demo.server, lead, own, {
			[`value:${own}/${lastMonth}`]: '7,1',
			[`value:${other}/${lastMonth}`]: '7,2'
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Formularen kunne ikke læses.');
		expect([await storedValues(demo.server, own), await storedValues(demo.server, other)]).toEqual([[], []]);
	});
});
