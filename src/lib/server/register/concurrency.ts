import type { Db } from '../infra/db';
import type { SessionUser } from '../auth/session';
import { invalid, type FieldChange, type Refusal } from '../infra/write-result';
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
	| 'not_project_lead';

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

/**
 * What others changed on an entity after `version`: the field changes of its audited updates whose
 * `after.version` is newer, oldest first (for the conflict message).
 */
export async function changesSince(
	db: Db,
	organisationId: number,
	entityType: string,
	entityId: number,
	actions: readonly string[],
	version: number
): Promise<FieldChange[]> {
	const events = await db
		.selectFrom('auditEvent as a')
		.leftJoin('appUser as u', 'u.id', 'a.actorUserId')
		.where('a.organisationId', '=', organisationId)
		.where('a.entityType', '=', entityType)
		.where('a.entityId', '=', String(entityId))
		.where('a.action', 'in', [...actions])
		.select(['a.occurredAt', 'a.before', 'a.after', 'a.actorLabel', 'u.name as actorName'])
		.orderBy('a.id', 'desc')
		.limit(50)
		.execute();
	const changes: FieldChange[] = [];
	for (const event of events.reverse()) {
		const after = (event.after ?? {}) as Record<string, unknown>;
		const before = (event.before ?? {}) as Record<string, unknown>;
		if (typeof after.version !== 'number' || after.version <= version) continue;
		for (const field of Object.keys(after)) {
			if (field === 'version') continue;
			changes.push({
				field,
				before: before[field] ?? null,
				after: after[field],
				by: event.actorName ?? event.actorLabel,
				at: event.occurredAt
			});
		}
	}
	return changes;
}

/** Whether the database refused a write for a unique key (the row's caller turns it into a field message). */
export function isUniqueViolation(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
