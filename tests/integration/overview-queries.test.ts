import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { loadOverview } from '../../src/lib/server/kpis/status';
import { createTestDatabase, type TestDatabase, organisationIdOf } from '../helpers/test-db';

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
		organisationId = await organisationIdOf(database, 'norddjurs');
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

		const programme = await database.db
			.selectFrom('programme')
			.select('id')
			.where('organisationId', '=', organisationId)
			.executeTakeFirstOrThrow();
		const recs = await database.db
			.insertInto('recommendation')
			.values(
				Array.from({ length: 192 }, (_, i) => ({
					organisationId,
					programmeId: programme.id,
					number: 100 + i,
					title: `Ekstra anbefaling ${i}`
				}))
			)
			.returning('id')
			.execute();
		const kpis = await database.db
			.insertInto('kpi')
			.values(
				recs.map((_, i) => ({
					organisationId,
					name: `Ekstra nøgletal ${i}`,
					unit: 'percent' as const,
					direction: 'lower' as const,
					frequency: 'year' as const,
					baselineValue: 10,
					baselinePeriod: '2022',
					targetValue: 8,
					targetPeriod: '2025'
				}))
			)
			.returning('id')
			.execute();
		await database.db
			.insertInto('recommendationKpi')
			.values(recs.map((r, i) => ({ organisationId, recommendationId: r.id, kpiId: kpis[i].id, isPrimary: true })))
			.execute();
		await database.db
			.insertInto('observation')
			.values(
				kpis.flatMap((k) =>
					['2023', '2024', '2025'].map((period, j) => ({ organisationId, kpiId: k.id, period, value: 10 - j }))
				)
			)
			.execute();
		await database.db
			.insertInto('followUpItem')
			.values(recs.map((r) => ({ organisationId, recommendationId: r.id, title: 'Evaluering', duePeriod: '2026' })))
			.execute();
		await database.db
			.insertInto('budgetLine')
			.values(
				recs.map((r) => ({
					organisationId,
					recommendationId: r.id,
					year: 2025,
					amountKr: 100_000,
					category: 'other' as const,
					funding: 'own_budget' as const
				}))
			)
			.execute();

		const twoHundred = await count();
		expect(twoHundred.rows).toBe(200);
		expect(twoHundred.queries).toBe(eight.queries);
		expect(eight.queries).toBeLessThanOrEqual(10);
	});

	test("a sparkline is the representative primary KPI's last 24 values after its baseline, up to the as-of date", async () => {
		const asOf = '2026-03-15';
		// A monthly primary KPI with five years of values (2022-02 … 2026-12): longer than 24, and running past the as-of date.
		const programme = await database.db
			.selectFrom('programme')
			.select('id')
			.where('organisationId', '=', organisationId)
			.executeTakeFirstOrThrow();
		const rec = await database.db
			.insertInto('recommendation')
			.values({ organisationId, programmeId: programme.id, number: 999, title: 'Månedlig serie' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const kpi = await database.db
			.insertInto('kpi')
			.values({
				organisationId,
				name: 'Månedligt nøgletal',
				unit: 'percent',
				direction: 'lower',
				frequency: 'month',
				baselineValue: 8,
				baselinePeriod: '2022-01',
				targetValue: 6,
				targetPeriod: '2027-12'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await database.db
			.insertInto('recommendationKpi')
			.values({ organisationId, recommendationId: rec.id, kpiId: kpi.id, isPrimary: true })
			.execute();
		const months = Array.from(
			{ length: 60 },
			(_, i) => `${2022 + Math.floor((i + 1) / 12)}-${String(((i + 1) % 12) + 1).padStart(2, '0')}`
		);
		await database.db
			.insertInto('observation')
			.values(
				months.map((period, i) => ({ organisationId, kpiId: kpi.id, period, value: (7 + (i % 10) / 10).toFixed(1) }))
			)
			.execute();
		const rows = await loadOverview(database.db, organisationId, asOf);
		let checked = 0;
		for (const row of rows) {
			const kpi = row.primaryKpi;
			if (!kpi?.isPrimary) continue;
			const all = await database.db
				.selectFrom('observation')
				.select(['period', 'value'])
				.where('kpiId', '=', kpi.id)
				.orderBy('period')
				.execute();
			const current =
				kpi.frequency === 'month'
					? '2026-03'
					: kpi.frequency === 'quarter'
						? '2026-Q1'
						: kpi.frequency === 'half'
							? '2026-H1'
							: '2026';
			const expected = all
				.filter((o) => o.period > kpi.definition.baseline.period && o.period <= current)
				.slice(-24)
				.map((o) => Number(o.value));
			expect([row.number, row.sparkline]).toEqual([row.number, expected]);
			checked += expected.length > 0 ? 1 : 0;
		}
		// The demo has monthly series longer than 24 values, so the cut is exercised.
		expect(checked).toBeGreaterThan(0);
		expect(rows.some((row) => row.sparkline.length === 24)).toBe(true);
	});
});
