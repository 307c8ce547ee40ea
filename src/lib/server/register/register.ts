import { rolesFor } from '../../domain/policy';
import type { Db } from '../infra/db';
import type { Lifecycle } from '../../../../db/types';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit/record';
import {
	LIFECYCLE_NEXT,
	type BudgetActualForm,
	type BudgetLineForm,
	type DecisionForm,
	type FollowUpItemForm,
	type LifecycleForm,
	type OverrideForm,
	type ProgrammeForm,
	type RecommendationForm,
	type ThemeForm
} from '../../schemas/register';

/**
 * Writes to the register: programmes, themes, recommendations and what hangs on them (lifecycle,
 * decision, override, assignments, budget lines, actual spend, follow-up items). Every write:
 * - runs in one transaction with its audit event, so both land or neither;
 * - is scoped to the actor's organisation (another organisation's row is "not found");
 * - carries the version the editor saw and is refused as stale when the row has moved on, with what
 *   changed since, so nothing anyone saved is overwritten unseen.
 * Changes to a recommendation's budget and follow-up items are audited on the recommendation, so its
 * page shows one history.
 */

type Actor = Pick<SessionUser, 'id' | 'organisationId'>;

/** A field someone else changed while the editor had the form open. */
export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
	by: string;
	at: Date;
}

export type WriteResult<T = { id: number }> =
	| ({ kind: 'ok' } & T)
	| { kind: 'not_found' }
	| { kind: 'stale'; changes: FieldChange[]; current: Record<string, unknown> | null }
	| { kind: 'invalid'; field: string; reason: InvalidReason };

export type InvalidReason =
	| 'name_taken'
	| 'number_taken'
	| 'theme_not_in_programme'
	| 'programme_archived'
	| 'programme_unknown'
	| 'lifecycle_not_allowed'
	| 'not_adopted'
	| 'theme_in_use'
	| 'year_taken'
	| 'not_project_lead';

const invalid = (field: string, reason: InvalidReason) => ({ kind: 'invalid', field, reason }) as const;
const NOT_FOUND = { kind: 'not_found' } as const;

/** The fields of `after` whose value differs from `before` (by JSON value), as two partial objects. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
	const b: Partial<T> = {};
	const a: Partial<T> = {};
	for (const key of Object.keys(after) as (keyof T)[]) {
		if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
			b[key] = before[key];
			a[key] = after[key];
		}
	}
	return Object.keys(a).length ? { before: b, after: a } : null;
}

/**
 * What others changed on an entity after `version`: the field changes of its audited updates whose
 * `after.version` is newer, oldest first (for the conflict message).
 */
export async function changesSince(db: Db, organisationId: number, entityType: string, entityId: number, actions: readonly string[], version: number): Promise<FieldChange[]> {
	const events = await db
		.selectFrom('auditEvent as a')
		.leftJoin('appUser as u', 'u.id', 'a.actorUserId')
		.where('a.organisationId', '=', organisationId)
		.where('a.entityType', '=', entityType)
		.where('a.entityId', '=', String(entityId))
		.where('a.action', 'in', [...actions])
		.select(['a.occurredAt', 'a.before', 'a.after', 'a.actorLabel', 'u.name as actorName'])
		.orderBy('a.id', 'desc')
		.limit(50)
		.execute();
	const changes: FieldChange[] = [];
	for (const event of events.reverse()) {
		const after = (event.after ?? {}) as Record<string, unknown>;
		const before = (event.before ?? {}) as Record<string, unknown>;
		if (typeof after.version !== 'number' || after.version <= version) continue;
		for (const field of Object.keys(after)) {
			if (field === 'version') continue;
			changes.push({ field, before: before[field] ?? null, after: after[field], by: event.actorName ?? event.actorLabel, at: event.occurredAt });
		}
	}
	return changes;
}

