import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../db/migrations';
import { openDatabase, type Db } from '../../src/lib/server/infra/db';
import { migrateDownAll, migrateToLatest } from '../../src/lib/server/infra/migrate';
import { createPgDatabase, createTestDatabase, dropPgDatabase, onPostgres } from '../helpers/test-db';

const root = join(import.meta.dirname, '../..');

const domainTables = [
	'annual_report',
	'api_token',
	'app_user',
	'audit_event',
	'budget_actual',
	'budget_line',
	'external_identity',
	'follow_up_item',
	'identity_provider',
	'identity_provider_role',
	'kpi',
	'kpi_comparison',
	'kpi_comparison_value',
	'kpi_owner',
	'login_attempt',
	'observation',
	'organisation',
	'organisation_data_version',
	'organisation_logo',
	'programme',
	'recommendation',
	'recommendation_assignment',
	'recommendation_kpi',
	'recommendation_lifecycle_event',
	'reminder_key',
	'reminder_preference',
	'saml_assertion',
	'saml_request',
	'sent_notification',
	'session',
	'sign_in_policy',
	'status_update',
	'theme',
	'user_token'
];

async function tables(db: Db): Promise<string[]> {
	const result = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(db);
	return result.rows.map((r) => r.name);
}

async function functions(db: Db): Promise<string[]> {
	const result = await sql<{ name: string }>`
		select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		where n.nspname = 'public' order by 1`.execute(db);
	return result.rows.map((r) => r.name);
}

/** A database with no schema at all, to migrate from scratch. */
async function emptyDatabase(): Promise<{ db: Db; url?: string; destroy(): Promise<void> }> {
	if (onPostgres) {
		const url = await createPgDatabase('empty');
		const handle = await openDatabase({ databaseUrl: url, poolMax: 2 });
		return { db: handle.db, url, destroy: async () => (await handle.close(), await dropPgDatabase(url)) };
	}
	const handle = await openDatabase({ dataDir: 'memory://' });
	return { db: handle.db, destroy: () => handle.close() };
}

test('every migration file is listed, in date order, and none is listed twice', () => {
	const files = readdirSync(join(root, 'db/migrations'))
		.filter((f) => f !== 'index.ts')
		.map((f) => f.replace(/\.ts$/, ''));
	const names = Object.keys(migrations);
	expect(names).toEqual([...files].sort());
	for (const name of names) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{4}-[a-z0-9-]+$/);
});

describe('migrations', () => {
	test('go up, all the way down, and up again', async () => {
		const empty = await emptyDatabase();
		try {
			expect(await migrateToLatest(empty.db)).toEqual(Object.keys(migrations));
			expect(await tables(empty.db)).toEqual(domainTables);
			expect(await migrateToLatest(empty.db)).toEqual([]);

			expect(await migrateDownAll(empty.db)).toEqual(Object.keys(migrations).reverse());
			expect(await tables(empty.db)).toEqual([]);
			expect(await functions(empty.db)).toEqual([]);

			expect(await migrateToLatest(empty.db)).toEqual(Object.keys(migrations));
			expect(await tables(empty.db)).toEqual(domainTables);
		} finally {
			await empty.destroy();
		}
	});

	test('a report stored as of 9999-12-31 before the date range existed is moved to 2199-12-31', async () => {
		const empty = await emptyDatabase();
		try {
			const migrator = new Migrator({
				db: empty.db.withoutPlugins(),
				provider: { getMigrations: async () => migrations }
			});
			const { error } = await migrator.migrateTo('2026-11-30T1300-audit-api-token');
			expect(error).toBeUndefined();
			const org = await empty.db
				.insertInto('organisation')
				.values({ slug: 'gammel', name: 'Kommune' })
				.returning('id')
				.executeTakeFirstOrThrow();
			for (const [year, asOf] of [
				[2025, '9999-12-31'],
				[2024, '0001-01-01'],
				[2023, '2024-01-31']
			] as const) {
				await empty.db.insertInto('annualReport').values({ organisationId: org.id, year, asOf }).execute();
			}
			expect((await migrateToLatest(empty.db))[0]).toBe('2026-11-30T1400-report-as-of-range');
			const rows = await empty.db.selectFrom('annualReport').select(['year', 'asOf']).orderBy('year').execute();
			expect(rows).toEqual([
				{ year: 2023, asOf: '2024-01-31' },
				{ year: 2024, asOf: '1901-02-01' },
				{ year: 2025, asOf: '2199-12-31' }
			]);
		} finally {
			await empty.destroy();
		}
	});
});

