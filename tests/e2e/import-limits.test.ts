import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServerDatabase, startServerOn, type ServerDatabase, type ServerProcess } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';
import { sheetXml, xlsxBombs, xlsxFile } from '../helpers/xlsx-files';
import { MAX_IMPORT_ROWS } from '../../src/lib/server/imports/limits';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Starts a new peak: the embedded database's start-up peak is not the files' doing (proc(5), clear_refs). */
function resetPeak(pid: number): void {
	writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Resident and peak resident memory of a process, in MB, from /proc (Linux). */
function memory(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * Issue 12: spreadsheets made to exhaust the server (a cell in column XFD on every row, a 300 MB shared
 * string, a directory that lies about sizes, a million rows; CSVs of millions of rows or cells) are refused with a 4xx and a Danish message
 * naming the limit, through both readers of uploads, while the server's peak memory stays within 100 MB
 * of where it was and it goes on answering.
 */
describe('XLSX and CSV files built to take the server down', () => {
	let database: ServerDatabase;
	let server: ServerProcess;
	let cookie: string;
	let bombs: Record<string, Uint8Array<ArrayBuffer>>;
	const normal = xlsxFile({
		sheet: sheetXml(
			'<row r="1"><c r="A1" t="inlineStr"><is><t>Nøgletal</t></is></c><c r="B1" t="inlineStr"><is><t>Periode</t></is></c><c r="C1" t="inlineStr"><is><t>Værdi</t></is></c></row>' +
				'<row r="2"><c r="A2" t="inlineStr"><is><t>Sygefravær, Velfærdsområdet (år)</t></is></c><c r="B2"><v>2024</v></c><c r="C2"><v>7</v></c></row>'
		)
	});
	const request = (path: string, init: RequestInit) =>
		fetch(`${server.url}${path}`, {
			...init,
			headers: { cookie, origin: server.url, ...init.headers },
			signal: AbortSignal.timeout(60_000)
		});
	const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
	const viaApi = (bytes: Uint8Array<ArrayBuffer>) =>
		request('/api/v1/imports/observations?dryRun=true', {
			method: 'POST',
			headers: { 'content-type': isZip(bytes) ? XLSX_TYPE : 'text/csv' },
			body: bytes
		});
	const viaForm = (bytes: Uint8Array<ArrayBuffer>) => {
		const form = new FormData();
		form.set(
			'file',
			isZip(bytes)
				? new File([bytes], 'tal.xlsx', { type: XLSX_TYPE })
				: new File([bytes], 'tal.csv', { type: 'text/csv' })
		);
		return request('/noegletal/import?/preview', { method: 'POST', headers: { accept: 'text/html' }, body: form });
	};

	// The largest files allowed: MAX_IMPORT_ROWS data rows (one KPI and period over and over, so each later row is
	// answered as a duplicate; every row is still read and checked).
	const largestRow = ['Sygefravær, Velfærdsområdet (år)', '2024', '7'];
	const largest = xlsxFile({
		sheet: sheetXml(
			[['Nøgletal', 'Periode', 'Værdi'], ...Array.from({ length: MAX_IMPORT_ROWS }, () => largestRow)]
				.map((cells) => `<row>${cells.map((text) => `<c t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`)
				.join('')
		)
	});
	const largestCsv = `Nøgletal;Periode;Værdi\n${`${largestRow.join(';')}\n`.repeat(MAX_IMPORT_ROWS)}`;
	const encode = (text: string) => new TextEncoder().encode(text);

	beforeAll(async () => {
		[database, bombs] = await Promise.all([createServerDatabase(), xlsxBombs()]);
		// Text files made the same way: 5 MB that split into 2.5 million rows, or into 5 million cells.
		bombs['CSV: 2.5 million one-letter rows'] = encode('a\n'.repeat(2_500_000));
		bombs['CSV: one line of 5 million separators'] = encode(`Nøgletal;Periode;Værdi\n${';'.repeat(5_000_000)}`);
		server = await startServerOn(database);
		cookie = await signInCookie(server.url, 'projektleder@norddjurs.demo');
		// Warm up: the first import loads the code it needs, and the first import of the most rows allowed grows
		// the heap to what a legitimate import needs (V8 doubles its young generation once and keeps freed pages
		// for reuse: some 60–70 MB of RSS, once per process). Neither is a bomb's doing: without this, that growth
		// fell on whichever bomb came when it happened (CI on a busy machine: "30,000 rows of one cell" +136 MB).
		for (const file of [normal, largest, encode(largestCsv)]) {
			expect((await viaApi(file)).status).toBe(200);
			expect((await viaForm(file)).status).toBe(200);
		}
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	test('each is refused with a 4xx and a Danish message, the peak memory rises by less than 100 MB, and a normal import still works', async () => {
		const outcomes: Record<string, string> = {};
		const seconds: Record<string, number> = {};
		const rise: Record<string, number> = {};
		// Each upload on its own: the peak it causes above what the server held just before it.
		const measured = async <T>(send: () => Promise<T>): Promise<[T, number]> => {
			resetPeak(server.pid);
			const before = memory(server.pid).rss;
			const answer = await send();
			return [answer, Math.round(memory(server.pid).peak - before)];
		};
		for (const [name, bytes] of Object.entries(bombs)) {
			const started = performance.now();
			const [[api, apiBody], apiRise] = await measured(async () => {
				const answer = await viaApi(bytes);
				return [answer, await answer.json()] as const;
			});
			const [[form, formHtml], formRise] = await measured(async () => {
				const answer = await viaForm(bytes);
				return [answer, await answer.text()] as const;
			});
			seconds[name] = Math.round(performance.now() - started) / 1000;
			rise[name] = Math.max(apiRise, formRise);
			const shown = formHtml.includes(escapeHtml(apiBody.error?.message ?? '—'));
			outcomes[name] =
				`${api.status} ${apiBody.error?.code} / ${form.status} ${shown ? 'same message' : 'other message'}`;
		}
		console.log(
			`import limits: seconds per file (API, then the page) ${JSON.stringify(seconds)}; peak RSS rise per upload in MB (the larger of the two) ${JSON.stringify(rise)}`
		);
		expect(outcomes).toEqual(
			Object.fromEntries(Object.keys(bombs).map((name) => [name, '422 unreadable / 400 same message']))
		);
		expect(Object.entries(rise).filter(([, mb]) => mb >= 100)).toEqual([]);
		expect(server.alive()).toBe(true);
		expect((await viaApi(normal)).status).toBe(200);
		const kpis = await request('/api/v1/kpis', { method: 'GET' });
		expect(kpis.status).toBe(200);
	});

	test('twelve bombs at once: each refused or told to try again, the server answers throughout', async () => {
		const bomb = bombs['2,000 rows, a cell in XFD each, no dimension'];
		const statuses = await Promise.all(Array.from({ length: 12 }, () => viaApi(bomb).then((r) => r.status)));
		// Two are read at once and eight wait; any beyond that are told to try again (503), never a crash.
		expect(statuses.every((s) => s === 422 || s === 503)).toBe(true);
		expect(statuses.filter((s) => s === 422).length).toBeGreaterThanOrEqual(10);
		expect((await request('/api/v1/kpis', { method: 'GET' })).status).toBe(200);
	});
});

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}
