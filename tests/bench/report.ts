/** The benchmark's report (run.ts): the JSON and the Danish markdown with the goal table of issue 20. */
import os from 'node:os';
import type { ProfileSummary } from './cpu-profile';
import { nationalShape } from './generate';

export interface Load {
	connections: number;
	requests: number;
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	non2xx: number;
	errors: number;
	/** The server's CPU time (user + system, all threads) over the run divided by the requests, ms. */
	cpuMsPerRequest?: number | null;
	/** Bytes received per request, headers included (compressed as sent), kB. */
	transferKbPerRequest?: number;
}

/** The JavaScript a page loads in Chromium (modules, preloads, dynamic imports such as Chart.js), raw and gzipped. */
export type JavaScriptSizes = { method: 'chromium' | 'html' } & Record<
	string,
	{ files: number; rawKb: number; gzipKb: number } | string
>;

/** The overview at concurrency 16 under `node --cpu-prof`: its load and the profile summary. */
export type OverviewProfile = ProfileSummary & { load: Load; file: string };

function machine(loadAtStart: number[]) {
	const cpus = os.cpus();
	return {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model ?? '?',
		memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		loadAverage: loadAtStart.map((x) => Math.round(x * 100) / 100),
		loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
		node: process.version,
		os: `${os.type()} ${os.release()}`,
		hostname: os.hostname()
	};
}

