import type { Db } from '../infra/db';
import type { SessionUser } from '../auth/session';
import { canEditRecommendation } from '../auth/guards';
import { recordAudit } from '../audit/record';

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
	if (recommendationIds) query = query.where('s.recommendationId', 'in', recommendationIds.length ? [...recommendationIds] : [-1]);
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

export type StatusUpdateSaveResult =
	| { kind: 'created' | 'updated' | 'unchanged'; version: number }
	| { kind: 'conflict'; stored: { body: string; version: number } | null }
	| { kind: 'forbidden' };

/**
 * Writes a recommendation's narrative for a period, in one transaction with its audit event.
 * Checks access itself (admins and directors of the organisation, project leads assigned to the
 * recommendation) and uses optimistic concurrency like observations: a stale version is a conflict.
 * @example const result = await saveStatusUpdate(db, user, { recommendationId, period: '2025', body, expectedVersion: 3, clientAddress });
 */
export async function saveStatusUpdate(db: Db, user: SessionUser, input: StatusUpdateInput): Promise<StatusUpdateSaveResult> {
	if (!(await canEditRecommendation(db, user, input.recommendationId))) return { kind: 'forbidden' };
	return db.transaction().execute(async (trx) => {
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
			if (input.expectedVersion !== null) return { kind: 'conflict', stored: null };
			const inserted = await trx
				.insertInto('statusUpdate')
				.values({ organisationId: user.organisationId, recommendationId: input.recommendationId, period: input.period, body: input.body, authorId: user.id })
				.onConflict((oc) => oc.columns(['recommendationId', 'period']).doNothing())
				.returning('version')
				.executeTakeFirst();
			if (!inserted) return { kind: 'conflict', stored: null };
			await recordAudit(trx, { ...audit, action: 'status_update.created', after: { period: input.period, body: input.body, version: inserted.version } });
			return { kind: 'created', version: inserted.version };
		}
		if (input.expectedVersion !== existing.version) return { kind: 'conflict', stored: { body: existing.body, version: existing.version } };
		if (existing.body === input.body) return { kind: 'unchanged', version: existing.version };
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
		return { kind: 'updated', version };
	});
}
