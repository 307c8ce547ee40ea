import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiToken } from '../helpers/api-token';
import { launchChromium } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';

const KPI = 'Andel nye ledere rekrutteret internt';

/**
 * Issue 20: the report page keeps an approved report's content in the server's memory. Its page must stay
 * byte for byte the same after live edits (apart from the CSP nonces), a draft must show an edit at once,
 * and a corrected, newly approved version must show its own figures, not the cached ones of the first.
 */
describe('the annual report page cache', () => {
	let server: RunningServer;
	let director: string;
	let api: Record<string, string>;

	beforeAll(async () => {
		server = await startDemoServer({ env: { FREMDRIFT_QUERY_COUNT_HEADER: '1' } });
		director = await signInCookie(server.url, 'direktor@norddjurs.demo');
		api = { authorization: `Bearer ${await apiToken(server, 'direktor@norddjurs.demo')}`, origin: server.url };
	});
	afterAll(() => server?.stop());

	/** The report page's HTML without what differs per response (the CSP nonces). */
	async function reportHtml(id: number): Promise<string> {
		const response = await fetch(`${server.url}/status/${id}`, { headers: { cookie: director } });
		expect(response.status).toBe(200);
		return (await response.text()).replace(/ nonce="[^"]*"/g, '');
	}

	/** The newest report ids of the status list, newest edition first. */
	async function reportIds(): Promise<number[]> {
		const html = await (await fetch(`${server.url}/status`, { headers: { cookie: director } })).text();
		return [...new Set([...html.matchAll(/href="\/status\/(\d+)"/g)].map((m) => Number(m[1])))];
	}

	/** A form action of the report page, as the enhanced form posts it; fails the test unless it succeeds. */
	async function act(id: number, action: string, fields: Record<string, string> = {}): Promise<void> {
		const version = /name="version" value="(\d+)"/.exec(await reportHtml(id))?.[1] ?? '';
		const response = await fetch(`${server.url}/status/${id}?/${action}`, {
			method: 'POST',
			headers: {
				cookie: director,
				origin: server.url,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ version, ...fields })
		});
		expect([action, (await response.json()).type]).toEqual([action, 'success']);
	}

	async function approve(id: number): Promise<void> {
		await act(id, 'submit');
		await act(id, 'approve', { confirmFreeze: 'on', confirmExampleData: 'on' });
	}

	/** Sets the KPI's 2025 value through the API, as an HR system would. */
	async function set2025(value: number): Promise<void> {
		const kpis = (await (await fetch(`${server.url}/api/v1/kpis`, { headers: api })).json()).kpis;
		const kpi = kpis.find((k: { name: string }) => k.name === KPI);
		const url = `${server.url}/api/v1/kpis/${kpi.id}/observations`;
		const stored = (await (await fetch(url, { headers: api })).json()).observations;
		const version = stored.find((o: { period: string }) => o.period === '2025').version;
		const put = await fetch(`${url}/2025`, {
			method: 'PUT',
			headers: { ...api, 'content-type': 'application/json' },
			body: JSON.stringify({ value, version })
		});
		expect(put.status).toBe(200);
	}

	/** The KPI's latest value as recommendation 1's KPI table shows it (plain spaces). */
	function latest(html: string): string | undefined {
		const row = html.slice(html.indexOf(`<tr data-kpi="${KPI}"`));
		return /data-latest[^>]*>\s*([^<]*?)\s*</.exec(row)?.[1].replace(/\s+/g, ' ');
	}

	test('a report page takes as many queries for a small organisation as for a larger one', async () => {
		/** The queries of each report of the organisation's list (a draft and a published one), as its director. */
		async function queriesOf(organisation: string): Promise<number[]> {
			const cookie = await signInCookie(server.url, `direktor@${organisation}.demo`);
			const list = await (await fetch(`${server.url}/status`, { headers: { cookie } })).text();
			const ids = [...new Set([...list.matchAll(/href="\/status\/(\d+)"/g)].map((m) => Number(m[1])))];
			const counts = [];
			for (const id of ids.sort((a, b) => a - b)) {
				const get = () => fetch(`${server.url}/status/${id}`, { headers: { cookie } });
				// The second of two: the session's sign of life (written at most once a minute) is not the page's.
				await (await get()).arrayBuffer();
				const response = await get();
				expect(response.status).toBe(200);
				await response.arrayBuffer();
				counts.push(Number(response.headers.get('x-query-count')));
			}
			return counts;
		}
		const norddjurs = await queriesOf('norddjurs');
		const allerod = await queriesOf('allerod');
		expect(norddjurs.length).toBe(2);
		expect(allerod).toEqual(norddjurs);
	});

	test('an approved report is the same page after live edits, a draft shows them, a new version its own', async () => {
		const [draft] = await reportIds();
		const before = latest(await reportHtml(draft));
		await set2025(43);
		expect(before).not.toBe('43 % (2025)');
		expect(latest(await reportHtml(draft))).toBe('43 % (2025)');

		await approve(draft);
		const approved = await reportHtml(draft);
		expect(approved).toContain('data-report-state="approved"');
		expect(latest(approved)).toBe('43 % (2025)');
		expect(await reportHtml(draft)).toBe(approved);

		// Live edits after approval: the frozen page does not move.
		await set2025(46);
		expect(await reportHtml(draft)).toBe(approved);

		// A correction is a new report: its draft shows the edit, and once approved it shows its own figures.
		await act(draft, 'correct', { changeNote: 'Rettet efter revision' });
		const corrected = Math.max(...(await reportIds()));
		expect(corrected).not.toBe(draft);
		expect(latest(await reportHtml(corrected))).toBe('46 % (2025)');
		await approve(corrected);
		expect(latest(await reportHtml(corrected))).toBe('46 % (2025)');
		expect(latest(await reportHtml(draft))).toBe('43 % (2025)');
	});

	test("a chart's values table is one toggle away on screen and printed without one, also without JavaScript", async () => {
		const browser = await launchChromium();
		try {
			const [id] = await reportIds();
			const noScript = await browser.newContext({ javaScriptEnabled: false });
			const [name, value] = director.split('=');
			await noScript.addCookies([{ name, value, url: server.url }]);
			const report = await noScript.newPage();
			await report.goto(`${server.url}/status/${id}`);
			const tables = report.locator('table[data-chart-values]');
			expect(await tables.count()).toBeGreaterThan(0);
			const shown = () => tables.evaluateAll((all) => [...new Set(all.map((table) => table.checkVisibility()))]);
			expect(await shown()).toEqual([false]);
			await report.emulateMedia({ media: 'print' });
			expect(await shown()).toEqual([true]);
		} finally {
			await browser.close();
		}
	});
});
