import type { Db } from '../infra/db';
import { can } from '../../domain/policy';
import type { SessionUser } from '../auth/session';

/**
 * A query for the ids of the KPIs assigned to a person: those they own, and those linked to a
 * recommendation assigned to them. The one definition of "assigned", for access and for "Mine nøgletal".
 */
export function assignedKpiIds(db: Db, organisationId: number, userId: number) {
	return db
		.selectFrom('kpiOwner')
		.select('kpiId')
		.where('userId', '=', userId)
		.where('organisationId', '=', organisationId)
		.union(
			db
				.selectFrom('recommendationKpi as rk')
				.innerJoin('recommendationAssignment as ra', 'ra.recommendationId', 'rk.recommendationId')
				.select('rk.kpiId')
				.where('ra.userId', '=', userId)
				.where('rk.organisationId', '=', organisationId)
		);
}

/**
 * The ids of the KPIs the user may write values for: the rule for which KPIs a user may write, for all KPIs
 * at once, so an import of thousands of rows asks once instead of once per row. Admins and directors
 * write every KPI of their organisation; project leads those they own or that belong to a
 * recommendation assigned to them; politicians none.
 * @example const writable = await listWritableKpiIds(db, user); writable.has(kpiId)
 */
export async function listWritableKpiIds(db: Db, user: SessionUser): Promise<Set<number>> {
	if (can(user, 'values.write', { assigned: false })) {
		const rows = await db.selectFrom('kpi').select('id').where('organisationId', '=', user.organisationId).execute();
		return new Set(rows.map((row) => row.id));
	}
	if (!can(user, 'values.write')) return new Set();
	const rows = await assignedKpiIds(db, user.organisationId, user.id).execute();
	return new Set(rows.map((row) => row.kpiId));
}

/**
 * Whether the user may write values and narratives for one KPI (the rule of listWritableKpiIds), in one
 * query about that KPI alone: admins and directors for any KPI of their organisation; project leads only
 * for KPIs they own or that belong to a recommendation assigned to them. Another organisation's KPI never.
 * @example if (!(await canEditKpi(db, user, kpi.id))) error(403, t('observation.not_allowed'));
 */
export async function canEditKpi(db: Db, user: SessionUser, kpiId: number): Promise<boolean> {
	if (!can(user, 'values.write')) return false;
	const row = await db
		.selectFrom('kpi')
		.select((eb) =>
			eb
				.exists(
					eb
						.selectFrom(assignedKpiIds(db, user.organisationId, user.id).as('a'))
						.select('a.kpiId')
						.where('a.kpiId', '=', kpiId)
				)
				.as('assigned')
		)
		.where('organisationId', '=', user.organisationId)
		.where('id', '=', kpiId)
		.executeTakeFirst();
	return row !== undefined && can(user, 'values.write', { assigned: Boolean(row.assigned) });
}
