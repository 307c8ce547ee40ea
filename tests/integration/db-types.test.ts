import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { jsonb } from '../../src/lib/server/infra/sql';
import type { Db } from '../../src/lib/server/infra/db';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/test-db';
import { openDatabase, type DbHandle } from '../../src/lib/server/infra/db';
import { pgliteTemplateDump } from '../helpers/test-db';

/** The same writes and reads on any driver; the rows must come back identical. */
async function roundTrip(db: Db) {
	const org = await db
		.insertInto('organisation')
		.values({ slug: 'typer', name: 'Typekommune', municipalityCode: 999 })
		.returning(['id'])
		.executeTakeFirstOrThrow();
	const kpi = await db
		.insertInto('kpi')
		.values({
			organisationId: org.id,
			name: 'Sygefravær',
			unit: 'percent',
			direction: 'lower',
			frequency: 'year',
			baselineValue: '7.80',
			baselinePeriod: '2022',
			targetValue: 6.5,
			targetPeriod: '2025'
		})
		.returning(['id'])
		.executeTakeFirstOrThrow();
	await db
		.insertInto('observation')
		.values({ organisationId: org.id, kpiId: kpi.id, period: '2024', value: '7.0' })
		.execute();
	await db
		.insertInto('annualReport')
		.values({
			organisationId: org.id,
			year: 2025,
			state: 'approved',
			asOf: '2025-12-31',
			snapshot: jsonb({ recommendations: [{ number: 7, status: 'on_track' }], total: 3600000 })
		})
		.execute();

	const kpiRow = await db
		.selectFrom('kpi')
		.select(['id', 'organisationId', 'baselineValue', 'targetValue', 'decimals', 'createdAt'])
		.where('id', '=', kpi.id)
		.executeTakeFirstOrThrow();
	const counted = await db
		.selectFrom('observation')
		.select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<string>('value').as('sum')])
		.executeTakeFirstOrThrow();
	const literals = await sql<{
		big: number;
		day: string;
		moment: Date;
		doc: unknown;
		bytes: Uint8Array;
	}>`select 9007199254740991::int8 as big, date '2024-02-29' as day,
		timestamptz '2026-11-22 08:15:00+01' as moment, '{"a":[1,"x"]}'::jsonb as doc, '\\x00ff'::bytea as bytes`.execute(db);
	const matched = await db
		.selectFrom('annualReport')
		.select(['year', 'asOf', 'snapshot'])
		.where(sql<boolean>`snapshot @> ${jsonb({ recommendations: [{ number: 7 }] })}`)
		.execute();
	return { kpiRow, counted, literal: literals.rows[0], matched };
}

function expectContract(result: Awaited<ReturnType<typeof roundTrip>>) {
	expect(typeof result.kpiRow.id).toBe('number');
	expect(typeof result.kpiRow.organisationId).toBe('number');
	expect(result.kpiRow.baselineValue).toBe('7.80');
	expect(result.kpiRow.targetValue).toBe('6.5');
	expect(result.kpiRow.decimals).toBe(1);
	expect(result.kpiRow.createdAt).toBeInstanceOf(Date);
	expect(result.counted).toEqual({ count: 1, sum: '7.0' });
	expect(result.literal.big).toBe(9007199254740991);
	expect(result.literal.day).toBe('2024-02-29');
	expect(result.literal.moment).toEqual(new Date('2026-11-22T07:15:00Z'));
	expect(result.literal.doc).toEqual({ a: [1, 'x'] });
	expect(result.literal.bytes).toEqual(new Uint8Array([0, 255]));
	expect(result.matched).toEqual([
		{
			year: 2025,
			asOf: '2025-12-31',
			snapshot: { recommendations: [{ number: 7, status: 'on_track' }], total: 3600000 }
		}
	]);
}

describe('row types', () => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase();
	});
	afterAll(() => database.destroy());

	test(`the ${onPostgres ? 'PostgreSQL' : 'PGlite'} driver returns the documented types`, async () => {
		expectContract(await roundTrip(database.db));
	});

	test('an int8 beyond what a number holds exactly is refused, not rounded', async () => {
		await expect(sql`select 9007199254740993::int8 as big`.execute(database.db)).rejects.toThrow(/out of range/);
	});
});

// Comparing both drivers needs both: the PostgreSQL run (DATABASE_URL set) does it; the PGlite
// run has no server URL to compare against and checks its own driver against the contract above.
describe.skipIf(!onPostgres)('PGlite and PostgreSQL side by side', () => {
	let pg: TestDatabase;
	let lite: DbHandle;
	beforeAll(async () => {
		pg = await createTestDatabase();
		lite = await openDatabase({ dataDir: 'memory://', loadDataDir: await migratedPgliteDump() });
	});
	afterAll(async () => {
		await pg?.destroy();
		await lite?.close();
	});

	test('the same queries give identical rows', async () => {
		const [fromPg, fromLite] = await Promise.all([roundTrip(pg.db), roundTrip(lite.db)]);
		expect(fromLite.literal).toEqual(fromPg.literal);
		expect(fromLite.counted).toEqual(fromPg.counted);
		expect(fromLite.matched).toEqual(fromPg.matched);
		const { createdAt: _a, ...pgKpi } = fromPg.kpiRow;
		const { createdAt: _b, ...liteKpi } = fromLite.kpiRow;
		expect(liteKpi).toEqual(pgKpi);
		expectContract(fromLite);
	});
});

/** On PostgreSQL runs there is no PGlite dump from global setup: migrate a fresh PGlite. */
async function migratedPgliteDump(): Promise<Blob> {
	if (!onPostgres) return pgliteTemplateDump();
	const { migrateToLatest } = await import('../../src/lib/server/infra/migrate');
	const fresh = await openDatabase({ dataDir: 'memory://' });
	await migrateToLatest(fresh.db);
	const dump = await fresh.pglite!.dumpDataDir('none');
	await fresh.close();
	return dump;
}
