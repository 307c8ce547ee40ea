/**
 * `npm run bench [-- --scale 0.05] [--duration 10] [--out DIR]`: the national-scale benchmark (not part of `npm test`).
 *
 * Builds the app, recreates the PostgreSQL database `fremdrift_bench` (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/fremdrift_bench), generates 98 organisations × 3 programmes × 10
 * recommendations × 4 KPIs × 120 monthly values with set-based SQL, starts the built server and measures it
 * with autocannon at concurrency 1 and 16; measures the ceiling (a bare node:http server answering the same
 * page, and the overview's SQL replayed on its own), a 10,000-row CSV import, the server's peak memory and the
 * gzipped JavaScript each page loads (in Chromium). Writes DIR/latest.json and DIR/latest.md.
 * Goals are reported, not asserted: the machine is shared and the figures are noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
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

const { values: args } = parseArgs({
	options: {
		scale: { type: 'string', default: '1' },
		duration: { type: 'string', default: '10' },
		out: { type: 'string' }
	},
	strict: true
});
const scale = Number(args.scale);
const duration = Number(args.duration);
if (!(scale > 0 && scale <= 1) || !(duration >= 1 && duration <= 120)) {
	console.error('Brug: npm run bench -- [--scale 0<s≤1] [--duration SEKUNDER] [--out MAPPE]');
	process.exit(2);
}
const outDir = resolve(args.out ?? join(projectRoot, 'tests/bench/results'));
const benchUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fremdrift_bench';
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---------- measuring ----------

interface Load {
	connections: number;
	requests: number;
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	non2xx: number;
	errors: number;
}

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

/** autocannon for `seconds` at `connections`; latencies taken from every response (exact percentiles). */
function httpLoad(url: string, connections: number, seconds: number, headers: Record<string, string>): Promise<Load> {
	return new Promise((resolvePromise, reject) => {
		const latencies: number[] = [];
		const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 30 }, (error, result) => {
			if (error) return reject(error);
			resolvePromise(summarise(connections, latencies, result.duration || seconds, result.non2xx, result.errors));
		});
		instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
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
			if (child.exitCode !== null) return;
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

async function probe(
	url: string,
	headers: Record<string, string>
): Promise<{ status: number; queries: number | null; bytes: number; html: string }> {
	const response = await fetch(url, { headers, redirect: 'manual' });
	const html = await response.text();
	const count = response.headers.get('x-query-count');
	return {
		status: response.status,
		queries: count === null ? null : Number(count),
		bytes: Buffer.byteLength(html),
		html
	};
}

/** The JavaScript a page loads in Chromium (modules, preloads, dynamic imports such as Chart.js), raw and gzipped. */
type JavaScriptSizes = { method: 'chromium' | 'html' } & Record<
	string,
	{ files: number; rawKb: number; gzipKb: number } | string
>;

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

	// The overview's SQL, captured from the same function the page calls.
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

	const port = await freePort();
	const app = await startProcess(
		[join(projectRoot, 'build', 'index.js')],
		{
			DATABASE_URL: benchUrl,
			ORIGIN: `http://127.0.0.1:${port}`,
			BODY_SIZE_LIMIT: '6M',
			FREMDRIFT_QUERY_COUNT_HEADER: '1'
		},
		port
	);
	const startMemory = memoryOf(app.child.pid!);
	log(`server på ${app.url} (${startMemory?.currentMb ?? '?'} MB ved start)`);

	const results: Record<string, unknown>[] = [];
	let overviewHtml = '';
	overviewHtmlForReport = '';
	try {
		const headersFor = (target: Target, auth: { cookie: string; token: string }): Record<string, string> =>
			target.api
				? { authorization: `Bearer ${auth.token}`, accept: 'application/json' }
				: { cookie: auth.cookie, accept: 'text/html' };

		for (const target of targets) {
			const headers = headersFor(target, bigAuth);
			const url = app.url + target.path(big);
			const first = await probe(url, headers);
			if (first.status !== 200) {
				const reason = first.status === 404 ? 'siden findes ikke endnu (404)' : `svarede ${first.status}`;
				log(`${target.label}: springes over — ${reason}`);
				results.push({ key: target.key, label: target.label, path: target.path(big), skipped: reason });
				continue;
			}
			if (target.key === 'overview') overviewHtml = overviewHtmlForReport = first.html;
			const smallProbe = await probe(app.url + target.path(small), headersFor(target, smallAuth));
			await httpLoad(url, 4, 1, headers); // warm-up
			const loads: Load[] = [];
			for (const connections of [1, 16]) loads.push(await httpLoad(url, connections, duration, headers));
			const entry = {
				key: target.key,
				label: target.label,
				path: target.path(big),
				bytes: first.bytes,
				queries: first.queries,
				queriesSmallOrganisation: smallProbe.status === 200 ? smallProbe.queries : null,
				loads
			};
			results.push(entry);
			log(
				`${target.label}: ${first.queries} SQL (lille org.: ${entry.queriesSmallOrganisation}); ${loads.map((l) => `c${l.connections} p95 ${l.p95} ms ${l.requestsPerSecond}/s`).join(', ')}`
			);
		}

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

// ---------- the report ----------

const loadAtStart = os.loadavg();
let overviewHtmlForReport = '';

function machine() {
	const cpus = os.cpus();
	return {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model ?? '?',
		memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		loadAverage: loadAtStart.map((x) => Math.round(x * 100) / 100),
		node: process.version,
		os: `${os.type()} ${os.release()}`,
		hostname: os.hostname()
	};
}

const da = (x: number | null | undefined, digits = 1) =>
	x === null || x === undefined || Number.isNaN(x)
		? '–'
		: x.toLocaleString('da-DK', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

function buildReport(data: {
	startedAt: Date;
	generationSeconds: number;
	counts: Record<string, number>;
	observations: number;
	organisations: number;
	overviewRows: number;
	asOf: string;
	results: Record<string, unknown>[];
	importResult: {
		rows: number;
		bytes: number;
		dryRun: { status: number; ms: number };
		apply: { status: number; ms: number; updated: unknown; queries: number };
	};
	javascript: JavaScriptSizes;
	memory: { peakMb: number; currentMb: number } | null;
	startMemory: { peakMb: number; currentMb: number } | null;
	bareLoads: Load[];
	sqlLoads: Load[];
	capturedQueries: number;
}) {
	const bareAt = (c: number) => data.bareLoads.find((l) => l.connections === c)!;
	const measured = data.results.filter((r) => !r.skipped) as {
		key: string;
		label: string;
		path: string;
		bytes: number;
		queries: number | null;
		queriesSmallOrganisation: number | null;
		loads: Load[];
	}[];
	const overview = measured.find((r) => r.key === 'overview');
	const overview16 = overview?.loads.find((l) => l.connections === 16);
	const { method, ...pageSizes } = data.javascript;
	const js = pageSizes as Record<string, { files: number; rawKb: number; gzipKb: number }>;
	const goals = [
		{
			goal: 'Oversigt p95 ≤ 50 ms ved samtidighed 16',
			value: overview16?.p95 ?? null,
			unit: 'ms',
			met: overview16 ? overview16.p95 <= 50 : null
		},
		{
			goal: '≥ 25 % af den bare servers gennemløb (oversigt, samtidighed 16)',
			value: overview16 ? Math.round((overview16.requestsPerSecond / bareAt(16).requestsPerSecond) * 1000) / 10 : null,
			unit: '%',
			met: overview16 ? overview16.requestsPerSecond / bareAt(16).requestsPerSecond >= 0.25 : null
		},
		{
			goal: 'SQL pr. side uafhængig af datamængden (national org. = lille org.)',
			value: measured.filter((r) => r.queries !== r.queriesSmallOrganisation).length,
			unit: 'sider med forskel',
			met: measured.every((r) => r.queries === r.queriesSmallOrganisation)
		},
		{
			goal: 'Import af 10.000 rækker ≤ 2 s',
			value: data.importResult.apply.ms,
			unit: 'ms',
			met: data.importResult.apply.status === 200 && data.importResult.apply.ms <= 2000
		},
		{
			goal: '≤ 150 kB gzippet JavaScript på oversigten',
			value: js.overview?.gzipKb ?? null,
			unit: 'kB',
			met: js.overview ? js.overview.gzipKb <= 150 : null
		}
	];
	const json = {
		date: data.startedAt.toISOString(),
		machine: machine(),
		postgres: benchUrl.replace(/\/\/[^@]*@/, '//'),
		scale,
		durationSeconds: duration,
		data: {
			organisations: data.organisations,
			shape: nationalShape,
			rows: data.counts,
			observationsGenerated: data.observations,
			generationSeconds: data.generationSeconds,
			overviewRows: data.overviewRows,
			asOf: data.asOf
		},
		pages: data.results,
		ceiling: {
			bareNodeHttp: data.bareLoads,
			overviewSqlOnly: {
				queries: data.capturedQueries,
				loads: data.sqlLoads,
				note: 'loadOverview’s statements replayed concurrently per request (as its Promise.all issues them), prepared, on a pool of 10 like the app'
			}
		},
		import: data.importResult,
		serverMemoryMb: { atStart: data.startMemory?.currentMb ?? null, peak: data.memory?.peakMb ?? null },
		javascript: data.javascript,
		goals
	};

	const m = data.counts;
	const lines: string[] = [];
	const ms = (x: number) => da(x, 1);
	lines.push(
		`Målt ${data.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC på ${json.machine.cpus} kerner (${json.machine.cpuModel}), ${da(json.machine.memoryGb)} GB RAM, Node ${json.machine.node}, PostgreSQL på samme maskine (belastning ${json.machine.loadAverage.map((x) => da(x, 2)).join(' / ')} ved start: maskinen deles); skala ${scale}, ${duration} s pr. måling.`
	);
	lines.push(
		`Data: ${da(m.organisation, 0)} organisationer, ${da(m.recommendation, 0)} anbefalinger, ${da(m.kpi, 0)} nøgletal, ${da(m.observation, 0)} målinger (genereret på ${da(data.generationSeconds)} s). Siderne måles som direktør i én kommune (30 anbefalinger, 120 nøgletal, 14.400 målinger).`
	);
	lines.push('');
	lines.push(
		'| side | samtidighed | p50 ms | p95 ms | p99 ms | forespørgsler/s | andel af bar server | SQL pr. side (lille org.) | svar kB |'
	);
	lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of data.results) {
		if (r.skipped) {
			lines.push(`| ${r.label} (\`${r.path}\`) | – | – | – | – | – | – | springes over: ${r.skipped} | – |`);
			continue;
		}
		const row = r as unknown as (typeof measured)[number];
		for (const l of row.loads) {
			const share = Math.round((l.requestsPerSecond / bareAt(l.connections).requestsPerSecond) * 1000) / 10;
			lines.push(
				`| ${row.label} | ${l.connections} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${da(l.requestsPerSecond, 0)} | ${da(share)} % | ${row.queries} (${row.queriesSmallOrganisation ?? '–'}) | ${da(row.bytes / 1024, 0)} |`
			);
		}
	}
	for (const l of data.bareLoads)
		lines.push(
			`| loft: bar \`node:http\`, samme HTML | ${l.connections} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${da(l.requestsPerSecond, 0)} | 100 % | 0 | ${da(Buffer.byteLength(overviewHtmlForReport) / 1024, 0)} |`
		);
	for (const l of data.sqlLoads)
		lines.push(
			`| loft: oversigtens SQL alene | ${l.connections} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${da(l.requestsPerSecond, 0)} | – | ${data.capturedQueries} | – |`
		);
	lines.push('');
	const imp = data.importResult;
	lines.push(
		`- Import af 10.000 rækker CSV (${da(imp.bytes / 1024, 0)} kB) via API: ${da(imp.apply.ms, 0)} ms (svar ${imp.apply.status}, ${imp.apply.updated} ændrede, ${imp.apply.queries} SQL); prøvekørsel ${da(imp.dryRun.ms, 0)} ms.`
	);
	lines.push(
		`- Serverens hukommelse: ${data.startMemory?.currentMb ?? '–'} MB ved start, højst ${data.memory?.peakMb ?? '–'} MB (RSS-top) under hele målingen.`
	);
	const how =
		method === 'chromium'
			? 'alt hvad Chromium henter, også dynamiske imports'
			: 'modulerne sidens HTML indlæser (modulepreload); Chromium fandtes ikke, så senere dynamiske imports som Chart.js på nøgletalssiden er ikke med';
	lines.push(
		`- JavaScript pr. side (gzippet; ${how}): ${Object.entries(js)
			.map(
				([k, v]) =>
					`${measured.find((r) => r.key === k)?.label ?? k} ${da(v.gzipKb)} kB (${v.files} filer, ${da(v.rawKb)} kB ukomprimeret)`
			)
			.join(', ')}.`
	);
	lines.push('');
	lines.push('| mål | målt | nået |');
	lines.push('|---|---:|:---:|');
	for (const g of goals)
		lines.push(
			`| ${g.goal} | ${typeof g.value === 'number' ? da(g.value) : '–'} ${g.unit} | ${g.met === null ? '–' : g.met ? 'ja' : 'nej'} |`
		);
	return { json, markdown: lines.join('\n') + '\n' };
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
