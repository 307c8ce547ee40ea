import type { Db } from '../infra/db';
import type { Lifecycle } from '../../../../db/types';
import { recordAudit } from '../audit/record';
import { NOT_FOUND, stale, type Refusal, type WriteResult } from '../infra/write-result';
import {
	LIFECYCLE_NEXT,
	type DecisionForm,
	type LifecycleForm,
	type OverrideForm,
	type RecommendationForm
} from '../../schemas/register';
import { diffFields, isUniqueViolation, refused, type Actor } from './concurrency';
import { changesSince } from '../audit/audit-events';
import { lockProgramme } from './programmes';

/**
 * Writes to a recommendation itself: create, its fields, lifecycle, decision and status override.
 * Each is scoped to the actor's organisation, carries the version the editor saw (stale with what
 * others changed since), and records its audit event in the caller's transaction.
 */

const RECOMMENDATION_EDITS = [
	'recommendation.updated',
	'recommendation.lifecycle_changed',
	'recommendation.decision_changed',
	'recommendation.override_changed'
] as const;

/** Locks a recommendation of the organisation for the rest of the transaction (every field); undefined when not there. */
export function lockRecommendation(trx: Db, organisationId: number, id: number) {
	return trx
		.selectFrom('recommendation')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockRecommendation>>>;

async function staleRecommendation(trx: Db, organisationId: number, before: Locked, version: number): Promise<Refusal> {
	return stale(
		{ ...before },
		await changesSince(trx, organisationId, 'recommendation', before.id, RECOMMENDATION_EDITS, version)
	);
}

/** Checks the programme (of the organisation, not archived), the theme (of that programme) and the number (free in it). */
async function checkPlacement(
	trx: Db,
	organisationId: number,
	form: RecommendationForm,
	exceptId?: number
): Promise<Refusal | null> {
	const programme = await lockProgramme(trx, organisationId, form.programmeId);
	if (!programme) return refused('programmeId', 'programme_unknown');
	// An archived programme takes no new recommendations (its own can still be corrected in place).
	if (
		programme.archivedAt &&
		(exceptId === undefined ||
			!(await trx
				.selectFrom('recommendation')
				.select('id')
				.where('id', '=', exceptId)
				.where('programmeId', '=', form.programmeId)
				.executeTakeFirst()))
	) {
		return refused('programmeId', 'programme_archived');
	}
	if (form.themeId !== null) {
		const theme = await trx
			.selectFrom('theme')
			.select('id')
			.where('id', '=', form.themeId)
			.where('programmeId', '=', form.programmeId)
			.executeTakeFirst();
		if (!theme) return refused('themeId', 'theme_not_in_programme');
	}
	let taken = trx
		.selectFrom('recommendation')
		.select('id')
		.where('programmeId', '=', form.programmeId)
		.where('number', '=', form.number);
	if (exceptId !== undefined) taken = taken.where('id', '!=', exceptId);
	if (await taken.executeTakeFirst()) return refused('number', 'number_taken');
	return null;
}

/** A concurrent writer took the number between the check and the write: the same refusal as the check's. */
async function numberRace(work: () => Promise<WriteResult<{ id: number }>>): Promise<WriteResult<{ id: number }>> {
	try {
		return await work();
	} catch (error) {
		if (isUniqueViolation(error)) return refused('number', 'number_taken');
		throw error;
	}
}

/** A new recommendation in a programme, proposed until adopted. */
export function createRecommendation(
	trx: Db,
	actor: Actor,
	form: RecommendationForm
): Promise<WriteResult<{ id: number }>> {
	return numberRace(async () => {
		const problem = await checkPlacement(trx, actor.organisationId, form);
		if (problem) return problem;
		const { id } = await trx
			.insertInto('recommendation')
			.values({ ...form, organisationId: actor.organisationId })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			organisationId: actor.organisationId,
			actorUserId: actor.id,
			action: 'recommendation.created',
			entityType: 'recommendation',
			entityId: id,
			after: { ...form, version: 1 }
		});
		return { kind: 'ok', change: 'created', id };
	});
}

/** Saves the recommendation's fields if it still has `version`; only the changed fields are audited. */
export function updateRecommendation(
	trx: Db,
	actor: Actor,
	id: number,
	form: RecommendationForm,
	version: number
): Promise<WriteResult<{ id: number }>> {
	return numberRace(async () => {
		const before = await lockRecommendation(trx, actor.organisationId, id);
		if (!before) return NOT_FOUND;
		if (before.version !== version) return staleRecommendation(trx, actor.organisationId, before, version);
		const problem = await checkPlacement(trx, actor.organisationId, form, id);
		if (problem) return problem;
		const diff = diffFields(before, form);
		if (!diff) return { kind: 'ok', change: 'unchanged', id };
		await trx
			.updateTable('recommendation')
			.set({ ...form, version: version + 1, updatedAt: new Date() })
			.where('id', '=', id)
			.execute();
		await recordAudit(trx, {
			organisationId: actor.organisationId,
			actorUserId: actor.id,
			action: 'recommendation.updated',
			entityType: 'recommendation',
			entityId: id,
			before: diff.before,
			after: { ...diff.after, version: version + 1 }
		});
		return { kind: 'ok', change: 'updated', id };
	});
}

