import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/lib/server/infra/db';
import { createSession, sessionCookieName } from '../../src/lib/server/auth/session';
import { generate, nationalShape } from '../bench/generate';
import { createServerDatabase, startServerOn, type ServerDatabase, type ServerProcess } from '../helpers/server';

/** The page's hydration data (SvelteKit's inline `<script>`) and the rest (markup, head), in bytes. */
function partsOf(html: string) {
	const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[0]);
	const script = scripts.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
	return { total: Buffer.byteLength(html), script, markup: Buffer.byteLength(html) - script, scripts };
}

/**
 * Issue 20, goal 2: the bench's shape (a recommendation of 4 KPIs × 120 monthly values, read by a director) gives a
 * recommendation page of at most 120 kB and a KPI page of at most 80 kB, with each value sent once.
 */
describe('page sizes at the bench’s shape', () => {
	let database: ServerDatabase;
	let server: ServerProcess;
	let cookie: string;
	let recommendationId: number;
	let kpiId: number;

	beforeAll(async () => {
		database = await createServerDatabase({ seed: false });
		const handle = await openDatabase(
			database.env.DATABASE_URL
				? { databaseUrl: database.env.DATABASE_URL, poolMax: 2 }
				: { dataDir: database.env.FREMDRIFT_DATA_DIR }
		);
		try {
			await generate(handle.db, { prefix: 'kommune', organisations: 1, codeOffset: null, shape: nationalShape });
			const sample = await sql<{ directorId: number; recommendationId: number; kpiId: number }>`
				select u.id as "directorId", r.id as "recommendationId", rk.kpi_id as "kpiId"
				from app_user u
				join programme p on p.organisation_id = u.organisation_id and p.name = 'Program 1'
				join recommendation r on r.programme_id = p.id and r.number = 1
				join recommendation_kpi rk on rk.recommendation_id = r.id and rk.is_primary
				where u.role = 'director'`.execute(handle.db);
			({ recommendationId, kpiId } = sample.rows[0]);
			const { token } = await createSession(handle.db, sample.rows[0].directorId, { userAgent: 'page-size' });
			cookie = `${sessionCookieName(false)}=${token}`;
		} finally {
			await handle.close();
		}
		server = await startServerOn(database);
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	const get = async (path: string) => {
		const response = await fetch(server.url + path, { headers: { cookie } });
		expect(response.status).toBe(200);
		return response.text();
	};

	// A month of the generated series that is no baseline, target or latest period: it is only a value's period.
	const oldMonth = { period: '2017-05', da: 'maj 2017' };
	const count = (text: string, part: string) => text.split(part).length - 1;

	test('the recommendation page is at most 120 kB and sends each KPI value once, in the charts’ data', async () => {
		const html = await get(`/anbefalinger/${recommendationId}`);
		const { total, script, markup, scripts } = partsOf(html);
		console.log(`recommendation page: ${total} B (hydration ${script} B, markup ${markup} B)`);
		expect(total).toBeLessThanOrEqual(120 * 1024);
		const data = scripts.join('');
		// The four charts' series, each once, with nothing the page does not show (ids, comments, sources, versions).
		expect(count(data, `period:"${oldMonth.period}"`)).toBe(nationalShape.kpis);
		expect(count(data, `{period:"${oldMonth.period}",value:`)).toBe(nationalShape.kpis);
		expect(data).not.toMatch(/numericValue|enteredAt|source:"Lønsystemet"|comment:/);
		// The markup's tables hold the latest three years and the target period, not ten years of values again …
		const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script>/g, '');
		expect(withoutScripts).not.toContain(oldMonth.da);
		expect(count(withoutScripts, '<th scope="row">oktober 2026</th>')).toBe(nationalShape.kpis);
		expect(count(withoutScripts, '<th scope="row">december 2027</th>')).toBe(nationalShape.kpis);
		// … and each chart's table links to the full one on its KPI's page.
		expect(count(withoutScripts, 'Hele tabellen står på nøgletallets side')).toBe(nationalShape.kpis);
		expect(withoutScripts).toContain(`href="/noegletal/${kpiId}#graf"`);
	});

	test('the KPI page is at most 80 kB; every value stays reachable in its chart’s table and the full values table', async () => {
		const html = await get(`/noegletal/${kpiId}`);
		const { total, script, markup, scripts } = partsOf(html);
		console.log(`KPI page: ${total} B (hydration ${script} B, markup ${markup} B)`);
		expect(total).toBeLessThanOrEqual(80 * 1024);
		const data = scripts.join('');
		// One series, the chart's and the table's: its rows without id, KPI id or source.
		expect(count(data, `period:"${oldMonth.period}"`)).toBe(1);
		expect(count(data, `{period:"${oldMonth.period}",value:`)).toBe(1);
		expect(data).not.toMatch(/[{,]source:"/);
		const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script>/g, '');
		// The chart's table has every period from the baseline (November 2016) to the target (December 2027) …
		expect(withoutScripts).toContain('<th scope="row">november 2016</th>');
		expect(withoutScripts).toContain('<th scope="row">december 2027</th>');
		expect(count(withoutScripts, oldMonth.da)).toBe(1);
		// … while the values table (with its edit and delete forms) shows the newest 24, and all 120 one link away.
		expect(count(withoutScripts, 'data-period="')).toBe(24);
		expect(withoutScripts).toContain('href="?vaerdier=alle#vaerdier"');
		const all = await get(`/noegletal/${kpiId}?vaerdier=alle`);
		expect(count(all, 'data-period="')).toBe(nationalShape.months);
		expect(all).toContain(`data-period="${oldMonth.period}"`);
	});
});
