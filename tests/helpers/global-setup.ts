import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/infra/db';
import { migrateToLatest } from '../../src/lib/server/infra/migrate';
import { checkedName, withDatabase } from './database-url';

declare module 'vitest' {
	export interface ProvidedContext {
		/** PGlite runs: a dump of a freshly migrated database, loaded per test file. */
		pgliteDump: string;
		/** PostgreSQL runs: the migrated template database and the prefix of this run's databases. */
		pgTemplate: string;
		pgRunPrefix: string;
	}
}

/**
 * Migrates one template database per test run; each test file then gets its own copy
 * (PGlite: a dump loaded in ~0.5 s; PostgreSQL: CREATE DATABASE … TEMPLATE), so no file sees another's data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const url = process.env.DATABASE_URL;
	if (!url) {
		const handle = await openDatabase({ dataDir: 'memory://' });
		await migrateToLatest(handle.db);
		const dump = await handle.pglite!.dumpDataDir('none');
		await handle.close();
		const dir = mkdtempSync(join(tmpdir(), 'fremdrift-test-'));
		const path = join(dir, 'template.tar');
		writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
		project.provide('pgliteDump', path);
		project.provide('pgTemplate', '');
		project.provide('pgRunPrefix', '');
		return async () => rmSync(dir, { recursive: true, force: true });
	}

	const prefix = checkedName(`fremdrift_t${process.pid}_${Date.now().toString(36)}`);
	const template = `${prefix}_template`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${template}`);
	const handle = await openDatabase({ databaseUrl: withDatabase(url, template), poolMax: 1 });
	await migrateToLatest(handle.db);
	await handle.close();
	project.provide('pgliteDump', '');
	project.provide('pgTemplate', template);
	project.provide('pgRunPrefix', prefix);
	return async () => {
		const rows = await admin.unsafe<{ datname: string }[]>(
			`select datname from pg_database where datname like '${prefix}%'`
		);
		for (const { datname } of rows) await admin.unsafe(`drop database if exists ${checkedName(datname)} with (force)`);
		await admin.end();
	};
}
