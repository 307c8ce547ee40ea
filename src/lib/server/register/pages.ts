import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { pathId as parsePathId } from '../http/api';
import { getDb } from '../infra/db';
import { requireCan } from '../auth/guards';
import type { Action } from '../../domain/policy';
import { t } from '../messages';
import type { WriteResult } from './register';
import { describeChanges, describeRow, invalidMessage } from './display';
import type { FieldErrors } from '../http/forms';

/**
 * What the register's pages share: finding the recommendation or programme an edit is about (in the
 * editor's organisation, else 404; for the allowed roles, else 403), and turning a refused write into
 * the answer a form shows (409 with what changed, 400 with a field message).
 */

/** A path id, or 404. */
export function pathId(event: Pick<RequestEvent, 'params'>, name = 'id'): number {
	const id = parsePathId((event.params as Record<string, string>)[name] ?? '');
	if (id === null) error(404, t('recommendation.not_found'));
	return id;
}

/** The signed-in editor and the recommendation of the path (with every field), or 403/404. */
export async function recommendationTarget(event: RequestEvent, action: Action = 'register.edit') {
	const user = requireCan(event, action);
	const id = pathId(event);
	const db = await getDb();
	const recommendation = await db.selectFrom('recommendation').selectAll().where('organisationId', '=', user.organisationId).where('id', '=', id).executeTakeFirst();
	if (!recommendation) error(404, t('recommendation.not_found'));
	return { user, db, recommendation };
}

/** The signed-in editor and the programme of the path, or 403/404. */
export async function programmeTarget(event: RequestEvent) {
	const user = requireCan(event, 'register.edit');
	const id = pathId(event);
	const db = await getDb();
	const programme = await db.selectFrom('programme').selectAll().where('organisationId', '=', user.organisationId).where('id', '=', id).executeTakeFirst();
	if (!programme) error(404, t('programme.not_found'));
	return { user, db, programme };
}

/**
 * The form answer for a write that did not succeed: 404 when the thing is gone, 409 with the others'
 * changes (or the stored row) when stale, 400 with a field message when refused. `form` names which
 * form on the page it is about; `values` refills it.
 */
export function refusal(result: Exclude<WriteResult, { kind: 'ok' }>, context: { form: string; values?: Record<string, string>; rowFields?: readonly string[]; rowId?: number }) {
	if (result.kind === 'not_found') error(404, t('register.not_found'));
	if (result.kind === 'stale') {
		return fail(409, {
			form: context.form,
			rowId: context.rowId ?? null,
			message: result.current ? t('register.stale') : t('register.stale_deleted'),
			changes: describeChanges(result.changes),
			stored: context.rowFields ? describeRow(result.current, context.rowFields) : [],
			values: context.values ?? {},
			errors: {} as FieldErrors
		});
	}
	return fail(400, {
		form: context.form,
		rowId: context.rowId ?? null,
		message: null,
		changes: [],
		stored: [],
		values: context.values ?? {},
		errors: { [result.field]: invalidMessage(result.reason) } as FieldErrors
	});
}

/** A form refused by its schema: 400 with the field messages and the submitted text. */
export function invalidForm(form: string, errors: FieldErrors, values: Record<string, string>, rowId: number | null = null) {
	return fail(400, { form, rowId, message: null, changes: [], stored: [], values, errors });
}

/** The submitted text values of a form (to refill it after a refusal). */
export function submittedValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData.entries()) if (typeof value === 'string') values[key] = value.slice(0, 25000);
	return values;
}
