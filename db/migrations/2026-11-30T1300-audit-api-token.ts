import { sql, type Kysely } from 'kysely';

/**
 * Audit events written through an API token name the token, not only its user: a leaked token's writes
 * can then be told apart from the user's own (issue 12). Null for every other write.
 */
const up_statements = [`alter table audit_event add column api_token_id bigint references api_token (id)`];

const down_statements = [`alter table audit_event drop column api_token_id`];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
