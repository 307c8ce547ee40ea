import { sql, type Kysely } from 'kysely';

/**
 * A KPI may carry its own plausible range of values (issue 14): null keeps the unit's default
 * (`%` 0–100, counts and days ≥ 0, src/lib/domain/plausibility.ts); a set bound replaces it, e.g. a
 * change in percent that may be negative. The database refuses a range whose minimum exceeds its maximum.
 */
const up_statements = [
	`alter table kpi add column min_value numeric null, add column max_value numeric null`,
	`alter table kpi add constraint kpi_value_bounds_order check (min_value is null or max_value is null or min_value < max_value)`
];

const down_statements = [
	`alter table kpi drop constraint kpi_value_bounds_order`,
	`alter table kpi drop column min_value, drop column max_value`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
