import type { SessionUser } from '../auth/session';
import { invalid, type Refusal } from '../infra/write-result';
import { invalidMessage } from './display';

/**
 * What every register write shares: who writes (the actor), the rules it can be refused by (as a
 * Danish field message), the fields a write changed, and what others changed since a version.
 */

/** Who writes: the audit names them, their organisation scopes every row. */
export type Actor = Pick<SessionUser, 'id' | 'organisationId'>;

/** The register's rules a schema cannot see; each has a Danish message (register.invalid.*). */
export type InvalidReason =
	| 'name_taken'
	| 'number_taken'
	| 'theme_not_in_programme'
	| 'programme_archived'
	| 'programme_unknown'
	| 'lifecycle_not_allowed'
	| 'not_adopted'
	| 'theme_in_use'
	| 'year_taken'
	| 'not_project_lead'
	| 'not_responsible_user';

/** A refusal by one of the register's rules, with its Danish message at the field. */
export function refused(field: string, reason: InvalidReason): Refusal {
	return invalid(field, invalidMessage(reason));
}

/** The fields of `after` whose value differs from `before` (by JSON value), as two partial objects. */
export function diffFields<T extends Record<string, unknown>>(
	before: T,
	after: Partial<T>
): { before: Partial<T>; after: Partial<T> } | null {
	const b: Partial<T> = {};
	const a: Partial<T> = {};
	for (const key of Object.keys(after) as (keyof T)[]) {
		if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
			b[key] = before[key];
			a[key] = after[key];
		}
	}
	return Object.keys(a).length ? { before: b, after: a } : null;
}

/** Whether the database refused a write for a unique key (the row's caller turns it into a field message). */
export function isUniqueViolation(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