function isUniqueViolation(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

// ——— Programmes and themes ———————————————————————————————————————————————————————————————

/** The organisation's programmes (archived ones last) with how many themes and recommendations each has. */
export function listProgrammes(db: Db, organisationId: number) {
	return db
		.selectFrom('programme as p')
		.where('p.organisationId', '=', organisationId)
		.select((eb) => [
			'p.id',
			'p.name',
			'p.body',
			'p.adoptedOn',
			'p.archivedAt',
			'p.version',
			eb.selectFrom('theme as t').whereRef('t.programmeId', '=', 'p.id').select(eb.fn.countAll<number>().as('n')).as('themeCount'),
			eb.selectFrom('recommendation as r').whereRef('r.programmeId', '=', 'p.id').select(eb.fn.countAll<number>().as('n')).as('recommendationCount')
		])
		.orderBy((eb) => eb.case().when('p.archivedAt', 'is', null).then(0).else(1).end())
		.orderBy('p.id')
		.execute();
}

export function findProgramme(db: Db, organisationId: number, id: number) {
	return db.selectFrom('programme').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** A programme's themes in their order. */
export function listThemes(db: Db, organisationId: number, programmeId?: number) {
	let query = db.selectFrom('theme').select(['id', 'programmeId', 'name', 'description', 'position', 'version']).where('organisationId', '=', organisationId);
	if (programmeId !== undefined) query = query.where('programmeId', '=', programmeId);
	return query.orderBy('programmeId').orderBy('position').orderBy('id').execute();
}

async function programmeNameTaken(db: Db, organisationId: number, name: string, exceptId?: number) {
	let query = db.selectFrom('programme').select('id').where('organisationId', '=', organisationId).where('name', '=', name);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

export async function createProgramme(db: Db, actor: Actor, form: ProgrammeForm): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		if (await programmeNameTaken(trx, actor.organisationId, form.name)) return invalid('name', 'name_taken');
		const { id } = await trx.insertInto('programme').values({ ...form, organisationId: actor.organisationId }).returning('id').executeTakeFirstOrThrow();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'programme.created', entityType: 'programme', entityId: id, after: { ...form, version: 1 } });
		return { kind: 'ok', id };
	});
}

export async function updateProgramme(db: Db, actor: Actor, id: number, form: ProgrammeForm, version: number): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('programme').selectAll().where('organisationId', '=', actor.organisationId).where('id', '=', id).forUpdate().executeTakeFirst();
		if (!before) return NOT_FOUND;
		if (before.version !== version) {
			return { kind: 'stale', changes: await changesSince(trx, actor.organisationId, 'programme', id, ['programme.updated'], version), current: { ...before } };
		}
		if (await programmeNameTaken(trx, actor.organisationId, form.name, id)) return invalid('name', 'name_taken');
		const diff = diffFields(before, form);
		if (!diff) return { kind: 'ok', id };
		await trx.updateTable('programme').set({ ...form, version: version + 1, updatedAt: new Date() }).where('id', '=', id).execute();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'programme.updated', entityType: 'programme', entityId: id, before: diff.before, after: { ...diff.after, version: version + 1 } });
		return { kind: 'ok', id };
	});
}

/** Archives (or restores) a programme: it leaves the overview and lists but stays whole, exportable and restorable. */
export async function setProgrammeArchived(db: Db, actor: Actor, id: number, archived: boolean, version: number): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('programme').select(['id', 'version', 'archivedAt']).where('organisationId', '=', actor.organisationId).where('id', '=', id).forUpdate().executeTakeFirst();
		if (!before) return NOT_FOUND;
		if (before.version !== version) return { kind: 'stale', changes: await changesSince(trx, actor.organisationId, 'programme', id, ['programme.updated', 'programme.archived', 'programme.restored'], version), current: null };
		const archivedAt = archived ? new Date() : null;
		await trx.updateTable('programme').set({ archivedAt, version: version + 1, updatedAt: new Date() }).where('id', '=', id).execute();
		// Its recommendations follow it out of (and back into) the overview.
		await trx.updateTable('recommendation').set({ archivedAt }).where('programmeId', '=', id).execute();
		await recordAudit(trx, {
			organisationId: actor.organisationId,
			actorUserId: actor.id,
			action: archived ? 'programme.archived' : 'programme.restored',
			entityType: 'programme',
			entityId: id,
			before: { archived: before.archivedAt !== null },
			after: { archived, version: version + 1 }
		});
		return { kind: 'ok', id };
	});
}

