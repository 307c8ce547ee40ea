import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { openDatabase, type DbHandle } from '../../src/lib/server/infra/db';
import { findUserToken } from '../../src/lib/server/auth/user-token';
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

const cli = (args: string[], env: Record<string, string>) =>
	runCli(args, { ORIGIN: 'https://fremdrift.kommune.test', ...env });

describe('npm run fremdrift -- user create', () => {
	let database: Awaited<ReturnType<typeof cliDatabase>>;

	beforeAll(async () => {
		database = await cliDatabase();
		const handle = await database.open();
		await seedDemo(handle.db, { password: 'fremdrift-demo' });
		await handle.close();
	});
	afterAll(() => database?.drop());

	test('creates the user and prints a working invitation link', async () => {
		const run = cli(
			[
				'user',
				'create',
				'--email',
				'Ny.Chef@Norddjurs.demo',
				'--role',
				'director',
				'--org',
				'norddjurs',
				'--name',
				'Ny Chef'
			],
			database.env
		);
		expect(run.err.trim()).toBe('');
		expect(run.status).toBe(0);
		expect(run.out).toContain('Bruger oprettet: ny.chef@norddjurs.demo (direktør) i Norddjurs Kommune.');
		const link = /https:\/\/fremdrift\.kommune\.test\/invitation\/(\S+)/.exec(run.out)![1];
		const handle = await database.open();
		try {
			const user = await handle.db
				.selectFrom('appUser')
				.selectAll()
				.where('email', '=', 'ny.chef@norddjurs.demo')
				.executeTakeFirstOrThrow();
			expect(user).toMatchObject({ role: 'director', name: 'Ny Chef', passwordHash: null });
			expect(await findUserToken(handle.db, link)).toMatchObject({ userId: user.id, purpose: 'invite' });
			const audit = await handle.db
				.selectFrom('auditEvent')
				.select(['action', 'actorLabel'])
				.where('entityId', '=', String(user.id))
				.execute();
			expect(audit).toEqual([{ action: 'user.invited', actorLabel: 'cli' }]);
		} finally {
			await handle.close();
		}
	});

	test('refuses bad input with Danish messages and changes nothing', async () => {
		const bad = cli(
			['user', 'create', '--email', 'ikke-en-adresse', '--role', 'boss', '--org', 'norddjurs'],
			database.env
		);
		expect(bad.status).toBe(1);
		expect(bad.err).toContain('--email: Skriv en gyldig e-mailadresse');
		expect(bad.err).toContain('--role: Vælg en rolle.');
		const taken = cli(
			['user', 'create', '--email', 'admin@norddjurs.demo', '--role', 'admin', '--org', 'norddjurs'],
			database.env
		);
		expect([taken.status, taken.err.trim()]).toEqual([1, 'Der findes allerede en bruger med den e-mail.']);
		const unknown = cli(['user', 'create', '--email', 'x@y.dk', '--role', 'admin', '--org', 'atlantis'], database.env);
		expect([unknown.status, unknown.err.trim()]).toEqual([1, 'Organisationen atlantis findes ikke.']);
		const handle = await database.open();
		const count = await handle.db
			.selectFrom('appUser')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		await handle.close();
		expect(count.n).toBe(9);
	});
});
