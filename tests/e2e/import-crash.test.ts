import { watch } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onPostgres } from '../helpers/test-db';
import { createServerDatabase, startServerOn, type ServerDatabase, type ServerProcess } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';

const ROWS = 10_000;
const KPIS = 10;
const MONTHS_PER_KPI = ROWS / KPIS; // 1,000 months from January 1900: all in the past, as a value's period must be

/**
 * `kill -9` of the server while a 10,000-row import is being written, then a restart on the same database
 * (the PGlite folder, or the PostgreSQL database): the import is all or nothing, and the database opens.
 */
describe('kill -9 in the middle of a 10,000-row import', () => {
	let database: ServerDatabase;
	let server: ServerProcess | undefined;
	let cookie: string;
	const kpiIds: number[] = [];

	const request = (path: string, init: RequestInit = {}, ms = 60_000) =>
		fetch(`${server!.url}${path}`, {
			...init,
			headers: { cookie, origin: server!.url, ...init.headers },
			signal: AbortSignal.timeout(ms)
		});
	const signIn = async () => (cookie = await signInCookie(server!.url, 'direktor@norddjurs.demo'));
	async function storedRows(): Promise<number> {
		let total = 0;
		for (const id of kpiIds)
			total += (await (await request(`/api/v1/kpis/${id}/observations`)).json()).observations.length;
		return total;
	}

	beforeAll(async () => {
		database = await createServerDatabase();
		server = await startServerOn(database);
		await signIn();
		// Ten new monthly KPIs, 1,000 past months each.
		for (let n = 1; n <= KPIS; n++) {
			const created = await request('/api/v1/kpis', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					name: `Importtest ${n}`,
					unit: 'count',
					direction: 'higher',
					frequency: 'month',
					baseline: { value: 1, period: '1900-01' },
					target: { value: 100, period: '2199-12' }
				})
			});
			expect(created.status).toBe(201);
			kpiIds.push((await created.json()).id);
		}
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	test('after the restart none or all of the rows are there, and the import can be run again', async () => {
		// Values alternate 0 and 1, so no change is unusual for the KPI (the plausibility rules of issue 14).
		const lines = ['KPI;Periode;Værdi'];
		for (let i = 0; i < ROWS; i++) {
			const month = i % MONTHS_PER_KPI;
			lines.push(
				`${kpiIds[Math.floor(i / MONTHS_PER_KPI)]};${1900 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')};${i % 2}`
			);
		}
		const csv = lines.join('\r\n');
		const post = (dryRun: boolean) =>
			request(
				`/api/v1/imports/observations${dryRun ? '?dryRun=true' : ''}`,
				{ method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv },
				120_000
			);

		const dry = await post(true);
		expect(dry.status).toBe(200);
		expect(await dry.json()).toMatchObject({ rows: ROWS, created: ROWS, errors: [] });

		// Start the import and kill the server while its transaction writes.
		let evidence = 'no write seen';
		const folder = database.env.FREMDRIFT_DATA_DIR;
		// PGlite runs inside the server, so nothing outside sees its transaction; but its table files in the data
		// folder change while the values are written (pages leave its small buffer before the commit).
		const writes = { count: 0 };
		const watcher = folder
			? watch(folder, { recursive: true }, (_event, file) => String(file).startsWith('base/') && writes.count++)
			: null;
		let answered = false;
		const importing = post(false).then(
			(r) => ((answered = true), `answered ${r.status}`),
			(e: Error) => `cut off (${e.name})`
		);
		try {
			const deadline = Date.now() + 60_000;
			if (onPostgres) {
				// Wait until PostgreSQL shows the import's transaction inserting the values.
				const pg = postgres(database.env.DATABASE_URL, { max: 1, onnotice: () => {} });
				try {
					const name = new URL(database.env.DATABASE_URL).pathname.slice(1);
					while (Date.now() < deadline && !answered) {
						const rows =
							await pg`select 1 from pg_stat_activity where datname = ${name} and xact_start is not null and query ilike 'insert into "observation"%'`;
						if (rows.length > 0) {
							evidence = 'killed while PostgreSQL ran an insert of the values';
							break;
						}
						await new Promise((r) => setTimeout(r, 5));
					}
				} finally {
					await pg.end({ timeout: 1 });
				}
			} else {
				while (Date.now() < deadline && !answered && writes.count < 20) await new Promise((r) => setTimeout(r, 2));
				if (writes.count >= 20) evidence = `killed after ${writes.count} writes to table files during the import`;
			}
		} finally {
			watcher?.close();
		}
		await server!.kill9();
		const outcome = await importing;
		console.info(`import-crash: ${evidence}; the request was ${outcome}`);
		// If the import answered before a write was seen, the kill did not land mid-import: that run proves nothing.
		expect(evidence, `the kill did not land while the import wrote (${outcome})`).not.toBe('no write seen');

		// Restart on the same database: it must open (PGlite recovers its folder) and hold none or all of the rows.
		server = await startServerOn(database);
		await signIn();
		const after = await storedRows();
		console.info(`import-crash: ${after} of ${ROWS} rows after the restart`);
		expect([0, ROWS]).toContain(after);

		// The database is healthy: the import (again, if it was cut off) completes.
		if (after === 0) {
			const again = await post(false);
			expect(again.status).toBe(200);
			expect(await storedRows()).toBe(ROWS);
		}
	});
});
