import { describe, expect, test } from 'vitest';
import { unflatten } from 'devalue';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInCookie, signInPage } from '../helpers/sign-in';

const KPI = 'Sygefravær, Velfærdsområdet (måned)';

/**
 * Issue 15, item 5: a KPI's value history (who, when, period, old → new, comment) for admins, directors and the
 * KPI's assigned project lead; nobody else gets it, not even in the page's data.
 */
describe.skipIf(!hasChromium)('the value history on the KPI page, in Chromium', () => {
	const demo = useDemoBrowser();

	/** The KPI page's load result (SvelteKit's __data.json, decoded), or the refusal's status. */
	async function pageData(cookie: string, kpiId: number): Promise<{ status: number; data: Record<string, unknown> }> {
		const response = await fetch(`${demo.server.url}/noegletal/${kpiId}/__data.json`, { headers: { cookie } });
		const body = await response.json();
		if (body.type !== 'data') return { status: body.status ?? response.status, data: {} };
		const nodes = (body.nodes as { type: string; data?: unknown[] }[]).filter((n) => n.type === 'data');
		const page = unflatten(nodes.at(-1)!.data as never) as Record<string, unknown>;
		return { status: response.status, data: page };
	}

	test('a director and the assigned project lead see who changed which value from what to what; a politician and a lead of other KPIs do not', async () => {
		const leadCookie = await signInCookie(demo.server.url, 'projektleder@norddjurs.demo');
		const { kpis } = await (await fetch(`${demo.server.url}/api/v1/kpis`, { headers: { cookie: leadCookie } })).json();
		const kpiId: number = kpis.find((k: { name: string }) => k.name === KPI).id;

		// The project lead enters a value on the page, with a comment.
		const leadPage = await signInPage(await demo.browser.newContext(), demo.server.url, 'projektleder@norddjurs.demo');
		await leadPage.goto(`${demo.server.url}/noegletal/${kpiId}`);
		const period = await leadPage.getByLabel('Periode').inputValue();
		await leadPage.getByLabel('Værdi', { exact: true }).fill('7,4');
		await leadPage.locator('#felt-comment').fill('Tal fra HR');
		await leadPage.getByRole('button', { name: 'Gem værdi', exact: true }).click();
		await leadPage.waitForURL(/\?gemt=/);

		const historyRow = (page: typeof leadPage) =>
			page.locator('section[aria-labelledby="historik"] tbody tr[data-action="observation.created"]').first();
		for (const [email, width] of [
			['direktor@norddjurs.demo', 1280],
			['projektleder@norddjurs.demo', 320]
		] as const) {
			const context = await demo.browser.newContext({ viewport: { width, height: 800 } });
			const page = await signInPage(context, demo.server.url, email);
			await page.goto(`${demo.server.url}/noegletal/${kpiId}#historik`);
			const cells = await historyRow(page).locator('td').allTextContents();
			expect(cells[1]).toBe('Peter Projektleder');
			expect(cells[2]).toBe('Værdi indtastet');
			expect(cells[3]).toMatch(/^\S+ \d{4}$/);
			expect(cells[4]).toBe('– → 7,4\u00a0%');
			expect(cells[5]).toBe('Tal fra HR');
			await page.locator('#historik').scrollIntoViewIfNeeded();
			await page.screenshot({ path: `test-results/noegletal-historik-${width}.png` });
			await context.close();
		}
		expect(period).toMatch(/^\d{4}-\d{2}$/);

		// The page data itself: history for the director, none for a politician (refused) …
		const director = await pageData(await signInCookie(demo.server.url, 'direktor@norddjurs.demo'), kpiId);
		expect((director.data.history as unknown[]).length).toBeGreaterThan(0);

		// The recommendation's Historik includes the value, labelled with the KPI's name and period.
		const recommendationId = (director.data.recommendations as { id: number }[])[0].id;
		const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const directorPage = await signInPage(context, demo.server.url, 'direktor@norddjurs.demo');
		await directorPage.goto(`${demo.server.url}/anbefalinger/${recommendationId}`);
		const row = directorPage
			.locator('section[aria-labelledby="historik"] tr[data-action="observation.created"]')
			.first();
		const cells = await row.locator('td').allTextContents();
		expect(cells.slice(1)).toEqual([
			'Peter Projektleder',
			`Værdi indtastet: ${KPI}`,
			expect.stringMatching(/^\S+ \d{4}$/),
			'– → 7,4\u00a0%',
			'Tal fra HR'
		]);
		await row.scrollIntoViewIfNeeded();
		await directorPage.screenshot({ path: 'test-results/anbefaling-historik-1280.png' });
		await context.close();
		const politicianCookie = await signInCookie(demo.server.url, 'politiker@norddjurs.demo');
		const politician = await fetch(`${demo.server.url}/noegletal/${kpiId}/__data.json`, {
			headers: { cookie: politicianCookie }
		});
		expect(await politician.text()).not.toContain('observation.created');
		const politicianPage = await signInPage(
			await demo.browser.newContext(),
			demo.server.url,
			'politiker@norddjurs.demo'
		);
		await politicianPage.goto(`${demo.server.url}/noegletal/${kpiId}`);
		await expect(politicianPage.locator('#historik').count()).resolves.toBe(0);

		// … and none for the project lead on a KPI they do not write (the load does not send it).
		let other: Record<string, unknown> | null = null;
		for (const k of kpis as { id: number }[]) {
			const { data } = await pageData(leadCookie, k.id);
			if (data.canEdit === false) {
				other = data;
				break;
			}
		}
		expect(other).not.toBeNull();
		expect(other!.history).toBeNull();
	});
});
