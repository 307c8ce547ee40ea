import { error, type RequestEvent } from '@sveltejs/kit';
import { parseId } from '../../schemas/fields';
import { getDb } from '../infra/db';
import { requireCan } from '../auth/guards';
import type { Action } from '../../domain/policy';
import type { Refusal } from '../infra/write-result';
import { t } from '../messages';
import { describeChanges, describeRow } from './display';
import { findProgramme } from './programmes';
import { findRecommendation } from './recommendations';

/**
 * What the register's pages share: finding the recommendation or programme a page or an edit is about
 * (in the user's organisation, else 404; for the allowed action, else 403), and what a stale edit shows.
 */

/** A path id by the API's strict rule ('01', '1.0', '0x1' are not ids), or 404. */
export function pathId(event: Pick<RequestEvent, 'params'>, name = 'id'): number {
	const id = parseId((event.params as Record<string, string>)[name] ?? '');
	if (id === null) error(404, t('recommendation.not_found'));
	return id;
}

/** The signed-in user allowed `action` and the recommendation of the path (every field, with programme and theme names), or 403/404. */
export async function recommendationTarget(event: RequestEvent, action: Action = 'register.edit') {
	const user = requireCan(event, action);
	const id = pathId(event);
	const db = await getDb();
	const recommendation = await findRecommendation(db, user.organisationId, id);
	if (!recommendation) error(404, t('recommendation.not_found'));
	return { user, db, recommendation };
}

/** The signed-in editor and the programme of the path, or 403/404. */
export async function programmeTarget(event: RequestEvent) {
	const user = requireCan(event, 'register.edit');
	const id = pathId(event);
	const db = await getDb();
	const programme = await findProgramme(db, user.organisationId, id);
	if (!programme) error(404, t('programme.not_found'));
	return { user, db, programme };
}

/** What a register form shows after a stale write: the others' changes, and the row as stored now (`rowFields`, for rows). */
export interface RegisterConflict {
	changes: ReturnType<typeof describeChanges>;
	stored: ReturnType<typeof describeRow>;
}

/**
 * The `conflict` shaper for `formRefusal`: the others' changes in Danish and, for a row, its stored fields.
 * @example return formRefusal(result, { form: 'item-save', values, rowId, conflict: registerConflict(['title', 'state']) });
 */
export function registerConflict(rowFields?: readonly string[]) {
	return (result: Extract<Refusal, { kind: 'stale' }>): RegisterConflict => ({
		changes: describeChanges(result.changes),
		stored: rowFields ? describeRow(result.current, rowFields) : []
	});
}