describe('constraints', () => {
	const dbPromise = createTestDatabase();
	afterAll(async () => (await dbPromise).destroy());

	async function setup() {
		const { db } = await dbPromise;
		const org = await db
			.insertInto('organisation')
			.values({ slug: `k${Math.random().toString(36).slice(2, 8)}`, name: 'Kommune' })
			.returning('id')
			.executeTakeFirstOrThrow();
		return { db, organisationId: org.id };
	}

	const kpi = (organisationId: number, overrides: Record<string, unknown> = {}) => ({
		organisationId,
		name: `KPI ${Math.random()}`,
		unit: 'percent' as const,
		direction: 'lower' as const,
		frequency: 'year' as const,
		baselineValue: 7.8,
		baselinePeriod: '2022',
		targetValue: 6.5,
		targetPeriod: '2025',
		...overrides
	});

	test('a KPI whose direction disagrees with its target is refused', async () => {
		const { db, organisationId } = await setup();
		await expect(
			db
				.insertInto('kpi')
				.values(kpi(organisationId, { direction: 'higher' }))
				.execute()
		).rejects.toMatchObject({ code: '23514' });
	});

	test('a KPI whose periods do not match its frequency is refused', async () => {
		const { db, organisationId } = await setup();
		await expect(
			db
				.insertInto('kpi')
				.values(kpi(organisationId, { baselinePeriod: '2022-05' }))
				.execute()
		).rejects.toMatchObject({ code: '23514' });
	});

	test('an observation in the wrong period form, or a second one for the same period, is refused', async () => {
		const { db, organisationId } = await setup();
		const { id: kpiId } = await db
			.insertInto('kpi')
			.values(kpi(organisationId))
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(
			db.insertInto('observation').values({ organisationId, kpiId, period: '2024-05', value: 7 }).execute()
		).rejects.toMatchObject({ code: '23514' });
		await db.insertInto('observation').values({ organisationId, kpiId, period: '2024', value: 7 }).execute();
		await expect(
			db.insertInto('observation').values({ organisationId, kpiId, period: '2024', value: 6 }).execute()
		).rejects.toMatchObject({ code: '23505' });
	});

	test('an annual report as of a date outside 1901-02-01 … 2199-12-31 is refused', async () => {
		const { db, organisationId } = await setup();
		for (const asOf of ['9999-12-31', '1901-01-31', '2200-01-01']) {
			await expect(
				db.insertInto('annualReport').values({ organisationId, year: 2025, asOf }).execute()
			).rejects.toMatchObject({ code: '23514' });
		}
		await db.insertInto('annualReport').values({ organisationId, year: 2025, asOf: '2199-12-31' }).execute();
	});

	test("a row cannot point into another organisation's data", async () => {
		const a = await setup();
		const b = await setup();
		const { id: kpiId } = await a.db
			.insertInto('kpi')
			.values(kpi(a.organisationId))
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(
			a.db
				.insertInto('observation')
				.values({ organisationId: b.organisationId, kpiId, period: '2024', value: 7 })
				.execute()
		).rejects.toMatchObject({ code: '23503' });
	});

	test('the audit trail refuses updates and deletes', async () => {
		const { db, organisationId } = await setup();
		const { id } = await db
			.insertInto('auditEvent')
			.values({ organisationId, action: 'test', entityType: 'organisation' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(
			db.updateTable('auditEvent').set({ action: 'changed' }).where('id', '=', id).execute()
		).rejects.toThrow(/append-only/);
		await expect(db.deleteFrom('auditEvent').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
		const row = await db.selectFrom('auditEvent').select('action').where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.action).toBe('test');
	});
});

/** Runs `npm run db:migrate`'s command in its own process and returns the migrations it applied. */
function migrateInChild(databaseUrl: string): Promise<string[]> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'db/cli/index.ts'), 'migrate'], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: databaseUrl }
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code !== 0) reject(new Error(`migrate exited ${code}: ${err}`));
			else resolve(JSON.parse(out.trim().split('\n').pop()!).applied);
		});
	});
}

// Two processes migrating one database at once only exists on a server: PGlite is one process's folder.
describe.skipIf(!onPostgres)('two app instances starting at once', () => {
	test('migrate the database exactly once', async () => {
		const url = await createPgDatabase('empty');
		try {
			const results = await Promise.all([migrateInChild(url), migrateInChild(url), migrateInChild(url)]);
			const all = Object.keys(migrations);
			expect(results.filter((r) => r.length > 0)).toEqual([all]);
			expect(results.filter((r) => r.length === 0)).toHaveLength(2);
			const handle = await openDatabase({ databaseUrl: url, poolMax: 1 });
			const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(handle.db);
			expect(rows.rows.map((r) => r.name)).toEqual(all);
			await handle.close();
		} finally {
			await dropPgDatabase(url);
		}
	});
});
