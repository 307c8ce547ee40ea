import { sql, type Kysely } from 'kysely';

/**
 * The whole domain of DESIGN §2: tenants, people and sign-in records, the recommendation register,
 * budgets, KPIs and observations, narratives, annual reports and the audit trail.
 *
 * Frozen once landed: change the schema with a new, later migration.
 * Every domain row carries organisation_id, and child tables reference their parent through
 * (id, organisation_id) so a row can never point into another organisation.
 */

const stamps = `
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	version integer not null default 1 check (version >= 1)`;

const up_statements = [
	`create function period_is_valid(period text) returns boolean language sql immutable as $$
		select period ~ '^(19|20|21)[0-9]{2}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$'
	$$`,
	`create function period_matches(period text, frequency text) returns boolean language sql immutable as $$
		select case frequency
			when 'year' then period ~ '^(19|20|21)[0-9]{2}$'
			when 'half' then period ~ '^(19|20|21)[0-9]{2}-H[12]$'
			when 'quarter' then period ~ '^(19|20|21)[0-9]{2}-Q[1-4]$'
			when 'month' then period ~ '^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$'
			else false
		end
	$$`,

	`create table organisation (
		id bigint generated always as identity primary key,
		slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
		name text not null check (length(name) between 1 and 200),
		municipality_code integer unique check (municipality_code between 100 and 999),
		${stamps}
	)`,

	`create table app_user (
		id bigint generated always as identity primary key,
		organisation_id bigint not null references organisation (id),
		email text not null unique
			check (email = lower(email) and length(email) between 3 and 254 and position('@' in email) > 1),
		name text not null check (length(name) between 1 and 200),
		role text not null check (role in ('admin', 'director', 'project_lead', 'politician')),
		password_hash text,
		disabled_at timestamptz,
		${stamps},
		unique (id, organisation_id)
	)`,
	`create index app_user_organisation_idx on app_user (organisation_id)`,

	`create table session (
		id text primary key,
		secret_hash bytea not null,
		user_id bigint not null references app_user (id) on delete cascade,
		created_at timestamptz not null default now(),
		last_verified_at timestamptz not null default now(),
		client_address text,
		user_agent text
	)`,
	`create index session_user_idx on session (user_id)`,

	`create table login_attempt (
		id bigint generated always as identity primary key,
		email text not null,
		client_address text not null,
		attempted_at timestamptz not null default now(),
		succeeded boolean not null
	)`,
	`create index login_attempt_email_idx on login_attempt (email, attempted_at) where not succeeded`,
	`create index login_attempt_address_idx on login_attempt (client_address, attempted_at) where not succeeded`,

	`create table user_token (
		id bigint generated always as identity primary key,
		user_id bigint not null references app_user (id) on delete cascade,
		purpose text not null check (purpose in ('invite', 'reset')),
		token_hash bytea not null unique,
		expires_at timestamptz not null,
		used_at timestamptz,
		created_by bigint references app_user (id),
		created_at timestamptz not null default now()
	)`,

	`create table api_token (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		user_id bigint not null,
		name text not null check (length(name) between 1 and 100),
		token_hash bytea not null unique,
		created_by bigint references app_user (id),
		created_at timestamptz not null default now(),
		last_used_at timestamptz,
		revoked_at timestamptz,
		foreign key (user_id, organisation_id) references app_user (id, organisation_id) on delete cascade
	)`,

	`create table programme (
		id bigint generated always as identity primary key,
		organisation_id bigint not null references organisation (id),
		name text not null check (length(name) between 1 and 300),
		body text not null default '',
		description text not null default '',
		adopted_on date,
		minutes_reference text not null default '',
		archived_at timestamptz,
		${stamps},
		unique (organisation_id, name),
		unique (id, organisation_id)
	)`,

	`create table theme (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		programme_id bigint not null,
		name text not null check (length(name) between 1 and 300),
		description text not null default '',
		position integer not null default 0,
		${stamps},
		foreign key (programme_id, organisation_id) references programme (id, organisation_id) on delete cascade,
		unique (programme_id, name),
		unique (id, programme_id)
	)`,

	`create table recommendation (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		programme_id bigint not null,
		theme_id bigint,
		number integer not null check (number between 1 and 9999),
		title text not null check (length(title) between 1 and 300),
		short_name text not null default '' check (length(short_name) <= 100),
		intro text not null default '',
		purpose text not null default '',
		goal text not null default '',
		actions text not null default '',
		target_professions text not null default '',
		baseline_description text not null default '',
		follow_up_period text check (follow_up_period is null or period_is_valid(follow_up_period)),
		follow_up_text text not null default '',
		resources_text text not null default '',
		next_step text not null default '',
		responsible text not null default '',
		responsible_user_id bigint,
		reports_to text not null default '',
		lifecycle text not null default 'proposed'
			check (lifecycle in ('proposed', 'adopted', 'in_progress', 'completed', 'paused', 'dropped')),
		lifecycle_changed_on date,
		lifecycle_reason text not null default '',
		decision_date date,
		decision_body text not null default '',
		decision_kind text check (decision_kind in ('consensus', 'dissent')),
		dissent_text text not null default '',
		status_override text check (status_override in ('achieved', 'on_track', 'at_risk', 'off_track')),
		status_override_reason text not null default '',
		status_override_by bigint references app_user (id),
		status_override_at timestamptz,
		archived_at timestamptz,
		${stamps},
		check (decision_kind is distinct from 'dissent' or length(dissent_text) > 0),
		check (lifecycle not in ('adopted', 'in_progress', 'completed') or decision_date is not null),
		check (lifecycle not in ('paused', 'dropped') or length(lifecycle_reason) > 0),
		check (status_override is null or length(status_override_reason) > 0),
		foreign key (programme_id, organisation_id) references programme (id, organisation_id) on delete cascade,
		foreign key (theme_id, programme_id) references theme (id, programme_id),
		foreign key (responsible_user_id, organisation_id) references app_user (id, organisation_id),
		unique (programme_id, number),
		unique (id, organisation_id)
	)`,
	`create index recommendation_organisation_idx on recommendation (organisation_id, programme_id, number)`,
	`create index recommendation_theme_idx on recommendation (theme_id)`,

	`create table recommendation_lifecycle_event (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		recommendation_id bigint not null,
		from_lifecycle text,
		to_lifecycle text not null,
		changed_on date not null,
		reason text not null default '',
		changed_by bigint references app_user (id),
		created_at timestamptz not null default now(),
		foreign key (recommendation_id, organisation_id)
			references recommendation (id, organisation_id) on delete cascade
	)`,
	`create index recommendation_lifecycle_event_idx on recommendation_lifecycle_event (recommendation_id, changed_on)`,

	`create table recommendation_assignment (
		organisation_id bigint not null,
		recommendation_id bigint not null,
		user_id bigint not null,
		created_at timestamptz not null default now(),
		primary key (recommendation_id, user_id),
		foreign key (recommendation_id, organisation_id)
			references recommendation (id, organisation_id) on delete cascade,
		foreign key (user_id, organisation_id) references app_user (id, organisation_id) on delete cascade
	)`,
	`create index recommendation_assignment_user_idx on recommendation_assignment (user_id)`,

	`create table follow_up_item (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		recommendation_id bigint not null,
		title text not null check (length(title) between 1 and 500),
		description text not null default '',
		due_period text not null check (period_is_valid(due_period)),
		state text not null default 'not_started'
			check (state in ('not_started', 'in_progress', 'done', 'postponed')),
		position integer not null default 0,
		${stamps},
		foreign key (recommendation_id, organisation_id)
			references recommendation (id, organisation_id) on delete cascade
	)`,
	`create index follow_up_item_recommendation_idx on follow_up_item (recommendation_id, position)`,
	`create index follow_up_item_organisation_idx on follow_up_item (organisation_id, due_period)`,

	`create table budget_line (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		recommendation_id bigint not null,
		year integer not null check (year between 1900 and 2199),
		amount_kr bigint not null check (amount_kr between 0 and 1000000000000),
		category text not null check (category in ('salary', 'activities', 'campaigns', 'other')),
		funding text not null check (funding in ('central_pool', 'own_budget')),
		note text not null default '',
		${stamps},
		foreign key (recommendation_id, organisation_id)
			references recommendation (id, organisation_id) on delete cascade
	)`,
	`create index budget_line_recommendation_idx on budget_line (recommendation_id, year)`,
	`create index budget_line_organisation_idx on budget_line (organisation_id, year)`,

	`create table budget_actual (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		recommendation_id bigint not null,
		year integer not null check (year between 1900 and 2199),
		amount_kr bigint not null check (amount_kr between 0 and 1000000000000),
		note text not null default '',
		${stamps},
		unique (recommendation_id, year),
		foreign key (recommendation_id, organisation_id)
			references recommendation (id, organisation_id) on delete cascade
	)`,
	`create index budget_actual_organisation_idx on budget_actual (organisation_id, year)`,

	`create table kpi (
		id bigint generated always as identity primary key,
		organisation_id bigint not null references organisation (id),
		name text not null check (length(name) between 1 and 200),
		description text not null default '',
		unit text not null check (unit in ('percent', 'count', 'days', 'kr', 'score')),
		decimals smallint not null default 1 check (decimals between 0 and 4),
		direction text not null check (direction in ('lower', 'higher')),
		frequency text not null check (frequency in ('year', 'half', 'quarter', 'month')),
		scope text not null default '',
		data_source text not null default '',
		baseline_value numeric not null,
		baseline_period text not null,
		target_value numeric not null,
		target_period text not null,
		illustrative boolean not null default false,
		archived_at timestamptz,
		${stamps},
		check (period_matches(baseline_period, frequency) and period_matches(target_period, frequency)),
		check (target_period > baseline_period),
		check (
			(direction = 'lower' and target_value <= baseline_value)
			or (direction = 'higher' and target_value >= baseline_value)
		),
		unique (organisation_id, name),
		unique (id, organisation_id)
	)`,

	`create table kpi_owner (
		organisation_id bigint not null,
		kpi_id bigint not null,
		user_id bigint not null,
		created_at timestamptz not null default now(),
		primary key (kpi_id, user_id),
		foreign key (kpi_id, organisation_id) references kpi (id, organisation_id) on delete cascade,
		foreign key (user_id, organisation_id) references app_user (id, organisation_id) on delete cascade
	)`,
	`create index kpi_owner_user_idx on kpi_owner (user_id)`,

	`create table recommendation_kpi (
		organisation_id bigint not null,
		recommendation_id bigint not null,
		kpi_id bigint not null,
		is_primary boolean not null default false,
		position integer not null default 0,
		primary key (recommendation_id, kpi_id),
		foreign key (recommendation_id, organisation_id)
			references recommendation (id, organisation_id) on delete cascade,
		foreign key (kpi_id, organisation_id) references kpi (id, organisation_id) on delete cascade
	)`,
	`create index recommendation_kpi_kpi_idx on recommendation_kpi (kpi_id)`,
	`create index recommendation_kpi_organisation_idx on recommendation_kpi (organisation_id)`,

	`create table observation (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		kpi_id bigint not null,
		period text not null,
		value numeric not null,
		comment text not null default '' check (length(comment) <= 2000),
		source text not null default '' check (length(source) <= 500),
		series_break boolean not null default false,
		entered_by bigint references app_user (id) on delete set null,
		entered_at timestamptz not null default now(),
		${stamps},
		unique (kpi_id, period),
		foreign key (kpi_id, organisation_id) references kpi (id, organisation_id) on delete cascade
	)`,
	`create function observation_check_period() returns trigger language plpgsql as $$
	begin
		if not exists (
			select 1 from kpi where kpi.id = new.kpi_id and period_matches(new.period, kpi.frequency)
		) then
			raise exception 'period % does not match the frequency of kpi %', new.period, new.kpi_id
				using errcode = '23514';
		end if;
		return new;
	end
	$$`,
	`create trigger observation_check_period before insert or update of period, kpi_id on observation
		for each row execute function observation_check_period()`,

	`create table status_update (
		id bigint generated always as identity primary key,
		organisation_id bigint not null,
		recommendation_id bigint not null,
		period text not null check (period_is_valid(period)),
		body text not null check (length(body) between 1 and 20000),
		author_id bigint references app_user (id) on delete set null,
		${stamps},
		unique (recommendation_id, period),
		foreign key (recommendation_id, organisation_id)
			references recommendation (id, organisation_id) on delete cascade
	)`,

	`create table annual_report (
		id bigint generated always as identity primary key,
		organisation_id bigint not null references organisation (id),
		programme_id bigint,
		year integer not null check (year between 1900 and 2199),
		edition integer not null default 1 check (edition >= 1),
		state text not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'published')),
		as_of date not null,
		snapshot jsonb,
		change_note text not null default '',
		public boolean not null default false,
		submitted_at timestamptz,
		submitted_by bigint references app_user (id),
		approved_at timestamptz,
		approved_by bigint references app_user (id),
		published_at timestamptz,
		published_by bigint references app_user (id),
		replaced_by_id bigint references annual_report (id),
		${stamps},
		check (state in ('draft', 'submitted') or snapshot is not null),
		check (not public or state = 'published'),
		check (edition = 1 or length(change_note) > 0),
		foreign key (programme_id, organisation_id) references programme (id, organisation_id)
	)`,
	`create unique index annual_report_edition_idx
		on annual_report (organisation_id, coalesce(programme_id, 0), year, edition)`,

	`create table audit_event (
		id bigint generated always as identity primary key,
		organisation_id bigint references organisation (id),
		actor_user_id bigint references app_user (id),
		actor_label text not null default '',
		occurred_at timestamptz not null default now(),
		action text not null,
		entity_type text not null,
		entity_id text,
		before jsonb,
		after jsonb,
		client_address text
	)`,
	`create index audit_event_entity_idx on audit_event (organisation_id, entity_type, entity_id, occurred_at)`,
	`create function audit_event_refuse_change() returns trigger language plpgsql as $$
	begin
		raise exception 'audit_event is append-only' using errcode = '42501';
	end
	$$`,
	`create trigger audit_event_append_only before update or delete on audit_event
		for each row execute function audit_event_refuse_change()`,
	`create trigger audit_event_no_truncate before truncate on audit_event
		for each statement execute function audit_event_refuse_change()`
];

const down_statements = [
	'drop table audit_event',
	'drop function audit_event_refuse_change()',
	'drop table annual_report',
	'drop table status_update',
	'drop table observation',
	'drop function observation_check_period()',
	'drop table recommendation_kpi',
	'drop table kpi_owner',
	'drop table kpi',
	'drop table budget_actual',
	'drop table budget_line',
	'drop table follow_up_item',
	'drop table recommendation_assignment',
	'drop table recommendation_lifecycle_event',
	'drop table recommendation',
	'drop table theme',
	'drop table programme',
	'drop table api_token',
	'drop table user_token',
	'drop table login_attempt',
	'drop table session',
	'drop table app_user',
	'drop table organisation',
	'drop function period_matches(text, text)',
	'drop function period_is_valid(text)'
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
