import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/infra/db';
import { migrateToLatest } from '../../src/lib/server/infra/migrate';
import { seedDemo } from '../../db/seed/demo';
import { checkedName, withDatabase } from './database-url';

declare module 'vitest' {
	export interface ProvidedContext {
		/** PGlite runs: a dump of a freshly migrated database, loaded per test file. */
		pgliteDump: string;
		/** PGlite runs: a closed data folder with the demo loaded, copied for each demo server. */
		pgliteDemoDir: string;
		/** PostgreSQL runs: the migrated template database and the prefix of this run's databases. */
		pgTemplate: string;
		/** PostgreSQL runs: a template database with the demo loaded, for each demo server's database. */
		pgDemoTemplate: string;
		pgRunPrefix: string;
	}
}

/** The demo users' password in every test database (as `npm run demo` prints it). */
const DEMO_PASSWORD = 'fremdrift-demo';

/**
 * Migrates one template database per test run; each test file then gets its own copy
 * (PGlite: a dump loaded in ~0.5 s; PostgreSQL: CREATE DATABASE … TEMPLATE), so no file sees another's data.
 * The demo is loaded once too, into a second template (PGlite: a closed data folder, copied as files), so a
 * demo server's database is a copy rather than a fresh seed (argon2 hashes and a few thousand inserts each).
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
		const demoDir = join(dir, 'demo');
		mkdirSync(demoDir);
		const demo = await openDatabase({ dataDir: demoDir, loadDataDir: new Blob([await dump.arrayBuffer()]) });
		await seedDemo(demo.db, { password: DEMO_PASSWORD });
		await demo.close();
		project.provide('pgliteDump', path);
		project.provide('pgliteDemoDir', demoDir);
		project.provide('pgTemplate', '');
		project.provide('pgDemoTemplate', '');
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
	const demoTemplate = `${prefix}_demo`;
	await admin.unsafe(`create database ${demoTemplate} template ${template}`);
	const demo = await openDatabase({ databaseUrl: withDatabase(url, demoTemplate), poolMax: 1 });
	await seedDemo(demo.db, { password: DEMO_PASSWORD });
	await demo.close();
	project.provide('pgliteDump', '');
	project.provide('pgliteDemoDir', '');
	project.provide('pgTemplate', template);
	project.provide('pgDemoTemplate', demoTemplate);
	project.provide('pgRunPrefix', prefix);
	return async () => {
		const rows = await admin.unsafe<{ datname: string }[]>(
			`select datname from pg_database where datname like '${prefix}%'`
		);
		for (const { datname } of rows) await admin.unsafe(`drop database if exists ${checkedName(datname)} with (force)`);
		await admin.end();
	};
}