async function lockProgramme(trx: Db, organisationId: number, programmeId: number) {
	return trx.selectFrom('programme').select(['id', 'archivedAt']).where('organisationId', '=', organisationId).where('id', '=', programmeId).forUpdate().executeTakeFirst();
}

export async function createTheme(db: Db, actor: Actor, programmeId: number, form: ThemeForm): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		if (!(await lockProgramme(trx, actor.organisationId, programmeId))) return NOT_FOUND;
		const taken = await trx.selectFrom('theme').select('id').where('programmeId', '=', programmeId).where('name', '=', form.name).executeTakeFirst();
		if (taken) return invalid('name', 'name_taken');
		const last = await trx.selectFrom('theme').select((eb) => eb.fn.max<number>('position').as('p')).where('programmeId', '=', programmeId).executeTakeFirst();
		const position = (last?.p ?? 0) + 1;
		const { id } = await trx
			.insertInto('theme')
			.values({ ...form, programmeId, organisationId: actor.organisationId, position })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'theme.created', entityType: 'programme', entityId: programmeId, after: { themeId: id, ...form, position } });
		return { kind: 'ok', id };
	});
}

export async function updateTheme(db: Db, actor: Actor, themeId: number, form: ThemeForm, version: number): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('theme').selectAll().where('organisationId', '=', actor.organisationId).where('id', '=', themeId).forUpdate().executeTakeFirst();
		if (!before) return NOT_FOUND;
		if (before.version !== version) return { kind: 'stale', changes: [], current: { name: before.name, description: before.description } };
		const taken = await trx.selectFrom('theme').select('id').where('programmeId', '=', before.programmeId).where('name', '=', form.name).where('id', '!=', themeId).executeTakeFirst();
		if (taken) return invalid('name', 'name_taken');
		const diff = diffFields(before, form);
		if (!diff) return { kind: 'ok', id: themeId };
		await trx.updateTable('theme').set({ ...form, version: version + 1, updatedAt: new Date() }).where('id', '=', themeId).execute();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'theme.updated', entityType: 'programme', entityId: before.programmeId, before: { themeId, ...diff.before }, after: { themeId, ...diff.after } });
		return { kind: 'ok', id: themeId };
	});
}

/** Moves a theme one place up or down in its programme's order. */
export async function moveTheme(db: Db, actor: Actor, themeId: number, direction: 'up' | 'down'): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		const theme = await trx.selectFrom('theme').select(['id', 'programmeId']).where('organisationId', '=', actor.organisationId).where('id', '=', themeId).executeTakeFirst();
		if (!theme) return NOT_FOUND;
		await lockProgramme(trx, actor.organisationId, theme.programmeId);
		const themes = await trx.selectFrom('theme').select(['id', 'position']).where('programmeId', '=', theme.programmeId).orderBy('position').orderBy('id').execute();
		const index = themes.findIndex((t) => t.id === themeId);
		const other = direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= themes.length) return { kind: 'ok', id: themeId };
		[themes[index], themes[other]] = [themes[other], themes[index]];
		for (const [i, t] of themes.entries()) {
			if (t.position !== i + 1) await trx.updateTable('theme').set({ position: i + 1 }).where('id', '=', t.id).execute();
		}
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'theme.moved', entityType: 'programme', entityId: theme.programmeId, after: { themeId, order: themes.map((t) => t.id) } });
		return { kind: 'ok', id: themeId };
	});
}

/** Deletes a theme no recommendation uses. */
export async function deleteTheme(db: Db, actor: Actor, themeId: number, version: number): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('theme').selectAll().where('organisationId', '=', actor.organisationId).where('id', '=', themeId).forUpdate().executeTakeFirst();
		if (!before) return NOT_FOUND;
		if (before.version !== version) return { kind: 'stale', changes: [], current: { name: before.name, description: before.description } };
		const used = await trx.selectFrom('recommendation').select('id').where('themeId', '=', themeId).executeTakeFirst();
		if (used) return invalid('theme', 'theme_in_use');
		await trx.deleteFrom('theme').where('id', '=', themeId).execute();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'theme.deleted', entityType: 'programme', entityId: before.programmeId, before: { themeId, name: before.name } });
		return { kind: 'ok', id: themeId };
	});
}

