import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { loadOverview } from '../../src/lib/server/progress';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * The overview must answer in a fixed number of queries, whatever the number of recommendations
 * (no query per row): counted with 8 recommendations and again with 200.
 */
describe('queries behind the overview', () => {
	let database: TestDatabase;
	let queries = 0;
	let organisationId: number;

	beforeAll(async () => {
		database = await createTestDatabase({ onQuery: (event) => event.level === 'query' && queries++ });
		await seedDemo(database.db, { password: 'x' });
		organisationId = (await database.db.selectFrom('organisation').select('id').where('slug', '=', 'norddjurs').executeTakeFirstOrThrow()).id;
	});
	afterAll(() => database.destroy());

	async function count(): Promise<{ queries: number; rows: number }> {
		queries = 0;
		const rows = await loadOverview(database.db, organisationId, '2026-11-22');
		return { queries, rows: rows.length };
	}

	test('8 and 200 recommendations take the same number of queries', async () => {
		const eight = await count();
		expect(eight.rows).toBe(8);

		const programme = await database.db.selectFrom('programme').select('id').where('organisationId', '=', organisationId).executeTakeFirstOrThrow();
		const recs = await database.db
			.insertInto('recommendation')
			.values(Array.from({ length: 192 }, (_, i) => ({ organisationId, programmeId: programme.id, number: 100 + i, title: `Ekstra anbefaling ${i}` })))
			.returning('id')
			.execute();
		const kpis = await database.db
			.insertInto('kpi')
			.values(recs.map((_, i) => ({ organisationId, name: `Ekstra nøgletal ${i}`, unit: 'percent' as const, direction: 'lower' as const, frequency: 'year' as const, baselineValue: 10, baselinePeriod: '2022', targetValue: 8, targetPeriod: '2025' })))
			.returning('id')
			.execute();
		await database.db.insertInto('recommendationKpi').values(recs.map((r, i) => ({ organisationId, recommendationId: r.id, kpiId: kpis[i].id, isPrimary: true }))).execute();
		await database.db.insertInto('observation').values(kpis.flatMap((k) => ['2023', '2024', '2025'].map((period, j) => ({ organisationId, kpiId: k.id, period, value: 10 - j })))).execute();
		await database.db.insertInto('followUpItem').values(recs.map((r) => ({ organisationId, recommendationId: r.id, title: 'Evaluering', duePeriod: '2026' }))).execute();
		await database.db.insertInto('budgetLine').values(recs.map((r) => ({ organisationId, recommendationId: r.id, year: 2025, amountKr: 100_000, category: 'other' as const, funding: 'own_budget' as const }))).execute();

		const twoHundred = await count();
		expect(twoHundred.rows).toBe(200);
		expect(twoHundred.queries).toBe(eight.queries);
		expect(eight.queries).toBeLessThanOrEqual(10);
	});
});
