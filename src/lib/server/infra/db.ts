import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, statSync, accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, types as pgliteTypes, type PGliteOptions } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, type LogEvent } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import type { Database } from '../../../../db/types';
import { t } from '../messages';
import { readConfig, type Config } from './config';
import { StartupError } from './startup-error';

export type Db = Kysely<Database>;

export interface DbHandle {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Where the data lives, without secrets: a folder, or host:port/database. */
	target: string;
	/** The embedded engine itself, when kind is 'pglite' (dumps for tests and backups). */
	pglite?: PGlite;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres:// URL; without it, PGlite is used. */
	databaseUrl?: string;
	/** PGlite data folder; 'memory://' for a throwaway in-memory database. */
	dataDir?: string;
	/** PGlite: start from a dump made with dumpDataDir (tests). */
	loadDataDir?: Blob | File;
	poolMax?: number;
	/** Called for every query (query counting in tests and the benchmark). */
	onQuery?: (event: LogEvent) => void;
}

const OID = { int8: 20, bytea: 17, date: 1082, numeric: 1700 } as const;

/** int8 → number: counts and ids. Refuses values that a JS number cannot hold exactly. */
function parseInt8(text: string): number {
	const value = Number(text);
	if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value out of range: ${text}`);
	return value;
}

const identity = (text: string) => text;

/** Parsers that make PGlite rows identical to postgres.js rows (see db/types.ts). */
export const pgliteParsers: NonNullable<PGliteOptions['parsers']> = {
	[pgliteTypes.INT8]: parseInt8,
	[pgliteTypes.DATE]: identity,
	[pgliteTypes.NUMERIC]: identity
};

const postgresTypes = {
	int8: { to: OID.int8, from: [OID.int8], serialize: (x: unknown) => String(x), parse: parseInt8 },
	dateText: { to: OID.date, from: [OID.date], serialize: identity, parse: identity },
	numericText: { to: OID.numeric, from: [OID.numeric], serialize: (x: unknown) => String(x), parse: identity },
	bytes: {
		to: OID.bytea,
		from: [OID.bytea],
		serialize: (x: Uint8Array) => '\\x' + Buffer.from(x).toString('hex'),
		parse: (x: string) => new Uint8Array(Buffer.from(x.slice(2), 'hex'))
	}
};

function describeUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname}`;
	} catch {
		return 'DATABASE_URL';
	}
}

function reasonOf(error: unknown): string {
	if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
	if (error instanceof Error) {
		const code = (error as { code?: string }).code;
		return code && !error.message.includes(code) ? `${code} ${error.message}` : error.message;
	}
	return String(error);
}

const networkCodes = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'CONNECT_TIMEOUT',
	'ECONNRESET'
]);

function isNetworkError(error: unknown): boolean {
	if (error instanceof AggregateError) return error.errors.some(isNetworkError);
	const code = (error as { code?: string } | null)?.code;
	return typeof code === 'string' && networkCodes.has(code);
}

/** PostgreSQL error classes that mean the server is gone or not ready: 08 connection exception, 57P01–57P03 shutdown/starting up. */
const unavailableSqlStates = /^(08...|57P0[1-3])$/;
/** postgres.js's own codes for a connection that broke or could not be made. */
const clientCodes = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED', 'EPIPE', 'ECONNABORTED']);

/**
 * True when an error means the database cannot be reached right now (refused, reset, shutting down,
 * starting up) — a 503 that passes by itself — and false for every other error, which stays a bug (500).
 * Network codes are read as the database's because it is the only outgoing connection whose errors can escape a
 * request (mail.ts catches its own).
 * @example if (isDatabaseUnavailable(error)) return new Response(page, { status: 503 });
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
	if (depth > 5 || error === null || typeof error !== 'object') return false;
	if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string' && (networkCodes.has(code) || clientCodes.has(code) || unavailableSqlStates.test(code)))
		return true;
	return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * Seconds postgres.js waits before reconnecting after failed connections. Its default grows to 20 s, so while
 * the database is down every request would hang that long before its 503; half a second at most keeps the
 * answer prompt, and with a small pool it is no load on a database that is starting up.
 */
export function reconnectDelaySeconds(retries: number): number {
	return Math.min(0.05 * retries, 0.5);
}

