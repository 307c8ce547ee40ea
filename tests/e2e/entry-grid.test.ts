import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import type { RunningServer } from '../helpers/server';
import { countingKeyboard } from '../helpers/keyboard';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { apiToken } from '../helpers/api-token';
import { todayInCopenhagen } from '../../src/lib/domain/dates';
import { addPeriods, formatPeriod, periodContaining } from '../../src/lib/domain/periods';

/** Five monthly KPIs whose only missing month is last month: the month's figures a project lead enters at once. */
const NAMES = [1, 2, 3, 4, 5].map((n) => `Gittertest ${n}`);
const thisMonth = periodContaining(todayInCopenhagen(), 'month');
const lastMonth = formatPeriod(addPeriods(thisMonth, -1));

/** Creates the KPIs through the KPI form as the director, owned by the project lead. */
async function createKpis(server: RunningServer, names: string[], owned = true): Promise<void> {
	const cookie = await signInCookie(server.url, 'direktor@norddjurs.demo');
	const form = await (await fetch(`${server.url}/noegletal/ny`, { headers: { cookie } })).text();
	const leadId = /id="owner-(\d+)"[^>]*>\s*<label for="owner-\d+">Peter Projektleder/.exec(form)![1];
	for (const name of names) {
		const response = await fetch(`${server.url}/noegletal/ny`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie,
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({
				name,
				unit: 'percent',
				decimals: '1',
				direction: 'lower',
				frequency: 'month',
				baselineValue: '8',
				baselinePeriod: formatPeriod(addPeriods(thisMonth, -2)),
				targetValue: '6',
				targetPeriod: formatPeriod(addPeriods(thisMonth, 12)),
				...(owned ? { ownerId: leadId } : {})
			})
		});
		expect(response.status, `creating ${name}`).toBe(303);
	}
}

/** The grid row of a KPI's last month. */
const rowOf = (page: Page, name: string) => page.locator('tr[data-grid-row]', { hasText: name });

