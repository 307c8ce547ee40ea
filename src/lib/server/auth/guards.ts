import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Db } from '../infra/db';
import { can, type Action, type Target } from '../../domain/policy';
import type { SessionUser } from './session';
import { t } from '../messages';
import { signInPathFor } from './redirect-target';

/**
 * The signed-in user, or a redirect to sign-in that comes back here afterwards.
 * @example const user = requireUser(event);
 */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, signInPathFor(event.url));
	return user;
}

/**
 * The signed-in user if the policy lets them take `action` (on `target`); otherwise sign-in (anonymous) or 403.
 * @example const user = requireCan(event, 'users.manage');
 */
export function requireCan(event: Pick<RequestEvent, 'locals' | 'url'>, action: Action, target?: Target): SessionUser {
	const user = requireUser(event);
	if (!can(user, action, target)) error(403, t('auth.forbidden'));
	return user;
}

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
 * Whether the user may write values and narratives for one KPI (the rule of listWritableKpiIds):
 * admins and directors for any KPI of their organisation; project leads only for KPIs they own or that
 * belong to a recommendation assigned to them. A KPI of another organisation is never writable.
 */
export async function canEditKpi(db: Db, user: SessionUser, kpiId: number): Promise<boolean> {
	return (await listWritableKpiIds(db, user)).has(kpiId);
}

/**
 * Whether the user may write status updates and follow-up states for a recommendation: admins and
 * directors in their organisation, project leads only when assigned to it.
 */
export async function canEditRecommendation(db: Db, user: SessionUser, recommendationId: number): Promise<boolean> {
	if (!can(user, 'values.write')) return false;
	const recommendation = await db
		.selectFrom('recommendation')
		.select('id')
		.where('id', '=', recommendationId)
		.where('organisationId', '=', user.organisationId)
		.executeTakeFirst();
	if (!recommendation) return false;
	if (can(user, 'values.write', { assigned: false })) return true;
	const assignment = await db
		.selectFrom('recommendationAssignment')
		.select('userId')
		.where('recommendationId', '=', recommendationId)
		.where('userId', '=', user.id)
		.executeTakeFirst();
	return assignment !== undefined;
}
