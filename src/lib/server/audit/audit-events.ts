import type { Db } from '../infra/db';
import type { FieldChange } from '../infra/write-result';

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
