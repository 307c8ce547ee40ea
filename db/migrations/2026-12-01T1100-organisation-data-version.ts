import { sql, type Kysely } from 'kysely';

/**
 * A per-organisation data version (issue 20 goal 1): a number that changes, in the same transaction, with every
 * write to a table the overview reads (src/lib/server/kpis/status.ts loadOverview) or "Mine opgaver" beside it, so
 * each app instance may keep the computed overview per (organisation, version, as-of day) in memory and check it
 * with one indexed query (src/lib/server/kpis/overview-cache.ts).
 *
 * Triggers rather than calls in the write paths, so no path (form, API, import, CLI, seed) can forget it. They are
 * statement-level with transition tables: a 10,000-row observation import bumps once, not 10,000 times. Every
 * table the overview reads carries organisation_id itself (observation, theme, follow-up items … included), so no
 * trigger has to walk up to a parent. TRUNCATE has no rows to look at: it bumps every organisation.
 *
 * The new version is max(old + 1, the clock in microseconds), never merely old + 1: after a restore of an older
 * backup the next write lands above any version a running instance may have cached from the abandoned history.
 * No foreign key to organisation: an organisation's cascading delete fires these triggers after its row is gone.
 */
const tables = [
	'recommendation',
	'programme',
	'theme',
	'recommendation_kpi',
	'kpi',
	'observation',
	'follow_up_item',
	'budget_line',
	'budget_actual',
	'recommendation_assignment',
	'kpi_owner',
	'app_user',
	// Not the overview's rows, but "Mine opgaver" beside it on the start page reads them (tasks/list-tasks.ts).
	'annual_report',
	'status_update'
];

const clock = `(extract(epoch from clock_timestamp()) * 1000000)::bigint`;

const up_statements = [
	`create table organisation_data_version (
		organisation_id bigint primary key,
		version bigint not null
	)`,
	`insert into organisation_data_version (organisation_id, version) select id, ${clock} from organisation`,

	`create function bump_organisation_data_version(ids bigint[]) returns void language sql as $$
		insert into organisation_data_version as v (organisation_id, version)
		select id, ${clock} from (select distinct id from unnest(ids) as id where id is not null) as changed order by id
		on conflict (organisation_id) do update set version = greatest(v.version + 1, excluded.version)
	$$`,

	`create function organisation_data_changed() returns trigger language plpgsql as $$
	begin
		if tg_op = 'INSERT' then
			perform bump_organisation_data_version(array(select organisation_id from new_rows));
		elsif tg_op = 'UPDATE' then
			perform bump_organisation_data_version(
				array(select organisation_id from new_rows union select organisation_id from old_rows));
		elsif tg_op = 'DELETE' then
			perform bump_organisation_data_version(array(select organisation_id from old_rows));
		else
			update organisation_data_version set version = greatest(version + 1, ${clock});
		end if;
		return null;
	end $$`,

	`create function organisation_row_changed() returns trigger language plpgsql as $$
	begin
		perform bump_organisation_data_version(array[new.id]);
		return null;
	end $$`,
	`create trigger organisation_data_version_bump after insert or update on organisation
		for each row execute function organisation_row_changed()`,

	...tables.flatMap((table) => [
		`create trigger ${table}_data_insert after insert on ${table} referencing new table as new_rows
			for each statement execute function organisation_data_changed()`,
		`create trigger ${table}_data_update after update on ${table} referencing old table as old_rows new table as new_rows
			for each statement execute function organisation_data_changed()`,
		`create trigger ${table}_data_delete after delete on ${table} referencing old table as old_rows
			for each statement execute function organisation_data_changed()`,
		`create trigger ${table}_data_truncate after truncate on ${table}
			for each statement execute function organisation_data_changed()`
	])
];

const down_statements = [
	...tables.flatMap((table) =>
		['insert', 'update', 'delete', 'truncate'].map((event) => `drop trigger ${table}_data_${event} on ${table}`)
	),
	'drop trigger organisation_data_version_bump on organisation',
	'drop function organisation_row_changed()',
	'drop function organisation_data_changed()',
	'drop function bump_organisation_data_version(bigint[])',
	'drop table organisation_data_version'
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
