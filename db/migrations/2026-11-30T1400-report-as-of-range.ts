import { sql, type Kysely } from 'kysely';

/**
 * An annual report's as-of date lies in the one date range every form and the API accept
 * (1901-02-01 … 2199-12-31, src/lib/schemas/fields.ts): the periods of a date outside it cannot be
 * computed, so a report made as of 9999-12-31 before that check existed answered 500 on its page,
 * Word file and approval (issue 12). Such rows are moved to the nearest bound, then the database
 * refuses new ones.
 */
const up_statements = [
	`update annual_report set as_of = least(greatest(as_of, date '1901-02-01'), date '2199-12-31')
		where as_of not between date '1901-02-01' and date '2199-12-31'`,
	`alter table annual_report add constraint annual_report_as_of_range
		check (as_of between date '1901-02-01' and date '2199-12-31')`
];

const down_statements = [`alter table annual_report drop constraint annual_report_as_of_range`];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
