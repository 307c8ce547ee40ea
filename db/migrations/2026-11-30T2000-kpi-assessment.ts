import { sql, type Kysely } from 'kysely';

/**
 * How a KPI's value is judged (issue 15, DESIGN §3): 'latest' (the newest value, as before) or
 * 'rolling_year' (the mean of the last 12 months / 4 quarters; only monthly and quarterly KPIs).
 */
const up_statements = [
	`alter table kpi add column assessment text not null default 'latest'`,
	`alter table kpi add constraint kpi_assessment_known check (assessment in ('latest', 'rolling_year'))`,
	`alter table kpi add constraint kpi_rolling_year_frequency check (assessment = 'latest' or frequency in ('month', 'quarter'))`
];

const down_statements = [
	`alter table kpi drop constraint kpi_rolling_year_frequency`,
	`alter table kpi drop constraint kpi_assessment_known`,
	`alter table kpi drop column assessment`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
