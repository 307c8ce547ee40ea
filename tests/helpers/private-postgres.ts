import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server';

const run = promisify(execFile);

/** A PostgreSQL cluster of a test's own (127.0.0.1, a free port, trust auth): it may be stopped and started at will. */
export interface PrivatePostgres {
	/** postgres://postgres@127.0.0.1:port/postgres */
	url: string;
	start(): Promise<void>;
	/** `pg_ctl stop -m immediate`: the server goes away at once, as in a crash. */
	stopImmediately(): Promise<void>;
	/** Stops the cluster if it runs and removes its folder. */
	destroy(): Promise<void>;
}

/** The newest installed PostgreSQL's bin folder (Debian layout), or null when none is installed. */
export function postgresBinDir(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

/**
 * Makes and starts a throwaway cluster in a temporary folder. initdb refuses to run as root, so as root the
 * commands run as the `postgres` OS user (runuser). Every command is bounded in time.
 * @example const pg = await startPrivatePostgres(); … await pg.stopImmediately(); await pg.start(); … await pg.destroy();
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('No PostgreSQL installation under /usr/lib/postgresql');
	const asRoot = userInfo().uid === 0;
	const dir = mkdtempSync(join(tmpdir(), 'fremdrift-pg-'));
	if (asRoot) {
		const { stdout } = await run('id', ['-u', 'postgres']);
		const { stdout: gid } = await run('id', ['-g', 'postgres']);
		chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
	}
	const data = join(dir, 'data');
	const command = (tool: string, args: string[], timeout = 60_000) =>
		asRoot
			? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { timeout })
			: run(join(bin, tool), args, { timeout });
	const port = await freePort();
	let running = false;
	const start = async () => {
		await command('pg_ctl', [
			'-D',
			data,
			'-l',
			join(dir, 'log'),
			'-w',
			'-t',
			'30',
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`,
			'start'
		]);
		running = true;
	};
	const stop = async (mode: 'immediate' | 'fast') => {
		await command('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
		running = false;
	};
	try {
		await command('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
		await start();
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		start,
		stopImmediately: () => stop('immediate'),
		destroy: async () => {
			try {
				if (running) await stop('immediate');
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
