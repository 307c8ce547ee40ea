import type { Db } from '../infra/db';
import { parseDecimal } from '../../domain/numbers';

/** A stored value as an import compares with it. */
export interface StoredObservation {
	id: number;
	value: number;
	comment: string;
}

/** The key of one KPI's value for one period; also the audit trail's entity id for observations. */
export const observationKey = (kpiId: number, period: string) => `${kpiId}/${period}`;

/**
 * The stored values of some KPIs by `observationKey`, in one query; `periods` narrows it and `lock`
 * takes row locks (FOR UPDATE) inside a transaction.
 * @example const stored = await loadStoredObservations(db, organisationId, [12, 14]);
 */
export async function loadStoredObservations(
	db: Db,
	organisationId: number,
	kpiIds: readonly number[],
	options: { periods?: readonly string[]; lock?: boolean } = {}
): Promise<Map<string, StoredObservation>> {
	const stored = new Map<string, StoredObservation>();
	if (kpiIds.length === 0 || options.periods?.length === 0) return stored;
	let query = db
		.selectFrom('observation')
		.select(['id', 'kpiId', 'period', 'value', 'comment'])
		.where('organisationId', '=', organisationId)
		.where('kpiId', 'in', [...kpiIds]);
	if (options.periods) query = query.where('period', 'in', [...options.periods]);
	if (options.lock) query = query.forUpdate();
	for (const row of await query.execute()) {
		stored.set(observationKey(row.kpiId, row.period), { id: row.id, value: parseDecimal(row.value), comment: row.comment });
	}
	return stored;
}
