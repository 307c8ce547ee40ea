import { fail, type ActionFailure } from '@sveltejs/kit';
import type { FormResult } from '../http/forms';
import { parseForm } from '../http/forms';
import type { FormFailure } from '../http/refusal';
import { kpiFormSchema, type KpiForm } from '../../schemas/kpi';

/** Parses the KPI form; its periods come out canonical ('2024-h1' → '2024-H1'), as from the API. */
export function parseKpiForm(formData: FormData): FormResult<KpiForm> {
	return parseForm(kpiFormSchema, formData);
}

/** The ticked recommendations, primary flags and owners of a submitted form, to tick them again after a refusal. */
export function formPicks(formData: FormData): { linked: number[]; primary: number[]; owners: number[] } {
	const numbers = (key: string) =>
		formData
			.getAll(key)
			.map(Number)
			.filter((n) => Number.isSafeInteger(n) && n > 0);
	return { linked: numbers('recommendationId'), primary: numbers('primaryId'), owners: numbers('ownerId') };
}

/**
 * A refused KPI form's answer (invalidForm/formRefusal) with the ticked boxes, which the text refill cannot carry.
 * @example if (!form.ok) return withPicks(invalidForm('kpi', form.errors, formValues(formData)), formData);
 */
export function withPicks<C>(refusal: ActionFailure<FormFailure<C>>, formData: FormData) {
	return fail(refusal.status, { ...refusal.data, picks: formPicks(formData) });
}