// ——— Recommendations ————————————————————————————————————————————————————————————————————

const RECOMMENDATION_EDITS = ['recommendation.updated', 'recommendation.lifecycle_changed', 'recommendation.decision_changed', 'recommendation.override_changed'] as const;

async function lockRecommendation(trx: Db, organisationId: number, id: number) {
	return trx.selectFrom('recommendation').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).forUpdate().executeTakeFirst();
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockRecommendation>>>;

async function staleRecommendation(trx: Db, organisationId: number, before: Locked, version: number) {
	return { kind: 'stale', changes: await changesSince(trx, organisationId, 'recommendation', before.id, RECOMMENDATION_EDITS, version), current: { ...before } } as const;
}

/** Checks the programme (of the organisation, not archived), the theme (of that programme) and the number (free in it). */
async function checkPlacement(trx: Db, organisationId: number, form: RecommendationForm, exceptId?: number) {
	const programme = await lockProgramme(trx, organisationId, form.programmeId);
	if (!programme) return invalid('programmeId', 'programme_unknown');
	// An archived programme takes no new recommendations (its own can still be corrected in place).
	if (programme.archivedAt && (exceptId === undefined || !(await trx.selectFrom('recommendation').select('id').where('id', '=', exceptId).where('programmeId', '=', form.programmeId).executeTakeFirst()))) {
		return invalid('programmeId', 'programme_archived');
	}
	if (form.themeId !== null) {
		const theme = await trx.selectFrom('theme').select('id').where('id', '=', form.themeId).where('programmeId', '=', form.programmeId).executeTakeFirst();
		if (!theme) return invalid('themeId', 'theme_not_in_programme');
	}
	let taken = trx.selectFrom('recommendation').select('id').where('programmeId', '=', form.programmeId).where('number', '=', form.number);
	if (exceptId !== undefined) taken = taken.where('id', '!=', exceptId);
	if (await taken.executeTakeFirst()) return invalid('number', 'number_taken');
	return null;
}

/** A new recommendation in a programme, proposed until adopted. */
export async function createRecommendation(db: Db, actor: Actor, form: RecommendationForm): Promise<WriteResult> {
	try {
		return await db.transaction().execute(async (trx) => {
			const problem = await checkPlacement(trx, actor.organisationId, form);
			if (problem) return problem;
			const { id } = await trx.insertInto('recommendation').values({ ...form, organisationId: actor.organisationId }).returning('id').executeTakeFirstOrThrow();
			await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'recommendation.created', entityType: 'recommendation', entityId: id, after: { ...form, version: 1 } });
			return { kind: 'ok', id };
		});
	} catch (error) {
		if (isUniqueViolation(error)) return invalid('number', 'number_taken');
		throw error;
	}
}

/** Saves the recommendation's fields if it still has `version`; only the changed fields are audited. */
export async function updateRecommendation(db: Db, actor: Actor, id: number, form: RecommendationForm, version: number): Promise<WriteResult> {
	try {
		return await db.transaction().execute(async (trx) => {
			const before = await lockRecommendation(trx, actor.organisationId, id);
			if (!before) return NOT_FOUND;
			if (before.version !== version) return staleRecommendation(trx, actor.organisationId, before, version);
			const problem = await checkPlacement(trx, actor.organisationId, form, id);
			if (problem) return problem;
			const diff = diffFields(before, form);
			if (!diff) return { kind: 'ok', id };
			await trx.updateTable('recommendation').set({ ...form, version: version + 1, updatedAt: new Date() }).where('id', '=', id).execute();
			await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'recommendation.updated', entityType: 'recommendation', entityId: id, before: diff.before, after: { ...diff.after, version: version + 1 } });
			return { kind: 'ok', id };
		});
	} catch (error) {
		if (isUniqueViolation(error)) return invalid('number', 'number_taken');
		throw error;
	}
}

