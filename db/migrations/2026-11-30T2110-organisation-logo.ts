import { sql, type Kysely } from 'kysely';

/**
 * An organisation's optional logo (issue 16): one PNG or sanitised SVG per organisation, shown on the
 * public annual status and in its documents. A table of its own, so organisation rows stay small.
 */
const up_statements = [
	`create table organisation_logo (
		organisation_id bigint primary key references organisation (id) on delete cascade,
		mime text not null check (mime in ('image/png', 'image/svg+xml')),
		bytes bytea not null check (octet_length(bytes) between 1 and 204800),
		updated_by bigint references app_user (id),
		updated_at timestamptz not null default now()
	)`
];

const down_statements = [`drop table organisation_logo`];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
