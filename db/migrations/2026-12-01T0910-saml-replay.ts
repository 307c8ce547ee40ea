import { sql, type Kysely } from 'kysely';

/**
 * SAML's one-time stores (issue 18), in the database so they hold across app instances: the AuthnRequest IDs
 * this SP has issued (a response must answer one of them, once) and the assertion IDs it has accepted (the
 * primary key makes a second acceptance an insert conflict, whichever instance sees it). Rows carry their
 * own expiry; a purge deletes the expired ones. `scope` is the SP's entity ID, so one organisation's request
 * ID cannot be answered at another's ACS.
 */
const up_statements = [
	`create table saml_request (
		id text primary key,
		scope text not null,
		created_at timestamptz not null default now(),
		expires_at timestamptz not null,
		constraint saml_request_lengths check (length(id) <= 200 and length(scope) <= 1000)
	)`,
	`create index saml_request_expires_at on saml_request (expires_at)`,
	`create table saml_assertion (
		scope text not null,
		id text not null,
		consumed_at timestamptz not null default now(),
		expires_at timestamptz not null,
		primary key (scope, id),
		constraint saml_assertion_lengths check (length(id) <= 200 and length(scope) <= 1000)
	)`,
	`create index saml_assertion_expires_at on saml_assertion (expires_at)`
];

const down_statements = [`drop table saml_assertion`, `drop table saml_request`];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
