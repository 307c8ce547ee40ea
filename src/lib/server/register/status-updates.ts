import type { Db } from '../infra/db';
import type { SessionUser } from '../auth/session';
import { canEditRecommendation } from '../auth/guards';
import { recordAudit } from '../audit/record';
import { FORBIDDEN, stale, type WriteResult } from '../infra/write-result';

/** One status narrative (statusnotat) of a recommendation for a period ('2025' for the annual status). */
export interface StatusUpdateRow {
	id: number;
	recommendationId: number;
	period: string;
	body: string;
	version: number;
	updatedAt: Date;
	authorName: string | null;
}

/**
 * The narratives of a period for the given recommendations (all of the organisation's when omitted).
 * @example const notes = await listStatusUpdatesForPeriod(db, organisationId, '2025', [recommendationId]);
 */
export function listStatusUpdatesForPeriod(
	db: Db,
	organisationId: number,
	period: string,
	recommendationIds?: readonly number[]
): Promise<StatusUpdateRow[]> {
	let query = db
		.selectFrom('statusUpdate as s')
		.leftJoin('appUser as u', 'u.id', 's.authorId')
		.where('s.organisationId', '=', organisationId)
		.where('s.period', '=', period)
		.select(['s.id', 's.recommendationId', 's.period', 's.body', 's.version', 's.updatedAt', 'u.name as authorName']);
	if (recommendationIds)
		query = query.where('s.recommendationId', 'in', recommendationIds.length ? [...recommendationIds] : [-1]);
	return query.orderBy('s.recommendationId').execute();
}

export interface StatusUpdateInput {
	recommendationId: number;
	period: string;
	body: string;
	/** The version the editor saw; null when they believe no narrative exists yet. */
	expectedVersion: number | null;
	clientAddress: string | null;
}

/**
 * Writes a recommendation's narrative for a period with its audit event, in the caller's transaction.
 * Checks access itself (admins and directors of the organisation, project leads assigned to the
 * recommendation) and uses optimistic concurrency like observations: a stale version is refused with
 * the stored narrative (`current`: body and version; null when someone deleted it or none was expected).
 * @example const result = await writeInTransaction(db, (trx) => writeStatusUpdate(trx, user, { recommendationId, period: '2025', body, expectedVersion: 3, clientAddress }));
 */
export async function writeStatusUpdate(
	trx: Db,
	user: SessionUser,
	input: StatusUpdateInput
): Promise<WriteResult<{ version: number }>> {
	if (!(await canEditRecommendation(trx, user, input.recommendationId))) return FORBIDDEN;
	const existing = await trx
		.selectFrom('statusUpdate')
		.select(['id', 'body', 'version'])
		.where('organisationId', '=', user.organisationId)
		.where('recommendationId', '=', input.recommendationId)
		.where('period', '=', input.period)
		.forUpdate()
		.executeTakeFirst();
	const audit = {
		organisationId: user.organisationId,
		actorUserId: user.id,
		entityType: 'status_update',
		entityId: `${input.recommendationId}/${input.period}`,
		clientAddress: input.clientAddress
	};
	if (!existing) {
		if (input.expectedVersion !== null) return stale(null);
		const inserted = await trx
			.insertInto('statusUpdate')
			.values({
				organisationId: user.organisationId,
				recommendationId: input.recommendationId,
				period: input.period,
				body: input.body,
				authorId: user.id
			})
			.onConflict((oc) => oc.columns(['recommendationId', 'period']).doNothing())
			.returning('version')
			.executeTakeFirst();
		if (!inserted) return stale(null);
		await recordAudit(trx, {
			...audit,
			action: 'status_update.created',
			after: { period: input.period, body: input.body, version: inserted.version }
		});
		return { kind: 'ok', change: 'created', version: inserted.version };
	}
	if (input.expectedVersion !== existing.version) return stale({ body: existing.body, version: existing.version });
	if (existing.body === input.body) return { kind: 'ok', change: 'unchanged', version: existing.version };
	const version = existing.version + 1;
	await trx
		.updateTable('statusUpdate')
		.set({ body: input.body, version, authorId: user.id, updatedAt: new Date() })
		.where('id', '=', existing.id)
		.execute();
	await recordAudit(trx, {
		...audit,
		action: 'status_update.updated',
		before: { body: existing.body, version: existing.version },
		after: { body: input.body, version }
	});
	return { kind: 'ok', change: 'updated', version };
}

/** The stored narrative a stale write ran into (null when there is none). */
export function storedNarrative(current: Record<string, unknown> | null): { body: string; version: number } | null {
	return current ? { body: String(current.body), version: Number(current.version) } : null;
}
