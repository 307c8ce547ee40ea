import { sql, type Kysely } from 'kysely';

/**
 * What a sent digest listed (issue 19): the subject keys of its tasks, so that the next digest tells a director
 * only of recommendations that turned at risk, behind or missed since the last one (a status's key names the
 * status, so a change is news again). Rows sent before this column have an empty list.
 */
const up_statements = [`alter table sent_notification add column subjects jsonb not null default '[]'::jsonb`];

const down_statements = [`alter table sent_notification drop column subjects`];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
