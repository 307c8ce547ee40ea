import { sql, type Kysely } from 'kysely';
import type { Database, Frequency } from '../../../../db/types';

type Executor = Kysely<Database>;

/** One text value per KPI frequency, for comparing a KPI's periods in SQL. */
export type PeriodPerFrequency = Record<Frequency, string>;

const kpiColumns = [
	'k.id',
	'k.name',
	'k.description',
	'k.unit',
	'k.decimals',
	'k.direction',
	'k.frequency',
	'k.scope',
	'k.dataSource',
	'k.baselineValue',
	'k.baselinePeriod',
	'k.targetValue',
	'k.targetPeriod',
	'k.illustrative'
] as const;

/**
 * The KPI links of the organisation's recommendations (or of the given ones) with each KPI's definition.
 * @example const links = await listKpiLinks(db, organisationId, [recommendationId]);
 */
export function listKpiLinks(db: Executor, organisationId: number, recommendationIds?: number[]) {
	let query = db
		.selectFrom('recommendationKpi as rk')
		.innerJoin('kpi as k', 'k.id', 'rk.kpiId')
		.where('rk.organisationId', '=', organisationId)
		// Redundant with the foreign key, but lets PostgreSQL read only this organisation's KPIs.
		.where('k.organisationId', '=', organisationId)
		.where('k.archivedAt', 'is', null)
		.select(['rk.recommendationId', 'rk.isPrimary', ...kpiColumns]);
	if (recommendationIds) query = query.where('rk.recommendationId', 'in', recommendationIds.length ? recommendationIds : [-1]);
	return query.orderBy('rk.recommendationId').orderBy('rk.position').orderBy('k.id').execute();
}

export type KpiLink = Awaited<ReturnType<typeof listKpiLinks>>[number];

/** The value for the KPI's own frequency, as SQL over the alias `k`. */
function periodFor(periods: PeriodPerFrequency) {
	return sql<string>`case k.frequency when 'year' then ${periods.year} when 'half' then ${periods.half}
		when 'quarter' then ${periods.quarter} else ${periods.month} end`;
}

/**
 * The newest `limit` values of each primary KPI of the organisation, after its baseline and up to the
 * period containing the as-of date, oldest first per KPI — the sparklines, in one query that reads about
 * `limit` index entries per KPI, however many values are stored.
 */
export function listRecentPrimaryObservations(db: Executor, organisationId: number, current: PeriodPerFrequency, limit: number) {
	return db
		.selectFrom('kpi as k')
		.where('k.organisationId', '=', organisationId)
		.where('k.id', 'in', (eb) => eb.selectFrom('recommendationKpi').select('kpiId').where('organisationId', '=', organisationId).where('isPrimary', '=', true))
		.innerJoinLateral(
			(eb) =>
				eb
					.selectFrom('observation as o')
					.whereRef('o.kpiId', '=', 'k.id')
					.where('o.organisationId', '=', organisationId)
					.whereRef('o.period', '>', 'k.baselinePeriod')
					.where('o.period', '<=', periodFor(current))
					.select(['o.period', 'o.value'])
					.orderBy('o.period', 'desc')
					.limit(limit)
					.as('o'),
			(join) => join.onTrue()
		)
		.select(['k.id as kpiId', 'o.period', 'o.value'])
		.orderBy('k.id')
		.orderBy('o.period')
		.execute();
}

/**
 * The observations that decide each KPI's status, in two queries whatever the number of KPIs:
 * per KPI the newest one after its baseline whose period has begun by the as-of date, and the one
 * for the period the overdue rule requires (when present).
 * @param current per frequency, the period containing the as-of date
 * @param required per frequency, the newest period that must have a value (DESIGN §3 overdue rule)
 */
export async function listDecisiveObservations(
	db: Executor,
	organisationId: number,
	current: PeriodPerFrequency,
	required: PeriodPerFrequency
) {
	// Both start from the organisation's KPIs and probe observation's (kpi_id, period) index once per KPI, so
	// their cost follows the organisation's KPIs, not the number of values stored (see `npm run bench`).
	const [latest, requiredRows] = await Promise.all([
		db
			.selectFrom('kpi as k')
			.innerJoinLateral(
				(eb) =>
					eb
						.selectFrom('observation as o')
						.whereRef('o.kpiId', '=', 'k.id')
						.whereRef('o.period', '>', 'k.baselinePeriod')
						.where('o.period', '<=', periodFor(current))
						.select(['o.period', 'o.value'])
						.orderBy('o.period', 'desc')
						.limit(1)
						.as('o'),
				(join) => join.onTrue()
			)
			.where('k.organisationId', '=', organisationId)
			.select(['k.id as kpiId', 'o.period', 'o.value'])
			.orderBy('k.id')
			.execute(),
		db
			.selectFrom('observation as o')
			.innerJoin('kpi as k', 'k.id', 'o.kpiId')
			.where('k.organisationId', '=', organisationId)
			.where('o.organisationId', '=', organisationId)
			.where('o.period', '=', periodFor(required))
			.select(['o.kpiId', 'o.period', 'o.value'])
			.execute()
	]);
	// The required period is often the latest one too: return each observation once.
	const seen = new Set(latest.map((o) => `${o.kpiId}:${o.period}`));
	return [...latest, ...requiredRows.filter((o) => !seen.has(`${o.kpiId}:${o.period}`))];
}

/** Every observation of the given KPIs, oldest period first. */
export function listObservations(db: Executor, organisationId: number, kpiIds: number[]) {
	return db
		.selectFrom('observation')
		.where('organisationId', '=', organisationId)
		.where('kpiId', 'in', kpiIds.length ? kpiIds : [-1])
		.select(['id', 'kpiId', 'period', 'value', 'comment', 'source', 'seriesBreak', 'version', 'enteredAt'])
		.orderBy('kpiId')
		.orderBy('period')
		.execute();
}
