import { sql } from 'kysely';
import type { Frequency } from '../../../../db/types';
import type { Db } from '../infra/db';
import { parseDecimal } from '../../domain/numbers';

type Executor = Db;

/** One text value per KPI frequency, for comparing a KPI's periods in SQL. */
export type PeriodPerFrequency = Record<Frequency, string>;

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
export async function listRecentPrimaryObservations(
	db: Executor,
	organisationId: number,
	current: PeriodPerFrequency,
	limit: number
) {
	const rows = await db
		.selectFrom('kpi as k')
		.where('k.organisationId', '=', organisationId)
		.where('k.id', 'in', (eb) =>
			eb
				.selectFrom('recommendationKpi')
				.select('kpiId')
				.where('organisationId', '=', organisationId)
				.where('isPrimary', '=', true)
		)
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
	return rows.map((row) => ({ ...row, value: parseDecimal(row.value) }));
}

/**
 * The observations that decide each KPI's status, in two queries whatever the number of KPIs:
 * per KPI the newest one after its baseline whose period has begun by the as-of date, and the one
 * for the period the overdue rule requires (when present).
 * @param current per frequency, the period containing the as-of date
 * @param required per frequency, the newest period that must have a value (DESIGN §3 overdue rule)
 * @param kpiIds only these KPIs (undefined: every KPI of the organisation)
 */
export async function listDecisiveObservations(
	db: Executor,
	organisationId: number,
	current: PeriodPerFrequency,
	required: PeriodPerFrequency,
	kpiIds?: readonly number[]
) {
	const only = kpiIds ? (kpiIds.length ? [...kpiIds] : [-1]) : null;
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
			.$if(only !== null, (q) => q.where('k.id', 'in', only ?? []))
			.select(['k.id as kpiId', 'o.period', 'o.value'])
			.orderBy('k.id')
			.execute(),
		db
			.selectFrom('observation as o')
			.innerJoin('kpi as k', 'k.id', 'o.kpiId')
			.where('k.organisationId', '=', organisationId)
			.where('o.organisationId', '=', organisationId)
			.where('o.period', '=', periodFor(required))
			.$if(only !== null, (q) => q.where('o.kpiId', 'in', only ?? []))
			.select(['o.kpiId', 'o.period', 'o.value'])
			.execute()
	]);
	// The required period is often the latest one too: return each observation once.
	const seen = new Set(latest.map((o) => `${o.kpiId}:${o.period}`));
	return [...latest, ...requiredRows.filter((o) => !seen.has(`${o.kpiId}:${o.period}`))].map((o) => ({
		kpiId: o.kpiId,
		period: o.period,
		value: parseDecimal(o.value)
	}));
}

/** Every observation of the given KPIs, oldest period first; values parsed once, here, into numbers. */
export async function listObservations(db: Executor, organisationId: number, kpiIds: readonly number[]) {
	const rows = await db
		.selectFrom('observation')
		.where('organisationId', '=', organisationId)
		.where('kpiId', 'in', kpiIds.length ? [...kpiIds] : [-1])
		.select(['id', 'kpiId', 'period', 'value', 'comment', 'source', 'seriesBreak', 'version', 'enteredAt'])
		.orderBy('kpiId')
		.orderBy('period')
		.execute();
	return rows.map((row) => ({ ...row, value: parseDecimal(row.value) }));
}

/** The stored value of one KPI for one period with who entered it and when (the entry form's overwrite question). */
export async function findObservationWithAuthor(db: Executor, organisationId: number, kpiId: number, period: string) {
	const row = await db
		.selectFrom('observation as o')
		.leftJoin('appUser as u', 'u.id', 'o.enteredBy')
		.where('o.organisationId', '=', organisationId)
		.where('o.kpiId', '=', kpiId)
		.where('o.period', '=', period)
		.select(['o.value', 'o.version', 'u.name as enteredBy', 'o.enteredAt'])
		.executeTakeFirst();
	return row ? { ...row, value: parseDecimal(row.value) } : undefined;
}

/** Every value of one KPI with the name of whoever entered it, oldest first (the API's observations). */
export async function listObservationsWithAuthor(db: Executor, organisationId: number, kpiId: number) {
	const rows = await db
		.selectFrom('observation as o')
		.leftJoin('appUser as u', 'u.id', 'o.enteredBy')
		.where('o.organisationId', '=', organisationId)
		.where('o.kpiId', '=', kpiId)
		.select([
			'o.period',
			'o.value',
			'o.comment',
			'o.source',
			'o.seriesBreak',
			'o.version',
			'u.name as enteredBy',
			'o.enteredAt'
		])
		.orderBy('o.period')
		.execute();
	return rows.map((row) => ({ ...row, value: parseDecimal(row.value) }));
}
