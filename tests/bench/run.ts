/**
 * `npm run bench [-- --scale 0.05] [--duration 10] [--out DIR] [--profile]`: the national-scale benchmark (not part
 * of `npm test`).
 *
 * Builds the app, recreates the PostgreSQL database `fremdrift_bench` (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/fremdrift_bench), generates 98 organisations × 3 programmes × 10
 * recommendations × 4 KPIs × 120 monthly values with set-based SQL, starts the built server and measures it
 * with autocannon at concurrency 1 and 16, asking for `Accept-Encoding: br, gzip` like a browser, with the server's
 * CPU time per request (from /proc) beside the latency; measures the ceiling (the overview's SQL replayed on its
 * own, and for comparison a bare node:http server answering the same page), a 10,000-row CSV import, the server's
 * peak memory and the gzipped JavaScript each page loads (in Chromium). With --profile, a second server runs the
 * overview at concurrency 16 under `node --cpu-prof`, and the report names the functions that took the CPU.
 * Writes DIR/latest.json and DIR/latest.md.
 * Goals are reported, not asserted: the machine is shared and the figures are noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import postgres from 'postgres';
import { ensureBuild, projectRoot } from '../../db/cli/build';
import { openDatabase, type Db } from '../../src/lib/server/infra/db';
import { migrateToLatest } from '../../src/lib/server/infra/migrate';
import { createSession, sessionCookieName } from '../../src/lib/server/auth/session';
import { createApiToken } from '../../src/lib/server/auth/api-token';
import { loadOverview } from '../../src/lib/server/kpis/status';
import { todayInCopenhagen } from '../../src/lib/domain/dates';
import { checkedName, withDatabase } from '../helpers/database-url';
import { generate, nationalShape } from './generate';
import { cpuMsOf, monotonicMicros, summariseProfile } from './cpu-profile';
import { buildReport, type JavaScriptSizes, type Load, type OverviewProfile } from './report';

const { values: args } = parseArgs({
	options: {
		scale: { type: 'string', default: '1' },
		duration: { type: 'string', default: '10' },
		out: { type: 'string' },
		profile: { type: 'boolean', default: false }
	},
	strict: true
});
const scale = Number(args.scale);
const duration = Number(args.duration);
if (!(scale > 0 && scale <= 1) || !(duration >= 1 && duration <= 120)) {
	console.error('Brug: npm run bench -- [--scale 0<s≤1] [--duration SEKUNDER] [--out MAPPE] [--profile]');
	process.exit(2);
}
const outDir = resolve(args.out ?? join(projectRoot, 'tests/bench/results'));
const benchUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fremdrift_bench';
const loadAtStart = os.loadavg();
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---------- measuring ----------

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(connections: number, latencies: number[], seconds: number, non2xx = 0, errors = 0): Load {
	const sorted = [...latencies].sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 100) / 100;
	return {
		connections,
		requests: latencies.length,
		requestsPerSecond: round(latencies.length / seconds),
		p50: round(percentile(sorted, 50)),
		p95: round(percentile(sorted, 95)),
		p99: round(percentile(sorted, 99)),
		non2xx,
		errors
	};
}

/**
 * autocannon for `seconds` at `connections`; latencies taken from every response (exact percentiles). With
 * `serverPid`, the server's CPU time over the run per request.
 */
function httpLoad(
	url: string,
	connections: number,
	seconds: number,
	headers: Record<string, string>,
	serverPid?: number
): Promise<Load> {
	return new Promise((resolvePromise, reject) => {
		const latencies: number[] = [];
		let bytes = 0;
		const cpuBefore = serverPid === undefined ? null : cpuMsOf(serverPid);
		const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 30 }, (error, result) => {
			if (error) return reject(error);
			const load = summarise(connections, latencies, result.duration || seconds, result.non2xx, result.errors);
			const cpuAfter = serverPid === undefined ? null : cpuMsOf(serverPid);
			const perRequest = (x: number) => (latencies.length ? x / latencies.length : NaN);
			if (cpuBefore !== null && cpuAfter !== null)
				load.cpuMsPerRequest = Math.round(perRequest(cpuAfter - cpuBefore) * 100) / 100;
			load.transferKbPerRequest = Math.round(perRequest(bytes) / 102.4) / 10;
			resolvePromise(load);
		});
		instance.on('response', (_client, _status, responseBytes, responseTime) => {
			latencies.push(responseTime);
			bytes += responseBytes;
		});
	});
}

