/**
 * Backup and restore of the configured database (`npm run db:backup`, `npm run db:restore`).
 *
 * PGlite: the data folder as PGlite's own dump (`dumpDataDir`, a gzipped tar), restored with `loadDataDir`
 * into an empty folder. PostgreSQL: `pg_dump` as plain SQL, restored with `psql` in one transaction into an
 * empty database. A restore never overwrites: a non-empty target is refused with a Danish message.
 */
import { spawnSync } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { t } from '../../src/lib/server/messages';
import type { Config } from '../../src/lib/server/infra/config';
import { openDatabase } from '../../src/lib/server/infra/db';
import { StartupError } from '../../src/lib/server/infra/startup-error';

export type BackupKind = 'pglite' | 'postgres';

/** The libpq environment for a postgres:// URL, so the password never appears on a command line. */
export function libpqEnv(url: string): Record<string, string> {
	const parsed = new URL(url);
	const env: Record<string, string> = {
		PGHOST: parsed.hostname || 'localhost',
		PGPORT: parsed.port || '5432',
		PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres'
	};
	if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
	if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
	const sslmode = parsed.searchParams.get('sslmode');
	if (sslmode) env.PGSSLMODE = sslmode;
	return env;
}

function timestamp(now = new Date()): string {
	return now.toISOString().slice(0, 16).replace(':', '');
}

/** The file name a backup gets when --out is not given. */
export function defaultBackupName(kind: BackupKind, now = new Date()): string {
	return `fremdrift-${timestamp(now)}${kind === 'pglite' ? '.tar.gz' : '.sql'}`;
}

/** What a backup file holds, read from its first bytes: a gzipped PGlite dump or pg_dump's SQL. */
export function backupKindOf(path: string): BackupKind | null {
	const fd = openSync(path, 'r');
	const head = Buffer.alloc(64);
	const read = readSync(fd, head, 0, head.length, 0);
	closeSync(fd);
	if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
	if (head.subarray(0, read).toString('utf8').includes('PostgreSQL database dump')) return 'postgres';
	return null;
}

function runTool(command: string, args: string[], env: Record<string, string>): void {
	const result = spawnSync(command, args, {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (result.error) throw new StartupError(t('cli.tool_missing', { tool: command, reason: result.error.message }));
	if (result.status !== 0) {
		throw new StartupError(
			t('cli.tool_failed', {
				tool: command,
				reason: (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')
			})
		);
	}
}

/**
 * Writes a backup of the configured database to `out` and returns what it wrote.
 * @example await backup(readConfig(), 'fremdrift.tar.gz')
 */
export async function backup(config: Config, out?: string): Promise<{ kind: BackupKind; path: string; bytes: number }> {
	const kind: BackupKind = config.databaseUrl ? 'postgres' : 'pglite';
	const path = resolve(out ?? defaultBackupName(kind));
	if (existsSync(path)) throw new StartupError(t('cli.backup_exists', { path }));
	if (config.databaseUrl) {
		const pgDump = process.env.PG_DUMP ?? 'pg_dump';
		runTool(
			pgDump,
			['--format=plain', '--no-owner', '--no-privileges', '--encoding=UTF8', '--file', path],
			libpqEnv(config.databaseUrl)
		);
	} else {
		if (!existsSync(resolve(config.dataDir, 'PG_VERSION')))
			throw new StartupError(t('cli.backup_no_data', { path: resolve(config.dataDir) }));
		const handle = await openDatabase({ dataDir: config.dataDir });
		try {
			const dump = await handle.pglite!.dumpDataDir('gzip');
			writeFileSync(path, Buffer.from(await dump.arrayBuffer()), { flag: 'wx' });
		} finally {
			await handle.close();
		}
	}
	return { kind, path, bytes: statSync(path).size };
}

async function postgresIsEmpty(url: string): Promise<boolean> {
	const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
	try {
		const rows = await client<{ n: number }[]>`
			select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_%'
			  and c.relkind in ('r', 'p', 'v', 'm', 'S')`;
		return rows[0].n === 0;
	} catch (error) {
		throw new StartupError(t('startup.pg_failed', { target: new URL(url).host, reason: (error as Error).message }), {
			cause: error
		});
	} finally {
		await client.end({ timeout: 1 });
	}
}

/**
 * Restores `file` into the configured database, which must be empty (a new PostgreSQL database, or an
 * empty or missing PGlite folder).
 * @example await restore(readConfig(), 'fremdrift-2026-11-22T1000.tar.gz')
 */
export async function restore(config: Config, file: string): Promise<{ kind: BackupKind; target: string }> {
	const path = resolve(file);
	if (!existsSync(path) || !statSync(path).isFile()) throw new StartupError(t('cli.restore_no_file', { path }));
	const kind = backupKindOf(path);
	if (!kind) throw new StartupError(t('cli.restore_unknown_file', { path }));
	const wanted: BackupKind = config.databaseUrl ? 'postgres' : 'pglite';
	if (kind !== wanted)
		throw new StartupError(t(kind === 'pglite' ? 'cli.restore_needs_pglite' : 'cli.restore_needs_postgres'));

	if (config.databaseUrl) {
		const env = libpqEnv(config.databaseUrl);
		if (!(await postgresIsEmpty(config.databaseUrl)))
			throw new StartupError(t('cli.restore_pg_not_empty', { database: env.PGDATABASE }));
		const psql = process.env.PSQL ?? 'psql';
		runTool(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', path], env);
		return { kind, target: `${env.PGHOST}:${env.PGPORT}/${env.PGDATABASE}` };
	}

	const dir = resolve(config.dataDir);
	const existed = existsSync(dir);
	if (existed && readdirSync(dir).length > 0) throw new StartupError(t('cli.restore_dir_not_empty', { path: dir }));
	try {
		mkdirSync(dir, { recursive: true });
		const pglite = await PGlite.create(dir, { loadDataDir: new Blob([readFileSync(path)]) });
		await pglite.query('select 1');
		await pglite.close();
	} catch (error) {
		// Leave nothing half-written behind: the folder was empty (or missing) before.
		for (const entry of existsSync(dir) ? readdirSync(dir) : [])
			rmSync(resolve(dir, entry), { recursive: true, force: true });
		if (!existed) rmSync(dir, { recursive: true, force: true });
		throw new StartupError(t('cli.restore_failed', { reason: (error as Error).message }), { cause: error });
	}
	return { kind, target: dir };
}
