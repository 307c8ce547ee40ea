import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { openDatabase, type Db, type DbHandle } from '../../src/lib/server/infra/db';
import { migrateToLatest } from '../../src/lib/server/infra/migrate';
import { createPgDatabase, dropPgDatabase, onPostgres } from '../helpers/test-db';
import { runCli } from '../helpers/cli';

const root = join(import.meta.dirname, '../..');

const cli = runCli;

interface Fingerprint {
	counts: Record<string, number>;
	observations: string;
}

/** Every table's row count and a checksum over every column of every observation. */
async function fingerprint(db: Db): Promise<Fingerprint> {
	const tables = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
	const counts: Record<string, number> = {};
	for (const { name } of tables.rows) {
		const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
		counts[name] = row.rows[0].n;
	}
	const sum = await sql<{ sum: string }>`
		select md5(coalesce(string_agg(concat_ws('|', id, organisation_id, kpi_id, period, value::text, comment, source,
			series_break, entered_by, extract(epoch from entered_at), extract(epoch from created_at),
			extract(epoch from updated_at), version), E'\n' order by id), '')) as sum
		from observation`.execute(db);
	return { counts, observations: sum.rows[0].sum };
}

/** Demo data plus a few hundred more values, so the checksum covers more than the seed. */
async function fill(db: Db): Promise<void> {
	await seedDemo(db, { password: 'fremdrift-demo' });
	await sql`
		insert into observation (organisation_id, kpi_id, period, value, comment)
		select k.organisation_id, k.id, to_char(make_date(1990 + g, 1, 1), 'YYYY'), (g * 1.25)::numeric, 'Ældre værdi ' || g
		from kpi k cross join generate_series(0, 19) g
		where k.frequency = 'year'
		on conflict (kpi_id, period) do nothing`.execute(db);
}

interface Side {
	env: Record<string, string>;
	open(): Promise<DbHandle>;
	drop(): Promise<void>;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'fremdrift-backup-'));
	dirs.push(dir);
	return dir;
}

function pgliteSide(dir: string): Side {
	return {
		env: { DATABASE_URL: '', FREMDRIFT_DATA_DIR: dir },
		open: () => openDatabase({ dataDir: dir }),
		drop: async () => rmSync(dir, { recursive: true, force: true })
	};
}

async function pgSide(contents: 'empty' | 'migrated'): Promise<Side> {
	const url = await createPgDatabase(contents);
	return {
		env: { DATABASE_URL: url },
		open: () => openDatabase({ databaseUrl: url, poolMax: 2 }),
		drop: () => dropPgDatabase(url)
	};
}

/** The shared scenario: fill a database, back it up with the CLI, restore into an empty one, compare. */
function backupAndRestore(
	kind: 'pglite' | 'postgres',
	makeSource: () => Promise<Side>,
	makeEmptyTarget: () => Promise<Side>
) {
	let source: Side;
	let target: Side;
	let before: Fingerprint;
	const file = join(tempDir(), kind === 'pglite' ? 'backup.tar.gz' : 'backup.sql');

	beforeAll(async () => {
		source = await makeSource();
		const handle = await source.open();
		await migrateToLatest(handle.db);
		await fill(handle.db);
		before = await fingerprint(handle.db);
		await handle.close();
		target = await makeEmptyTarget();
	});
	afterAll(async () => {
		await source?.drop();
		await target?.drop();
	});

	test('the restored database has every table with the same rows and the same observations', async () => {
		expect(before.counts.observation).toBeGreaterThan(200);
		const made = cli(['backup', '--out', file], source.env);
		expect(made.err.trim()).toBe('');
		expect(made.status).toBe(0);
		expect(made.out).toContain(`Sikkerhedskopi skrevet: ${file}`);

		const again = cli(['backup', '--out', file], source.env);
		expect([again.status, again.err.trim()]).toEqual([
			1,
			`Filen ${file} findes allerede; vælg et andet navn med --out.`
		]);

		const restored = cli(['restore', file], target.env);
		expect(restored.err.trim()).toBe('');
		expect(restored.status).toBe(0);
		expect(restored.out).toContain(`Sikkerhedskopien ${file} er indlæst i`);

		const handle = await target.open();
		try {
			const after = await fingerprint(handle.db);
			expect(Object.keys(after.counts).length).toBeGreaterThan(20);
			expect(after).toEqual(before);
			// Identity sequences came along: a new row gets a fresh id instead of colliding.
			const kpi = await handle.db
				.selectFrom('kpi')
				.select(['id', 'organisationId'])
				.where('frequency', '=', 'year')
				.executeTakeFirstOrThrow();
			const inserted = await handle.db
				.insertInto('observation')
				.values({ organisationId: kpi.organisationId, kpiId: kpi.id, period: '1980', value: 1 })
				.returning('id')
				.executeTakeFirstOrThrow();
			const maxBefore = await handle.db
				.selectFrom('observation')
				.select((eb) => eb.fn.max('id').as('max'))
				.where('id', '!=', inserted.id)
				.executeTakeFirstOrThrow();
			expect(inserted.id).toBeGreaterThan(Number(maxBefore.max));
		} finally {
			await handle.close();
		}
	});

	test('a restore into a database that is not empty is refused and changes nothing', async () => {
		const refused = cli(['restore', file], target.env);
		expect(refused.status).toBe(1);
		expect(refused.err.trim()).toMatch(kind === 'pglite' ? /^Mappen .+ er ikke tom\./ : /^Databasen \w+ er ikke tom\./);
		const handle = await target.open();
		const count = await handle.db
			.selectFrom('observation')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		await handle.close();
		expect(count.n).toBe(before.counts.observation + 1);
	});

	test('a file that is no backup, or a backup of the other kind, is refused with a Danish message', async () => {
		const missing = cli(['restore', join(root, 'nope.tar.gz')], target.env);
		expect([missing.status, missing.err.trim()]).toEqual([1, `Filen ${join(root, 'nope.tar.gz')} findes ikke.`]);
		const notBackup = cli(['restore', join(root, 'package.json')], target.env);
		expect(notBackup.status).toBe(1);
		expect(notBackup.err).toContain('er ikke en sikkerhedskopi fra Fremdrift');
		const otherKind = cli(
			['restore', file],
			kind === 'pglite'
				? { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }
				: { DATABASE_URL: '', FREMDRIFT_DATA_DIR: tempDir() }
		);
		expect(otherKind.status).toBe(1);
		expect(otherKind.err.trim()).toBe(
			kind === 'pglite'
				? 'Filen er en sikkerhedskopi af den indbyggede database (PGlite): indlæs den uden DATABASE_URL.'
				: 'Filen er en pg_dump fra PostgreSQL: indlæs den med DATABASE_URL sat til en tom database.'
		);
	});
}

describe('backup and restore on PGlite (data-folder dump)', () => {
	backupAndRestore(
		'pglite',
		async () => pgliteSide(tempDir()),
		async () => pgliteSide(join(tempDir(), 'restored'))
	);
});

// On PGlite runs there is no PostgreSQL server to dump from; `DATABASE_URL=… npm test` runs this part.
describe.skipIf(!onPostgres)('backup and restore on PostgreSQL (pg_dump and psql)', () => {
	backupAndRestore(
		'postgres',
		() => pgSide('migrated'),
		() => pgSide('empty')
	);
});
