import type { FormResult } from './forms';
import { parseForm } from './forms';
import { kpiFormSchema, type KpiForm } from '../schemas/kpi';
import { formatPeriod, parsePeriodFor } from '../domain/periods';

/** Parses the KPI form and stores its periods in canonical form ('2024-h1' → '2024-H1'). */
export function parseKpiForm(formData: FormData): FormResult<KpiForm> {
	const form = parseForm(kpiFormSchema, formData);
	if (!form.ok) return form;
	const canonical = (text: string) => {
		const parsed = parsePeriodFor(text, form.data.frequency);
		return parsed.ok ? formatPeriod(parsed.period) : text;
	};
	return { ok: true, data: { ...form.data, baselinePeriod: canonical(form.data.baselinePeriod), targetPeriod: canonical(form.data.targetPeriod) } };
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
