import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { openDatabase, type DbHandle } from '../../src/lib/server/infra/db';
import { createPgDatabase, dropPgDatabase, onPostgres, pgliteTemplateDump } from '../helpers/test-db';
import { runCli } from '../helpers/cli';

/** A database the CLI (a separate process) can open: a PostgreSQL database, or a PGlite folder. */
async function cliDatabase(): Promise<{
	env: Record<string, string>;
	open(): Promise<DbHandle>;
	drop(): Promise<void>;
}> {
	if (onPostgres) {
		const url = await createPgDatabase('migrated');
		return {
			env: { DATABASE_URL: url },
			open: () => openDatabase({ databaseUrl: url, poolMax: 1 }),
			drop: () => dropPgDatabase(url)
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'fremdrift-cli-'));
	const first = await openDatabase({ dataDir: dir, loadDataDir: pgliteTemplateDump() });
	await first.close();
	return {
		env: { DATABASE_URL: '', FREMDRIFT_DATA_DIR: dir },
		open: () => openDatabase({ dataDir: dir }),
		drop: async () => rmSync(dir, { recursive: true, force: true })
	};
}

const cli = runCli;

describe('npm run fremdrift -- report meeting', () => {
	let database: Awaited<ReturnType<typeof cliDatabase>>;
	const meetingOf2025 = async () => {
		const handle = await database.open();
		try {
			return await handle.db
				.selectFrom('annualReport as r')
				.innerJoin('organisation as o', 'o.id', 'r.organisationId')
				.select(['r.caseNumber', 'r.committee', 'r.meetingDate'])
				.where('o.slug', '=', 'norddjurs')
				.where('r.year', '=', 2025)
				.executeTakeFirstOrThrow();
		} finally {
			await handle.close();
		}
	};

	beforeAll(async () => {
		database = await cliDatabase();
		const handle = await database.open();
		await seedDemo(handle.db, { password: 'fremdrift-demo' });
		await handle.close();
	});
	afterAll(() => database?.drop());

	test('fills the agenda fields (the date Danish or ISO), keeps those not named, and is audited', async () => {
		const args = ['report', 'meeting', '--org', 'norddjurs', '--year', '2025'];
		const first = cli(
			[...args, '--case', '27.00.00-A00-1-25', '--committee', 'Økonomiudvalget', '--date', '2026-02-10'],
			database.env
		);
		expect(first.status, first.err).toBe(0);
		expect(first.out).toContain('Sagsnr. 27.00.00-A00-1-25');
		// A Danish date as people write it is read as well as ISO.
		const second = cli([...args, '--committee', 'Byrådet', '--date', '11.02.2026'], database.env);
		expect(second.status, second.err).toBe(0);
		expect(await meetingOf2025()).toEqual({
			caseNumber: '27.00.00-A00-1-25',
			committee: 'Byrådet',
			meetingDate: '2026-02-11'
		});
		const handle = await database.open();
		const events = await handle.db
			.selectFrom('auditEvent')
			.select(['actorLabel'])
			.where('action', '=', 'annual_report.meeting_changed')
			.execute();
		await handle.close();
		expect(events).toEqual([{ actorLabel: 'cli' }, { actorLabel: 'cli' }]);
	});

	test('a bad date or an unknown report changes nothing and says why in Danish', async () => {
		const bad = cli(
			['report', 'meeting', '--org', 'norddjurs', '--year', '2025', '--date', '2026-13-10'],
			database.env
		);
		expect(bad.status).toBe(1);
		expect(bad.err).toContain('--date:');
		const missing = cli(['report', 'meeting', '--org', 'norddjurs', '--year', '2031', '--case', 'x'], database.env);
		expect(missing.status).toBe(1);
		expect(missing.err).toContain('Den årlige status findes ikke.');
		expect((await meetingOf2025()).caseNumber).toBe('27.00.00-A00-1-25');
	});
});
