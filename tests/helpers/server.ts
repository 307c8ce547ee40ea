import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../db/seed/demo';
import { openDatabase } from '../../src/lib/server/infra/db';
import { copyPgliteDemoDir, createPgDatabase, dropPgDatabase, onPostgres, pgliteTemplateDump } from './test-db';
import { projectRoot } from '../../db/cli/build';
import { migrateToLatest } from '../../src/lib/server/infra/migrate';

export interface RunningServer {
	url: string;
	/** The server's output so far (for failure messages). */
	log(): string;
	stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** A database for test servers: the environment that points a server at it, and how to remove it. */
export interface ServerDatabase {
	env: Record<string, string>;
	drop(): Promise<void>;
}

/**
 * Opens a test server's database from the test itself, to read what the server wrote (PGlite: only while no
 * server runs on its folder, since one process at a time may open it).
 * @example const handle = await openServerDatabase(database); try { … } finally { await handle.close(); }
 */
export function openServerDatabase(database: ServerDatabase) {
	return openDatabase({
		databaseUrl: database.env.DATABASE_URL || undefined,
		dataDir: database.env.FREMDRIFT_DATA_DIR,
		poolMax: 1
	});
}

/**
 * A database of its own with the demo data: a PGlite folder, or a PostgreSQL database on PostgreSQL runs.
 * With `databaseUrl`, that (empty) PostgreSQL database is migrated and seeded instead, and left in place on drop.
 * Several servers may run on one such database (startServerOn), one after another or side by side.
 */
export async function createServerDatabase(
	options: { seed?: boolean; databaseUrl?: string } = {}
): Promise<ServerDatabase> {
	const seed = options.seed ?? true;
	if (options.databaseUrl) {
		const handle = await openDatabase({ databaseUrl: options.databaseUrl, poolMax: 2 });
		try {
			await migrateToLatest(handle.db);
			if (seed) await seedDemo(handle.db, { password: 'fremdrift-demo' });
		} finally {
			await handle.close();
		}
		return { env: { DATABASE_URL: options.databaseUrl }, drop: async () => {} };
	}
	// The demo comes from the run's demo template (global-setup.ts), copied, not seeded again.
	if (onPostgres) {
		const databaseUrl = await createPgDatabase(seed ? 'demo' : 'migrated');
		return { env: { DATABASE_URL: databaseUrl }, drop: () => dropPgDatabase(databaseUrl) };
	}
	const dir = mkdtempSync(join(tmpdir(), 'fremdrift-e2e-'));
	if (seed) copyPgliteDemoDir(dir);
	else {
		const handle = await openDatabase({ dataDir: dir, loadDataDir: pgliteTemplateDump() });
		await handle.close();
	}
	return {
		env: { DATABASE_URL: '', FREMDRIFT_DATA_DIR: dir },
		drop: async () => rmSync(dir, { recursive: true, force: true })
	};
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
	// A start takes a second or two; a slow CI machine has been nine times slower than a quiet one.
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${log()}`);
		try {
			const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
			if (response.status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`Server did not answer within 120 s:\n${log()}`);
}

/** A server started by startServerOn: it also can be killed hard, and leaves its database in place on stop. */
export interface ServerProcess extends RunningServer {
	pid: number;
	/** True while the process runs. */
	alive(): boolean;
	/** `kill -9`: no shutdown hooks, no flushing; resolves when the process is gone. */
	kill9(): Promise<void>;
}

/**
 * Starts the built app (`node build`) on a free 127.0.0.1 port on an existing database (createServerDatabase).
 * `stop()` ends this process only; the database stays for the next server.
 * @example const database = await createServerDatabase(); const a = await startServerOn(database); const b = await startServerOn(database);
 */
export async function startServerOn(
	database: ServerDatabase,
	env: Record<string, string> = {}
): Promise<ServerProcess> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [join(projectRoot, 'build', 'index.js')], {
		cwd: projectRoot,
		env: {
			...process.env,
			...database.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			BODY_SIZE_LIMIT: '6M',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const log = () => output;
	let stopping = false;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	// A server that dies under a test explains itself: its output goes to the test log.
	child.once('exit', (code, signal) => {
		if (!stopping) console.error(`Test server exited unexpectedly (${code ?? signal}):\n${output.slice(-5000)}`);
	});
	const alive = () => child.exitCode === null && child.signalCode === null;
	try {
		await waitUntilUp(url, child, log);
	} catch (error) {
		stopping = true;
		child.kill('SIGKILL');
		throw error;
	}
	return {
		url,
		log,
		pid: child.pid!,
		alive,
		kill9: async () => {
			stopping = true;
			if (alive()) child.kill('SIGKILL');
			await exited;
		},
		stop: async () => {
			stopping = true;
			if (alive()) {
				child.kill('SIGTERM');
				// A clean shutdown takes well under a second; never let a stuck server hang the suite.
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(timer);
			}
		}
	};
}

/**
 * Starts the built app (`node build`) on a free 127.0.0.1 port with the demo data in a database of its own.
 * `env` overrides the server's environment; `seed: false` starts on an empty (migrated) database.
 * @example const server = await startDemoServer(); await page.goto(server.url); … await server.stop();
 */
export async function startDemoServer(
	options: { env?: Record<string, string>; seed?: boolean } = {}
): Promise<RunningServer> {
	const database = await createServerDatabase({ seed: options.seed });
	let server: ServerProcess;
	try {
		server = await startServerOn(database, options.env);
	} catch (error) {
		await database.drop();
		throw error;
	}
	return {
		url: server.url,
		log: server.log,
		stop: async () => {
			await server.stop();
			await database.drop();
		}
	};
}
