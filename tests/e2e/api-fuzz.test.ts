import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';

/**
 * Property-based fuzzing of every /api/v1 body, path and query parameter, and of the pages' query parameters
 * and form actions (overview filters, annual report forms, sign-in, invitation), against the built server:
 * whatever is sent, the answer is never a 5xx (bad input is a Danish 4xx). A failing case is shrunk and
 * printed by fast-check. Runs are few per endpoint (the suite's time budget) but the seed changes every run.
 */
const RUNS = 120;
const FORM_RUNS = 60;
const timeout = () => AbortSignal.timeout(15_000);

// Values that break naive code: edges of int4/int8/JS numbers, odd text, and other JSON types.
const edgeNumber = fc.constantFrom(
	0,
	-0,
	1,
	-1,
	0.1,
	1e-7,
	2 ** 31 - 1,
	2 ** 31,
	2 ** 53 - 1,
	2 ** 53,
	999_999_999_999.99,
	1e12,
	-1e12,
	1e300,
	5e-324,
	1.7976931348623157e308
);
const number = fc.oneof(edgeNumber, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const text = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.constantFrom('', ' ', '\u0000', 'æøå ÆØÅ', "'; drop table kpi; --", '%00', '../..', 'a'.repeat(2100))
);
const anyJson = fc.oneof(
	number,
	text,
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.integer(), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 })
);
const periodText = fc.oneof(
	fc.constantFrom(
		'2024',
		'2024-H1',
		'2024-H2',
		'2024-Q1',
		'2024-Q4',
		'2024-01',
		'2024-12',
		'1900',
		'2199-12',
		'1899',
		'2200',
		'2024-H3',
		'2024-Q0',
		'2024-13',
		'2024-00',
		'0000',
		'9999-99',
		'2024-1',
		'+2024',
		'2024-h1',
		'2024-q3',
		' 2024-H2 '
	),
	fc
		.tuple(fc.integer({ min: 1800, max: 2300 }), fc.constantFrom('', '-H1', '-Q2', '-07', '-13'))
		.map(([y, s]) => `${y}${s}`),
	text
);
const pathSegment = fc.oneof(
	fc.integer({ min: -5, max: 400 }).map(String),
	fc.constantFrom('0', '1', '2147483648', '9223372036854775808', '999999999999999', '1e3', '0x10', '-1', '01'),
	text
);
const dateText = fc.oneof(
	fc
		.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 10)),
	fc.constantFrom(
		'2026-02-29',
		'2024-02-29',
		'2026-02-30',
		'2026-13-01',
		'0000-01-01',
		'9999-12-31',
		'1900-01-01',
		'2026-1-1',
		'20261122',
		'2026-11-22T00:00:00Z',
		'1901-01-31',
		'1901-02-01',
		'2199-12-31',
		'2200-01-01'
	),
	text
);
const queryValue = fc.oneof(dateText, pathSegment, text);
const valueAt = fc.oneof(fc.record({ value: number, period: periodText }, { requiredKeys: [] }), anyJson);
const kpiBody = fc.record(
	{
		name: fc.oneof(text, anyJson),
		description: fc.oneof(text, anyJson),
		unit: fc.oneof(fc.constantFrom('percent', 'count', 'days', 'kr', 'score'), anyJson),
		decimals: fc.oneof(fc.integer({ min: -2, max: 6 }), anyJson),
		direction: fc.oneof(fc.constantFrom('lower', 'higher'), anyJson),
		frequency: fc.oneof(fc.constantFrom('year', 'half', 'quarter', 'month'), anyJson),
		scope: fc.oneof(text, anyJson),
		dataSource: fc.oneof(text, anyJson),
		baseline: valueAt,
		target: valueAt,
		recommendationIds: fc.oneof(fc.array(fc.oneof(fc.integer({ min: 1, max: 30 }), number), { maxLength: 4 }), anyJson),
		extra: anyJson
	},
	{ requiredKeys: [] }
);
const observationBody = fc.record(
	{
		value: fc.oneof(number, anyJson),
		comment: fc.oneof(text, anyJson),
		source: fc.oneof(text, anyJson),
		seriesBreak: fc.oneof(fc.boolean(), anyJson),
		version: fc.oneof(fc.integer({ min: -1, max: 5 }), number, fc.constant(null), anyJson),
		extra: anyJson
	},
	{ requiredKeys: [] }
);
/** A KPI that passes every rule but the spelling of its periods may be lower-case or padded (as people type them). */
const plausibleKpiBody = fc
	.record({
		name: fc.string({ minLength: 1, maxLength: 30 }),
		frequency: fc.constantFrom('year', 'half', 'quarter', 'month'),
		start: fc.integer({ min: 1900, max: 2190 }),
		years: fc.integer({ min: 1, max: 9 }),
		index: fc.integer({ min: 1, max: 2 }),
		lower: fc.boolean(),
		pad: fc.constantFrom('', ' ')
	})
	.map(({ name, frequency, start, years, index, lower, pad }) => {
		const suffix = { year: '', half: `-H${index}`, quarter: `-Q${index}`, month: `-0${index}` }[frequency]!;
		const period = (year: number) => `${pad}${year}${lower ? suffix.toLowerCase() : suffix}${pad}`;
		return {
			name,
			unit: 'count',
			direction: 'higher',
			frequency,
			baseline: { value: 1, period: period(start) },
			target: { value: 2, period: period(start + years) }
		};
	});
