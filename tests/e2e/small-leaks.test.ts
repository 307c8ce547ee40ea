import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';
import { apiToken } from '../helpers/api-token';
import { t } from '../../src/lib/server/messages';

/**
 * Issue 12, item 7: the smaller leaks an outside attack found, each against the built server on one
 * demo database of this file's own (PGlite, or PostgreSQL when DATABASE_URL is set).
 */
describe('smaller leaks, against the built server', () => {
	let server: RunningServer;
	let admin: string;
	let leadToken: string;
	const form = (cookie: string) => ({
		cookie,
		origin: server.url,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded'
	});

	beforeAll(async () => {
		server = await startDemoServer();
		admin = await signInCookie(server.url, 'admin@norddjurs.demo');
		leadToken = await apiToken(server, 'projektleder@norddjurs.demo');
	});
	afterAll(() => server?.stop());

	describe('a: inviting an e-mail that is taken', () => {
		const invite = (email: string) =>
			fetch(`${server.url}/admin/brugere?/invite`, {
				method: 'POST',
				redirect: 'manual',
				headers: form(admin),
				body: new URLSearchParams({ name: 'Ny Bruger', email, role: 'project_lead' })
			});
		const userRows = async () =>
			(await (await fetch(`${server.url}/admin/brugere`, { headers: { cookie: admin } })).text()).match(
				/data-user="[^"]*"/g
			);

		test("another organisation's user: a neutral answer that neither says a user exists nor where", async () => {
			const before = await userRows();
			const response = await invite('Admin@Allerod.demo');
			const page = await response.text();
			expect(response.status).toBe(409);
			expect(page).toContain(t('admin.email_unavailable'));
			for (const hint of ['allerede', 'Allerød']) expect(page, hint).not.toContain(hint);
			expect(await userRows()).toEqual(before);
		});

		test('one of the own users: the admin is told so (they see the list anyway)', async () => {
			const response = await invite('projektleder@norddjurs.demo');
			expect(response.status).toBe(409);
			expect(await response.text()).toContain(t('admin.email_taken_here', { organisation: 'Norddjurs Kommune' }));
		});
	});

	describe('b: the base headers on every response, static files and 404s under /_app included', () => {
		test.each([
			['/robots.txt', 200],
			['/_app/version.json', 200],
			['/_app/immutable/findes-ikke.js', 404],
			['/_app/findes-ikke', 404],
			['/login', 200],
			['/api/v1/kpis', 401]
		])('%s', async (path, status) => {
			const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
			expect([
				response.status,
				response.headers.get('x-content-type-options'),
				response.headers.get('x-frame-options'),
				response.headers.get('referrer-policy')
			]).toEqual([status, 'nosniff', 'DENY', 'strict-origin-when-cross-origin']);
		});

		test("the app's own scripts and styles under /_app/immutable", async () => {
			const login = await (await fetch(`${server.url}/login`)).text();
			const files = [...new Set(login.match(/\/_app\/immutable\/[^"']+\.(?:js|css)/g))];
			expect(files.length).toBeGreaterThan(1);
			for (const file of files) {
				const response = await fetch(`${server.url}${file}`);
				expect([
					file,
					response.status,
					response.headers.get('x-content-type-options'),
					response.headers.get('x-frame-options'),
					response.headers.get('referrer-policy')
				]).toEqual([file, 200, 'nosniff', 'DENY', 'strict-origin-when-cross-origin']);
			}
		});
	});

	describe('c: a public report has one address: the year written 2025', () => {
		/** The demo's 2025 draft, taken through submit, approve and a public publication by the form actions. */
		beforeAll(async () => {
			const director = await signInCookie(server.url, 'direktor@norddjurs.demo');
			const reports = await (await fetch(`${server.url}/status`, { headers: { cookie: director } })).text();
			const reportUrl = `${server.url}${/<tr[^>]*data-report="2025\/1"[^>]*>[\s\S]*?href="(\/status\/\d+)"/.exec(reports)![1]}`;
			for (const [cookie, step, extra] of [
				[director, 'submit', {}],
				// The ticks approving and publishing ask for (the demo's KPIs are example data).
				[director, 'approve', { confirmFreeze: 'on', confirmExampleData: 'on' }],
				[admin, 'publish', { makePublic: 'on', confirmExampleData: 'on' }]
			] as const) {
				const page = await (await fetch(reportUrl, { headers: { cookie } })).text();
				const version = /name="version" value="(\d+)"/.exec(page)![1];
				const response = await fetch(`${reportUrl}?/${step}`, {
					method: 'POST',
					redirect: 'manual',
					headers: form(cookie),
					body: new URLSearchParams({ version, ...extra })
				});
				expect([step, response.status]).toEqual([step, 200]);
			}
		});

		test('2025 is served; 02025, 2025.0, +2025, 0x7e9 and the like are 404, page and downloads alike', async () => {
			const base = `${server.url}/offentlig/norddjurs/status`;
			expect((await fetch(`${base}/2025`)).status).toBe(200);
			expect((await fetch(`${base}/2025/download/csv`)).status).toBe(200);
			for (const year of [
				'02025',
				'2025.0',
				'+2025',
				'0x7e9',
				'2025e0',
				'20.25e2',
				'%202025',
				'2025%20',
				'0b11111101001'
			]) {
				for (const path of [`${base}/${year}`, `${base}/${year}/download/csv`]) {
					const response = await fetch(path, { redirect: 'manual' });
					expect([path, response.status]).toEqual([path, 404]);
				}
			}
		});
	});

	describe('e: API bodies of the wrong content type get the JSON error, naming what is accepted', () => {
		const imports = () => `${server.url}/api/v1/imports/observations?dryRun=true`;
		const csv = new TextEncoder().encode(
			'Nøgletal;Periode;Værdi\r\nSygefravær, Velfærdsområdet (måned);2021-01;6,1\r\n'
		);

		test('an import with a bearer token as text/plain, or with no Content-Type, is 415 in JSON', async () => {
			for (const contentType of [
				'text/plain',
				'text/plain;charset=UTF-8',
				'application/x-www-form-urlencoded',
				'multipart/form-data; boundary=x',
				'application/octet-stream',
				null
			]) {
				const headers: Record<string, string> = { authorization: `Bearer ${leadToken}` };
				if (contentType) headers['content-type'] = contentType;
				const response = await fetch(imports(), { method: 'POST', headers, body: csv });
				expect([contentType, response.status, response.headers.get('content-type')]).toEqual([
					contentType,
					415,
					'application/json'
				]);
				const body = await response.json();
				expect(body.error.code).toBe('unsupported_media_type');
				expect(body.error.message).toContain(
					'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
				);
				expect(response.headers.get('accept-post')).toBe(
					'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
				);
			}
			const accepted = await fetch(imports(), {
				method: 'POST',
				headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'text/csv; charset=utf-8' },
				body: csv
			});
			expect(await accepted.json()).toMatchObject({ rows: 1, created: 1, errors: [] });
		});

		test('a JSON endpoint with a bearer token and a text/plain body is 415 in JSON', async () => {
			const kpis = (
				await (await fetch(`${server.url}/api/v1/kpis`, { headers: { authorization: `Bearer ${leadToken}` } })).json()
			).kpis;
			const kpi = kpis.find((k: { name: string }) => k.name === 'Sygefravær, Velfærdsområdet (måned)');
			const response = await fetch(`${server.url}/api/v1/kpis/${kpi.id}/observations/2029-02`, {
				method: 'PUT',
				headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'text/plain' },
				body: '{"value":6}'
			});
			expect(response.status).toBe(415);
			expect((await response.json()).error.message).toBe(
				t('api.unsupported_media_type', { received: 'text/plain', accepted: 'application/json' })
			);
		});

		test('cookie-signed API writes from another site, or with no Origin, are still refused', async () => {
			const lead = await signInCookie(server.url, 'projektleder@norddjurs.demo');
			for (const origin of ['https://ond.example', null]) {
				for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'text/csv']) {
					const headers: Record<string, string> = { cookie: lead, 'content-type': contentType };
					if (origin) headers.origin = origin;
					const response = await fetch(imports().replace('?dryRun=true', ''), { method: 'POST', headers, body: csv });
					expect([origin, contentType, response.status]).toEqual([origin, contentType, 403]);
					expect((await response.json()).error.code).toBe('cross_origin');
				}
			}
		});

		test('a form post to a page from another site, or with no Origin, is refused before the action runs', async () => {
			const bodies: [string, string][] = [
				['application/x-www-form-urlencoded', 'name=X&email=x%40ond.example&role=admin'],
				['text/plain', 'name=X'],
				['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nX\r\n--b--\r\n']
			];
			for (const origin of ['https://ond.example', null]) {
				for (const [contentType, body] of bodies) {
					const headers: Record<string, string> = { cookie: admin, 'content-type': contentType };
					if (origin) headers.origin = origin;
					const response = await fetch(`${server.url}/admin/brugere?/invite`, {
						method: 'POST',
						redirect: 'manual',
						headers,
						body
					});
					expect([origin, contentType, response.status, await response.text()]).toEqual([
						origin,
						contentType,
						403,
						t('error.cross_site_form')
					]);
				}
			}
		});
	});

	describe('f: the Bearer scheme is case-insensitive', () => {
		test('bearer, BEARER and extra spaces are accepted; other schemes are not', async () => {
			const status = async (authorization: string) =>
				(await fetch(`${server.url}/api/v1/kpis`, { headers: { authorization } })).status;
			for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR'])
				expect([scheme, await status(`${scheme} ${leadToken}`)]).toEqual([scheme, 200]);
			expect(await status(`bearer   ${leadToken}`)).toBe(200);
			for (const wrong of [`Basic ${leadToken}`, `Bearer${leadToken}`, `bearer ${leadToken} extra`, 'bearer '])
				expect([wrong, await status(wrong)]).toEqual([wrong, 401]);
		});
	});

	describe('g: PUT of an observation keeps the fields it does not send', () => {
		test('left out: comment, source and series break stay; null or "" clears them', async () => {
			const headers = { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' };
			const kpis = (await (await fetch(`${server.url}/api/v1/kpis`, { headers })).json()).kpis;
			const kpi = kpis.find((k: { name: string }) => k.name === 'Sygefravær, Velfærdsområdet (måned)');
			// A month before the series (no period after the current one may be entered, issue 14).
			const url = `${server.url}/api/v1/kpis/${kpi.id}/observations/2021-03`;
			const put = async (body: object) => {
				// confirmUnusual: 7,1 % beside the series' first value (8,3 %) is a larger step than the series takes.
				const response = await fetch(url, {
					method: 'PUT',
					headers,
					body: JSON.stringify({ ...body, confirmUnusual: true })
				});
				expect(response.status).toBeLessThan(300);
				return response.json();
			};
			const created = await put({ value: 7.1, comment: 'Fra lønsystemet', source: 'SLS', seriesBreak: true });
			expect(created).toMatchObject({
				value: 7.1,
				comment: 'Fra lønsystemet',
				source: 'SLS',
				seriesBreak: true,
				version: 1
			});
			expect(await put({ value: 7.2, version: 1 })).toMatchObject({
				value: 7.2,
				comment: 'Fra lønsystemet',
				source: 'SLS',
				seriesBreak: true,
				version: 2
			});
			expect(await put({ value: 7.2, comment: null, version: 2 })).toMatchObject({
				comment: '',
				source: 'SLS',
				seriesBreak: true,
				version: 3
			});
			expect(await put({ value: 7.2, source: '', seriesBreak: null, version: 3 })).toMatchObject({
				comment: '',
				source: '',
				seriesBreak: false,
				version: 4
			});
			// A new value sent with nothing but the value starts empty.
			const fresh = await fetch(url.replace('2021-03', '2021-04'), {
				method: 'PUT',
				headers,
				body: JSON.stringify({ value: 7, confirmUnusual: true })
			});
			expect([fresh.status, await fresh.json()]).toMatchObject([
				201,
				{ comment: '', source: '', seriesBreak: false, version: 1 }
			]);
		});

		test('the OpenAPI document says so', async () => {
			const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
			// zod writes a schema with an id as a reference into its own $defs.
			const schema =
				doc.components.schemas.ObservationPut.$defs?.ObservationPut ?? doc.components.schemas.ObservationPut;
			expect(schema.required).toEqual(['value']);
			expect(schema.properties.comment.description).toMatch(/Udeladt.*bevares.*null/);
			expect(doc.paths['/api/v1/kpis/{id}/observations/{period}'].put.description).toMatch(
				/udelades.*bevarer.*null rydder/
			);
		});
	});
});
