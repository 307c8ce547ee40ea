import { sql, type Kysely } from 'kysely';

/**
 * Sign-in through the organisation's own identity provider (issue 18): at most one provider per protocol
 * per organisation, the claim values that map to app roles, the organisation's local-password policy with
 * its break-glass administrator, and the external identities (provider + subject) linked to users.
 * Non-secret settings are jsonb (their shape is the protocol's, checked by the app); the one secret
 * (OIDC client secret, later the SAML SP key) is sealed with AES-256-GCM before it is stored.
 */
const up_statements = [
	`create table identity_provider (
		id bigint generated always as identity primary key,
		organisation_id bigint not null references organisation (id) on delete cascade,
		protocol text not null check (protocol in ('oidc', 'saml')),
		enabled boolean not null default false,
		display_name text not null check (length(display_name) between 1 and 100),
		settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
		sealed_secret text check (sealed_secret is null or length(sealed_secret) <= 20000),
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		version integer not null default 1 check (version >= 1),
		unique (organisation_id, protocol),
		unique (id, organisation_id)
	)`,

	`create table identity_provider_role (
		provider_id bigint not null references identity_provider (id) on delete cascade,
		claim_value text not null check (length(claim_value) between 1 and 200),
		role text not null check (role in ('admin', 'director', 'project_lead', 'politician')),
		created_at timestamptz not null default now(),
		primary key (provider_id, claim_value)
	)`,

	`create table sign_in_policy (
		organisation_id bigint primary key references organisation (id) on delete cascade,
		local_passwords boolean not null default true,
		break_glass_user_id bigint,
		updated_by bigint references app_user (id),
		updated_at timestamptz not null default now(),
		foreign key (break_glass_user_id, organisation_id) references app_user (id, organisation_id),
		check (local_passwords or break_glass_user_id is not null)
	)`,

	`create table external_identity (
		provider_id bigint not null references identity_provider (id) on delete cascade,
		subject text not null check (length(subject) between 1 and 500),
		user_id bigint not null references app_user (id) on delete cascade,
		created_at timestamptz not null default now(),
		last_sign_in_at timestamptz not null default now(),
		primary key (provider_id, subject),
		unique (provider_id, user_id)
	)`,
	`create index external_identity_user_idx on external_identity (user_id)`
];

const down_statements = [
	`drop table external_identity`,
	`drop table sign_in_policy`,
	`drop table identity_provider_role`,
	`drop table identity_provider`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
