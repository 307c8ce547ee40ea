import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { signInPage } from '../helpers/sign-in';
import { formatKrShort } from '../../src/lib/domain/money';
import { WCAG_TAGS } from '../helpers/axe-sweep';

/**
 * Every chart on the page: its accessible name, whether the canvas is wider than its box, and the ink in the canvas'
 * outermost pixel columns on the left and right (a tick label or axis title cut at the edge leaves ink there).
 */
async function chartsFit(page: Page): Promise<[string | null, boolean, number, number][]> {
	await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((c) => c.width > 0));
	return page.locator('main canvas').evaluateAll((canvases) =>
		(canvases as HTMLCanvasElement[]).map((c) => {
			const ctx = c.getContext('2d')!;
			const inkAt = (x: number) => {
				const { data } = ctx.getImageData(x, 0, 2, c.height);
				let ink = 0;
				for (let i = 3; i < data.length; i += 4) if (data[i] > 96) ink++;
				return ink;
			};
			const wider = c.getBoundingClientRect().width > c.parentElement!.getBoundingClientRect().width + 0.5;
			return [c.getAttribute('aria-label'), wider, inkAt(0), inkAt(c.width - 2)];
		})
	);
}

// Without Chromium (a developer machine) these say so and skip; with CI=true browser.ts fails instead.
describe.skipIf(!hasChromium)('the demo in Chromium', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
		context = await browser.newContext({ locale: 'da-DK' });
		await (await signInPage(context, server.url, 'direktor@norddjurs.demo')).close();
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
	});

	test('the overview lists the eight Norddjurs recommendations with a status in words', async () => {
		const page = await context.newPage();
		await page.goto(server.url);
		await expect(page.locator('h1').textContent()).resolves.toBe('Oversigt · Norddjurs Kommune');
		const rows = page.locator('tbody tr[data-recommendation]');
		await expect(rows.count()).resolves.toBe(8);
		const headings = await page.locator('tbody th[scope=row] a').allTextContents();
		expect(headings[0]).toBe('Anbefaling 1 · Ny i ledelse i Norddjurs Kommune');
		expect(headings).toContain('Anbefaling 7 · Trivselsteam på Velfærdsområdet');
		const statusWords = await page.locator('tbody [data-status]').allTextContents();
		for (const word of statusWords)
			expect(word.trim()).toMatch(
				/^(\S+\s)?(Nået|På sporet|I risiko|Bagud|Ikke nået|Ingen data|Ingen opfølgningspunkter endnu|(\d+ af 1 opfølgningspunkt færdigt|\d+ af \d+ opfølgningspunkter færdige).*)$/
			);
	});

	test('as of 22 November 2026 the overview shows the demo statuses the rules compute', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/?asOf=2026-11-22`);
		await expect(page.locator('main p.muted').first().textContent()).resolves.toBe('Status pr. 22. november 2026');
		const shown: Record<number, string> = {};
		for (const row of await page.locator('tbody tr[data-recommendation]').all()) {
			const number = Number(await row.getAttribute('data-recommendation'));
			shown[number] = (await row.locator('[data-status]').first().getAttribute('data-status'))!;
		}
		expect(shown).toEqual({
			1: 'achieved',
			2: 'follow_up',
			3: 'missed',
			4: 'missed',
			5: 'missed',
			6: 'on_track',
			7: 'missed',
			8: 'at_risk'
		});
		// The page and the API compute the same statuses.
		const api = await page.request.get(`${server.url}/api/v1/recommendations?asOf=2026-11-22`);
		const fromApi = Object.fromEntries(
			(await api.json()).recommendations.map((r: { number: number; status: string | null }) => [
				r.number,
				r.status ?? 'follow_up'
			])
		);
		expect(fromApi).toEqual(shown);
		await expect(page.locator('[data-summary]').textContent()).resolves.toBe(
			'1 af 8 nået · 1 på sporet · 1 i risiko · 4 ikke nået · 1 følges via opfølgningspunkter'
		);
		await expect(page.locator('tr[data-recommendation="7"] [data-overdue]').textContent()).resolves.toContain(
			'Mangler indtastning'
		);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});

	test('a recommendation page shows its fields in the seed order, KPIs and budget', async () => {
		const page = await context.newPage();
		await page.goto(server.url);
		await page.getByRole('link', { name: 'Anbefaling 7 · Trivselsteam på Velfærdsområdet' }).click();
		await page.waitForURL(/\/anbefalinger\/\d+$/);
		const sectionHeadings = await page.locator('main h2').allTextContents();
		// The why-panel and the KPIs first (issue 15), then the seed's fields in order.
		const order = [
			'Status og årsag',
			'Nøgletal',
			'Formål',
			'Mål',
			'Indsatser',
			'Opfølgning',
			'Baseline',
			'Ressourcer og økonomi',
			'Næste step'
		];
		expect(sectionHeadings.filter((h) => order.includes(h))).toEqual(order);
		await expect(page.locator('tr[data-kpi="Sygefravær, Velfærdsområdet (år)"]').textContent()).resolves.toMatch(
			/7,8\s%.*2022/
		);
		await expect(
			page.getByRole('table', { name: 'Bevilget og forbrugt pr. år' }).locator('tfoot').textContent()
		).resolves.toContain('3,6\u00a0mio.\u00a0kr.');
		// 7,8 % → 6,7 % is 1,1 %-point better, for the 3,6 mio. kr. allocated up to 2025 — never a rate per million.
		await expect(page.locator('[data-effect]').textContent()).resolves.toMatch(
			/Effekt pr\. krone \(Sygefravær, Velfærdsområdet \(år\)\):\s+1,1\s%-point bedre end baseline for 3,6\smio\.\skr\. bevilget/
		);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});

	test('the help page explains the rules with a worked example computed by them, and is open to anyone', async () => {
		const anonymous = await browser.newContext();
		const page = await anonymous.newPage();
		const response = await page.goto(`${server.url}/hjaelp`);
		expect(response?.status()).toBe(200);
		await expect(page.locator('h1').textContent()).resolves.toBe('Sådan beregnes status');
		await expect(page.locator('[data-example="achieved"]').textContent()).resolves.toBe('62\u00a0%');
		await expect(page.locator('[data-example="expected"]').textContent()).resolves.toBe('67\u00a0%');
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		await anonymous.close();
	});

	test('the director filters to "I risiko" by keyboard; the URL carries the filter and opens the same view elsewhere', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/?asOf=2026-11-22`);
		// Keyboard only: Tab until the status filter has focus, choose with the arrow keys, Tab to "Vis", Enter.
		const focusedName = () =>
			page.evaluate(
				() =>
					(document.activeElement as HTMLSelectElement | null)?.name ||
					document.activeElement?.textContent?.trim() ||
					''
			);
		for (let i = 0; i < 30 && (await focusedName()) !== 'status'; i++) await page.keyboard.press('Tab');
		expect(await focusedName()).toBe('status');
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
		await expect(page.getByLabel('Status', { exact: true }).inputValue()).resolves.toBe('at_risk');
		for (let i = 0; i < 5 && (await focusedName()) !== 'Vis'; i++) await page.keyboard.press('Tab');
		expect(await focusedName()).toBe('Vis');
		await page.keyboard.press('Enter');
		await page.waitForURL(/status=at_risk/);
		const shown = await page
			.locator('tbody tr[data-recommendation]')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-recommendation')));
		expect(shown).toEqual(['8']);
		await expect(page.locator('[data-shown]').textContent()).resolves.toBe('Viser 1 af 8 anbefalinger.');
		await expect(page.locator('[data-summary]').textContent()).resolves.toBe('1 af 1 i risiko');
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

		const shared = page.url();
		const colleague = await signInPage(await browser.newContext(), server.url, 'admin@norddjurs.demo');
		await colleague.goto(shared);
		await expect(colleague.locator('tbody tr[data-recommendation]').count()).resolves.toBe(1);
		await colleague
			.locator('tbody tr[data-recommendation]')
			.getByRole('link', { name: 'Anbefaling 8 · Kommunikation' })
			.focus();
		await colleague.keyboard.press('Enter');
		await colleague.waitForURL(/\/anbefalinger\/\d+$/);
		await colleague.context().close();
	});

	test('the budget roll-up sums allocated and spent over the recommendations shown, per programme; a filter narrows it to the filtered sums; readable at 320 px', async () => {
		type ApiRow = { programme: string; status: string | null; budget: { allocatedKr: number; spentKr: number } };
		const page = await context.newPage();
		await page.goto(`${server.url}/?asOf=2026-11-22`);
		const api: ApiRow[] = (
			await (await page.request.get(`${server.url}/api/v1/recommendations?asOf=2026-11-22`)).json()
		).recommendations;
		const sums = (rows: ApiRow[]) => [
			rows.reduce((sum, r) => sum + r.budget.allocatedKr, 0),
			rows.reduce((sum, r) => sum + r.budget.spentKr, 0)
		];
		const table = page.getByRole('table', {
			name: 'Bevilget og forbrugt for de viste anbefalinger, pr. indsatsprogram'
		});
		const shownSums = async (row: ReturnType<typeof table.locator>) => [
			await row.locator('[data-kr]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-kr')))),
			(await row.locator('[data-kr]').allTextContents()).map((text) => text.trim())
		];

		// Everything: the demo's 6,6 mio. kr. allocated and 5,9 mio. kr. spent, as the API's rows add up.
		const all = sums(api);
		expect(all).toEqual([6_600_000, 5_913_500]);
		await expect(shownSums(table.locator('tfoot tr'))).resolves.toEqual([all, all.map(formatKrShort)]);
		await expect(table.locator('tfoot tr td').first().textContent()).resolves.toBe('8');
		await expect(page.locator('[data-budget-summary]').textContent()).resolves.toBe(
			'Bevilget 6,6\u00a0mio.\u00a0kr., forbrugt 5,9\u00a0mio.\u00a0kr. (8 anbefalinger).'
		);
		for (const programme of new Set(api.map((r) => r.programme))) {
			const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: programme }) });
			const expected = sums(api.filter((r) => r.programme === programme));
			await expect(shownSums(row)).resolves.toEqual([expected, expected.map(formatKrShort)]);
		}
		await page.screenshot({ path: 'test-results/oversigt-budget-1280.png', fullPage: true });

		// Filtered to "I risiko": the sums of exactly those recommendations.
		await page.getByLabel('Status', { exact: true }).selectOption('at_risk');
		await page.getByRole('button', { name: 'Vis' }).click();
		await page.waitForURL(/status=at_risk/);
		const atRisk = sums(api.filter((r) => r.status === 'at_risk'));
		expect(atRisk).not.toEqual(all);
		await expect(shownSums(table.locator('tfoot tr'))).resolves.toEqual([atRisk, atRisk.map(formatKrShort)]);
		await expect(table.locator('tfoot tr td').first().textContent()).resolves.toBe('1');
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

		// At 320 px the page does not scroll sideways; the roll-up is readable (or scrolls in its own named region).
		const narrow = await browser.newContext({ locale: 'da-DK', viewport: { width: 320, height: 800 } });
		const phone = await signInPage(narrow, server.url, 'direktor@norddjurs.demo');
		await phone.goto(`${server.url}/?asOf=2026-11-22`);
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await phone.locator('[data-budget-rollup]').scrollIntoViewIfNeeded();
		await phone.screenshot({ path: 'test-results/oversigt-budget-320.png' });
		await phone.screenshot({ path: 'test-results/oversigt-budget-320-hele.png', fullPage: true });
		await narrow.close();
	});

	test('charts: sparklines on the overview without Chart.js; the recommendation page draws sick leave against the budget, with summary and table', async () => {
		const page = await context.newPage();
		const scripts: string[] = [];
		page.on('response', async (response) => {
			if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''));
		});
		await page.goto(`${server.url}/?asOf=2026-11-22`);
		await page.waitForLoadState('networkidle');
		await expect(page.getByRole('img', { name: 'Udvikling i Sygefravær, Velfærdsområdet (år)' }).count()).resolves.toBe(
			1
		);
		expect(scripts.some((code) => code.includes('Canvas is already in use'))).toBe(false);

		await page.getByRole('link', { name: 'Anbefaling 7 · Trivselsteam på Velfærdsområdet' }).click();
		await page.waitForURL(/\/anbefalinger\/\d+$/);
		const chart = page
			.locator('section[aria-labelledby^="graf-"]')
			.filter({ hasText: 'Sygefravær, Velfærdsområdet (år)' })
			.first();
		await expect(chart.locator('[data-chart-summary]').textContent()).resolves.toBe(
			'Sygefravær, Velfærdsområdet (år) er faldet fra 7,8\u00a0% i 2022 til 6,7\u00a0% i 2025; målet er 6,5\u00a0% i 2025. Der er bevilget 3,6\u00a0mio.\u00a0kr. i alt, og 3,3\u00a0mio.\u00a0kr. er forbrugt. Bevillingen er 1,8\u00a0mio.\u00a0kr. pr. år i 2024–2025.'
		);
		await expect(chart.locator('canvas').getAttribute('aria-label')).resolves.toBe(
			'Graf: Sygefravær, Velfærdsområdet (år)'
		);
		await page.waitForFunction(
			() =>
				document.querySelectorAll('canvas').length > 0 &&
				[...document.querySelectorAll('canvas')].every((c) => c.width > 0)
		);
		expect(scripts.some((code) => code.includes('Canvas is already in use'))).toBe(true);
		await chart.locator('summary').click();
		await expect(chart.locator('table caption').textContent()).resolves.toBe(
			'Tallene bag grafen: Sygefravær, Velfærdsområdet (år)'
		);
		// A yearly chart keeps one bar per year; its column is on one scale.
		await expect(chart.locator('table tbody').textContent()).resolves.toContain('1,8\u00a0mio.\u00a0kr.');
		await page.screenshot({ path: 'test-results/anbefaling-7.png', fullPage: true });
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});

	test('a monthly chart holds each year\'s budget across its months, says "pr. år", and its axis labels fit at 320 and 1280 px', async () => {
		const name = 'Sygefravær, Velfærdsområdet (måned)';
		for (const width of [1280, 320]) {
			const narrow = await browser.newContext({ locale: 'da-DK', viewport: { width, height: 900 } });
			const page = await signInPage(narrow, server.url, 'direktor@norddjurs.demo');
			await page.goto(`${server.url}/?asOf=2026-11-22`);
			const link = page.getByRole('link', { name: 'Anbefaling 7 · Trivselsteam på Velfærdsområdet' });
			await page.goto(new URL((await link.first().getAttribute('href'))!, server.url).href);
			const chart = page.locator('section[aria-labelledby^="graf-"]').filter({ hasText: name }).first();
			await expect(chart.locator('[data-chart-summary]').textContent()).resolves.toContain(
				'Bevillingen er 1,8\u00a0mio.\u00a0kr. pr. år i 2024–2025.'
			);
			const legend = (await chart.locator('.legend li').allTextContents()).map((item) => item.trim());
			expect(legend).toEqual(expect.arrayContaining(['Bevilget pr. år', 'Forbrugt pr. år']));
			expect(legend).not.toContain('Bevilget');
			await chart.locator('summary').click();
			const table = chart.locator('table');
			await expect(table.locator('thead th').allTextContents()).resolves.toEqual(
				expect.arrayContaining(['Bevilget pr. år', 'Forbrugt pr. år'])
			);
			// Every month of 2024 carries the year's allocation, not only December.
			const months2024 = table.locator('tbody tr').filter({ has: page.locator('th', { hasText: / 2024$/ }) });
			await expect(months2024.count()).resolves.toBe(12);
			for (const row of await months2024.all())
				await expect(row.textContent()).resolves.toContain('1,8\u00a0mio.\u00a0kr.');
			await chart.locator('summary').click();

			// Every chart on the page (the two yearly ones too): the canvas is no wider than its box, and no tick label runs
			// off its left or right edge (a cut label leaves ink in the outermost pixel columns; plot and axes end inside).
			const fits = await chartsFit(page);
			expect(fits).toHaveLength(3);
			for (const fit of fits) expect([width, ...fit]).toEqual([width, fit[0], false, 0, 0]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			await chart.scrollIntoViewIfNeeded();
			await chart.screenshot({ path: `test-results/anbefaling-7-maaned-${width}.png` });
			// A half-yearly KPI (Anbefaling 8): the year held across both halves; its axes fit too.
			await page.goto(`${server.url}/?asOf=2026-11-22`);
			const eight = page.locator('tbody tr[data-recommendation="8"] th a').first();
			await page.goto(new URL((await eight.getAttribute('href'))!, server.url).href);
			for (const fit of await chartsFit(page)) expect([width, ...fit]).toEqual([width, fit[0], false, 0, 0]);
			await page
				.locator('section[aria-labelledby^="graf-"]')
				.first()
				.screenshot({ path: `test-results/anbefaling-8-halvaar-${width}.png` });
			await narrow.close();
		}
	});
});
