import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../db/seed/demo';
import { openDatabase } from '../../src/lib/server/db';
import { createPgDatabase, dropPgDatabase, onPostgres, pgliteTemplateDump } from './test-db';
import { projectRoot } from '../../db/cli/build';

export interface RunningServer {
	url: string;
	/** The server's output so far (for failure messages). */
	log(): string;
	stop(): Promise<void>;
}

function freePort(): Promise<number> {
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

/** A database of its own with the demo data: a PGlite folder, or a PostgreSQL database on PostgreSQL runs. */
async function demoDatabase(seed: boolean): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
	if (onPostgres) {
		const databaseUrl = await createPgDatabase(true);
		const handle = await openDatabase({ databaseUrl, poolMax: 2 });
		if (seed) await seedDemo(handle.db, { password: 'fremdrift-demo' });
		await handle.close();
		return { env: { DATABASE_URL: databaseUrl }, drop: () => dropPgDatabase(databaseUrl) };
	}
	const dir = mkdtempSync(join(tmpdir(), 'fremdrift-e2e-'));
	const handle = await openDatabase({ dataDir: dir, loadDataDir: pgliteTemplateDump() });
	if (seed) await seedDemo(handle.db, { password: 'fremdrift-demo' });
	await handle.close();
	return { env: { DATABASE_URL: '', FREMDRIFT_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${log()}`);
		try {
			const response = await fetch(url, { redirect: 'manual' });
			if (response.status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`Server did not answer within 30 s:\n${log()}`);
}

/**
 * Starts the built app (`node build`) on a free 127.0.0.1 port with the demo data in a database of its own.
 * `env` overrides the server's environment; `seed: false` starts on an empty (migrated) database.
 * @example const server = await startDemoServer(); await page.goto(server.url); … await server.stop();
 */
export async function startDemoServer(options: { env?: Record<string, string>; seed?: boolean } = {}): Promise<RunningServer> {
	const database = await demoDatabase(options.seed ?? true);
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [join(projectRoot, 'build', 'index.js')], {
		cwd: projectRoot,
		env: { ...process.env, ...database.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, BODY_SIZE_LIMIT: '6M', ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const log = () => output;
	let stopping = false;
	// A server that dies under a test explains itself: its output goes to the test log.
	child.once('exit', (code, signal) => {
		if (!stopping) console.error(`Test server exited unexpectedly (${code ?? signal}):\n${output.slice(-5000)}`);
	});
	try {
		await waitUntilUp(url, child, log);
	} catch (error) {
		stopping = true;
		child.kill('SIGKILL');
		await database.drop();
		throw error;
	}
	return {
		url,
		log,
		stop: async () => {
			stopping = true;
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				// A clean shutdown takes well under a second; never let a stuck server hang the suite.
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(timer);
			}
			await database.drop();
		}
	};
}
