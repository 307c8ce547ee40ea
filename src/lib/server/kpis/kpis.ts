import type { Db } from '../infra/db';
import { assignedKpiIds } from './access';

/** The definition columns of a KPI, over the alias `k`. */
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
	'k.assessment',
	'k.illustrative'
] as const;

/** One KPI of the organisation with its definition; undefined for another organisation's. */
export function findKpi(db: Db, organisationId: number, id: number) {
	return db
		.selectFrom('kpi')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
}

/**
 * The organisation's KPIs that are not archived (or the one asked for), by name.
 * @example const [kpi] = await listKpis(db, organisationId, 12);
 */
export function listKpis(db: Db, organisationId: number, onlyId?: number) {
	let query = db
		.selectFrom('kpi')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('archivedAt', 'is', null);
	if (onlyId !== undefined) query = query.where('id', '=', onlyId);
	return query.orderBy('name').execute();
}

/** Every KPI of the organisation (archived ones too) by id, name, frequency, unit and decimals: what an import row may name. */
export function listKpiRefs(db: Db, organisationId: number) {
	return db
		.selectFrom('kpi')
		.select(['id', 'name', 'frequency', 'unit', 'decimals', 'minValue', 'maxValue'])
		.where('organisationId', '=', organisationId)
		.execute();
}

/**
 * The KPIs a user enters values for: those they own and those of recommendations assigned to them, by name.
 * @example const kpis = await listKpisForUser(db, user.organisationId, user.id);
 */
export function listKpisForUser(db: Db, organisationId: number, userId: number) {
	return db
		.selectFrom('kpi')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('archivedAt', 'is', null)
		.where('id', 'in', assignedKpiIds(db, organisationId, userId))
		.orderBy('name')
		.execute();
}

/**
 * The KPI links of the organisation's recommendations (or of the given ones) with each KPI's definition.
 * @example const links = await listKpiLinks(db, organisationId, [recommendationId]);
 */
export function listKpiLinks(db: Db, organisationId: number, recommendationIds?: number[]) {
	let query = db
		.selectFrom('recommendationKpi as rk')
		.innerJoin('kpi as k', 'k.id', 'rk.kpiId')
		.where('rk.organisationId', '=', organisationId)
		// Redundant with the foreign key, but lets PostgreSQL read only this organisation's KPIs.
		.where('k.organisationId', '=', organisationId)
		.where('k.archivedAt', 'is', null)
		.select(['rk.recommendationId', 'rk.isPrimary', ...kpiColumns]);
	if (recommendationIds)
		query = query.where('rk.recommendationId', 'in', recommendationIds.length ? recommendationIds : [-1]);
	return query.orderBy('rk.recommendationId').orderBy('rk.position').orderBy('k.id').execute();
}

export type KpiLink = Awaited<ReturnType<typeof listKpiLinks>>[number];

/** Which recommendations each KPI of the organisation is linked to (the API's `recommendationIds`). */
export function listRecommendationKpiPairs(db: Db, organisationId: number) {
	return db
		.selectFrom('recommendationKpi')
		.select(['kpiId', 'recommendationId'])
		.where('organisationId', '=', organisationId)
		.execute();
}

/** The recommendations a KPI is linked to. */
export function listKpiRecommendations(db: Db, organisationId: number, kpiId: number) {
	return db
		.selectFrom('recommendationKpi as rk')
		.innerJoin('recommendation as r', 'r.id', 'rk.recommendationId')
		.where('rk.organisationId', '=', organisationId)
		.where('rk.kpiId', '=', kpiId)
		.select(['r.id', 'r.number', 'r.title', 'rk.isPrimary'])
		.orderBy('r.number')
		.execute();
}

/** The owners (user id and name) of every KPI of the organisation, by name. */
export function listKpiOwnerNames(db: Db, organisationId: number) {
	return db
		.selectFrom('kpiOwner as o')
		.innerJoin('appUser as u', 'u.id', 'o.userId')
		.where('o.organisationId', '=', organisationId)
		.select(['o.kpiId', 'o.userId', 'u.name'])
		.orderBy('u.name')
		.execute();
}