function freePort(): Promise<number> {
	return new Promise((resolvePromise, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePromise(port));
		});
	});
}

interface Server {
	url: string;
	child: ChildProcess;
	output(): string;
	stop(): Promise<void>;
}

async function startProcess(args: string[], env: Record<string, string>, port: number): Promise<Server> {
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, args, {
		cwd: projectRoot,
		env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${output}`);
		try {
			await fetch(url, { redirect: 'manual' });
			break;
		} catch {
			if (Date.now() > deadline) throw new Error(`Server did not start:\n${output}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return {
		url,
		child,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** Peak and current resident memory of a process in MB (Linux /proc). */
function memoryOf(pid: number): { peakMb: number; currentMb: number } | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
		return { peakMb: Math.round(kb('VmHWM') / 1024), currentMb: Math.round(kb('VmRSS') / 1024) };
	} catch {
		return null;
	}
}

// ---------- the run ----------

/** The built app on a free port, on the bench database, counting queries; `nodeArgs` go to node before the script. */
async function startApp(nodeArgs: string[] = []): Promise<Server> {
	const port = await freePort();
	return startProcess(
		[...nodeArgs, join(projectRoot, 'build', 'index.js')],
		{
			DATABASE_URL: benchUrl,
			ORIGIN: `http://127.0.0.1:${port}`,
			BODY_SIZE_LIMIT: '6M',
			FREMDRIFT_QUERY_COUNT_HEADER: '1'
		},
		port
	);
}

/** Waits (at most a minute) until the process uses less than 5 % of a core over half a second. */
async function waitUntilIdle(pid: number): Promise<void> {
	const deadline = Date.now() + 60_000;
	let before = cpuMsOf(pid);
	while (before !== null && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 500));
		const after = cpuMsOf(pid);
		if (after === null || after - before < 25) return;
		before = after;
	}
}

/**
 * The overview at concurrency 16 on a second server under `node --cpu-prof` (the measured server stays
 * unprofiled). V8 writes the profile when the server exits; only the samples taken during the measurement
 * are summarised (start-up and warm-up left out). The .cpuprofile stays in a temporary folder for DevTools.
 */
