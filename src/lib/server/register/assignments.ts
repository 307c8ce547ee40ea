import { rolesFor } from '../../domain/policy';
import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { isActiveUserWithRole, listActiveUsersWithRole, userIdsIn } from '../auth/users';
import { NOT_FOUND, type WriteResult } from '../infra/write-result';
import { refused, type Actor } from './concurrency';
import { lockRecommendation } from './recommendation-writes';
import { recommendationIdsIn } from './recommendations';

/** The project leads of the organisation, with whether each is assigned to the recommendation. */
export async function listAssignableLeads(db: Db, organisationId: number, recommendationId: number) {
	const [leads, assigned] = await Promise.all([
		listActiveUsersWithRole(db, organisationId, rolesFor('values.assignee')),
		db
			.selectFrom('recommendationAssignment')
			.select('userId')
			.where('recommendationId', '=', recommendationId)
			.where('organisationId', '=', organisationId)
			.execute()
	]);
	const ids = new Set(assigned.map((a) => a.userId));
	return leads.map(({ id, name, email }) => ({ id, name, email, assigned: ids.has(id) }));
}

/** Replaces the project leads assigned to a recommendation (only active project leads of the organisation). */
export async function setAssignments(
	trx: Db,
	actor: Actor,
	recommendationId: number,
	userIds: readonly number[]
): Promise<WriteResult<{ id: number }>> {
	if (!(await lockRecommendation(trx, actor.organisationId, recommendationId))) return NOT_FOUND;
	const wanted = [...new Set(userIds)];
	if (wanted.length) {
		const leads = await userIdsIn(trx, actor.organisationId, wanted, rolesFor('values.assignee'));
		if (leads.length !== wanted.length) return refused('userId', 'not_project_lead');
	}
	const before = (
		await trx
			.selectFrom('recommendationAssignment')
			.select('userId')
			.where('recommendationId', '=', recommendationId)
			.execute()
	)
		.map((a) => a.userId)
		.sort((a, b) => a - b);
	const after = [...wanted].sort((a, b) => a - b);
	if (JSON.stringify(before) === JSON.stringify(after))
		return { kind: 'ok', change: 'unchanged', id: recommendationId };
	await trx.deleteFrom('recommendationAssignment').where('recommendationId', '=', recommendationId).execute();
	if (after.length)
		await trx
			.insertInto('recommendationAssignment')
			.values(after.map((userId) => ({ organisationId: actor.organisationId, recommendationId, userId })))
			.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'recommendation.assignments_changed',
		entityType: 'recommendation',
		entityId: recommendationId,
		before: { assigned: before },
		after: { assigned: after }
	});
	return { kind: 'ok', change: 'updated', id: recommendationId };
}

/** Who can be a recommendation's responsible user: the organisation's users who follow the live data. */
const RESPONSIBLE_ROLES = rolesFor('live.read');

/**
 * The users who can be a recommendation's responsible user (active, by name), with the one who is.
 * The responsible user is told about KPIs that have no project lead (reminders, Mine opgaver); without one,
 * the organisation's directors are.
 */
export async function listResponsibleChoices(db: Db, organisationId: number, responsibleUserId: number | null) {
	const users = await listActiveUsersWithRole(db, organisationId, RESPONSIBLE_ROLES);
	return users.map(({ id, name, role }) => ({ id, name, role, chosen: id === responsibleUserId }));
}

/** Sets (or clears, with null) a recommendation's responsible user: an active user of the organisation who follows the live data. */
export async function setResponsibleUser(
	trx: Db,
	actor: Actor,
	recommendationId: number,
	userId: number | null
): Promise<WriteResult<{ id: number }>> {
	const before = await lockRecommendation(trx, actor.organisationId, recommendationId);
	if (!before) return NOT_FOUND;
	if (userId !== null && !(await isActiveUserWithRole(trx, actor.organisationId, userId, RESPONSIBLE_ROLES)))
		return refused('responsibleUserId', 'not_responsible_user');
	if (before.responsibleUserId === userId) return { kind: 'ok', change: 'unchanged', id: recommendationId };
	await trx
		.updateTable('recommendation')
		.set({ responsibleUserId: userId })
		.where('id', '=', recommendationId)
		.where('organisationId', '=', actor.organisationId)
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'recommendation.responsible_changed',
		entityType: 'recommendation',
		entityId: recommendationId,
		before: { responsibleUserId: before.responsibleUserId },
		after: { responsibleUserId: userId }
	});
	return { kind: 'ok', change: 'updated', id: recommendationId };
}

/** Ids of the recommendations a user is assigned to. */
export async function listAssignmentIds(db: Db, userId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('recommendationAssignment')
		.select('recommendationId')
		.where('userId', '=', userId)
		.execute();
	return rows.map((r) => r.recommendationId);
}

/**
 * Replaces the recommendations a user is assigned to (the admin's page): ids that are not recommendations
 * of the organisation are ignored. Answers the ids before and after; the caller audits the change.
 */
export async function replaceUserAssignments(
	trx: Db,
	organisationId: number,
	userId: number,
	recommendationIds: readonly number[]
): Promise<{ before: number[]; after: number[] }> {
	const after = await recommendationIdsIn(trx, organisationId, recommendationIds);
	const before = await listAssignmentIds(trx, userId);
	await trx.deleteFrom('recommendationAssignment').where('userId', '=', userId).execute();
	if (after.length) {
		await trx
			.insertInto('recommendationAssignment')
			.values(after.map((recommendationId) => ({ organisationId, recommendationId, userId })))
			.execute();
	}
	return { before, after };
}

/** Every assignment of the organisation with the assignee's name, by name (the overview's "ansvarlig"). */
export function listAssigneeNames(db: Db, organisationId: number) {
	return db
		.selectFrom('recommendationAssignment as a')
		.innerJoin('appUser as u', 'u.id', 'a.userId')
		.where('a.organisationId', '=', organisationId)
		.select(['a.recommendationId', 'u.id', 'u.name'])
		.orderBy('u.name')
		.execute();
}
