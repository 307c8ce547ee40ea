import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form with a zod schema. On failure: the first Danish message per field
 * (for the form-error display) and the submitted text values (to refill the form; never passwords).
 * @example const form = parseForm(loginSchema, await request.formData()); if (!form.ok) return fail(400, form);
 */
export function parseForm<T>(
	schema: z.ZodType<T>,
	formData: FormData,
	secretFields: readonly string[] = ['password', 'passwordRepeat']
): FormResult<T> {
	const raw: Record<string, string | string[]> = {};
	for (const key of new Set(formData.keys())) {
		const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
		raw[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (!secretFields.includes(key) && typeof value === 'string') values[key] = value.slice(0, 1000);
	}
	return { ok: false, errors, values };
}

/** Field errors as a plain record (widens literal objects such as `{ form: message }` for page types). */
export function fieldErrors(errors: FieldErrors): FieldErrors {
	return errors;
}
