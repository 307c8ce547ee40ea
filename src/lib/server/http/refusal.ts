import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { t } from '../messages';
import type { FieldErrors } from './forms';
import { apiError } from './api';
import type { Refusal } from '../infra/write-result';

/**
 * The one mapping from a refused write (infra/write-result.ts) to what a form or the API answers:
 * 404 when the thing is gone, 403 when the policy refuses, 409 with the stored row when stale, 400/422
 * with a Danish message at the field. Failures are keyed by the form they answer (`form`), so a page
 * with several forms shows each answer at its own form.
 */

/** What every failed action returns: which form (and row) it answers, its message, the field errors and the refill. */
export interface FormFailure<Conflict = unknown> {
	form: string;
	rowId: number | null;
	message: string | null;
	errors: FieldErrors;
	values: Record<string, string>;
	/** Stale writes: what the page shows of the stored row and the others' changes (shaped by the caller). */
	conflict: Conflict | null;
}

/** The longest text a refused form is refilled with (a recommendation's Markdown fields are long). */
export const MAX_REFILL_CHARACTERS = 25_000;

/**
 * The submitted text values of a form, to refill it after a refusal; never the secret fields.
 * @example return invalidForm('save', form.errors, formValues(formData));
 */
export function formValues(
	formData: FormData,
	secret: readonly string[] = ['password', 'passwordRepeat']
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData.entries()) {
		if (typeof value === 'string' && !secret.includes(key)) values[key] = value.slice(0, MAX_REFILL_CHARACTERS);
	}
	return values;
}

/**
 * A form refused by its schema: 400 with the field messages and the submitted text.
 * @example if (!form.ok) return invalidForm('theme-add', form.errors, formValues(formData));
 */
export function invalidForm(
	form: string,
	errors: FieldErrors,
	values: Record<string, string>,
	rowId: number | null = null
): ActionFailure<FormFailure<never>> {
	return fail(400, { form, rowId, message: null, errors, values, conflict: null });
}

/**
 * A form refused with one sentence for the whole form (not a field's), e.g. a wrong password (400), a
 * sign-in limit (429) or an e-mail in use (409).
 * @example return formMessage(400, 'login', t('auth.invalid_credentials'), { email });
 */
export function formMessage(
	status: number,
	form: string,
	message: string,
	values: Record<string, string> = {},
	rowId: number | null = null
): ActionFailure<FormFailure<never>> {
	return fail(status, { form, rowId, message, errors: {}, values, conflict: null });
}

/**
 * The form's answer to a refused write. `conflict` shapes the stale case for the page (e.g. the stored
 * row and the others' changes in Danish); `staleMessage` replaces the default sentence.
 * @example if (result.kind !== 'ok') return formRefusal(result, { form: 'save', values, conflict: (r) => describeConflict(r) });
 */
export function formRefusal<Conflict = unknown>(
	result: Refusal,
	context: {
		form: string;
		values?: Record<string, string>;
		rowId?: number | null;
		conflict?: (stale: Extract<Refusal, { kind: 'stale' }>) => Conflict;
		staleMessage?: string;
	}
): ActionFailure<FormFailure<Conflict>> {
	if (result.kind === 'not_found') error(404, t('register.not_found'));
	if (result.kind === 'forbidden') error(403, t('auth.forbidden'));
	const base = { form: context.form, rowId: context.rowId ?? null, values: context.values ?? {} };
	if (result.kind === 'stale') {
		const message = context.staleMessage ?? (result.current ? t('register.stale') : t('register.stale_deleted'));
		return fail(409, { ...base, message, errors: {}, conflict: context.conflict ? context.conflict(result) : null });
	}
	return fail(400, { ...base, message: null, errors: { [result.field]: result.message }, conflict: null });
}

/**
 * The API's answer to a refused write: 404, 403, 409 (with the stored row) or 422 with the field's message.
 * `stale` words the 409 for the thing written (e.g. the stored version) and names its fields.
 * @example if (result.kind !== 'ok') return apiRefusal(result);
 */
export function apiRefusal(
	result: Refusal,
	context: {
		stale?: (stale: Extract<Refusal, { kind: 'stale' }>) => { message: string; fields?: Record<string, string> };
	} = {}
): Response {
	switch (result.kind) {
		case 'not_found':
			return apiError(404, 'not_found', t('api.not_found'));
		case 'forbidden':
			return apiError(403, 'forbidden', t('auth.forbidden'));
		case 'stale': {
			const worded = context.stale?.(result);
			return apiError(409, 'conflict', worded?.message ?? t('api.stale'), worded?.fields);
		}
		case 'invalid':
			return apiError(422, 'invalid', t('api.invalid_input'), { [result.field]: result.message });
	}
}