async function profileOverview(headers: Record<string, string>): Promise<OverviewProfile | null> {
	const dir = mkdtempSync(join(os.tmpdir(), 'fremdrift-bench-profile-'));
	const server = await startApp(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
	let load: Load;
	let from: number;
	let to: number;
	try {
		await httpLoad(server.url + '/', 4, 1, headers); // warm-up
		from = monotonicMicros();
		load = await httpLoad(server.url + '/', 16, duration, headers, server.child.pid);
		to = monotonicMicros();
		// Let the requests still in flight finish: a server stopped mid-request may not exit (and write no profile).
		await waitUntilIdle(server.child.pid!);
	} finally {
		await server.stop();
	}
	const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
	if (!name) {
		log(`profil: serveren skrev ingen .cpuprofile i ${dir}`);
		rmSync(dir, { recursive: true, force: true });
		return null;
	}
	const file = join(dir, name);
	const summary = summariseProfile(readFileSync(file, 'utf8'), from, to);
	log(
		`profil af oversigten (c16, ${load.requestsPerSecond}/s): ${summary.top
			.slice(0, 5)
			.map((f) => `${f.function} ${f.selfPercent} %`)
			.join(', ')} … (${file})`
	);
	return { ...summary, load, file };
}

async function recreateDatabase(): Promise<void> {
	const name = checkedName(new URL(benchUrl).pathname.slice(1));
	const admin = postgres(withDatabase(benchUrl, 'postgres'), { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.unsafe(`create database ${name}`);
	} finally {
		await admin.end();
	}
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
	const tables = [
		'organisation',
		'app_user',
		'programme',
		'recommendation',
		'kpi',
		'observation',
		'follow_up_item',
		'budget_line'
	];
	const counts: Record<string, number> = {};
	for (const table of tables) {
		counts[table] = (
			await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)
		).rows[0].n;
	}
	return counts;
}

interface Sample {
	organisationId: number;
	directorId: number;
	recommendationId: number;
	kpiId: number;
	reportId: number;
}

async function sampleOf(db: Db, slug: string): Promise<Sample> {
	const row = await sql<Sample>`
		select o.id as "organisationId", u.id as "directorId", r.id as "recommendationId", rk.kpi_id as "kpiId", ar.id as "reportId"
		from organisation o
		join app_user u on u.organisation_id = o.id and u.role = 'director'
		join programme p on p.organisation_id = o.id and p.name = 'Program 1'
		join recommendation r on r.programme_id = p.id and r.number = 1
		join recommendation_kpi rk on rk.recommendation_id = r.id and rk.is_primary
		join annual_report ar on ar.organisation_id = o.id
		where o.slug = ${slug}`.execute(db);
	return row.rows[0];
}

async function signIn(db: Db, sample: Sample): Promise<{ cookie: string; token: string; sessionToken: string }> {
	const { token: sessionToken } = await createSession(db, sample.directorId, { userAgent: 'fremdrift-bench' });
	const { token } = await createApiToken(db, {
		organisationId: sample.organisationId,
		userId: sample.directorId,
		name: `Bench ${sample.directorId}`,
		createdBy: null
	});
	return { cookie: `${sessionCookieName(false)}=${sessionToken}`, token, sessionToken };
}

interface Target {
	key: string;
	label: string;
	path: (s: Sample) => string;
	api: boolean;
}

const targets: Target[] = [
	{ key: 'overview', label: 'Oversigt', path: () => '/', api: false },
	{ key: 'recommendation', label: 'Anbefaling', path: (s) => `/anbefalinger/${s.recommendationId}`, api: false },
	{ key: 'kpi', label: 'Nøgletal', path: (s) => `/noegletal/${s.kpiId}`, api: false },
	{ key: 'annual_report', label: 'Årsstatus', path: (s) => `/status/${s.reportId}`, api: false },
	{ key: 'api_recommendations', label: 'API: anbefalinger', path: () => '/api/v1/recommendations', api: true },
	{ key: 'api_kpis', label: 'API: nøgletal', path: () => '/api/v1/kpis', api: true },
	{
		key: 'api_observations',
		label: 'API: målinger (120)',
		path: (s) => `/api/v1/kpis/${s.kpiId}/observations`,
		api: true
	}
];

interface Probe {
	status: number;
	queries: number | null;
	/** The body uncompressed, in bytes. */
	bytes: number;
	/** The body as sent (compressed when the server compressed it), in bytes. */
	wireBytes: number;
	encoding: string | null;
	html: string;
}

/** One request as the load sends it; the body is counted as sent and decoded (fetch would hide the encoding). */
function probe(url: string, headers: Record<string, string>): Promise<Probe> {
	return new Promise((resolvePromise, reject) => {
		const request = httpRequest(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				const wire = Buffer.concat(chunks);
				const encoding = response.headers['content-encoding'] ?? null;
				const body = encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire;
				const count = response.headers['x-query-count'];
				resolvePromise({
					status: response.statusCode!,
					queries: count === undefined ? null : Number(count),
					bytes: body.length,
					wireBytes: wire.length,
					encoding,
					html: body.toString('utf8')
				});
			});
		});
		request.on('error', reject);
		request.end();
	});
}

async function javascriptOf(
	base: string,
	sessionToken: string,
	paths: Record<string, string>
): Promise<JavaScriptSizes> {
	const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(chromiumPath)) return javascriptFromHtml(base, sessionToken, paths);
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--accept-lang=da-DK,da'
		]
	});
	const result: JavaScriptSizes = { method: 'chromium' };
	try {
		for (const [key, path] of Object.entries(paths)) {
			const context = await browser.newContext();
			await context.addCookies([{ name: sessionCookieName(false), value: sessionToken, url: base }]);
			const page = await context.newPage();
			const scripts: Promise<Buffer>[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() === 'script' && response.ok()) scripts.push(response.body());
			});
			await page.goto(base + path, { waitUntil: 'networkidle' });
			await page.waitForTimeout(500);
			result[key] = sizes(await Promise.all(scripts));
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return result;
}

