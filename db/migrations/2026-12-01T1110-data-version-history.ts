import { sql, type Kysely } from 'kysely';

/**
 * Issue 20: the recommendation page is kept whole in memory per data version (src/lib/server/http/page-cache.ts),
 * and it also shows the history (audit_event) and the KPIs' comparison series (kpi_comparison, kpi_comparison_value).
 * Their writes now bump the organisation's data version too, with the function of 2026-12-01T1100. The audit trail
 * is append-only (its own trigger refuses the rest), so it needs an insert trigger only.
 */
const tables = ['kpi_comparison', 'kpi_comparison_value'];

const up_statements = [
	...tables.flatMap((table) => [
		`create trigger ${table}_data_insert after insert on ${table} referencing new table as new_rows
			for each statement execute function organisation_data_changed()`,
		`create trigger ${table}_data_update after update on ${table} referencing old table as old_rows new table as new_rows
			for each statement execute function organisation_data_changed()`,
		`create trigger ${table}_data_delete after delete on ${table} referencing old table as old_rows
			for each statement execute function organisation_data_changed()`,
		`create trigger ${table}_data_truncate after truncate on ${table}
			for each statement execute function organisation_data_changed()`
	]),
	`create trigger audit_event_data_insert after insert on audit_event referencing new table as new_rows
		for each statement execute function organisation_data_changed()`
];

const down_statements = [
	'drop trigger audit_event_data_insert on audit_event',
	...tables.flatMap((table) =>
		['insert', 'update', 'delete', 'truncate'].map((event) => `drop trigger ${table}_data_${event} on ${table}`)
	)
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
