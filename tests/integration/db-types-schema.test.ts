import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const TYPES_FILE = fileURLToPath(new URL('../../db/types.ts', import.meta.url));

/** What a column holds as TypeScript sees a row: the kinds the drivers are set up to return (db.ts). */
type Kind = 'number' | 'string' | 'boolean' | 'Date' | 'json';

const SQL_KINDS: Record<string, Kind> = {
	integer: 'number',
	bigint: 'number',
	smallint: 'number',
	numeric: 'string',
	text: 'string',
	'character varying': 'string',
	date: 'string',
	uuid: 'string',
	'USER-DEFINED': 'string',
	boolean: 'boolean',
	'timestamp with time zone': 'Date',
	jsonb: 'json',
	json: 'json',
	bytea: 'json'
};

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Every table of `Database` in db/types.ts with each column's selected type, read by the TypeScript checker. */
function declaredTables(): Map<string, Map<string, { kind: Kind | 'unknown'; nullable: boolean; text: string }>> {
	const program = ts.createProgram([TYPES_FILE], {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler
	});
	const checker = program.getTypeChecker();
	const source = program.getSourceFile(TYPES_FILE)!;
	const database = source.statements.find(
		(s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database'
	)!;
	const tables = new Map<string, Map<string, { kind: Kind | 'unknown'; nullable: boolean; text: string }>>();
	for (const tableSymbol of checker.getTypeAtLocation(database).getProperties()) {
		const tableType = checker.getTypeOfSymbolAtLocation(tableSymbol, database);
		const columns = new Map<string, { kind: Kind | 'unknown'; nullable: boolean; text: string }>();
		for (const column of tableType.getProperties()) {
			let type = checker.getTypeOfSymbolAtLocation(column, database);
			// Kysely's ColumnType<S, I, U> (and Generated<T>) is an object whose __select__ is the row's type.
			const select = type.getProperty('__select__');
			if (select) type = checker.getTypeOfSymbolAtLocation(select, database);
			const parts = type.isUnion() ? type.types : [type];
			const nullable = parts.some((part) => part.flags & ts.TypeFlags.Null);
			const kinds = new Set(
				parts.filter((part) => !(part.flags & ts.TypeFlags.Null)).map((part) => kindOf(checker, part))
			);
			columns.set(column.name, {
				kind: kinds.size === 1 ? [...kinds][0] : 'unknown',
				nullable,
				text: checker.typeToString(type)
			});
		}
		tables.set(tableSymbol.name, columns);
	}
	return tables;
}

function kindOf(checker: ts.TypeChecker, type: ts.Type): Kind | 'unknown' {
	if (type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return 'number';
	if (type.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return 'string';
	if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return 'boolean';
	if (checker.typeToString(type) === 'Date') return 'Date';
	if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any | ts.TypeFlags.Object)) return 'json';
	return 'unknown';
}

/**
 * db/types.ts is written by hand; this compares it with what the migrations create, so a migration
 * without its types (or a type without its column) fails here rather than at run time.
 */
describe('db/types.ts matches the migrated schema', () => {
	let test_: TestDatabase;
	let columns: { table: string; column: string; dataType: string; nullable: boolean }[];

	beforeAll(async () => {
		test_ = await createTestDatabase();
		const result = await sql<{ tableName: string; columnName: string; dataType: string; isNullable: string }>`
			select table_name, column_name, data_type, is_nullable
			from information_schema.columns
			where table_schema = 'public' and table_name not like 'kysely_%'
			order by table_name, ordinal_position`.execute(test_.db);
		columns = result.rows.map((r) => ({
			table: camel(r.tableName),
			column: camel(r.columnName),
			dataType: r.dataType,
			nullable: r.isNullable === 'YES'
		}));
	});
	afterAll(() => test_?.destroy());

	test('the same tables and columns, each with its kind and nullability', () => {
		const declared = declaredTables();
		const fromSchema = [...new Set(columns.map((c) => c.table))].sort();
		expect([...declared.keys()].sort()).toEqual(fromSchema);
		const mismatches: string[] = [];
		for (const table of fromSchema) {
			const schemaColumns = columns.filter((c) => c.table === table);
			const types = declared.get(table)!;
			for (const name of types.keys()) {
				if (!schemaColumns.some((c) => c.column === name))
					mismatches.push(`${table}.${name}: declared, but no such column`);
			}
			for (const column of schemaColumns) {
				const type = types.get(column.column);
				if (!type) {
					mismatches.push(`${table}.${column.column}: column (${column.dataType}) not declared`);
					continue;
				}
				const kind = SQL_KINDS[column.dataType];
				if (!kind) mismatches.push(`${table}.${column.column}: SQL type ${column.dataType} has no kind in this test`);
				else if (type.kind !== kind)
					mismatches.push(`${table}.${column.column}: ${column.dataType} is read as ${kind}, declared ${type.text}`);
				// `unknown` (a jsonb value) holds null as well as anything else: no nullability to compare.
				if (type.text !== 'unknown' && type.nullable !== column.nullable)
					mismatches.push(
						`${table}.${column.column}: ${column.nullable ? 'nullable' : 'not null'} in SQL, declared ${type.text}`
					);
			}
		}
		expect(mismatches).toEqual([]);
	});
});