/**
 * Without Chromium: the modules the HTML names (modulepreload links, the inline `import(…)`s) and, recursively,
 * their static imports — everything a page loads before it runs, but not dynamic imports made later (Chart.js
 * where a chart is drawn).
 */
async function javascriptFromHtml(
	base: string,
	sessionToken: string,
	paths: Record<string, string>
): Promise<JavaScriptSizes> {
	const result: JavaScriptSizes = { method: 'html' };
	for (const [key, path] of Object.entries(paths)) {
		const page = base + path;
		const html = await (
			await fetch(page, { headers: { cookie: `${sessionCookieName(false)}=${sessionToken}` } })
		).text();
		const queue: string[] = [];
		for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
			const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
			if (/\brel="modulepreload"/.test(tag) && href) queue.push(new URL(href, page).href);
		}
		for (const match of html.matchAll(/import\(["']([^"']+\.js)["']\)/g)) queue.push(new URL(match[1], page).href);
		const bodies = new Map<string, Buffer>();
		while (queue.length > 0) {
			const url = queue.shift()!;
			if (bodies.has(url)) continue;
			const body = Buffer.from(await (await fetch(url)).arrayBuffer());
			bodies.set(url, body);
			// Static imports only (`from"./x.js"`, `import"./x.js"`); `import("./x.js")` is loaded later, if at all.
			for (const match of body.toString('utf8').matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g))
				queue.push(new URL(match[1], url).href);
		}
		result[key] = sizes([...bodies.values()]);
	}
	return result;
}

function sizes(bodies: Buffer[]): { files: number; rawKb: number; gzipKb: number } {
	const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
	return {
		files: bodies.length,
		rawKb: kb(bodies.reduce((sum, b) => sum + b.length, 0)),
		gzipKb: kb(bodies.reduce((sum, b) => sum + gzipSync(b).length, 0))
	};
}

/**
 * The overview's SQL on its own: the statements loadOverview runs, replayed at once per "request" (as its
 * Promise.all issues them), prepared, on a pool as large as the app's (10).
 */
async function sqlCeiling(
	queries: { sql: string; parameters: readonly unknown[] }[],
	seconds: number
): Promise<Load[]> {
	const client = postgres(benchUrl, { max: 10, onnotice: () => {} });
	const once = () => Promise.all(queries.map((q) => client.unsafe(q.sql, q.parameters as never[], { prepare: true })));
	const loads: Load[] = [];
	try {
		for (let i = 0; i < 20; i++) await once();
		for (const connections of [1, 16]) {
			const latencies: number[] = [];
			const start = performance.now();
			const end = start + seconds * 1000;
			await Promise.all(
				Array.from({ length: connections }, async () => {
					while (performance.now() < end) {
						const t0 = performance.now();
						await once();
						latencies.push(performance.now() - t0);
					}
				})
			);
			loads.push(summarise(connections, latencies, (performance.now() - start) / 1000));
		}
	} finally {
		await client.end();
	}
	return loads;
}