/** Moves the lifecycle one allowed step, dated, with the decision at adoption and a reason for pause/drop. */
export async function changeLifecycle(
	trx: Db,
	actor: Actor,
	id: number,
	form: LifecycleForm
): Promise<WriteResult<{ id: number }>> {
	const before = await lockRecommendation(trx, actor.organisationId, id);
	if (!before) return NOT_FOUND;
	if (before.version !== form.version) return staleRecommendation(trx, actor.organisationId, before, form.version);
	if (!LIFECYCLE_NEXT[before.lifecycle].includes(form.lifecycle)) return refused('lifecycle', 'lifecycle_not_allowed');
	const reason = form.lifecycle === 'paused' || form.lifecycle === 'dropped' ? form.reason : '';
	const changes = {
		lifecycle: form.lifecycle as Lifecycle,
		lifecycleChangedOn: form.changedOn,
		lifecycleReason: reason,
		...(form.decision
			? { ...form.decision, dissentText: form.decision.decisionKind === 'dissent' ? form.decision.dissentText : '' }
			: {}),
		// Re-proposing a dropped recommendation starts over: it needs a new decision.
		...(form.lifecycle === 'proposed'
			? { decisionDate: null, decisionBody: '', decisionKind: null, dissentText: '' }
			: {})
	};
	const diff = diffFields(before, changes);
	await trx
		.updateTable('recommendation')
		.set({ ...changes, version: form.version + 1, updatedAt: new Date() })
		.where('id', '=', id)
		.execute();
	await trx
		.insertInto('recommendationLifecycleEvent')
		.values({
			organisationId: actor.organisationId,
			recommendationId: id,
			fromLifecycle: before.lifecycle,
			toLifecycle: form.lifecycle,
			changedOn: form.changedOn,
			reason: form.reason,
			changedBy: actor.id
		})
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'recommendation.lifecycle_changed',
		entityType: 'recommendation',
		entityId: id,
		before: diff?.before ?? {},
		after: { ...(diff?.after ?? {}), version: form.version + 1 }
	});
	return { kind: 'ok', change: 'updated', id };
}

/** Corrects the decision record of an adopted (or later) recommendation. */
export async function updateDecision(
	trx: Db,
	actor: Actor,
	id: number,
	form: DecisionForm
): Promise<WriteResult<{ id: number }>> {
	const before = await lockRecommendation(trx, actor.organisationId, id);
	if (!before) return NOT_FOUND;
	if (before.version !== form.version) return staleRecommendation(trx, actor.organisationId, before, form.version);
	if (before.decisionDate === null) return refused('decisionDate', 'not_adopted');
	const changes = {
		decisionDate: form.decisionDate,
		decisionBody: form.decisionBody,
		decisionKind: form.decisionKind,
		dissentText: form.decisionKind === 'dissent' ? form.dissentText : ''
	};
	const diff = diffFields(before, changes);
	if (!diff) return { kind: 'ok', change: 'unchanged', id };
	await trx
		.updateTable('recommendation')
		.set({ ...changes, version: form.version + 1, updatedAt: new Date() })
		.where('id', '=', id)
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'recommendation.decision_changed',
		entityType: 'recommendation',
		entityId: id,
		before: diff.before,
		after: { ...diff.after, version: form.version + 1 }
	});
	return { kind: 'ok', change: 'updated', id };
}

/** Sets or removes a director's status override (status and written reason). */
export async function setStatusOverride(
	trx: Db,
	actor: Actor,
	id: number,
	form: OverrideForm
): Promise<WriteResult<{ id: number }>> {
	const before = await lockRecommendation(trx, actor.organisationId, id);
	if (!before) return NOT_FOUND;
	if (before.version !== form.version) return staleRecommendation(trx, actor.organisationId, before, form.version);
	const changes =
		form.status === ''
			? { statusOverride: null, statusOverrideReason: '', statusOverrideBy: null, statusOverrideAt: null }
			: {
					statusOverride: form.status,
					statusOverrideReason: form.reason,
					statusOverrideBy: actor.id,
					statusOverrideAt: new Date()
				};
	const diff = diffFields(before, {
		statusOverride: changes.statusOverride,
		statusOverrideReason: changes.statusOverrideReason
	});
	if (!diff) return { kind: 'ok', change: 'unchanged', id };
	await trx
		.updateTable('recommendation')
		.set({ ...changes, version: form.version + 1, updatedAt: new Date() })
		.where('id', '=', id)
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'recommendation.override_changed',
		entityType: 'recommendation',
		entityId: id,
		before: diff.before,
		after: { ...diff.after, version: form.version + 1 }
	});
	return { kind: 'ok', change: 'updated', id };
}

/** The lifecycle changes of a recommendation, oldest first. */
export function listLifecycleEvents(db: Db, organisationId: number, recommendationId: number) {
	return db
		.selectFrom('recommendationLifecycleEvent as e')
		.leftJoin('appUser as u', 'u.id', 'e.changedBy')
		.where('e.organisationId', '=', organisationId)
		.where('e.recommendationId', '=', recommendationId)
		.select(['e.id', 'e.fromLifecycle', 'e.toLifecycle', 'e.changedOn', 'e.reason', 'u.name as changedByName'])
		.orderBy('e.changedOn')
		.orderBy('e.id')
		.execute();
}
