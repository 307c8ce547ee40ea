import type { Db } from './db';
/**
 * The one outcome of a version-checked write, whatever it writes: every repository write returns it, and
 * http/refusal.ts turns the refusals into a form's answer or the API's JSON (issue 13).
 */

/** A field someone else changed while the editor had the form open. */
export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
	by: string;
	at: Date;
}

export type WriteResult<T extends object = object> =
	/** Done; `change` says what happened where a caller tells the user (created, updated, or nothing to do). */
	| ({ kind: 'ok'; change?: 'created' | 'updated' | 'unchanged' } & T)
	/** No such row in the actor's organisation (or it was deleted meanwhile). */
	| { kind: 'not_found' }
	/** The policy refuses the actor this write (the caller usually checks first; this is the repository's own check). */
	| { kind: 'forbidden' }
	/** The row moved on since the version the editor saw: the stored row (null when deleted) and what changed. */
	| { kind: 'stale'; current: Record<string, unknown> | null; changes: FieldChange[] }
	/** Refused by a rule the schema cannot see (a name taken, a lifecycle step not allowed): a Danish message for one field. */
	| { kind: 'invalid'; field: string; message: string };

/** Every refusal: what a write returns when it did not happen. */
export type Refusal = Exclude<WriteResult, { kind: 'ok' }>;

export const NOT_FOUND = { kind: 'not_found' } as const satisfies Refusal;
export const FORBIDDEN = { kind: 'forbidden' } as const satisfies Refusal;

/** A refusal for one field, with its Danish message. */
export function invalid(field: string, message: string): Refusal {
	return { kind: 'invalid', field, message };
}

/** A stale write: the stored row (null when it is gone) and the field changes since the editor's version. */
export function stale(current: Record<string, unknown> | null, changes: FieldChange[] = []): Refusal {
	return { kind: 'stale', current, changes };
}

/** Carries a refusal out of a transaction so the transaction rolls back and the caller still gets the refusal. */
class RolledBack extends Error {
	constructor(readonly result: Refusal) {
		super(result.kind);
	}
}

/**
 * Runs a version-checked write in one transaction that commits only when the write says `ok`: any
 * refusal (stale, invalid, not found, forbidden) rolls back what was written before it was found.
 * @example const result = await writeInTransaction(db, (trx) => updateTheme(trx, user, id, form.data, version));
 */
export async function writeInTransaction<T extends object>(
	db: Db,
	work: (trx: Db) => Promise<WriteResult<T>>
): Promise<WriteResult<T>> {
	try {
		return await db.transaction().execute(async (trx) => {
			const result = await work(trx);
			if (result.kind !== 'ok') throw new RolledBack(result);
			return result;
		});
	} catch (error) {
		if (error instanceof RolledBack) return error.result;
		throw error;
	}
}
