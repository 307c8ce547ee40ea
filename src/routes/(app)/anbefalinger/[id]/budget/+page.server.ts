import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireCan } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction, type WriteResult } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { budgetActualFormSchema, budgetLineFormSchema, rowRef } from '$lib/schemas/register';
import {
	addBudgetActual,
	addBudgetLine,
	deleteBudgetActual,
	deleteBudgetLine,
	listBudgetActuals,
	listBudgetLines,
	recommendationTarget,
	registerConflict,
	updateBudgetActual,
	updateBudgetLine
} from '$lib/server/register';
import { formatKr } from '$lib/domain/money';

const LINE_FIELDS = ['year', 'amountKr', 'category', 'funding', 'note'] as const;
const ACTUAL_FIELDS = ['year', 'amountKr', 'note'] as const;

/** Budget lines and actual spend per year: admins and directors (DESIGN §5). */
export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'register.edit');
	const { recommendation: r } = await event.parent();
	const db = await getDb();
	const [lines, actuals] = await Promise.all([
		listBudgetLines(db, user.organisationId, r.id),
		listBudgetActuals(db, user.organisationId, r.id)
	]);
	// Amounts go back into the forms normalised, as Danes write them ("3.600.000 kr.").
	return {
		lines: lines.map((l) => ({ ...l, amountText: formatKr(l.amountKr) })),
		actuals: actuals.map((a) => ({ ...a, amountText: formatKr(a.amountKr) })),
		thisYear: new Date().getFullYear()
	};
};

type Op = 'add' | 'save' | 'delete';

/** One budget action: parse, write, answer (a refusal names the form and the row it is about). */
function budgetAction(kind: 'line' | 'actual', op: Op) {
	return async (event: RequestEvent) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const values = formValues(formData);
		const formName = `${kind}-${op}`;
		let ref: { id: number; version: number } | null = null;
		if (op !== 'add') {
			const parsed = parseForm(rowRef, formData);
			if (!parsed.ok) return invalidForm(formName, parsed.errors, values);
			ref = parsed.data;
		}
		const id = recommendation.id;
		let result: WriteResult<{ id: number }>;
		if (op === 'delete') {
			result = await writeInTransaction(db, (trx) =>
				kind === 'line' ? deleteBudgetLine(trx, user, id, ref!) : deleteBudgetActual(trx, user, id, ref!)
			);
		} else if (kind === 'line') {
			const form = parseForm(budgetLineFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values, ref?.id ?? null);
			result = await writeInTransaction(db, (trx) =>
				ref ? updateBudgetLine(trx, user, id, ref, form.data) : addBudgetLine(trx, user, id, form.data)
			);
		} else {
			const form = parseForm(budgetActualFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values, ref?.id ?? null);
			result = await writeInTransaction(db, (trx) =>
				ref ? updateBudgetActual(trx, user, id, ref, form.data) : addBudgetActual(trx, user, id, form.data)
			);
		}
		if (result.kind !== 'ok')
			return formRefusal(result, {
				form: formName,
				values,
				rowId: ref?.id,
				conflict: registerConflict(kind === 'line' ? LINE_FIELDS : ACTUAL_FIELDS)
			});
		redirect(303, `/anbefalinger/${recommendation.id}/budget?gemt=${formName}`);
	};
}

export const actions: Actions = {
	addLine: budgetAction('line', 'add'),
	saveLine: budgetAction('line', 'save'),
	deleteLine: budgetAction('line', 'delete'),
	addActual: budgetAction('actual', 'add'),
	saveActual: budgetAction('actual', 'save'),
	deleteActual: budgetAction('actual', 'delete')
};
