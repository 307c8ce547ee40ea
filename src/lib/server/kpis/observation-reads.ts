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
 * The newest `limit` values of each chosen KPI of the organisation (its primary KPIs, some KPIs, or all), after
 * its baseline and up to the period containing the as-of date, oldest first per KPI — the sparklines and the
 * forecasts, in one query that reads about `limit` index entries per KPI, however many values are stored.
 */
export async function listRecentObservations(
	db: Executor,
	organisationId: number,
	current: PeriodPerFrequency,
	limit: number,
	which: 'primary' | 'all' | readonly number[]
) {
	const rows = await db
		.selectFrom('kpi as k')
		.where('k.organisationId', '=', organisationId)
		.$if(which === 'primary', (q) =>
			q.where('k.id', 'in', (eb) =>
				eb
					.selectFrom('recommendationKpi')
					.select('kpiId')
					.where('organisationId', '=', organisationId)
					.where('isPrimary', '=', true)
			)
		)
		.$if(Array.isArray(which), (q) =>
			q.where('k.id', 'in', (which as readonly number[]).length ? [...(which as readonly number[])] : [-1])
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
 * How many of a KPI's newest values decide its status: a rolling year of months, and the missing-period run
 * (at most two periods lie between the required period and the current one, so the newest value before the
 * run is among these whenever one is within reach).
 */
export const DECISIVE_VALUES = 12;

/**
 * The observations that decide each KPI's status (DESIGN §3), in one query whatever the number of KPIs:
 * per KPI its newest DECISIVE_VALUES after its baseline whose period has begun by the as-of date.
 * @param current per frequency, the period containing the as-of date
 * @param kpiIds only these KPIs (undefined: every KPI of the organisation)
 */
export async function listDecisiveObservations(
	db: Executor,
	organisationId: number,
	current: PeriodPerFrequency,
	kpiIds?: readonly number[]
) {
	const only = kpiIds ? (kpiIds.length ? [...kpiIds] : [-1]) : null;
	// It starts from the organisation's KPIs and probes observation's (kpi_id, period) index once per KPI, so
	// its cost follows the organisation's KPIs, not the number of values stored (see `npm run bench`).
	const rows = await db
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
					.limit(DECISIVE_VALUES)
					.as('o'),
			(join) => join.onTrue()
		)
		.where('k.organisationId', '=', organisationId)
		.$if(only !== null, (q) => q.where('k.id', 'in', only ?? []))
		.select(['k.id as kpiId', 'o.period', 'o.value'])
		.orderBy('k.id')
		.execute();
	return rows.map((o) => ({ kpiId: o.kpiId, period: o.period, value: parseDecimal(o.value) }));
}

/**
 * The KPIs no one is asked for values of any more: every recommendation they are linked to is completed,
 * paused or dropped (DESIGN §3: no overdue flag). A KPI linked to nothing is still expected.
 */
export async function listRetiredKpiIds(db: Executor, organisationId: number): Promise<Set<number>> {
	const rows = await db
		.selectFrom('recommendationKpi as rk')
		.innerJoin('recommendation as r', 'r.id', 'rk.recommendationId')
		.where('rk.organisationId', '=', organisationId)
		.where('r.organisationId', '=', organisationId)
		.groupBy('rk.kpiId')
		.having(sql<boolean>`bool_and(r.lifecycle in ('completed', 'paused', 'dropped'))`)
		.select('rk.kpiId')
		.execute();
	return new Set(rows.map((r) => r.kpiId));
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
