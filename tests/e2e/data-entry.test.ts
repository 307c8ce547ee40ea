import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import type { RunningServer } from '../helpers/server';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

/** The id of a Norddjurs KPI, read from its recommendation page as the director sees it. */
async function kpiId(server: RunningServer, recommendation: number, name: string): Promise<string> {
	const cookie = await signInCookie(server.url, 'direktor@norddjurs.demo');
	const list = await (await fetch(`${server.url}/api/v1/recommendations`, { headers: { cookie } })).json();
	const id = list.recommendations.find((r: { number: number }) => r.number === recommendation).id;
	const html = await (await fetch(`${server.url}/anbefalinger/${id}`, { headers: { cookie } })).text();
	const match = new RegExp(`href="/noegletal/(\\d+)">${name.replace(/[()]/g, '\\$&')}<`).exec(html);
	if (!match) throw new Error(`KPI ${name} not found on Anbefaling ${recommendation}`);
	return match[1];
}

describe.skipIf(!hasChromium)('entering KPI values, in Chromium', () => {
	const demo = useDemoBrowser();

	test('the project lead lands on "Mine nøgletal", overdue first, enters the oldest missing month as "7,4", which becomes its latest value', async () => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		expect(new URL(page.url()).pathname).toBe('/mine-noegletal');
		// What is overdue comes first; the monthly sick leave (values only to August 2026) is among it.
		const overdueFlags = await page
			.locator('tbody tr[data-kpi]')
			.evaluateAll((rows) => rows.map((r) => r.querySelector('[data-overdue]') !== null));
		expect(overdueFlags[0]).toBe(true);
		expect(overdueFlags).toEqual([...overdueFlags].sort((a, b) => Number(b) - Number(a)));
		const first = page.locator('tr[data-kpi="Sygefravær, Velfærdsområdet (måned)"]');
		await expect(first.locator('[data-overdue]').count()).resolves.toBe(1);
		const axeList = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axeList.violations.map((v) => v.id)).toEqual([]);

		await first.getByRole('link').click();
		await page.waitForURL(/\/noegletal\/\d+/);
		await expect(page.locator('[data-overdue]').count()).resolves.toBe(1);
		const statusBefore = await page.locator('[data-kpi-status] [data-status]').getAttribute('data-status');
		expect(statusBefore).not.toBe('off_track');
		const period = await page.getByLabel('Periode').inputValue();
		expect(period).toMatch(/^\d{4}-\d{2}$/);
		await page.getByLabel('Værdi', { exact: true }).fill('7,4');
		await page.getByRole('button', { name: 'Gem værdi', exact: true }).click();
		await page.waitForURL(new RegExp(`\\?gemt=${period}#indtast$`));
		await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/^Værdien for .+ er gemt\.$/);
		await expect(page.locator(`tr[data-period="${period}"] td.number`).textContent()).resolves.toBe('7,4\u00a0%');
		// Judged on the rolling year (DESIGN §3 revised; the demo's target is 6,0 % in December 2027): 7,4 % for
		// September 2026 lifts the mean of October 2025 – September 2026 to 6,675 % against a baseline of 7,9 %,
		// A = 0,645 where E = 45/60 = 0,75 → at risk (on the latest value alone, A = 0,26, it would be behind).
		await expect(page.locator('[data-kpi-status] [data-status]').textContent()).resolves.toContain('I risiko');
		await expect(page.locator('[data-status-reason]').textContent()).resolves.toContain(
			'i gennemsnit de seneste 12 måneder til og med'
		);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

		await page.goto(`${demo.server.url}/mine-noegletal`);
		const row = page.locator('tr[data-kpi="Sygefravær, Velfærdsområdet (måned)"]');
		// As of today the month just entered was the one required, unless the calendar has moved past it.
		await expect(row.locator('td.number').textContent()).resolves.toContain('7,4');
		await context.close();
	});

	test('a KPI id is plain digits: /noegletal/01, 1.0 and 0x1 are 404 like an unknown id, page and edit form alike', async () => {
		const id = await kpiId(demo.server, 7, 'Trivselsscore, Velfærdsområdet');
		const director = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const status = async (path: string) =>
			(await fetch(`${demo.server.url}${path}`, { headers: { cookie: director }, redirect: 'manual' })).status;
		expect(await status(`/noegletal/${id}`)).toBe(200);
		for (const path of [
			`/noegletal/0${id}`,
			`/noegletal/${id}.0`,
			`/noegletal/0x${Number(id).toString(16)}`,
			`/noegletal/0${id}/rediger`,
			`/noegletal/${id}.0/rediger`
		]) {
			expect([path, await status(path)]).toEqual([path, 404]);
		}
	});

	test("a hand-made POST for another lead's KPI is refused and saves nothing", async () => {
		const id = await kpiId(demo.server, 3, 'Personaleomsætning blandt ledere, Velfærdsområdet');
		const lead = await signInCookie(demo.server.url, 'projektleder@norddjurs.demo');
		const response = await fetch(`${demo.server.url}/noegletal/${id}?/save`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie: lead,
				origin: demo.server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ period: '2026', value: '1,0' })
		});
		expect(response.status).toBe(403);
		const director = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const page = await (await fetch(`${demo.server.url}/noegletal/${id}`, { headers: { cookie: director } })).text();
		expect(page).not.toContain('data-period="2026"');
	});

	test('two people correct the same value: the second save is refused with both values, the first stands', async () => {
		const id = await kpiId(demo.server, 7, 'Sygefravær, Velfærdsområdet (år)');
		const first = await signInPage(await demo.browser.newContext(), demo.server.url, 'direktor@norddjurs.demo');
		const second = await signInPage(await demo.browser.newContext(), demo.server.url, 'projektleder@norddjurs.demo');
		for (const page of [first, second]) await page.goto(`${demo.server.url}/noegletal/${id}?periode=2025`);
		await first.getByLabel('Værdi', { exact: true }).fill('6,6');
		await first.getByRole('button', { name: 'Gem værdi', exact: true }).click();
		await first.waitForURL(/\?gemt=2025#indtast$/);
		await second.getByLabel('Værdi', { exact: true }).fill('6,9');
		await second.getByRole('button', { name: 'Gem værdi', exact: true }).click();
		// The refusal answers in place (use:enhance): the address stays that of the page.
		await second.getByRole('alert').filter({ hasText: 'Gemt værdi' }).waitFor();
		expect(second.url()).toMatch(/\?periode=2025$/);
		const alert = await second.getByRole('alert').textContent();
		expect(alert).toContain('Gemt værdi: 6,6\u00a0%');
		expect(alert).toContain('Din værdi: 6,9\u00a0%');
		await first.goto(`${demo.server.url}/noegletal/${id}`);
		await expect(first.locator('tr[data-period="2025"] td.number').textContent()).resolves.toBe('6,6\u00a0%');
		// The director sees both saves in the history.
		await expect(
			first.locator('section[aria-labelledby="historik"] tr[data-action="observation.updated"]').first().textContent()
		).resolves.toContain('Værdi rettet');
	});

	test('an Excel-pasted block of 12 months with one bad cell is refused naming that line; fixed, all 12 are saved', async () => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		const kpi = 'Sygefravær, Velfærdsområdet (måned)';
		// Near the series' first stored value (8,3 in January 2023), so no change is unusual (issue 14).
		const block = (bad: boolean) =>
			['Nøgletal\tPeriode\tVærdi\tKommentar']
				.concat(
					Array.from(
						{ length: 12 },
						(_, i) =>
							`${kpi}\t2019-${String(i + 1).padStart(2, '0')}\t${bad && i === 4 ? '7,x' : `8,${i % 10}`}\tPrognose`
					)
				)
				.join('\n');
		await page.goto(`${demo.server.url}/noegletal/import`);
		await page.getByLabel('Indsæt fra Excel').fill(block(true));
		await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
		await page.waitForURL(/\?\/preview$/);
		await expect(page.locator('[data-import-summary]').textContent()).resolves.toContain(
			'12 rækker: 11 nye, 0 ændrede, 0 uændrede, 1 med fejl.'
		);
		await expect(page.locator('tr[data-kind="error"]').getAttribute('data-line')).resolves.toBe('6');
		await expect(page.locator('tr[data-kind="error"]').textContent()).resolves.toContain('Skriv et tal, fx 7,4.');
		await expect(page.getByRole('button', { name: /^Gem alle/ }).count()).resolves.toBe(0);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

		await page.getByLabel('Indsæt fra Excel').fill(block(false));
		await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
		await page.waitForURL(/\?\/preview$/);
		await expect(page.locator('[data-import-summary]').textContent()).resolves.toContain('12 rækker: 12 nye');
		await page.getByRole('button', { name: 'Gem alle 12 rækker' }).click();
		await page.waitForURL(/\?\/save$/);
		await expect(page.getByRole('status').first().textContent()).resolves.toBe(
			'Importen er gemt: 12 nye og 0 ændrede værdier (0 var uændrede).'
		);
		await context.close();
	});

	test('a refusal the server renders (a form posted before the page hydrated) also takes the focus', async () => {
		const id = await kpiId(demo.server, 7, 'Trivselsscore, Velfærdsområdet');
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal/${id}`);
		// form.submit() skips the submit event, so use:enhance does not answer in place: the browser posts and
		// loads the server's page, as it does when someone clicks before the JavaScript has arrived.
		await Promise.all([
			page.waitForURL(/\?\/delete#indtast$/),
			page.locator('tr[data-period="2023"] form.delete').evaluate((form: HTMLFormElement) => form.submit())
		]);
		await page.getByRole('alert').filter({ hasText: 'Sæt flueben for at bekræfte sletningen.' }).waitFor();
		await page.waitForFunction(() => document.activeElement?.id === 'besked');
		await expect(page.locator('tr[data-period="2023"]').count()).resolves.toBe(1);
		await context.close();
	});

	test('deleting needs the confirmation box', async () => {
		const id = await kpiId(demo.server, 7, 'Trivselsscore, Velfærdsområdet');
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'projektleder@norddjurs.demo');
		await page.goto(`${demo.server.url}/noegletal/${id}`);
		const row = page.locator('tr[data-period="2023"]');
		await row.getByRole('button', { name: 'Slet værdien' }).click();
		// The delete form's own answer says why nothing happened (it used to be silent), focused beside the entry form.
		await page.getByRole('alert').filter({ hasText: 'Sæt flueben for at bekræfte sletningen.' }).waitFor();
		await expect(page.locator('tr[data-period="2023"]').count()).resolves.toBe(1);
		// The page moves the focus a moment after the answer renders (after SvelteKit's own focus reset): wait for it.
		await page.waitForFunction(() => document.activeElement?.id === 'besked');
		await page.goto(`${demo.server.url}/noegletal/${id}`);
		await page
			.locator('tr[data-period="2023"]')
			.getByLabel(/Ja, slet værdien/)
			.check();
		await page.locator('tr[data-period="2023"]').getByRole('button', { name: 'Slet værdien' }).click();
		await page.waitForURL(/\?slettet=2023#indtast$/);
		await expect(page.getByRole('status').first().textContent()).resolves.toBe('Værdien for 2023 er slettet.');
		await expect(page.locator('tr[data-period="2023"]').count()).resolves.toBe(0);
		await context.close();
	});
});
