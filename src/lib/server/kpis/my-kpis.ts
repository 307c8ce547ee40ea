import type { Db } from '../infra/db';
import { assignedKpiIds } from '../auth/guards';

/**
 * The KPIs a user enters values for: those they own and those of recommendations assigned to them,
 * with every observed period (a project lead has a handful of KPIs, so this stays small).
 * @example const kpis = await listKpisForUser(db, user.organisationId, user.id);
 */
export async function listKpisForUser(db: Db, organisationId: number, userId: number) {
	const kpis = await db
		.selectFrom('kpi')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('archivedAt', 'is', null)
		.where('id', 'in', assignedKpiIds(db, organisationId, userId))
		.orderBy('name')
		.execute();
	const observations = kpis.length
		? await db
				.selectFrom('observation')
				.select(['kpiId', 'period', 'value'])
				.where('organisationId', '=', organisationId)
				.where('kpiId', 'in', kpis.map((k) => k.id))
				.orderBy('period')
				.execute()
		: [];
	return kpis.map((kpi) => ({ kpi, observations: observations.filter((o) => o.kpiId === kpi.id) }));
}
