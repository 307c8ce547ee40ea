import { sql, type Kysely } from 'kysely';

/**
 * A director may override a recommendation's status with `missed` (ikke nået) too, the status DESIGN §3 added
 * with issue 15: e.g. when the target period has passed without the value that would show it.
 */
const up_statements = [
	`alter table recommendation drop constraint recommendation_status_override_check`,
	`alter table recommendation add constraint recommendation_status_override_check check (status_override in ('achieved', 'on_track', 'at_risk', 'off_track', 'missed'))`
];

const down_statements = [
	// The older constraint knows no `missed`: such overrides are lifted (their reason stays, as after a lifted override).
	`update recommendation set status_override = null where status_override = 'missed'`,
	`alter table recommendation drop constraint recommendation_status_override_check`,
	`alter table recommendation add constraint recommendation_status_override_check check (status_override in ('achieved', 'on_track', 'at_risk', 'off_track'))`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