/** Moves the lifecycle one allowed step, dated, with the decision at adoption and a reason for pause/drop. */
export async function changeLifecycle(db: Db, actor: Actor, id: number, form: LifecycleForm): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		const before = await lockRecommendation(trx, actor.organisationId, id);
		if (!before) return NOT_FOUND;
		if (before.version !== form.version) return staleRecommendation(trx, actor.organisationId, before, form.version);
		if (!LIFECYCLE_NEXT[before.lifecycle].includes(form.lifecycle)) return invalid('lifecycle', 'lifecycle_not_allowed');
		const reason = form.lifecycle === 'paused' || form.lifecycle === 'dropped' ? form.reason : '';
		const changes = {
			lifecycle: form.lifecycle as Lifecycle,
			lifecycleChangedOn: form.changedOn,
			lifecycleReason: reason,
			...(form.decision ? { ...form.decision, dissentText: form.decision.decisionKind === 'dissent' ? form.decision.dissentText : '' } : {}),
			// Re-proposing a dropped recommendation starts over: it needs a new decision.
			...(form.lifecycle === 'proposed' ? { decisionDate: null, decisionBody: '', decisionKind: null, dissentText: '' } : {})
		};
		const diff = diffFields(before, changes);
		await trx.updateTable('recommendation').set({ ...changes, version: form.version + 1, updatedAt: new Date() }).where('id', '=', id).execute();
		await trx
			.insertInto('recommendationLifecycleEvent')
			.values({ organisationId: actor.organisationId, recommendationId: id, fromLifecycle: before.lifecycle, toLifecycle: form.lifecycle, changedOn: form.changedOn, reason: form.reason, changedBy: actor.id })
			.execute();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'recommendation.lifecycle_changed', entityType: 'recommendation', entityId: id, before: diff?.before ?? {}, after: { ...(diff?.after ?? {}), version: form.version + 1 } });
		return { kind: 'ok', id };
	});
}

/** Corrects the decision record of an adopted (or later) recommendation. */
export async function updateDecision(db: Db, actor: Actor, id: number, form: DecisionForm): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		const before = await lockRecommendation(trx, actor.organisationId, id);
		if (!before) return NOT_FOUND;
		if (before.version !== form.version) return staleRecommendation(trx, actor.organisationId, before, form.version);
		if (before.decisionDate === null) return invalid('decisionDate', 'not_adopted');
		const changes = {
			decisionDate: form.decisionDate,
			decisionBody: form.decisionBody,
			decisionKind: form.decisionKind,
			dissentText: form.decisionKind === 'dissent' ? form.dissentText : ''
		};
		const diff = diffFields(before, changes);
		if (!diff) return { kind: 'ok', id };
		await trx.updateTable('recommendation').set({ ...changes, version: form.version + 1, updatedAt: new Date() }).where('id', '=', id).execute();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'recommendation.decision_changed', entityType: 'recommendation', entityId: id, before: diff.before, after: { ...diff.after, version: form.version + 1 } });
		return { kind: 'ok', id };
	});
}

/** Sets or removes a director's status override (status and written reason). */
export async function setStatusOverride(db: Db, actor: Actor, id: number, form: OverrideForm): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		const before = await lockRecommendation(trx, actor.organisationId, id);
		if (!before) return NOT_FOUND;
		if (before.version !== form.version) return staleRecommendation(trx, actor.organisationId, before, form.version);
		const changes =
			form.status === ''
				? { statusOverride: null, statusOverrideReason: '', statusOverrideBy: null, statusOverrideAt: null }
				: { statusOverride: form.status, statusOverrideReason: form.reason, statusOverrideBy: actor.id, statusOverrideAt: new Date() };
		const diff = diffFields(before, { statusOverride: changes.statusOverride, statusOverrideReason: changes.statusOverrideReason });
		if (!diff) return { kind: 'ok', id };
		await trx.updateTable('recommendation').set({ ...changes, version: form.version + 1, updatedAt: new Date() }).where('id', '=', id).execute();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'recommendation.override_changed', entityType: 'recommendation', entityId: id, before: diff.before, after: { ...diff.after, version: form.version + 1 } });
		return { kind: 'ok', id };
	});
}

