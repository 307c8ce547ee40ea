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
