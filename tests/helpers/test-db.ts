import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type DbHandle, type OpenOptions } from '../../src/lib/server/infra/db';
import { checkedName, withDatabase } from './database-url';

export interface TestDatabase extends DbHandle {
	/** Set on PostgreSQL runs: the URL of this file's own database (for servers and child processes). */
	databaseUrl?: string;
	/** Closes the handle and drops the database. */
	destroy(): Promise<void>;
}

/** True when the suite runs against PostgreSQL (DATABASE_URL set), false on PGlite. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

async function withAdmin<T>(run: (admin: postgres.Sql) => Promise<T>): Promise<T> {
	const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
	try {
		return await run(admin);
	} finally {
		await admin.end();
	}
}

/**
 * Creates a PostgreSQL database of this run: empty (no migrations), a copy of the migrated template, or a copy
 * of the migrated template with the demo loaded.
 */
export async function createPgDatabase(contents: 'empty' | 'migrated' | 'demo'): Promise<string> {
	const name = checkedName(`${inject('pgRunPrefix')}_${randomBytes(4).toString('hex')}`);
	const source = { empty: null, migrated: inject('pgTemplate'), demo: inject('pgDemoTemplate') }[contents];
	const template = source ? ` template ${checkedName(source)}` : '';
	await withAdmin(async (admin) => {
		// Concurrent copies of one template can collide ("source database is being accessed"): retry.
		for (let attempt = 0; ; attempt++) {
			try {
				await admin.unsafe(`create database ${name}${template}`);
				return;
			} catch (error) {
				if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
				await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
			}
		}
	});
	return withDatabase(process.env.DATABASE_URL!, name);
}

/** Drops a database made by createPgDatabase. */
export async function dropPgDatabase(url: string): Promise<void> {
	const name = checkedName(new URL(url).pathname.slice(1));
	await withAdmin((admin) => admin.unsafe(`drop database if exists ${name} with (force)`));
}

/**
 * A migrated database of this test file's own: a copy of the run's template. `onQuery` sees every query (counting).
 * @example const test = await createTestDatabase(); … await test.destroy();
 */
export async function createTestDatabase(options: { onQuery?: OpenOptions['onQuery'] } = {}): Promise<TestDatabase> {
	if (onPostgres) {
		const databaseUrl = await createPgDatabase('migrated');
		const handle = await openDatabase({ databaseUrl, poolMax: 4, onQuery: options.onQuery });
		return {
			...handle,
			databaseUrl,
			destroy: async () => {
				await handle.close();
				await dropPgDatabase(databaseUrl);
			}
		};
	}
	const dump = new Blob([readFileSync(inject('pgliteDump'))]);
	const handle = await openDatabase({ dataDir: 'memory://', loadDataDir: dump, onQuery: options.onQuery });
	return { ...handle, destroy: () => handle.close() };
}

/** A PGlite data folder of its own with the demo loaded: a file copy of the run's demo template. */
export function copyPgliteDemoDir(target: string): void {
	cpSync(inject('pgliteDemoDir'), target, { recursive: true });
}

/** The migrated template as a dump, for PGlite servers that need a folder of their own. */
export function pgliteTemplateDump(): Blob {
	return new Blob([readFileSync(inject('pgliteDump'))]);
}

/**
 * The id of an organisation of the seeded demo by its slug ('norddjurs' or 'allerod').
 * @example const norddjursId = await organisationIdOf(database, 'norddjurs');
 */
export async function organisationIdOf(database: TestDatabase, slug: string): Promise<number> {
	const row = await database.db
		.selectFrom('organisation')
		.select('id')
		.where('slug', '=', slug)
		.executeTakeFirstOrThrow();
	return row.id;
}