/** Whether the element is wholly inside the viewport. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
	return page.locator(selector).evaluate((el) => {
		const box = el.getBoundingClientRect();
		return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
	});
}

describe.skipIf(!hasChromium)('the entry grid on Mine nøgletal, in Chromium', () => {
	const demo = useDemoBrowser();

	test('a project lead enters a month for five KPIs by keyboard alone (type, Tab, Enter) and sees the confirmation', async () => {
		await createKpis(demo.server, NAMES);
		const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		expect(new URL(page.url()).pathname).toBe('/mine-noegletal');
		await page.waitForLoadState('networkidle');
		await page.screenshot({ path: 'test-results/indtastning-gitter-1280.png', fullPage: true });
		const rows = await page
			.locator('tr[data-grid-row]')
			.evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent!.trim()));
		const first = rows.indexOf(NAMES[0]);
		expect(rows.slice(first, first + 5)).toEqual(NAMES);

		const keys = countingKeyboard(page);
		// From the top of the page, Tab to the first KPI's value cell.
		for (let i = 0; i < 200; i++) {
			await keys.press('Tab');
			const label = await page.evaluate(() => document.activeElement?.getAttribute('id') ?? '');
			if (label && (await rowOf(page, NAMES[0]).locator(`#${label}`).count()) === 1) break;
		}
		expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-grid-value'))).toBe(true);
		// The first row with a comment (Tab to it), the rest value then Enter.
		await keys.type('7,1');
		await keys.press('Tab');
		await keys.type('Influenza');
		await keys.press('Enter');
		for (const value of ['7,2', '7,3', '7,4', '7,5']) {
			await keys.type(value);
			await keys.press('Enter');
		}
		// The last KPI's Enter led to the next row (or the save button); Tab on to the button and press it.
		for (let i = 0; i < 200; i++) {
			const onButton = await page.evaluate(
				() => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent === 'Gem værdierne'
			);
			if (onButton) break;
			await keys.press('Tab');
		}
		await Promise.all([page.waitForURL(/gemt=5/), keys.press('Enter')]);
		await page.locator('[data-grid-feedback]').waitFor();
		// Issue 14: "a one-minute job". At a key a second, with the page's own Tab order from its top.
		expect(keys.count).toBeLessThanOrEqual(60);

		expect(await page.locator('[data-grid-feedback]').textContent()).toContain('Værdierne er gemt: 5 nye værdier.');
		expect(new URL(page.url()).search).toBe('?gemt=5');
		expect(await inViewport(page, '[data-grid-feedback]')).toBe(true);
		await page.waitForFunction(() => document.activeElement?.hasAttribute('data-grid-feedback'));
		expect(await page.locator('[aria-live] [data-grid-feedback]').count()).toBe(1);
		for (const name of NAMES) expect(await rowOf(page, name).count()).toBe(0);
		await page.screenshot({ path: 'test-results/indtastning-gitter-gemt-1280.png' });
		await context.close();

		// The values are stored: the API reads them back.
		const cookie = await signInCookie(demo.server.url, 'projektleder@norddjurs.demo');
		const list = await (await fetch(`${demo.server.url}/api/v1/kpis`, { headers: { cookie } })).json();
		const ids = NAMES.map((name) => list.kpis.find((k: { name: string }) => k.name === name).id);
		const latest = [];
		for (const id of ids) {
			const detail = await (
				await fetch(`${demo.server.url}/api/v1/kpis/${id}/observations`, { headers: { cookie } })
			).json();
			latest.push(detail.observations.map((o: { period: string; value: number }) => [o.period, o.value]));
		}
		expect(latest).toEqual([7.1, 7.2, 7.3, 7.4, 7.5].map((v) => [[lastMonth, v]]));
	});

	test('one wrong cell saves nothing, shows the reason on its row, keeps what was typed; at 320 px nothing overflows', async () => {
		const names = ['Gitterfejl 1', 'Gitterfejl 2'];
		await createKpis(demo.server, names);
		const context = await demo.browser.newContext({ viewport: { width: 320, height: 640 } });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await page.waitForLoadState('networkidle');
		await rowOf(page, names[0]).locator('[data-grid-value]').fill('6,5');
		await rowOf(page, names[1]).locator('[data-grid-value]').fill('6,x');
		await page.getByRole('button', { name: 'Gem værdierne' }).click();
		await page.locator('[data-grid-feedback]').waitFor();
		expect(await page.locator('[data-grid-feedback]').textContent()).toMatch(
			/^\s*Intet er gemt, fordi 1 række har fejl\./
		);
		expect(await inViewport(page, '[data-grid-feedback]')).toBe(true);
		expect(await rowOf(page, names[1]).locator('.cell-error').textContent()).toMatch(/tal/i);
		expect(await rowOf(page, names[1]).locator('[data-grid-value]').getAttribute('aria-invalid')).toBe('true');
		expect(await rowOf(page, names[0]).locator('[data-grid-value]').inputValue()).toBe('6,5');
		expect(await rowOf(page, names[1]).locator('[data-grid-value]').inputValue()).toBe('6,x');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await rowOf(page, names[1]).scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/indtastning-gitter-320-fejl.png' });
		await page.screenshot({ path: 'test-results/indtastning-gitter-320.png', fullPage: true });

		// Corrected in place and saved.
		await rowOf(page, names[1]).locator('[data-grid-value]').fill('6,6');
		await Promise.all([page.waitForURL(/gemt=2/), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
		expect(await inViewport(page, '[data-grid-feedback]')).toBe(true);
		await context.close();
	});

	test('an unusual value is marked on its row and saved only with the tick; what was typed stays', async () => {
		const name = 'Gitter, usædvanlig';
		await createKpis(demo.server, [name]);
		// Six months before the baseline that move a tenth at a time: the KPI's own changes.
		const token = await apiToken(demo.server, 'projektleder@norddjurs.demo');
		const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
		const list = await (await fetch(`${demo.server.url}/api/v1/kpis`, { headers })).json();
		const id = list.kpis.find((k: { name: string }) => k.name === name).id;
		for (const [i, value] of [7.0, 7.1, 7.0, 7.2, 7.1, 7.0].entries()) {
			const period = formatPeriod(addPeriods(thisMonth, i - 8));
			const put = await fetch(`${demo.server.url}/api/v1/kpis/${id}/observations/${period}`, {
				method: 'PUT',
				headers,
				body: JSON.stringify({ value })
			});
			expect(put.status, period).toBe(201);
		}

		for (const width of [1280, 320]) {
			const context = await demo.browser.newContext({ viewport: { width, height: width === 320 ? 640 : 800 } });
			const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
			await page.waitForLoadState('networkidle');
			const value = rowOf(page, name).locator('[data-grid-value]');
			await value.fill('12,4');
			await rowOf(page, name).locator('input[name^="comment:"]').fill('Influenza');
			await page.getByRole('button', { name: 'Gem værdierne' }).click();
			await page.locator('[data-grid-feedback]').waitFor();
			expect(await page.locator('[data-grid-feedback]').textContent()).toContain(
				'Intet er gemt. Se de markerede værdier efter'
			);
			expect(await inViewport(page, '[data-grid-feedback]')).toBe(true);
			expect(await rowOf(page, name).getAttribute('data-unusual')).toBe('');
			expect(await rowOf(page, name).locator('.cell-question').textContent()).toMatch(/^Usædvanlig ændring: 12,4/);
			expect(await value.inputValue()).toBe('12,4');
			expect(await rowOf(page, name).locator('input[name^="comment:"]').inputValue()).toBe('Influenza');
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			await rowOf(page, name).scrollIntoViewIfNeeded();
			await page.screenshot({ path: `test-results/indtastning-gitter-usaedvanlig-${width}.png` });
			if (width === 1280) {
				await context.close();
				continue;
			}
			await page.getByLabel('Ja, de markerede værdier er rigtige').check();
			await Promise.all([page.waitForURL(/gemt=1/), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
			expect(await rowOf(page, name).count()).toBe(0);
			await context.close();
		}
		const stored = await (await fetch(`${demo.server.url}/api/v1/kpis/${id}/observations`, { headers })).json();
		expect(stored.observations.at(-1)).toMatchObject({ period: lastMonth, value: 12.4, comment: 'Influenza' });
	});

	test('without JavaScript the grid asks about an unusual value and saves it with the tick', async () => {
		const name = 'Gitter, usædvanlig uden JS';
		await createKpis(demo.server, [name]);
		const headers = {
			authorization: `Bearer ${await apiToken(demo.server, 'projektleder@norddjurs.demo')}`,
			'content-type': 'application/json'
		};
		const list = await (await fetch(`${demo.server.url}/api/v1/kpis`, { headers })).json();
		const id = list.kpis.find((k: { name: string }) => k.name === name).id;
		for (const [i, value] of [7.0, 7.1, 7.0, 7.2, 7.1, 7.0].entries()) {
			const period = formatPeriod(addPeriods(thisMonth, i - 8));
			const url = `${demo.server.url}/api/v1/kpis/${id}/observations/${period}`;
			expect((await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ value }) })).status).toBe(201);
		}
		const context = await demo.browser.newContext({ javaScriptEnabled: false });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await rowOf(page, name).locator('[data-grid-value]').fill('1,5');
		await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
		expect(await page.locator('[data-grid-feedback]').textContent()).toContain('Intet er gemt.');
		expect(await rowOf(page, name).locator('.cell-question').textContent()).toMatch(/^Usædvanlig ændring: 1,5/);
		expect(await rowOf(page, name).locator('[data-grid-value]').inputValue()).toBe('1,5');
		await page.getByLabel('Ja, de markerede værdier er rigtige').check();
		await Promise.all([page.waitForURL(/gemt=1/), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
		expect(await rowOf(page, name).count()).toBe(0);
		await context.close();
	});

	test('the KPI page’s grid asks the same question and saves with the same tick (without JavaScript)', async () => {
		const name = 'Gitter, usædvanlig på nøgletallets side';
		await createKpis(demo.server, [name]);
		const headers = {
			authorization: `Bearer ${await apiToken(demo.server, 'projektleder@norddjurs.demo')}`,
			'content-type': 'application/json'
		};
		const list = await (await fetch(`${demo.server.url}/api/v1/kpis`, { headers })).json();
		const id = list.kpis.find((k: { name: string }) => k.name === name).id;
		for (const [i, value] of [7.0, 7.1, 7.0, 7.2, 7.1, 7.0].entries()) {
			const period = formatPeriod(addPeriods(thisMonth, i - 8));
			const url = `${demo.server.url}/api/v1/kpis/${id}/observations/${period}`;
			expect((await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ value }) })).status).toBe(201);
		}
		const context = await demo.browser.newContext({ javaScriptEnabled: false });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal/${id}`);
		await rowOf(page, name).locator('[data-grid-value]').fill('15,0');
		await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
		expect(await page.locator('[data-grid-feedback]').textContent()).toContain('Intet er gemt.');
		expect(await rowOf(page, name).locator('.cell-question').textContent()).toMatch(/^Usædvanlig ændring: 15,0/);
		await page.getByLabel('Ja, de markerede værdier er rigtige').check();
		await Promise.all([page.waitForURL(/gemt=/), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
		expect(await rowOf(page, name).count()).toBe(0);
		await context.close();
		const stored = await (await fetch(`${demo.server.url}/api/v1/kpis/${id}/observations`, { headers })).json();
		expect(stored.observations.at(-1)).toMatchObject({ period: lastMonth, value: 15 });
	});

	test('works without JavaScript: a plain form post saves and the page after the redirect says so', async () => {
		await createKpis(demo.server, ['Gitter uden JS']);
		const context = await demo.browser.newContext({ javaScriptEnabled: false });
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await rowOf(page, 'Gitter uden JS').locator('[data-grid-value]').fill('5,5');
		await Promise.all([page.waitForURL(/gemt=1/), page.getByRole('button', { name: 'Gem værdierne' }).click()]);
		expect(await page.locator('[data-grid-feedback]').textContent()).toContain('Værdien er gemt: 1 ny værdi.');
		expect(await rowOf(page, 'Gitter uden JS').count()).toBe(0);
		await context.close();
	});

	test('a forged grid post for a KPI that is not the project lead’s is refused on its row, and nothing is saved', async () => {
		await createKpis(demo.server, ['Gitter, ikke projektlederens'], false);
		await createKpis(demo.server, ['Gitter, projektlederens']);
		const director = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const list = await (await fetch(`${demo.server.url}/api/v1/kpis`, { headers: { cookie: director } })).json();
		const idOf = (name: string) => list.kpis.find((k: { name: string }) => k.name === name).id as number;
		const [theirs, own] = [idOf('Gitter, ikke projektlederens'), idOf('Gitter, projektlederens')];
		const lead = await signInCookie(demo.server.url, 'projektleder@norddjurs.demo');
		const response = await fetch(`${demo.server.url}/mine-noegletal`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie: lead,
				origin: demo.server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ [`value:${own}/${lastMonth}`]: '5,0', [`value:${theirs}/${lastMonth}`]: '5,5' })
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Du kan ikke indtaste værdier for »Gitter, ikke projektlederens«.');
		for (const id of [theirs, own]) {
			const stored = await (
				await fetch(`${demo.server.url}/api/v1/kpis/${id}/observations`, { headers: { cookie: director } })
			).json();
			expect(stored.observations).toEqual([]);
		}
	});
});
