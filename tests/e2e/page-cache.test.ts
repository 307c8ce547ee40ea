import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiToken } from '../helpers/api-token';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';
import { formatKpiValue, type KpiUnit } from '../../src/lib/domain/format';

interface ApiKpi {
	id: number;
	unit: KpiUnit;
	decimals: number;
	latest: { period: string; value: number } | null;
	recommendationIds: number[];
}

/**
 * Issue 20: the overview and the recommendation page are kept whole in memory per (organisation, data version, user, address, day)
 * (src/lib/server/http/page-cache.ts). What a user relies on: the CSP allows the page's own inline script (by its
 * hash, which the browser checks); each user sees their own page; a write is on the very next answer.
 * Across two instances: tests/e2e/overview-two-instances.test.ts (PostgreSQL).
 */
describe('the overview answered from memory', () => {
	let server: RunningServer;
	let director: string;

	beforeAll(async () => {
		server = await startDemoServer();
		director = await signInCookie(server.url, 'direktor@norddjurs.demo');
	});
	afterAll(async () => {
		await server?.stop();
	});

	const overview = async (cookie: string, path = '/') => {
		const response = await fetch(server.url + path, { headers: { cookie } });
		expect(response.status).toBe(200);
		return { policy: response.headers.get('content-security-policy') ?? '', html: await response.text() };
	};

	test('answers from memory are the same bytes, and the CSP names the hash of each inline script', async () => {
		const answers = [await overview(director), await overview(director), await overview(director)];
		expect(answers[1].html).toBe(answers[0].html);
		expect(answers[2].html).toBe(answers[0].html);
		for (const { policy, html } of answers) {
			const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
			expect(inline.length).toBeGreaterThan(0);
			for (const [, code] of inline)
				expect(policy).toContain(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
			expect(policy).not.toContain('nonce-');
		}
	});

	test("another user of the organisation gets their own page, not the director's", async () => {
		await overview(director);
		const admin = await overview(await signInCookie(server.url, 'admin@norddjurs.demo'));
		const signedIn = (html: string) => /<span data-signed-in="">([^<]*)<\/span>/.exec(html)?.[1];
		expect(signedIn(admin.html)).toBe('Anders Administrator · administrator · Norddjurs Kommune');
		expect(signedIn((await overview(director)).html)).toBe('Dorthe Direktør · direktør · Norddjurs Kommune');
	});

	/** Saves a value near a KPI's newest one that `page` does not show yet; answers its text as the page would show it. */
	async function saveNearbyValue(page: string, pick: (kpi: ApiKpi) => boolean): Promise<string> {
		const token = await apiToken(server, 'direktor@norddjurs.demo');
		const api = (path: string, init: RequestInit = {}) =>
			fetch(`${server.url}/api/v1${path}`, {
				...init,
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
			});
		const { kpis } = (await (await api('/kpis')).json()) as { kpis: ApiKpi[] };
		const kpi = kpis.find(
			(k) => k.latest && pick(k) && page.includes(formatKpiValue(k.latest.value, k.unit, k.decimals))
		)!;
		expect(kpi).toBeDefined();
		const latest = kpi.latest!;
		const { observations } = (await (await api(`/kpis/${kpi.id}/observations`)).json()) as {
			observations: { period: string; version: number }[];
		};
		const version = observations.find((o) => o.period === latest.period)!.version;
		const value = [0.3, -0.3, 0.7, -0.7, 1.1, -1.1]
			.map((delta) => Math.round((latest.value + delta) * 10 ** kpi.decimals) / 10 ** kpi.decimals)
			.find((v) => !page.includes(formatKpiValue(v, kpi.unit, kpi.decimals)))!;
		const saved = await api(`/kpis/${kpi.id}/observations/${latest.period}`, {
			method: 'PUT',
			body: JSON.stringify({ value, version, confirmUnusual: true })
		});
		expect(saved.status, await saved.clone().text()).toBe(200);
		return formatKpiValue(value, kpi.unit, kpi.decimals);
	}

	test('a value saved is on the next answer', async () => {
		const before = (await overview(director)).html;
		// A KPI whose newest value the overview shows (the primary KPI of a recommendation).
		const shown = await saveNearbyValue(before, () => true);
		expect((await overview(director)).html).toContain(shown);
	});

	test('the recommendation page too: the same bytes until a value is saved, then the value', async () => {
		const first = await overview(director, '/anbefalinger/7');
		const second = await overview(director, '/anbefalinger/7');
		expect(second.html).toBe(first.html);
		const shown = await saveNearbyValue(first.html, (kpi) => kpi.recommendationIds.includes(7));
		expect((await overview(director, '/anbefalinger/7')).html).toContain(shown);
	});
});
