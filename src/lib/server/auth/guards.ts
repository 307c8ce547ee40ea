import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Db } from '../infra/db';
import { can, type Action, type Target } from '../../domain/policy';
import type { SessionUser } from './session';
import { t } from '../messages';
import { signInPathFor } from './redirect-target';
import { recommendationIdsIn } from '../register/recommendations';

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
 * Of these recommendations, those whose status updates, narratives and follow-up states the user may
 * write: admins and directors every one of their organisation, project leads those assigned to them,
 * others none. The one rule, for one recommendation (canEditRecommendation) or a report's list at once.
 * @example const editable = await editableRecommendationIds(db, user, content.recommendations.map((r) => r.id));
 */
export async function editableRecommendationIds(
	db: Db,
	user: SessionUser,
	ids: readonly number[]
): Promise<Set<number>> {
	if (!can(user, 'values.write') || ids.length === 0) return new Set();
	const assignedTo = can(user, 'values.write', { assigned: false }) ? undefined : user.id;
	return new Set(await recommendationIdsIn(db, user.organisationId, ids, assignedTo));
}

/**
 * Whether the user may write status updates and follow-up states for a recommendation: admins and
 * directors in their organisation, project leads only when assigned to it.
 */
export async function canEditRecommendation(db: Db, user: SessionUser, recommendationId: number): Promise<boolean> {
	return (await editableRecommendationIds(db, user, [recommendationId])).has(recommendationId);
}
