import type { FormResult } from '../http/forms';
import { parseForm } from '../http/forms';
import { kpiFormSchema, type KpiForm } from '../../schemas/kpi';

/** Parses the KPI form; its periods come out canonical ('2024-h1' → '2024-H1'), as from the API. */
export function parseKpiForm(formData: FormData): FormResult<KpiForm> {
	return parseForm(kpiFormSchema, formData);
}

/** The submitted text, to refill the form after a refusal (checkbox lists are shown from the options). */
export function formValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData.entries()) if (typeof value === 'string' && !['recommendationId', 'primaryId', 'ownerId'].includes(key)) values[key] = value.slice(0, 2000);
	return values;
}

/** The ticked recommendations, primary flags and owners of a submitted form, to tick them again after a refusal. */
export function formPicks(formData: FormData): { linked: number[]; primary: number[]; owners: number[] } {
	const numbers = (key: string) => formData.getAll(key).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
	return { linked: numbers('recommendationId'), primary: numbers('primaryId'), owners: numbers('ownerId') };
}
