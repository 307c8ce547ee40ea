import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the per-organisation reads the overview, the API and the annual status make, found by
 * `npm run bench`: with 1.4 million observations (98 municipalities) `observation where organisation_id = $1`
 * was a sequential scan of every municipality's values on each page view. The (organisation_id, kpi_id, period)
 * order also serves "latest value per KPI" (distinct on kpi_id … order by kpi_id, period desc) and the
 * sparkline series (order by kpi_id, period) without a sort.
 */
const up_statements = [
	`create index observation_organisation_idx on observation (organisation_id, kpi_id, period)`,
	`create index kpi_owner_organisation_idx on kpi_owner (organisation_id)`,
	`create index recommendation_assignment_organisation_idx on recommendation_assignment (organisation_id)`
];

const down_statements = [
	'drop index recommendation_assignment_organisation_idx',
	'drop index kpi_owner_organisation_idx',
	'drop index observation_organisation_idx'
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const statement of down_statements) await sql.raw(statement).execute(db);
}
