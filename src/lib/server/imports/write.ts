import type { Db } from '../infra/db';
import type { SessionUser } from '../auth/session';
import { recordAudit, recordAuditMany } from '../audit/record';
import { observationKey, type ObservationWriteRow, type StoredObservation } from '../kpis';

/** A checked preview row that will be written. */
export type WriteRow = ObservationWriteRow;

/** Thrown inside the import's transaction to roll it back when the stored values moved. */
export class StaleImportError extends Error {
	constructor() {
		super('The stored values changed after the preview');
	}
}

/**
 * The audit trail of one import: one `observation.imported` event with the totals, and one event per
 * created or changed value (before/after `{ value, comment }`) so each value keeps its history.
 */
export async function recordImportAudit(
	trx: Db,
	user: SessionUser,
	clientAddress: string | null,
	changes: {
		created: readonly WriteRow[];
		updated: readonly WriteRow[];
		unchanged: number;
		stored: ReadonlyMap<string, StoredObservation>;
	}
): Promise<void> {
	const { created, updated, unchanged, stored } = changes;
	const kpiIds = [...new Set([...created, ...updated].map((row) => row.kpiId))].sort((a, b) => a - b);
	await recordAudit(trx, {
		organisationId: user.organisationId,
		actorUserId: user.id,
		action: 'observation.imported',
		entityType: 'import',
		after: { created: created.length, updated: updated.length, unchanged, kpiIds },
		clientAddress
	});
	const events = [
		...created.map((row) => ({ action: 'observation.created', row, before: null })),
		...updated.map((row) => {
			const old = stored.get(observationKey(row.kpiId, row.period))!;
			return { action: 'observation.updated', row, before: { value: old.value, comment: old.comment } };
		})
	];
	await recordAuditMany(
		trx,
		events.map(({ action, row, before }) => ({
			organisationId: user.organisationId,
			actorUserId: user.id,
			action,
			entityType: 'observation',
			entityId: observationKey(row.kpiId, row.period),
			before: before ?? undefined,
			after: { value: row.value, comment: row.comment },
			clientAddress
		}))
	);
}
