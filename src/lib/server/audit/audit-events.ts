import type { Db } from '../infra/db';
import type { FieldChange } from '../infra/write-result';
import { formatKpiValue } from '$lib/domain/format';
import { formatPeriodDa } from '$lib/domain/periods';
import type { Kpi } from '../../../../db/types';

/**
 * The audit trail of one entity in the organisation, newest first (the history admins and directors see).
 * @example const history = await listAuditEvents(db, organisationId, 'recommendation', 7);
 */
export function listAuditEvents(
	db: Db,
	organisationId: number,
	entityType: string,
	entityId: number | string,
	limit = 200
) {
	return db
		.selectFrom('auditEvent as a')
		.leftJoin('appUser as u', 'u.id', 'a.actorUserId')
		.where('a.organisationId', '=', organisationId)
		.where('a.entityType', '=', entityType)
		.where('a.entityId', '=', String(entityId))
		.select(['a.id', 'a.occurredAt', 'a.action', 'a.actorLabel', 'u.name as actorName', 'a.before', 'a.after'])
		.orderBy('a.occurredAt', 'desc')
		.orderBy('a.id', 'desc')
		.limit(limit)
		.execute();
}

/** Events of one entity type whose ids start with `prefix/` (a KPI's values, a recommendation's narratives), newest first. */
function listAuditEventsUnder(db: Db, organisationId: number, entityType: string, prefix: number, limit: number) {
	return db
		.selectFrom('auditEvent as a')
		.leftJoin('appUser as u', 'u.id', 'a.actorUserId')
		.where('a.organisationId', '=', organisationId)
		.where('a.entityType', '=', entityType)
		.where('a.entityId', 'like', `${prefix}/%`)
		.select([
			'a.id',
			'a.occurredAt',
			'a.action',
			'a.entityId',
			'a.actorLabel',
			'u.name as actorName',
			'a.before',
			'a.after'
		])
		.orderBy('a.occurredAt', 'desc')
		.orderBy('a.id', 'desc')
		.limit(limit)
		.execute();
}

/** The audit trail of every value of one KPI (entity ids `kpiId/period`), newest first. */
export function listObservationAuditEvents(db: Db, organisationId: number, kpiId: number, limit = 200) {
	return listAuditEventsUnder(db, organisationId, 'observation', kpiId, limit);
}

/**
 * The value changes of several KPIs (a recommendation's), in one query, newest first, at most `limit`.
 * @example const events = await listValueAuditEventsOfKpis(db, organisationId, [3, 4]);
 */
export async function listValueAuditEventsOfKpis(
	db: Db,
	organisationId: number,
	kpiIds: readonly number[],
	limit = 200
) {
	if (kpiIds.length === 0) return [];
	return db
		.selectFrom('auditEvent as a')
		.leftJoin('appUser as u', 'u.id', 'a.actorUserId')
		.where('a.organisationId', '=', organisationId)
		.where('a.entityType', '=', 'observation')
		.where((eb) => eb.or(kpiIds.map((id) => eb('a.entityId', 'like', `${id}/%`))))
		.select([
			'a.id',
			'a.occurredAt',
			'a.action',
			'a.entityId',
			'a.actorLabel',
			'u.name as actorName',
			'a.before',
			'a.after'
		])
		.orderBy('a.occurredAt', 'desc')
		.orderBy('a.id', 'desc')
		.limit(limit)
		.execute();
}

/**
 * One value event in words: its period ("september 2026"), the change ("6,6 % → 6,9 %"; "–" where there
 * was or is no value) and the comment it was saved with (the earlier one when deleted), in the KPI's unit.
 */
export function valueChangeOf(
	event: { entityId: string | null; before: unknown; after: unknown },
	kpi: { unit: Kpi['unit']; decimals: number }
): { period: string; change: string; comment: string | null } {
	const period = event.entityId?.split('/')[1] ?? '';
	const side = (snapshot: unknown) =>
		snapshot && typeof snapshot === 'object' ? (snapshot as Record<string, unknown>) : {};
	const value = (raw: unknown) => {
		const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw !== '' ? Number(raw) : NaN;
		return Number.isFinite(n) ? formatKpiValue(n, kpi.unit, kpi.decimals) : '–';
	};
	const before = side(event.before);
	const after = side(event.after);
	const comment = (after.comment ?? (event.after ? null : before.comment)) as unknown;
	return {
		period: period ? formatPeriodDa(period) : '',
		change: `${value(before.value)} → ${value(after.value)}`,
		comment: typeof comment === 'string' && comment.trim() !== '' ? comment : null
	};
}

/** The audit trail of a recommendation's narratives (entity ids `recommendationId/period`), newest first. */
export function listStatusUpdateAuditEvents(db: Db, organisationId: number, recommendationId: number, limit = 200) {
	return listAuditEventsUnder(db, organisationId, 'status_update', recommendationId, limit);
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