/** The project leads of the organisation, with whether each is assigned to the recommendation. */
export async function listAssignableLeads(db: Db, organisationId: number, recommendationId: number) {
	const [leads, assigned] = await Promise.all([
		db.selectFrom('appUser').select(['id', 'name', 'email']).where('organisationId', '=', organisationId).where('role', 'in', rolesFor('values.assignee')).where('disabledAt', 'is', null).orderBy('name').execute(),
		db.selectFrom('recommendationAssignment').select('userId').where('recommendationId', '=', recommendationId).where('organisationId', '=', organisationId).execute()
	]);
	const ids = new Set(assigned.map((a) => a.userId));
	return leads.map((lead) => ({ ...lead, assigned: ids.has(lead.id) }));
}

/** Replaces the project leads assigned to a recommendation (only active project leads of the organisation). */
export async function setAssignments(db: Db, actor: Actor, recommendationId: number, userIds: readonly number[]): Promise<WriteResult> {
	return db.transaction().execute(async (trx) => {
		if (!(await lockRecommendation(trx, actor.organisationId, recommendationId))) return NOT_FOUND;
		const wanted = [...new Set(userIds)];
		if (wanted.length) {
			const leads = await trx.selectFrom('appUser').select('id').where('organisationId', '=', actor.organisationId).where('role', 'in', rolesFor('values.assignee')).where('id', 'in', wanted).execute();
			if (leads.length !== wanted.length) return invalid('userId', 'not_project_lead');
		}
		const before = (await trx.selectFrom('recommendationAssignment').select('userId').where('recommendationId', '=', recommendationId).execute()).map((a) => a.userId).sort((a, b) => a - b);
		const after = [...wanted].sort((a, b) => a - b);
		if (JSON.stringify(before) === JSON.stringify(after)) return { kind: 'ok', id: recommendationId };
		await trx.deleteFrom('recommendationAssignment').where('recommendationId', '=', recommendationId).execute();
		if (after.length) await trx.insertInto('recommendationAssignment').values(after.map((userId) => ({ organisationId: actor.organisationId, recommendationId, userId }))).execute();
		await recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: 'recommendation.assignments_changed', entityType: 'recommendation', entityId: recommendationId, before: { assigned: before }, after: { assigned: after } });
		return { kind: 'ok', id: recommendationId };
	});
}

// ——— Budget lines and actual spend ——————————————————————————————————————————————————————

type SubRowTable = 'budgetLine' | 'budgetActual' | 'followUpItem';
const SUB_ROW_AUDIT: Record<SubRowTable, string> = { budgetLine: 'budget_line', budgetActual: 'budget_actual', followUpItem: 'follow_up_item' };

/**
 * Adds, updates or deletes one row that belongs to a recommendation, with the version check and the
 * audit event on the recommendation. `values` null deletes.
 */
