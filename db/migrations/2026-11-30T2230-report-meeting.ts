import { sql, type Kysely } from 'kysely';

/**
 * The agenda item's meeting fields on an annual report (issue 16): the case number of the municipality's
 * case system (Sagsnr.), the committee and the meeting date. Optional, and kept on the report row, not in
 * the frozen snapshot: the agenda system often gives the case number after the director has approved.
 */
const up_statements = [
	`alter table annual_report add column case_number text not null default ''`,
	`alter table annual_report add column committee text not null default ''`,
	`alter table annual_report add column meeting_date date`,
	`alter table annual_report add constraint annual_report_meeting_lengths
		check (length(case_number) <= 100 and length(committee) <= 200)`
];

const down_statements = [
	`alter table annual_report drop constraint annual_report_meeting_lengths`,
	`alter table annual_report drop column meeting_date`,
	`alter table annual_report drop column committee`,
	`alter table annual_report drop column case_number`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