const da = (x: number | null | undefined, digits = 1) =>
	x === null || x === undefined || Number.isNaN(x)
		? '–'
		: x.toLocaleString('da-DK', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** The run's results as JSON and as the Danish markdown report with the goal table. */
export function buildReport(data: {
	run: { scale: number; duration: number; postgres: string; loadAtStart: number[] };
	overviewHtmlBytes: number;
	profile: OverviewProfile | null;
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
		wireBytes: number;
		encoding: string | null;
		queries: number | null;
		queriesSmallOrganisation: number | null;
		loads: Load[];
	}[];
	const overview = measured.find((r) => r.key === 'overview');
	const overview16 = overview?.loads.find((l) => l.connections === 16);
	const { method, ...pageSizes } = data.javascript;
	const js = pageSizes as Record<string, { files: number; rawKb: number; gzipKb: number }>;
	const page = (key: string) => measured.find((r) => r.key === key);
	const at16 = (key: string) => page(key)?.loads.find((l) => l.connections === 16);
	const sql16 = data.sqlLoads.find((l) => l.connections === 16);
	const share = (a: number | undefined, b: number | undefined) =>
		a !== undefined && b ? Math.round((a / b) * 1000) / 10 : null;
	const kb = (key: string) => (page(key) ? Math.round((page(key)!.bytes / 1024) * 10) / 10 : null);
	const atMost = (value: number | null | undefined, limit: number) =>
		value === null || value === undefined ? null : value <= limit;
	const atLeast = (value: number | null, limit: number) => (value === null ? null : value >= limit);
	const overviewShare = share(overview16?.requestsPerSecond, sql16?.requestsPerSecond);
	const recommendationShare = share(at16('recommendation')?.requestsPerSecond, overview16?.requestsPerSecond);
	// Compression is on when every HTML/JSON answer over 1 kB came back encoded (the load asks for br, gzip).
	const large = measured.filter((r) => r.bytes > 1024);
	const uncompressed = large.filter((r) => !r.encoding).length;
	const goals = [
		{
			goal: 'Oversigt, samtidighed 16: gennemløb ≥ 100 % af oversigtens SQL alene',
			value: overviewShare,
			unit: '%',
			met: atLeast(overviewShare, 100)
		},
		{
			goal: 'Oversigt, samtidighed 16: p95 ≤ 50 ms',
			value: overview16?.p95 ?? null,
			unit: 'ms',
			met: atMost(overview16?.p95, 50)
		},
		{
			goal: 'Anbefaling: HTML ≤ 120 kB',
			value: kb('recommendation'),
			unit: 'kB',
			met: atMost(kb('recommendation'), 120)
		},
		{
			goal: 'Anbefaling, samtidighed 16: gennemløb ≥ 50 % af oversigtens',
			value: recommendationShare,
			unit: '%',
			met: atLeast(recommendationShare, 50)
		},
		{ goal: 'Nøgletal: HTML ≤ 80 kB', value: kb('kpi'), unit: 'kB', met: atMost(kb('kpi'), 80) },
		{ goal: 'Årsstatus: HTML ≤ 250 kB', value: kb('annual_report'), unit: 'kB', met: atMost(kb('annual_report'), 250) },
		{
			goal: 'Årsstatus, samtidighed 16: p95 ≤ 200 ms',
			value: at16('annual_report')?.p95 ?? null,
			unit: 'ms',
			met: atMost(at16('annual_report')?.p95, 200)
		},
		{
			goal: 'CPU pr. forespørgsel, oversigt (samtidighed 16) ≤ 2 ms',
			value: overview16?.cpuMsPerRequest ?? null,
			unit: 'ms',
			met: atMost(overview16?.cpuMsPerRequest, 2)
		},
		{
			goal: 'CPU pr. forespørgsel, anbefaling (samtidighed 16) ≤ 5 ms',
			value: at16('recommendation')?.cpuMsPerRequest ?? null,
			unit: 'ms',
			met: atMost(at16('recommendation')?.cpuMsPerRequest, 5)
		},
		{
			goal: 'Komprimering: alle HTML- og JSON-svar over 1 kB komprimeret (br, gzip)',
			value: uncompressed,
			unit: 'svar ukomprimeret',
			met: large.length > 0 && uncompressed === 0
		},
		{
			goal: 'Import af 10.000 rækker ≤ 2 s',
			value: data.importResult.apply.ms,
			unit: 'ms',
			met: data.importResult.apply.status === 200 && data.importResult.apply.ms <= 2000
		},
		{
			goal: 'Oversigt: ≤ 150 kB gzippet JavaScript',
			value: js.overview?.gzipKb ?? null,
			unit: 'kB',
			met: atMost(js.overview?.gzipKb, 150)
		},
		{
			goal: 'SQL pr. side uafhængig af datamængden (national org. = lille org.)',
			value: measured.filter((r) => r.queries !== r.queriesSmallOrganisation).length,
			unit: 'sider med forskel',
			met: measured.every((r) => r.queries === r.queriesSmallOrganisation)
		}
	];
	const json = {
		date: data.startedAt.toISOString(),
		machine: machine(data.run.loadAtStart),
		postgres: data.run.postgres,
		scale: data.run.scale,
		durationSeconds: data.run.duration,
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
		overviewProfile: data.profile,
		goals
	};

	const m = data.counts;
	const lines: string[] = [];
	const ms = (x: number) => da(x, 1);
	const loads = (l: number[]) => l.map((x) => da(x, 2)).join(' / ');
	lines.push(
		`Målt ${data.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC på ${json.machine.cpus} kerner (${json.machine.cpuModel}), ${da(json.machine.memoryGb)} GB RAM, Node ${json.machine.node}, PostgreSQL på samme maskine; skala ${data.run.scale}, ${data.run.duration} s pr. måling.`
	);
	lines.push(
		`Belastning (load average 1/5/15 min) ${loads(json.machine.loadAverage)} ved start og ${loads(json.machine.loadAverageAtEnd)} ved slut${json.machine.loadAverage[0] >= json.machine.cpus / 2 ? ': maskinen deles med andre processer, så tallene svinger; sammenlign kun med en måling under samme forhold' : ''}.`
	);
	lines.push(
		`Data: ${da(m.organisation, 0)} organisationer, ${da(m.recommendation, 0)} anbefalinger, ${da(m.kpi, 0)} nøgletal, ${da(m.observation, 0)} målinger (genereret på ${da(data.generationSeconds)} s). Siderne måles som direktør i én kommune (30 anbefalinger, 120 nøgletal, 14.400 målinger).`
	);
	lines.push('');
	lines.push(
		'| side | samtidighed | p50 ms | p95 ms | p99 ms | forespørgsler/s | CPU ms pr. forespørgsel | andel af bar server | SQL pr. side (lille org.) | svar kB ukomprimeret | overført kB (kodning) |'
	);
	lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of data.results) {
		if (r.skipped) {
			lines.push(`| ${r.label} (\`${r.path}\`) | – | – | – | – | – | – | – | springes over: ${r.skipped} | – | – |`);
			continue;
		}
		const row = r as unknown as (typeof measured)[number];
		for (const l of row.loads) {
			const share = Math.round((l.requestsPerSecond / bareAt(l.connections).requestsPerSecond) * 1000) / 10;
			lines.push(
				`| ${row.label} | ${l.connections} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${da(l.requestsPerSecond, 0)} | ${da(l.cpuMsPerRequest, 2)} | ${da(share)} % | ${row.queries} (${row.queriesSmallOrganisation ?? '–'}) | ${da(row.bytes / 1024, 0)} | ${da(row.wireBytes / 1024, 1)} (${row.encoding ?? 'ingen'}) |`
			);
		}
	}
	for (const l of data.bareLoads)
		lines.push(
			`| til sammenligning: bar \`node:http\`, samme HTML ukomprimeret | ${l.connections} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${da(l.requestsPerSecond, 0)} | – | 100 % | 0 | ${da(data.overviewHtmlBytes / 1024, 0)} | – |`
		);
	for (const l of data.sqlLoads)
		lines.push(
			`| loft: oversigtens SQL alene (loadOverview uden cache) | ${l.connections} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${da(l.requestsPerSecond, 0)} | – | – | ${data.capturedQueries} | – | – |`
		);
	lines.push('');
	lines.push(
		'CPU ms pr. forespørgsel: serverprocessens bruger- + systemtid (alle tråde, /proc) over målingen delt med antal svar. Belastningen beder om `Accept-Encoding: br, gzip` som en browser; overført kB er svarets krop som sendt.'
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
	if (data.profile) lines.push('', ...profileMarkdown(data.profile));
	lines.push('');
	lines.push('| mål | målt | nået |');
	lines.push('|---|---:|:---:|');
	for (const g of goals)
		lines.push(
			`| ${g.goal} | ${typeof g.value === 'number' ? da(g.value) : '–'} ${g.unit} | ${g.met === null ? '–' : g.met ? 'ja' : 'nej'} |`
		);
	return { json, markdown: lines.join('\n') + '\n' };
}

/** The overview's CPU profile as markdown: the functions with the most self time, then the packages and files. */
function profileMarkdown(p: OverviewProfile): string[] {
	const lines = [
		`CPU-profil af oversigten (anden server under \`node --cpu-prof\`, samtidighed 16, ${da(p.load.requestsPerSecond, 0)} forespørgsler/s, p95 ${da(p.load.p95)} ms, ${da(p.load.cpuMsPerRequest, 2)} ms CPU pr. forespørgsel; ${da(p.sampledMs / 1000)} s CPU i ${da(p.samples, 0)} prøver ${p.windowOnly ? 'under målingen' : 'i hele processens levetid'}, tomgang fraregnet). Egen tid pr. funktion:`,
		'',
		'| funktion | sted | egen tid ms | andel |',
		'|---|---|---:|---:|'
	];
	for (const f of p.top)
		lines.push(`| \`${f.function}\` | ${f.location || f.group} | ${da(f.selfMs, 0)} | ${da(f.selfPercent)} % |`);
	lines.push('', 'Egen tid pr. pakke eller fil:', '', '| pakke / fil | egen tid ms | andel |', '|---|---:|---:|');
	for (const g of p.groups) lines.push(`| ${g.group} | ${da(g.selfMs, 0)} | ${da(g.selfPercent)} % |`);
	return lines;
}