const bareServerSource = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.env.BENCH_PAGE);
http.createServer((req, res) => {
	res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
	res.end(body);
}).listen(Number(process.env.PORT), process.env.HOST);
`;

function csvForImport(kpiIds: number[], rows: number): string {
	const lines = ['Nøgletal;Periode;Værdi;Kommentar'];
	outer: for (let month = 0; ; month++) {
		const date = new Date(Date.UTC(2026, 9 - month, 1));
		const period = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
		for (const id of kpiIds) {
			if (lines.length > rows) break outer;
			lines.push(`${id};${period};${(10 + ((id * 7 + month) % 50) / 10).toFixed(1).replace('.', ',')};Importeret`);
		}
	}
	return lines.join('\r\n') + '\r\n';
}

async function main(): Promise<void> {
	const startedAt = new Date();
	log(`skala ${scale}, ${duration} s pr. måling, database ${new URL(benchUrl).pathname.slice(1)}`);
	ensureBuild(log);

	await recreateDatabase();
	const handle = await openDatabase({ databaseUrl: benchUrl, poolMax: 4 });
	const db = handle.db;
	await migrateToLatest(db);
	const organisations = Math.max(1, Math.round(98 * scale));
	let t0 = performance.now();
	const observations = await generate(db, { prefix: 'kommune', organisations, codeOffset: 100, shape: nationalShape });
	// One small organisation: the same pages must take the same number of queries at a fraction of the data.
	await generate(db, {
		prefix: 'lille',
		organisations: 1,
		codeOffset: null,
		shape: { programmes: 1, recommendations: 1, kpis: 1, months: 12 }
	});
	await sql`analyze`.execute(db);
	const generationSeconds = Math.round((performance.now() - t0) / 100) / 10;
	const counts = await rowCounts(db);
	log(`data genereret på ${generationSeconds} s: ${JSON.stringify(counts)}`);

	const big = await sampleOf(db, 'kommune-001');
	const small = await sampleOf(db, 'lille-001');
	const bigAuth = await signIn(db, big);
	const smallAuth = await signIn(db, small);
	const bigKpiIds = (
		await db.selectFrom('kpi').select('id').where('organisationId', '=', big.organisationId).orderBy('id').execute()
	).map((k) => k.id);

	// The overview's SQL, captured from the same function the page calls: loadOverview is the uncached
	// computation (a cache of its result sits beside it), so the ceiling is what a cache miss costs in SQL.
	const captured: { sql: string; parameters: readonly unknown[] }[] = [];
	const capture = await openDatabase({
		databaseUrl: benchUrl,
		poolMax: 1,
		onQuery: (event) =>
			event.level === 'query' && captured.push({ sql: event.query.sql, parameters: event.query.parameters })
	});
	const asOf = todayInCopenhagen();
	const overviewRows = (await loadOverview(capture.db, big.organisationId, asOf)).length;
	await capture.close();
	await handle.close();

	const app = await startApp();
	const startMemory = memoryOf(app.child.pid!);
	log(`server på ${app.url} (${startMemory?.currentMb ?? '?'} MB ved start)`);

	const results: Record<string, unknown>[] = [];
	let overviewHtml = '';
	let profile: OverviewProfile | null = null;
	try {
		// Like a browser, the load asks for Brotli or gzip.
		const headersFor = (target: Target, auth: { cookie: string; token: string }): Record<string, string> =>
			target.api
				? { authorization: `Bearer ${auth.token}`, accept: 'application/json', 'accept-encoding': 'br, gzip' }
				: { cookie: auth.cookie, accept: 'text/html', 'accept-encoding': 'br, gzip' };

		for (const target of targets) {
			const headers = headersFor(target, bigAuth);
			const url = app.url + target.path(big);
			// The session (or token) is re-verified at most once a minute (session.ts, api-token.ts): one request
			// first for each organisation, so that both counts are of the page alone.
			const touch = (of: Target) => (of.api ? '/api/v1/kpis/999999999/observations' : '/indstillinger');
			await probe(app.url + touch(target), headers);
			const first = await probe(url, headers);
			if (first.status !== 200) {
				const reason = first.status === 404 ? 'siden findes ikke endnu (404)' : `svarede ${first.status}`;
				log(`${target.label}: springes over — ${reason}`);
				results.push({ key: target.key, label: target.label, path: target.path(big), skipped: reason });
				continue;
			}
			if (target.key === 'overview') overviewHtml = first.html;
			await probe(app.url + touch(target), headersFor(target, smallAuth));
			const smallProbe = await probe(app.url + target.path(small), headersFor(target, smallAuth));
			await httpLoad(url, 4, 1, headers); // warm-up
			const loads: Load[] = [];
			for (const connections of [1, 16]) loads.push(await httpLoad(url, connections, duration, headers, app.child.pid));
			const entry = {
				key: target.key,
				label: target.label,
				path: target.path(big),
				bytes: first.bytes,
				wireBytes: first.wireBytes,
				encoding: first.encoding,
				queries: first.queries,
				queriesSmallOrganisation: smallProbe.status === 200 ? smallProbe.queries : null,
				loads
			};
			results.push(entry);
			log(
				`${target.label}: ${first.queries} SQL (lille org.: ${entry.queriesSmallOrganisation}); ${loads.map((l) => `c${l.connections} p95 ${l.p95} ms ${l.requestsPerSecond}/s CPU ${l.cpuMsPerRequest} ms`).join(', ')}`
			);
		}
		// Before the import, which changes the data the overview shows.
		if (args.profile) profile = await profileOverview(headersFor(targets[0], bigAuth));

		// The import: a dry run (preview only), then the real thing, 10,000 changed values in one transaction.
		const csv = csvForImport(bigKpiIds, 10_000);
		const importUrl = `${app.url}/api/v1/imports/observations`;
		const importHeaders = { authorization: `Bearer ${bigAuth.token}`, 'content-type': 'text/csv; charset=utf-8' };
		t0 = performance.now();
		const dry = await fetch(`${importUrl}?dryRun=true`, { method: 'POST', headers: importHeaders, body: csv });
		const dryBody = (await dry.json()) as Record<string, unknown>;
		const dryMs = Math.round(performance.now() - t0);
		t0 = performance.now();
		// Values that jump against their series would ask for a confirmation (issue 14): the benchmark gives it.
		const real = await fetch(`${importUrl}?confirmUnusual=true`, { method: 'POST', headers: importHeaders, body: csv });
		const realBody = (await real.json()) as Record<string, unknown>;
		const importMs = Math.round(performance.now() - t0);
		const importResult = {
			rows: 10_000,
			bytes: Buffer.byteLength(csv),
			dryRun: { status: dry.status, ms: dryMs, rows: dryBody.rows, updated: dryBody.updated },
			apply: {
				status: real.status,
				ms: importMs,
				rows: realBody.rows,
				created: realBody.created,
				updated: realBody.updated,
				unchanged: realBody.unchanged,
				queries: Number(real.headers.get('x-query-count'))
			}
		};
		log(`import af 10.000 rækker: ${importMs} ms (${real.status}; prøvekørsel ${dryMs} ms)`);

		const pagePaths = Object.fromEntries(
			results
				.filter((r) => !r.skipped && !String(r.key).startsWith('api_'))
				.map((r) => [r.key as string, r.path as string])
		);
		const javascript = await javascriptOf(app.url, bigAuth.sessionToken, pagePaths);
		log(`JavaScript: ${JSON.stringify(javascript)}`);
		const memory = memoryOf(app.child.pid!);

		// The ceiling: the same overview HTML from a bare node:http server, and the overview's SQL alone.
		const pageFile = join(os.tmpdir(), `fremdrift-bench-page-${process.pid}.html`);
		writeFileSync(pageFile, overviewHtml);
		const barePort = await freePort();
		const bare = await startProcess(['-e', bareServerSource], { BENCH_PAGE: pageFile }, barePort);
		let bareLoads: Load[];
		try {
			await httpLoad(bare.url, 4, 1, {});
			bareLoads = [];
			for (const connections of [1, 16]) bareLoads.push(await httpLoad(bare.url, connections, duration, {}));
		} finally {
			await bare.stop();
		}
		log(`bar node:http: ${bareLoads.map((l) => `c${l.connections} ${l.requestsPerSecond}/s`).join(', ')}`);
		const sqlLoads = await sqlCeiling(captured, duration);
		log(
			`oversigtens SQL alene (${captured.length} forespørgsler): ${sqlLoads.map((l) => `c${l.connections} p95 ${l.p95} ms ${l.requestsPerSecond}/s`).join(', ')}`
		);

		const report = buildReport({
			run: { scale, duration, postgres: benchUrl.replace(/\/\/[^@]*@/, '//'), loadAtStart },
			overviewHtmlBytes: Buffer.byteLength(overviewHtml),
			profile,
			startedAt,
			generationSeconds,
			counts,
			observations,
			organisations,
			overviewRows,
			asOf,
			results,
			importResult,
			javascript,
			memory,
			startMemory,
			bareLoads,
			sqlLoads,
			capturedQueries: captured.length
		});
		mkdirSync(outDir, { recursive: true });
		writeFileSync(join(outDir, 'latest.json'), JSON.stringify(report.json, null, '\t') + '\n');
		writeFileSync(join(outDir, 'latest.md'), report.markdown);
		log(`skrev ${join(outDir, 'latest.json')} og latest.md`);
		console.log('\n' + report.markdown);
	} finally {
		await app.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
