import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { NOT_FOUND, stale, type WriteResult } from '../infra/write-result';
import type { BudgetActualForm, BudgetLineForm, FollowUpItemForm } from '../../schemas/register';
import { diffFields, isUniqueViolation, refused, type Actor } from './concurrency';
import { lockRecommendation } from './recommendation-writes';

/**
 * The rows that hang on a recommendation: budget lines, actual spend per year and follow-up items.
 * One writer adds, updates or deletes any of them with the version check; their changes are audited
 * on the recommendation, so its page shows one history.
 */

type SubRowTable = 'budgetLine' | 'budgetActual' | 'followUpItem';
type RowRef = { id: number; version: number };
const SUB_ROW_AUDIT: Record<SubRowTable, string> = {
	budgetLine: 'budget_line',
	budgetActual: 'budget_actual',
	followUpItem: 'follow_up_item'
};

/**
 * Adds, updates or deletes one row that belongs to a recommendation, with the version check and the
 * audit event on the recommendation. `values` null deletes.
 */
async function writeSubRow<T extends Record<string, unknown>>(
	trx: Db,
	actor: Actor,
	table: SubRowTable,
	recommendationId: number,
	row: RowRef | null,
	values: T | null
): Promise<WriteResult<{ id: number }>> {
	try {
		if (!(await lockRecommendation(trx, actor.organisationId, recommendationId))) return NOT_FOUND;
		const name = SUB_ROW_AUDIT[table];
		const audit = (action: string, before: unknown, after: unknown, id: number) =>
			recordAudit(trx, {
				organisationId: actor.organisationId,
				actorUserId: actor.id,
				action: `recommendation.${name}_${action}`,
				entityType: 'recommendation',
				entityId: recommendationId,
				before,
				after: after === undefined ? undefined : { [`${name}Id`]: id, ...(after as object) }
			});
		if (row === null) {
			if (!values) return NOT_FOUND;
			const { id } = await trx
				.insertInto(table)
				.values({ ...values, organisationId: actor.organisationId, recommendationId } as never)
				.returning('id')
				.executeTakeFirstOrThrow();
			await audit('added', undefined, values, id);
			return { kind: 'ok', change: 'created', id };
		}
		const before = (await trx
			.selectFrom(table)
			.selectAll()
			.where('id', '=', row.id)
			.where('recommendationId', '=', recommendationId)
			.where('organisationId', '=', actor.organisationId)
			.forUpdate()
			.executeTakeFirst()) as (Record<string, unknown> & { version: number }) | undefined;
		if (!before) return stale(null);
		if (before.version !== row.version) return stale(before);
		if (values === null) {
			await trx.deleteFrom(table).where('id', '=', row.id).execute();
			const {
				id: _id,
				organisationId: _o,
				recommendationId: _r,
				createdAt: _c,
				updatedAt: _u,
				version: _v,
				...rest
			} = before;
			await audit('deleted', { [`${name}Id`]: row.id, ...rest }, undefined, row.id);
			return { kind: 'ok', change: 'updated', id: row.id };
		}
		const diff = diffFields(before, values);
		if (!diff) return { kind: 'ok', change: 'unchanged', id: row.id };
		await trx
			.updateTable(table)
			.set({ ...values, version: row.version + 1, updatedAt: new Date() } as never)
			.where('id', '=', row.id)
			.execute();
		await audit('changed', { [`${name}Id`]: row.id, ...diff.before }, diff.after, row.id);
		return { kind: 'ok', change: 'updated', id: row.id };
	} catch (error) {
		// Only actual spend has a unique key (one row per year); the caller's transaction rolls back.
		if (isUniqueViolation(error)) return refused('year', 'year_taken');
		throw error;
	}
}

/** Adds a budget line (allocation for a year) to a recommendation. */
export const addBudgetLine = (trx: Db, actor: Actor, recommendationId: number, form: BudgetLineForm) =>
	writeSubRow(trx, actor, 'budgetLine', recommendationId, null, form);
/** Saves a budget line if it still has the version the editor saw. */
export const updateBudgetLine = (trx: Db, actor: Actor, recommendationId: number, row: RowRef, form: BudgetLineForm) =>
	writeSubRow(trx, actor, 'budgetLine', recommendationId, row, form);
/** Deletes a budget line if it still has the version the editor saw. */
export const deleteBudgetLine = (trx: Db, actor: Actor, recommendationId: number, row: RowRef) =>
	writeSubRow(trx, actor, 'budgetLine', recommendationId, row, null);

/** Records the actual spend of a year (one row per year: a second one for the same year is refused). */
export const addBudgetActual = (trx: Db, actor: Actor, recommendationId: number, form: BudgetActualForm) =>
	writeSubRow(trx, actor, 'budgetActual', recommendationId, null, form);
/** Saves a year's actual spend if it still has the version the editor saw. */
export const updateBudgetActual = (
	trx: Db,
	actor: Actor,
	recommendationId: number,
	row: RowRef,
	form: BudgetActualForm
) => writeSubRow(trx, actor, 'budgetActual', recommendationId, row, form);
/** Deletes a year's actual spend if it still has the version the editor saw. */
export const deleteBudgetActual = (trx: Db, actor: Actor, recommendationId: number, row: RowRef) =>
	writeSubRow(trx, actor, 'budgetActual', recommendationId, row, null);

/** Adds a follow-up item, last in the recommendation's order. */
export async function addFollowUpItem(
	trx: Db,
	actor: Actor,
	recommendationId: number,
	form: FollowUpItemForm
): Promise<WriteResult<{ id: number }>> {
	const last = await trx
		.selectFrom('followUpItem')
		.select((eb) => eb.fn.max<number>('position').as('p'))
		.where('recommendationId', '=', recommendationId)
		.where('organisationId', '=', actor.organisationId)
		.executeTakeFirst();
	return writeSubRow(trx, actor, 'followUpItem', recommendationId, null, { ...form, position: (last?.p ?? 0) + 1 });
}
/** Saves a follow-up item if it still has the version the editor saw. */
export const updateFollowUpItem = (
	trx: Db,
	actor: Actor,
	recommendationId: number,
	row: RowRef,
	form: FollowUpItemForm
) => writeSubRow(trx, actor, 'followUpItem', recommendationId, row, form);
/** Deletes a follow-up item if it still has the version the editor saw. */
export const deleteFollowUpItem = (trx: Db, actor: Actor, recommendationId: number, row: RowRef) =>
	writeSubRow(trx, actor, 'followUpItem', recommendationId, row, null);
/** Only the state of a follow-up item: what an assigned project lead may change. */
export const setFollowUpState = (
	trx: Db,
	actor: Actor,
	recommendationId: number,
	row: RowRef,
	state: FollowUpItemForm['state']
) => writeSubRow(trx, actor, 'followUpItem', recommendationId, row, { state });