async function writeSubRow<T extends Record<string, unknown>>(
	db: Db,
	actor: Actor,
	table: SubRowTable,
	recommendationId: number,
	row: { id: number; version: number } | null,
	values: T | null
): Promise<WriteResult> {
	try {
		return await db.transaction().execute(async (trx) => {
			if (!(await lockRecommendation(trx, actor.organisationId, recommendationId))) return NOT_FOUND;
			const name = SUB_ROW_AUDIT[table];
			const audit = (action: string, before: unknown, after: unknown, id: number) =>
				recordAudit(trx, { organisationId: actor.organisationId, actorUserId: actor.id, action: `recommendation.${name}_${action}`, entityType: 'recommendation', entityId: recommendationId, before, after: after === undefined ? undefined : { [`${name}Id`]: id, ...(after as object) } });
			if (row === null) {
				if (!values) return NOT_FOUND;
				const { id } = await trx
					.insertInto(table)
					.values({ ...values, organisationId: actor.organisationId, recommendationId } as never)
					.returning('id')
					.executeTakeFirstOrThrow();
				await audit('added', undefined, values, id);
				return { kind: 'ok', id };
			}
			const before = (await trx
				.selectFrom(table)
				.selectAll()
				.where('id', '=', row.id)
				.where('recommendationId', '=', recommendationId)
				.where('organisationId', '=', actor.organisationId)
				.forUpdate()
				.executeTakeFirst()) as (Record<string, unknown> & { version: number }) | undefined;
			if (!before) return { kind: 'stale', changes: [], current: null };
			if (before.version !== row.version) return { kind: 'stale', changes: [], current: before };
			if (values === null) {
				await trx.deleteFrom(table).where('id', '=', row.id).execute();
				const { id: _id, organisationId: _o, recommendationId: _r, createdAt: _c, updatedAt: _u, version: _v, ...rest } = before;
				await audit('deleted', { [`${name}Id`]: row.id, ...rest }, undefined, row.id);
				return { kind: 'ok', id: row.id };
			}
			const diff = diffFields(before, values);
			if (!diff) return { kind: 'ok', id: row.id };
			await trx
				.updateTable(table)
				.set({ ...values, version: row.version + 1, updatedAt: new Date() } as never)
				.where('id', '=', row.id)
				.execute();
			await audit('changed', { [`${name}Id`]: row.id, ...diff.before }, diff.after, row.id);
			return { kind: 'ok', id: row.id };
		});
	} catch (error) {
		if (isUniqueViolation(error)) return invalid('year', 'year_taken');
		throw error;
	}
}

export const addBudgetLine = (db: Db, actor: Actor, recommendationId: number, form: BudgetLineForm) => writeSubRow(db, actor, 'budgetLine', recommendationId, null, form);
export const updateBudgetLine = (db: Db, actor: Actor, recommendationId: number, row: { id: number; version: number }, form: BudgetLineForm) =>
	writeSubRow(db, actor, 'budgetLine', recommendationId, row, form);
export const deleteBudgetLine = (db: Db, actor: Actor, recommendationId: number, row: { id: number; version: number }) => writeSubRow(db, actor, 'budgetLine', recommendationId, row, null);

/** Records the actual spend of a year (one row per year: a second one for the same year is refused). */
export const addBudgetActual = (db: Db, actor: Actor, recommendationId: number, form: BudgetActualForm) => writeSubRow(db, actor, 'budgetActual', recommendationId, null, form);
export const updateBudgetActual = (db: Db, actor: Actor, recommendationId: number, row: { id: number; version: number }, form: BudgetActualForm) =>
	writeSubRow(db, actor, 'budgetActual', recommendationId, row, form);
export const deleteBudgetActual = (db: Db, actor: Actor, recommendationId: number, row: { id: number; version: number }) => writeSubRow(db, actor, 'budgetActual', recommendationId, row, null);

// ——— Follow-up items ————————————————————————————————————————————————————————————————————

export async function addFollowUpItem(db: Db, actor: Actor, recommendationId: number, form: FollowUpItemForm): Promise<WriteResult> {
	const last = await db.selectFrom('followUpItem').select((eb) => eb.fn.max<number>('position').as('p')).where('recommendationId', '=', recommendationId).where('organisationId', '=', actor.organisationId).executeTakeFirst();
	return writeSubRow(db, actor, 'followUpItem', recommendationId, null, { ...form, position: (last?.p ?? 0) + 1 });
}
export const updateFollowUpItem = (db: Db, actor: Actor, recommendationId: number, row: { id: number; version: number }, form: FollowUpItemForm) =>
	writeSubRow(db, actor, 'followUpItem', recommendationId, row, form);
export const deleteFollowUpItem = (db: Db, actor: Actor, recommendationId: number, row: { id: number; version: number }) => writeSubRow(db, actor, 'followUpItem', recommendationId, row, null);
/** Only the state of a follow-up item: what an assigned project lead may change. */
export const setFollowUpState = (db: Db, actor: Actor, recommendationId: number, row: { id: number; version: number }, state: FollowUpItemForm['state']) =>
	writeSubRow(db, actor, 'followUpItem', recommendationId, row, { state });

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