/** A body as sent: mostly JSON of the shape, sometimes not JSON at all. */
const jsonBody = (shape: fc.Arbitrary<unknown>) =>
	fc.oneof(
		{ weight: 6, arbitrary: shape.map((v) => JSON.stringify(v)) },
		fc.string({ maxLength: 50 }),
		fc.constantFrom('', 'null', '[]', '{"value":1e400}', '{"value":"7,4"}', '{', '\uFEFF{}')
	);

describe('fuzzing /api/v1: never a 5xx', () => {
	let server: RunningServer;
	let cookie: string;
	let adminCookie: string;
	let kpiIds: string[];
	let recommendationIds: string[];

	beforeAll(async () => {
		server = await startDemoServer();
		cookie = await signInCookie(server.url, 'direktor@norddjurs.demo');
		adminCookie = await signInCookie(server.url, 'admin@norddjurs.demo');
		const get = async (path: string) =>
			(await fetch(`${server.url}${path}`, { headers: { cookie }, signal: timeout() })).json();
		kpiIds = (await get('/api/v1/kpis')).kpis.map((k: { id: number }) => String(k.id));
		recommendationIds = (await get('/api/v1/recommendations')).recommendations.map((r: { id: number }) => String(r.id));
	});
	afterAll(() => server?.stop());

	const id = (known: () => string[]) => fc.oneof(fc.constantFrom(...known()), pathSegment);
	const enc = encodeURIComponent;

	async function send(
		method: string,
		path: string,
		body?: string | Uint8Array,
		contentType = 'application/json',
		as = cookie
	): Promise<{ status: number; location: string | null; text: string }> {
		const response = await fetch(`${server.url}${path}`, {
			method,
			redirect: 'manual',
			// Pages as a browser without JavaScript asks for them: a form post then gets the action's real status.
			headers: {
				cookie: as,
				origin: server.url,
				'content-type': contentType,
				...(path.startsWith('/api/') ? {} : { accept: 'text/html' })
			},
			body: body as BodyInit | undefined,
			signal: timeout()
		});
		const answer = await response.text();
		if (response.status >= 500)
			throw new Error(
				`${method} ${path} → ${response.status}: ${answer.slice(0, 300)}\nbody: ${String(body).slice(0, 300)}\nserver log: ${server.log().slice(-1500)}`
			);
		if (path.startsWith('/api/') && response.status >= 400) {
			// Every refusal on the API is JSON: the documented Danish error shape, or an import's list of bad lines (422).
			const parsed = JSON.parse(answer);
			if (!(path.startsWith('/api/v1/imports/') && response.status === 422 && Array.isArray(parsed.errors))) {
				expect(parsed, `${method} ${path}`).toMatchObject({
					error: { code: expect.any(String), message: expect.any(String) }
				});
			}
		}
		return { status: response.status, location: response.headers.get('location'), text: answer };
	}
	const check = <T>(property: fc.IAsyncProperty<T>, numRuns = RUNS) =>
		fc.assert(property, { numRuns, interruptAfterTimeLimit: 40_000 });

	test('GET lists and details with any asOf and id', async () => {
		await check(
			fc.asyncProperty(
				fc.constantFrom('/api/v1/kpis', '/api/v1/recommendations', 'kpi', 'rec', 'obs'),
				id(() => kpiIds),
				id(() => recommendationIds),
				fc.option(queryValue),
				fc.option(fc.tuple(text, text)),
				async (which, kpi, rec, asOf, extra) => {
					const base =
						which === 'kpi'
							? `/api/v1/kpis/${enc(kpi)}`
							: which === 'rec'
								? `/api/v1/recommendations/${enc(rec)}`
								: which === 'obs'
									? `/api/v1/kpis/${enc(kpi)}/observations`
									: which;
					const query = new URLSearchParams();
					if (asOf !== null) query.append('asOf', asOf);
					if (extra) query.append(extra[0], extra[1]);
					await send('GET', `${base}?${query}`);
				}
			)
		);
	});

	test('POST /kpis with any body', async () => {
		await check(
			fc.asyncProperty(
				jsonBody(fc.oneof(kpiBody, plausibleKpiBody)),
				async (body) => void (await send('POST', '/api/v1/kpis', body))
			)
		);
	});

	test('PUT and DELETE /kpis/{id}/observations/{period} with any id, period, body and version', async () => {
		await check(
			fc.asyncProperty(
				fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...kpiIds) }, pathSegment),
				fc.oneof(
					{ weight: 3, arbitrary: fc.constantFrom('2025', '2025-H1', '2025-Q1', '2025-01', '2026-09') },
					periodText
				),
				jsonBody(observationBody),
				fc.option(
					fc.oneof(
						fc.integer({ min: 1, max: 3 }).map(String),
						fc.constantFrom('2147483647', '2147483648', '999999999999999', '1e2', '-1'),
						queryValue
					)
				),
				async (kpi, period, body, version) => {
					await send('PUT', `/api/v1/kpis/${enc(kpi)}/observations/${enc(period)}`, body);
					await send(
						'DELETE',
						`/api/v1/kpis/${enc(kpi)}/observations/${enc(period)}${version === null ? '' : `?version=${enc(version)}`}`
					);
				}
			)
		);
	});

	test('POST /imports/observations with any CSV, bytes and dryRun', async () => {
		const cell = fc.oneof(
			text,
			periodText,
			number.map(String),
			fc.constantFrom(...kpiIds),
			fc.constantFrom('7,4', '1.234,5', '3,6 mio.', '-', '1e400', '"', '""', '=1+1')
		);
		const csv = fc
			.tuple(
				fc.constantFrom(
					'KPI;Periode;Værdi;Kommentar',
					'Nøgletal,Period,Value',
					'KPI\tPeriode\tVærdi',
					'Periode;Værdi',
					''
				),
				fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
				fc.constantFrom(';', ',', '\t')
			)
			.map(([header, rows, sep]) => new TextEncoder().encode([header, ...rows.map((r) => r.join(sep))].join('\r\n')));
		const bytes = fc.oneof(
			{ weight: 4, arbitrary: csv },
			fc.uint8Array({ maxLength: 200 }),
			fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
		);
		await check(
			fc.asyncProperty(
				bytes,
				fc.constantFrom(
					'text/csv',
					'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
					'application/octet-stream',
					''
				),
				fc.option(queryValue),
				async (body, type, dryRun) => {
					await send(
						'POST',
						`/api/v1/imports/observations${dryRun === null ? '' : `?dryRun=${enc(dryRun)}`}`,
						body,
						type
					);
				}
			),
			RUNS / 2
		);
	});

	test('regression: numbers past the database column types are 4xx (version is int4, ids int8)', async () => {
		const kpi = kpiIds[0];
		for (const version of ['2147483648', '999999999999999']) {
			for (const period of ['2025', '2025-H1', '2025-Q1', '2025-01'])
				await send('DELETE', `/api/v1/kpis/${kpi}/observations/${period}?version=${version}`);
		}
		for (const period of ['2025', '2025-H1', '2025-Q1', '2025-01']) {
			await send('PUT', `/api/v1/kpis/${kpi}/observations/${period}`, JSON.stringify({ value: 1, version: 2 ** 31 }));
			await send(
				'PUT',
				`/api/v1/kpis/${kpi}/observations/${period}`,
				JSON.stringify({ value: 1, version: 2 ** 53 - 1 })
			);
		}
		await send('GET', '/api/v1/kpis/9223372036854775807');
		// Status is computed over periods 1900–2199: dates whose due period falls outside are refused, not a crash.
		for (const asOf of ['1900-01-01', '1901-01-31', '2200-01-01', '9999-12-31']) {
			const refused = await fetch(`${server.url}/api/v1/kpis?asOf=${asOf}`, { headers: { cookie }, signal: timeout() });
			expect([refused.status, (await refused.json()).error.fields.asOf]).toEqual([
				422,
				'Datoen skal ligge mellem 1901-02-01 og 2199-12-31.'
			]);
		}
		for (const asOf of ['1901-02-01', '2199-12-31']) await send('GET', `/api/v1/kpis?asOf=${asOf}`);
		// A method or path the API lacks: Danish JSON, not SvelteKit's text or HTML.
		const method = await fetch(`${server.url}/api/v1/kpis/${kpi}/observations`, {
			method: 'PUT',
			headers: { cookie, origin: server.url },
			signal: timeout()
		});
		expect([method.status, (await method.json()).error.code]).toEqual([405, 'method_not_allowed']);
		const missing = await fetch(`${server.url}/api/v1/kpis//observations/2025`, {
			headers: { cookie },
			signal: timeout()
		});
		expect([missing.status, (await missing.json()).error.code]).toEqual([404, 'not_found']);
		await send(
			'POST',
			'/api/v1/kpis',
			JSON.stringify({
				name: 'Stor',
				unit: 'count',
				direction: 'higher',
				frequency: 'year',
				baseline: { value: 1, period: '2020' },
				target: { value: 2, period: '2030' },
				recommendationIds: [2 ** 53 - 1, 2 ** 31]
			})
		);
		expect(true).toBe(true);
	});

	test('raw paths: malformed escapes and unknown routes are 4xx', async () => {
		for (const path of [
			'/api/v1/kpis/%',
			'/api/v1/kpis/%E0%A4%A',
			'/api/v1/kpis/%00',
			'/api/v1/recommendations/%ff',
			'/api/v1/kpis/1/observations/%C0%AF',
			'/api/v1/nope',
			'/api/v1/kpis?asOf=%'
		]) {
			await send('GET', path);
		}
		expect(true).toBe(true);
	});

	// Pages and form actions. A plain form post (no JavaScript) gets the action's real HTTP status.
	const formBody = (pairs: readonly (readonly [string, string])[]) =>
		pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
	const postForm = (path: string, pairs: readonly (readonly [string, string])[], as = cookie) =>
		send('POST', path, formBody(pairs), 'application/x-www-form-urlencoded', as);
	/** Form fields or query parameters as sent: the known names with good, odd or hostile values, repeated or left out, plus strangers. */
	const fields = (known: Record<string, fc.Arbitrary<string>>) =>
		fc.array(
			fc.oneof(
				{
					weight: 6,
					arbitrary: fc
						.constantFrom(...Object.keys(known))
						.chain((name) => known[name].map((value) => [name, value] as const))
				},
				fc.tuple(text, text)
			),
			{ maxLength: 8 }
		);
	const dateValue = fc.oneof(dateText, fc.constant(''));
	const reportId = (location: string | null) => /^\/status\/(\d+)$/.exec(location ?? '')?.[1];
	/** Years that tests below create a report for; the fuzzed report years keep clear of them (one report per year). */
	const RESERVED_YEARS = [2000, 2031, 2098, 2100];

	test('page query parameters: overview filters and asOf, and every other page that reads its query', async () => {
		const page = fc.oneof(
			{ weight: 6, arbitrary: fc.constant('/') },
			fc.constantFrom(
				'/noegletal',
				'/mine-noegletal',
				'/noegletal/import',
				'/status',
				'/programmer',
				'/anbefalinger/ny',
				'/eksport/anbefalinger',
				'/eksport/maalinger',
				'/hjaelp',
				'/login',
				'/glemt-adgangskode',
				'rec',
				'kpi'
			)
		);
		const query = fields({
			asOf: dateValue,
			program: fc.oneof(fc.constantFrom(...recommendationIds), pathSegment),
			tema: pathSegment,
			ansvarlig: pathSegment,
			status: fc.oneof(
				fc.constantFrom('achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data', 'follow_up'),
				text
			),
			notat: periodText,
			periode: periodText,
			format: fc.oneof(fc.constantFrom('csv', 'xlsx', 'docx'), text),
			noegletal: fc.oneof(fc.constantFrom(...kpiIds), pathSegment),
			anbefaling: fc.oneof(fc.constantFrom(...recommendationIds), pathSegment),
			redirectTo: text
		});
		await check(
			fc.asyncProperty(
				page,
				id(() => kpiIds),
				id(() => recommendationIds),
				query,
				async (which, kpi, rec, pairs) => {
					const base =
						which === 'kpi' ? `/noegletal/${enc(kpi)}` : which === 'rec' ? `/anbefalinger/${enc(rec)}` : which;
					await send('GET', `${base}?${formBody(pairs)}`);
				}
			),
			FORM_RUNS * 2
		);
		expect(true).toBe(true);
	});

	test("annual report forms: create with any year, as-of and programme (and open what was made); move a draft's as-of", async () => {
		const created: string[] = [];
		await check(
			fc.asyncProperty(
				fields({
					// Not the years the other tests of this server create reports for (the same organisation).
					year: fc.oneof(
						fc
							.integer({ min: 1995, max: 2105 })
							.filter((y) => !RESERVED_YEARS.includes(y))
							.map(String),
						pathSegment,
						text
					),
					asOf: dateValue,
					programmeId: fc.oneof(fc.constant(''), pathSegment)
				}),
				async (pairs) => {
					const answer = await postForm('/status?/create', pairs);
					const made = reportId(answer.location);
					// Whatever was accepted must also open, as a page and as the Word document.
					if (made) {
						created.push(made);
						await send('GET', `/status/${made}`);
						await send('GET', `/status/${made}/download/docx`);
					}
				}
			),
			FORM_RUNS
		);
		const draft = reportId((await postForm('/status?/create', [['year', '2098']])).location);
		expect(draft, 'a draft to move').toBeDefined();
		await check(
			fc.asyncProperty(
				fields({ version: fc.oneof(fc.integer({ min: 0, max: 6 }).map(String), pathSegment), asOf: dateValue }),
				async (pairs) => {
					await postForm(`/status/${draft}?/setAsOf`, pairs);
					await send('GET', `/status/${draft}`);
				}
			),
			FORM_RUNS
		);
	});

	test('sign-in, forgotten-password and invitation forms with any fields', async () => {
		const invited = await postForm(
			'/admin/brugere?/invite',
			[
				['name', 'Fuzz Fuzzesen'],
				['email', 'fuzz@norddjurs.demo'],
				['role', 'project_lead']
			],
			adminCookie
		);
		const token = /\/invitation\/(\d+\.[a-z2-7]+)/.exec(invited.text)?.[1];
		expect(token, 'an invitation link').toBeDefined();
		const email = fc.oneof(
			fc.constantFrom(
				'direktor@norddjurs.demo',
				'fuzz@norddjurs.demo',
				'ukendt@norddjurs.demo',
				' DIREKTOR@norddjurs.demo '
			),
			text
		);
		const password = fc.oneof(fc.constantFrom('fremdrift-demo', 'et-langt-nyt-kodeord-42', 'a'.repeat(1001)), text);
		await check(
			fc.asyncProperty(
				fields({
					email,
					password,
					redirectTo: fc.oneof(fc.constantFrom('/\t/127.0.0.1:1/x', '/\u0000', '//x', '/noegletal'), text)
				}),
				async (pairs) => {
					await postForm('/login', pairs, '');
					await postForm('/glemt-adgangskode', pairs, '');
				}
			),
			FORM_RUNS
		);
		await check(
			fc.asyncProperty(
				fc.oneof({ weight: 3, arbitrary: fc.constant(token!) }, pathSegment),
				fields({ password, passwordRepeat: password }),
				async (path, pairs) => {
					await postForm(`/invitation/${enc(path)}`, pairs, '');
				}
			),
			FORM_RUNS
		);
	});

	test('regression (issue 12, item 4): dates outside 1901-02-01 … 2199-12-31 are refused in Danish on the overview and the report forms', async () => {
		const outOfRange = 'Datoen skal ligge mellem 1901-02-01 og 2199-12-31.';
		for (const asOf of ['1900-01-01', '0001-01-01', '2200-01-01', '9999-12-31']) {
			const overview = await send('GET', `/?asOf=${asOf}`);
			expect([overview.status, overview.text.includes(outOfRange)], asOf).toEqual([400, true]);
		}
		for (const asOf of ['1901-02-01', '2199-12-31'])
			expect((await send('GET', `/?asOf=${asOf}`)).status, asOf).toBe(200);

		// A new report as of 9999-12-31: refused, and nothing half-made (the year is still free afterwards).
		const refused = await postForm('/status?/create', [
			['year', '2031'],
			['asOf', '9999-12-31']
		]);
		expect([refused.status, refused.text.includes(outOfRange)]).toEqual([400, true]);
		const later = await postForm('/status?/create', [
			['year', '2031'],
			['asOf', '2031-06-30']
		]);
		expect([later.status, reportId(later.location) !== undefined]).toEqual([303, true]);

		// The first and last dates allowed: the page, the Word document and the approval all work.
		for (const [year, asOf] of [
			['2000', '1901-02-01'],
			['2100', '2199-12-31']
		]) {
			const made = reportId(
				(
					await postForm('/status?/create', [
						['year', year],
						['asOf', asOf]
					])
				).location
			);
			expect(made, asOf).toBeDefined();
			const moved = await postForm(`/status/${made}?/setAsOf`, [
				['version', '1'],
				['asOf', '9999-12-31']
			]);
			expect([moved.status, moved.text.includes(outOfRange)], asOf).toEqual([400, true]);
			expect((await send('GET', `/status/${made}`)).status, asOf).toBe(200);
			expect((await send('GET', `/status/${made}/download/docx`)).status, asOf).toBe(200);
			expect((await postForm(`/status/${made}?/submit`, [['version', '1']])).status, asOf).toBe(200);
			// Approving asks for the freeze tick, and the example-data tick when the demo's KPIs are in it (issue 16).
			const approval = [
				['version', '2'],
				['confirmFreeze', 'on'],
				['confirmExampleData', 'on']
			] as [string, string][];
			expect((await postForm(`/status/${made}?/approve`, approval)).status, asOf).toBe(200);
			const approved = await send('GET', `/status/${made}`);
			expect([approved.status, approved.text.includes('Godkendt')], asOf).toEqual([200, true]);
			expect((await send('GET', `/status/${made}/download/docx`)).status, asOf).toBe(200);
		}
	});

	test('regression (issue 12, item 4): a period such as 2024-h1 is stored as 2024-H1 by the API and the form alike', async () => {
		const kpi = (name: string) => ({
			name,
			unit: 'count',
			direction: 'higher',
			frequency: 'half',
			baseline: { value: 1, period: '2024-h1' },
			target: { value: 2, period: ' 2026-h2 ' }
		});
		const api = await send('POST', '/api/v1/kpis', JSON.stringify(kpi('Halvår fra API')));
		expect(api.status).toBe(201);
		expect(JSON.parse(api.text)).toMatchObject({ baseline: { period: '2024-H1' }, target: { period: '2026-H2' } });
		const form = await postForm('/noegletal/ny', [
			['name', 'Halvår fra formular'],
			['unit', 'count'],
			['decimals', '0'],
			['direction', 'higher'],
			['frequency', 'half'],
			['baselineValue', '1'],
			['baselinePeriod', '2024-h1'],
			['targetValue', '2'],
			['targetPeriod', ' 2026-h2 ']
		]);
		const formId = /^\/noegletal\/(\d+)$/.exec(form.location ?? '')?.[1];
		expect([form.status, formId !== undefined]).toEqual([303, true]);
		const stored = JSON.parse((await send('GET', `/api/v1/kpis/${formId}`)).text);
		expect(stored).toMatchObject({ baseline: { period: '2024-H1' }, target: { period: '2026-H2' } });
		// A malformed period is a Danish 422 on the field, as before.
		const bad = await send(
			'POST',
			'/api/v1/kpis',
			JSON.stringify({ ...kpi('Forkert'), baseline: { value: 1, period: '2024-h3' } })
		);
		expect([bad.status, JSON.parse(bad.text).error.fields['baseline.period']]).toEqual([
			422,
			'Perioden skal skrives som 2024, 2024-H1, 2024-Q3 eller 2024-05.'
		]);
	});
});
