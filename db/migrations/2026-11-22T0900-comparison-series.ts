import { sql, type Kysely } from 'kysely';

/**
 * Comparison series for a KPI (e.g. the national average from a public source), charted beside its
 * own values. A series' periods follow the KPI's frequency, as observations do.
 */
const up_statements = [
	`create table kpi_comparison (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		kpi_id bigint not null,
		name text not null check (length(name) between 1 and 200),
		source text not null default '' check (length(source) <= 500),
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		version integer not null default 1 check (version >= 1),
		unique (kpi_id, name),
		unique (id, organisation_id),
		foreign key (kpi_id, organisation_id) references kpi (id, organisation_id) on delete cascade
	)`,
	`create table kpi_comparison_value (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		comparison_id bigint not null,
		period text not null,
		value numeric not null,
		unique (comparison_id, period),
		foreign key (comparison_id, organisation_id) references kpi_comparison (id, organisation_id) on delete cascade
	)`,
	`create function kpi_comparison_value_check_period() returns trigger language plpgsql as $$
	begin
		if not exists (
			select 1 from kpi_comparison c join kpi on kpi.id = c.kpi_id
			where c.id = new.comparison_id and period_matches(new.period, kpi.frequency)
		) then
			raise exception 'period % does not match the frequency of the compared kpi', new.period using errcode = '23514';
		end if;
		return new;
	end
	$$`,
	`create trigger kpi_comparison_value_check_period before insert or update of period, comparison_id on kpi_comparison_value
		for each row execute function kpi_comparison_value_check_period()`
];

const down_statements = [
	'drop table kpi_comparison_value',
	'drop function kpi_comparison_value_check_period()',
	'drop table kpi_comparison'
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
