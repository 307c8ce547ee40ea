import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { parseForm } from '$lib/server/http/forms';
import { budgetActualFormSchema, budgetLineFormSchema, rowRef } from '$lib/schemas/register';
import {
	addBudgetActual,
	addBudgetLine,
	deleteBudgetActual,
	deleteBudgetLine,
	updateBudgetActual,
	updateBudgetLine,
	type WriteResult
} from '$lib/server/register/register';
import { listBudgetActuals, listBudgetLines } from '$lib/server/register/recommendations';
import { invalidForm, recommendationTarget, refusal, submittedValues } from '$lib/server/register/pages';
import { formatKr } from '$lib/domain/money';

const LINE_FIELDS = ['year', 'amountKr', 'category', 'funding', 'note'] as const;
const ACTUAL_FIELDS = ['year', 'amountKr', 'note'] as const;

/** Budget lines and actual spend per year: admins and directors (DESIGN §5). */
export const load: PageServerLoad = async (event) => {
	const { user, db, recommendation: r } = await recommendationTarget(event);
	const [lines, actuals] = await Promise.all([listBudgetLines(db, user.organisationId, r.id), listBudgetActuals(db, user.organisationId, r.id)]);
	// Amounts go back into the forms normalised, as Danes write them ("3.600.000 kr.").
	return {
		recommendation: { id: r.id, number: r.number, title: r.title },
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
		const values = submittedValues(formData);
		const formName = `${kind}-${op}`;
		let ref: { id: number; version: number } | null = null;
		if (op !== 'add') {
			const parsed = parseForm(rowRef, formData);
			if (!parsed.ok) return invalidForm(formName, parsed.errors, values);
			ref = parsed.data;
		}
		let result: WriteResult;
		if (op === 'delete') {
			result = kind === 'line' ? await deleteBudgetLine(db, user, recommendation.id, ref!) : await deleteBudgetActual(db, user, recommendation.id, ref!);
		} else if (kind === 'line') {
			const form = parseForm(budgetLineFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values, ref?.id ?? null);
			result = ref ? await updateBudgetLine(db, user, recommendation.id, ref, form.data) : await addBudgetLine(db, user, recommendation.id, form.data);
		} else {
			const form = parseForm(budgetActualFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values, ref?.id ?? null);
			result = ref ? await updateBudgetActual(db, user, recommendation.id, ref, form.data) : await addBudgetActual(db, user, recommendation.id, form.data);
		}
		if (result.kind !== 'ok') return refusal(result, { form: formName, values, rowId: ref?.id, rowFields: kind === 'line' ? LINE_FIELDS : ACTUAL_FIELDS });
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
