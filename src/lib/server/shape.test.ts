import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The server layer's shape (issue 13), checked on the source: each table has one home folder where it
 * is written and read from (another folder may only join it into its own read), no repository opens a
 * transaction (the caller owns it), and no route holds a query.
 */
const root = join(import.meta.dirname, '../../..');

function filesUnder(path: string): string[] {
	const absolute = join(root, path);
	if (statSync(absolute).isFile()) return [path];
	return readdirSync(absolute).flatMap((name) => filesUnder(join(path, name)));
}

const source = (path: string) => readFileSync(join(root, path), 'utf8');
const code = (files: string[]) => files.filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.test.ts'));

/** Each table's one home under src/lib/server/. */
const HOMES: Record<string, string[]> = {
	auth: ['organisation', 'organisationLogo', 'appUser', 'session', 'loginAttempt', 'userToken', 'apiToken'],
	register: [
		'programme',
		'theme',
		'recommendation',
		'recommendationLifecycleEvent',
		'recommendationAssignment',
		'followUpItem',
		'budgetLine',
		'budgetActual',
		'statusUpdate'
	],
	kpis: [
		'kpi',
		'kpiOwner',
		'recommendationKpi',
		'observation',
		'kpiComparison',
		'kpiComparisonValue',
		// Written by triggers only; read by the overview's cache (overview-cache.ts).
		'organisationDataVersion'
	],
	'annual-report': ['annualReport'],
	audit: ['auditEvent'],
	// "Mine opgaver" owns no table: it reads the others through their query functions.
	tasks: [],
	sso: ['identityProvider', 'identityProviderRole', 'signInPolicy', 'externalIdentity', 'samlRequest', 'samlAssertion'],
	reminders: ['reminderPreference', 'sentNotification', 'reminderKey']
};
const homeOf = new Map(Object.entries(HOMES).flatMap(([home, tables]) => tables.map((t) => [t, home] as const)));
/** A query that starts from, or writes, a table (joins are matched separately). */
const MAIN_QUERY = /\b(selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\(\s*'(\w+)/g;
const JOIN = /\b(innerJoin|leftJoin|innerJoinLateral|leftJoinLateral)\(\s*'(\w+)/g;
/** The source without comments, so that an @example does not count as a query. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const RAW_SQL_OF_TABLE =
	/\b(from|update|into|join)\s+(kpi|kpi_owner|observation|kpi_comparison|kpi_comparison_value|recommendation_kpi)\b/i;
const folderOf = (file: string) => /^src\/lib\/server\/([^/]+)\//.exec(file)?.[1] ?? file;

describe('one home per table', () => {
	test('every table of db/types.ts has a home', () => {
		const tables = [...source('db/types.ts').matchAll(/^\t(\w+): \w+Table;$/gm)].map((m) => m[1]);
		expect(tables.length).toBeGreaterThan(20);
		expect(tables.filter((t) => !homeOf.has(t))).toEqual([]);
	});

	test('a table is written and queried from only in its home folder', () => {
		const outside = code(filesUnder('src')).flatMap((file) =>
			[...withoutComments(source(file)).matchAll(MAIN_QUERY)]
				.filter(([, , table]) => homeOf.has(table) && folderOf(file) !== homeOf.get(table))
				.map(([, verb, table]) => `${file}: ${verb}('${table}') — home is ${homeOf.get(table)}/`)
		);
		expect(outside).toEqual([]);
	});

	test('the KPI tables are not even joined outside kpis/ (their rules of which values count live there)', () => {
		const kpiTables = new Set(HOMES.kpis);
		const outside = code(filesUnder('src')).flatMap((file) =>
			[...withoutComments(source(file)).matchAll(JOIN)]
				.filter(([, , table]) => kpiTables.has(table) && folderOf(file) !== 'kpis')
				.map(([, verb, table]) => `${file}: ${verb}('${table}')`)
		);
		expect(outside).toEqual([]);
	});
	test('no raw SQL names a KPI table outside src/lib/server/kpis/', () => {
		const outside = code(filesUnder('src'))
			.filter((f) => !f.startsWith(join('src', 'lib', 'server', 'kpis')))
			.filter(
				(f) =>
					/sql`[^`]*/.test(source(f)) &&
					RAW_SQL_OF_TABLE.test(
						source(f)
							.match(/sql`[^`]*`/g)
							?.join('\n') ?? ''
					)
			);
		expect(outside).toEqual([]);
	});
});

describe('transactions and queries where they belong', () => {
	test('no repository opens a transaction: the caller owns it (only infra/ opens one)', () => {
		const files = code(filesUnder('src/lib/server')).filter((f) => folderOf(f) !== 'infra');
		expect(files.length).toBeGreaterThan(80);
		expect(files.filter((f) => withoutComments(source(f)).includes('.transaction('))).toEqual([]);
	});

	test('no route imports Kysely or queries the database', () => {
		const routes = code(filesUnder('src/routes'));
		expect(routes.length).toBeGreaterThan(60);
		const offending = routes.filter((f) =>
			/selectFrom|insertInto|updateTable|deleteFrom|\.transaction\(|from 'kysely'|\bsql`/.test(source(f))
		);
		expect(offending).toEqual([]);
	});

	test('the KPI routes import the KPI folder, not its files', () => {
		const routes = code(
			[
				'src/routes/(app)/noegletal',
				'src/routes/(app)/mine-noegletal',
				'src/routes/(app)/+page.server.ts',
				'src/routes/(app)/eksport',
				'src/routes/api/v1'
			].flatMap(filesUnder)
		);
		expect(routes.length).toBeGreaterThan(15);
		const offending = routes.filter((f) => /\$lib\/server\/kpis\//.test(source(f)));
		expect(offending.map((f) => relative(root, join(root, f)))).toEqual([]);
	});
});
