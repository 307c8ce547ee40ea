import { sql, type Kysely } from 'kysely';

/**
 * E-mail reminders (issue 19). `reminder_preference`: how often a user wants the digest; no row means
 * weekly. `sent_notification`: one row per (user, kind, period), inserted in the transaction that claims the
 * send (the unique key makes a second claim a conflict, whichever instance or process tries), then stamped
 * with `sent_at` and the SMTP server's answer once the mail was accepted. A claim without `sent_at` that is
 * older than a few minutes is a crashed send and may be claimed again (`attempts` counts the tries).
 * `reminder_key`: the HMAC key of unsubscribe links when FREMDRIFT_SECRET_KEY is not set (one row, made on
 * first use), so every app instance signs and checks with the same key.
 */
const up_statements = [
	`create table reminder_preference (
		user_id bigint primary key references app_user (id) on delete cascade,
		frequency text not null check (frequency in ('off', 'weekly', 'monthly')),
		updated_at timestamptz not null default now()
	)`,
	`create table sent_notification (
		id bigint generated always as identity primary key,
		user_id bigint not null references app_user (id) on delete cascade,
		kind text not null,
		subject_key text not null,
		period_key text not null,
		claimed_at timestamptz not null default now(),
		sent_at timestamptz,
		smtp_response text,
		attempts integer not null default 1,
		last_error text,
		last_error_at timestamptz,
		constraint sent_notification_once unique (user_id, kind, period_key),
		constraint sent_notification_lengths check (
			length(kind) <= 50 and length(subject_key) <= 200 and length(period_key) <= 20
			and length(smtp_response) <= 1000 and length(last_error) <= 1000
		)
	)`,
	`create index sent_notification_unsent on sent_notification (claimed_at) where sent_at is null`,
	`create table reminder_key (
		id integer primary key check (id = 1),
		secret text not null,
		created_at timestamptz not null default now()
	)`
];

const down_statements = [`drop table reminder_key`, `drop table sent_notification`, `drop table reminder_preference`];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
