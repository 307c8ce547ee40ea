import { rolesFor } from '../../domain/policy';
import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { NOT_FOUND, type WriteResult } from '../infra/write-result';
import { refused, type Actor } from './concurrency';
import { lockRecommendation } from './recommendation-writes';

/** The project leads assigned to a recommendation (they may write its narratives and follow-up states). */

/** The project leads of the organisation, with whether each is assigned to the recommendation. */
export async function listAssignableLeads(db: Db, organisationId: number, recommendationId: number) {
	const [leads, assigned] = await Promise.all([
		db
			.selectFrom('appUser')
			.select(['id', 'name', 'email'])
			.where('organisationId', '=', organisationId)
			.where('role', 'in', rolesFor('values.assignee'))
			.where('disabledAt', 'is', null)
			.orderBy('name')
			.execute(),
		db
			.selectFrom('recommendationAssignment')
			.select('userId')
			.where('recommendationId', '=', recommendationId)
			.where('organisationId', '=', organisationId)
			.execute()
	]);
	const ids = new Set(assigned.map((a) => a.userId));
	return leads.map((lead) => ({ ...lead, assigned: ids.has(lead.id) }));
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
		const leads = await trx
			.selectFrom('appUser')
			.select('id')
			.where('organisationId', '=', actor.organisationId)
			.where('role', 'in', rolesFor('values.assignee'))
			.where('id', 'in', wanted)
			.execute();
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