async function openPostgres(url: string, options: OpenOptions): Promise<DbHandle> {
	const target = describeUrl(url);
	const client = postgres(url, {
		max: options.poolMax ?? 10,
		types: postgresTypes,
		onnotice: () => {},
		connect_timeout: 10,
		backoff: reconnectDelaySeconds
	});
	try {
		await client`select 1`;
	} catch (error) {
		await client.end({ timeout: 1 }).catch(() => {});
		const key = isNetworkError(error) ? 'startup.pg_unreachable' : 'startup.pg_failed';
		throw new StartupError(t(key, { target, reason: reasonOf(error) }), { cause: error });
	}
	const db = new Kysely<Database>({
		dialect: new PostgresJSDialect({ postgres: client }),
		plugins: [new CamelCasePlugin()],
		log: options.onQuery
	});
	return { db, kind: 'postgres', target, close: () => db.destroy() };
}

function checkDataDir(dataDir: string): string {
	const path = resolve(dataDir);
	try {
		mkdirSync(path, { recursive: true });
		if (!statSync(path).isDirectory()) throw new Error('ikke en mappe');
		accessSync(path, constants.R_OK | constants.W_OK);
	} catch (error) {
		throw new StartupError(t('startup.data_dir_unusable', { path, reason: reasonOf(error) }), {
			cause: error
		});
	}
	return path;
}

async function openPglite(options: OpenOptions): Promise<DbHandle> {
	const dataDir = options.dataDir ?? 'data';
	const inMemory = dataDir.startsWith('memory://');
	const path = inMemory ? dataDir : checkDataDir(dataDir);
	let pglite: PGlite;
	try {
		pglite = await PGlite.create(path, { parsers: pgliteParsers, loadDataDir: options.loadDataDir });
	} catch (error) {
		throw new StartupError(t('startup.data_dir_unusable', { path, reason: reasonOf(error) }), {
			cause: error
		});
	}
	const db = new Kysely<Database>({
		dialect: new PGliteDialect({ pglite }),
		plugins: [new CamelCasePlugin()],
		log: options.onQuery
	});
	return { db, kind: 'pglite', target: path, pglite, close: () => db.destroy() };
}

/**
 * Opens the database: PostgreSQL through postgres.js when a URL is given, else PGlite in a folder.
 * Throws a StartupError with a Danish message when it cannot be reached or the folder is unusable.
 * @example const { db, close } = await openDatabase({ dataDir: 'memory://' });
 */
export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
	return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

const queryCounter = new AsyncLocalStorage<{ count: number }>();

/**
 * Runs `work` and counts the queries it makes on a handle opened with `countQueries: true` (the
 * benchmark's `x-query-count`). Only queries made inside `work`'s async context are counted.
 * @example const { result, queries } = await countingQueries(() => resolve(event));
 */
export async function countingQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
	const store = { count: 0 };
	const result = await queryCounter.run(store, work);
	return { result, queries: store.count };
}

function countQuery(): void {
	const store = queryCounter.getStore();
	if (store) store.count++;
}

/** Opens the database the environment describes (DATABASE_URL or FREMDRIFT_DATA_DIR). */
export function openConfiguredDatabase(config: Config = readConfig()): Promise<DbHandle> {
	return openDatabase({
		databaseUrl: config.databaseUrl,
		dataDir: config.dataDir,
		poolMax: config.poolMax,
		onQuery: config.queryCountHeader ? countQuery : undefined
	});
}

let shared: Promise<DbHandle> | undefined;

/**
 * The app's one database handle, opened on first use from the environment.
 * @example const db = await getDb(); const rows = await db.selectFrom('organisation').selectAll().execute();
 */
export async function getDb(): Promise<Db> {
	shared ??= openConfiguredDatabase().catch((error) => {
		shared = undefined;
		throw error;
	});
	return (await shared).db;
}

/** Closes the shared handle (tests and shutdown). */
export async function closeSharedDb(): Promise<void> {
	const handle = shared;
	shared = undefined;
	if (handle) await (await handle).close();
}

/**
 * Runs `work` in one transaction (commit when it resolves, roll back when it throws). The caller — an
 * action, an endpoint or a service — owns the transaction; the repository functions it calls take `trx`
 * as their executor and never open one themselves, so one action can put several of them in one unit.
 * @example const user = await inTransaction(db, async (trx) => { await revokeUserCredentials(trx, id); return disableUser(trx, id); });
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	return db.transaction().execute(work);
}
