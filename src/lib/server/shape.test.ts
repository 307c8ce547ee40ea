import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The KPI area's shape (issue 13), checked on the source: kpis/ is the one home of its tables, no
 * repository of the area opens a transaction, and no route of the area holds a query.
 */
const root = join(import.meta.dirname, '../../../..');

function filesUnder(path: string): string[] {
	const absolute = join(root, path);
	if (statSync(absolute).isFile()) return [path];
	return readdirSync(absolute).flatMap((name) => filesUnder(join(path, name)));
}

const source = (path: string) => readFileSync(join(root, path), 'utf8');
const code = (files: string[]) => files.filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.test.ts'));

const TABLES = ['kpi', 'kpiOwner', 'observation', 'kpiComparison', 'kpiComparisonValue', 'recommendationKpi'];
const QUERY_OF_TABLE = new RegExp(
	`(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|innerJoinLateral)\\(\\s*'(${TABLES.join('|')})( as \\w+)?'`
);
const RAW_SQL_OF_TABLE =
	/\b(from|update|into|join)\s+(kpi|kpi_owner|observation|kpi_comparison|kpi_comparison_value|recommendation_kpi)\b/i;

describe('the KPI area in its one shape', () => {
	test('the KPI tables are queried only in src/lib/server/kpis/', () => {
		const outside = code(filesUnder('src'))
			.filter((f) => !f.startsWith(join('src', 'lib', 'server', 'kpis')))
			.filter(
				(f) =>
					QUERY_OF_TABLE.test(source(f)) ||
					(/sql`[^`]*/.test(source(f)) &&
						RAW_SQL_OF_TABLE.test(
							source(f)
								.match(/sql`[^`]*`/g)
								?.join('\n') ?? ''
						))
			);
		expect(outside).toEqual([]);
	});

	test('no repository of the area opens a transaction: the caller owns it', () => {
		const files = code(['src/lib/server/kpis', 'src/lib/server/imports', 'src/lib/server/exports'].flatMap(filesUnder));
		expect(files.filter((f) => source(f).includes('.transaction('))).toEqual([]);
	});

	test('no route of the area queries the database, and each imports the KPI folder, not its files', () => {
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
		const offending = routes.filter(
			(f) =>
				/selectFrom|insertInto|updateTable|deleteFrom|\.transaction\(|from 'kysely'|\bsql`/.test(source(f)) ||
				/\$lib\/server\/kpis\//.test(source(f))
		);
		expect(offending.map((f) => relative(root, join(root, f)))).toEqual([]);
	});
});
