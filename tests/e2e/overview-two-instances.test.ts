import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiToken } from '../helpers/api-token';
import { createServerDatabase, startServerOn, type ServerDatabase, type ServerProcess } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';
import { onPostgres } from '../helpers/test-db';
import { openDatabase } from '../../src/lib/server/infra/db';
import { loadOverview } from '../../src/lib/server/kpis/status';
import { formatKpiValue } from '../../src/lib/domain/format';
import { todayInCopenhagen } from '../../src/lib/domain/dates';

/**
 * Issue 20 goal 1: each instance keeps the overview in memory per (organisation, data version, as-of day), and the
 * version lives in the database. A value saved through one instance shows on the very next overview request to
 * another instance that had the old overview cached.
 *
 * PostgreSQL only: with PGlite one server process owns the data folder, so there can be no second instance on the
 * same data (tests/integration/overview-cache.test.ts checks the version and the cache on PGlite in one process).
 */
describe.skipIf(!onPostgres)('the cached overview across two app instances (PostgreSQL)', () => {
	let database: ServerDatabase;
	const servers: ServerProcess[] = [];

	beforeAll(async () => {
		database = await createServerDatabase();
		servers.push(...(await Promise.all([startServerOn(database), startServerOn(database)])));
	});
	afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		await database?.drop();
	});

	/** A primary KPI the overview shows a latest value for, and that value's stored version. */
	async function shownKpi() {
		const handle = await openDatabase({ databaseUrl: database.env.DATABASE_URL, poolMax: 1 });
		try {
			const { organisationId } = await handle.db
				.selectFrom('appUser')
				.select('organisationId')
				.where('email', '=', 'direktor@norddjurs.demo')
				.executeTakeFirstOrThrow();
			const rows = await loadOverview(handle.db, organisationId, todayInCopenhagen());
			const kpi = rows.map((r) => r.primaryKpi).find((k) => k?.progress.latest)!;
			const latest = kpi.progress.latest!;
			const { version } = await handle.db
				.selectFrom('observation')
				.select('version')
				.where('kpiId', '=', kpi.id)
				.where('period', '=', latest.period)
				.executeTakeFirstOrThrow();
			return { kpi, latest, version };
		} finally {
			await handle.close();
		}
	}

	test('a value saved through one instance is on the next overview of the other', async () => {
		const [a, b] = servers;
		const cookie = await signInCookie(b.url, 'direktor@norddjurs.demo');
		const overviewOfB = async () => {
			const response = await fetch(b.url, { headers: { cookie } });
			expect(response.status).toBe(200);
			// Without the per-response script nonce, so two answers can be compared.
			return (await response.text()).replaceAll(/nonce="[^"]*"/g, '');
		};
		const before = await overviewOfB();
		// Twice: the second answer comes from B's memory.
		expect(await overviewOfB()).toBe(before);

		const { kpi, latest, version } = await shownKpi();
		expect(before).toContain(formatKpiValue(latest.value, kpi.unit, kpi.decimals));
		// A nearby value (so the plausibility rules let it pass) whose text the page does not show yet.
		const value = [0.3, -0.3, 0.7, -0.7, 1.1, -1.1]
			.map((delta) => Math.round((latest.value + delta) * 10 ** kpi.decimals) / 10 ** kpi.decimals)
			.find((v) => !before.includes(formatKpiValue(v, kpi.unit, kpi.decimals)))!;
		const shown = formatKpiValue(value, kpi.unit, kpi.decimals);

		const token = await apiToken(a, 'direktor@norddjurs.demo');
		const saved = await fetch(`${a.url}/api/v1/kpis/${kpi.id}/observations/${latest.period}`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ value, version, confirmUnusual: true })
		});
		expect(saved.status, await saved.clone().text()).toBe(200);

		expect(await overviewOfB()).toContain(shown);
	});
});
