import { sql, type RawBuilder } from 'kysely';

/**
 * A jsonb value for inserts and comparisons. Serialised here and passed as text, then cast: a
 * parameter PostgreSQL infers as jsonb would be JSON-encoded a second time by postgres.js (stored as a
 * string), while PGlite would not — db-types.test.ts holds both drivers to the same document.
 * @example db.insertInto('auditEvent').values({ …, after: jsonb({ title }) })
 */
export function jsonb<T = unknown>(value: T): RawBuilder<T> {
	return sql<T>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}
