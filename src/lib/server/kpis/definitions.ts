import { rolesFor } from '../../domain/policy';
import type { Transaction } from 'kysely';
import type { Database } from '../../../../db/types';
import type { KpiForm } from '../../schemas/kpi';
import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';

type Trx = Transaction<Database>;

/** The columns a KPI form writes (periods already canonical). */
function columns(form: KpiForm) {
	return {
		name: form.name,
		description: form.description,
		unit: form.unit,
		decimals: form.decimals,
		direction: form.direction,
		frequency: form.frequency,
		scope: form.scope,
		dataSource: form.dataSource,
		baselineValue: form.baselineValue,
		baselinePeriod: form.baselinePeriod,
		targetValue: form.targetValue,
		targetPeriod: form.targetPeriod,
		illustrative: form.illustrative
	};
}

/** Replaces a KPI's recommendation links (primary flags) and owners; ids outside the organisation are ignored. */
async function replaceLinks(trx: Trx, organisationId: number, kpiId: number, form: KpiForm): Promise<void> {
	const [recs, owners] = await Promise.all([
		form.recommendationId.length
			? trx.selectFrom('recommendation').select('id').where('organisationId', '=', organisationId).where('id', 'in', form.recommendationId).execute()
			: [],
		form.ownerId.length
			? trx.selectFrom('appUser').select('id').where('organisationId', '=', organisationId).where('id', 'in', form.ownerId).execute()
			: []
	]);
	await trx.deleteFrom('recommendationKpi').where('kpiId', '=', kpiId).execute();
	await trx.deleteFrom('kpiOwner').where('kpiId', '=', kpiId).execute();
	if (recs.length) {
		await trx
			.insertInto('recommendationKpi')
			.values(recs.map((r) => ({ organisationId, kpiId, recommendationId: r.id, isPrimary: form.primaryId.includes(r.id) })))
			.execute();
	}
	if (owners.length) await trx.insertInto('kpiOwner').values(owners.map((u) => ({ organisationId, kpiId, userId: u.id }))).execute();
}

/**
 * Creates a KPI with its links and owners, audited, in one transaction; null when the name is taken.
 * The one way a KPI is created: the form and POST /api/v1/kpis both come here.
 * @example const id = await createKpiDefinition(db, user.organisationId, user.id, form, event.getClientAddress());
 */
export async function createKpiDefinition(db: Db, organisationId: number, actorUserId: number, form: KpiForm, clientAddress: string | null = null): Promise<number | null> {
	return db.transaction().execute(async (trx) => {
		const taken = await trx.selectFrom('kpi').select('id').where('organisationId', '=', organisationId).where('name', '=', form.name).executeTakeFirst();
		if (taken) return null;
		const { id } = await trx.insertInto('kpi').values({ organisationId, ...columns(form) }).returning('id').executeTakeFirstOrThrow();
		await replaceLinks(trx, organisationId, id, form);
		await recordAudit(trx, { organisationId, actorUserId, action: 'kpi.created', entityType: 'kpi', entityId: id, after: form, clientAddress });
		return id;
	});
}

export type UpdateResult = { kind: 'ok' } | { kind: 'stale'; storedName: string } | { kind: 'name_taken' } | { kind: 'frequency_locked' };

/** Updates a KPI if it still has the version the editor saw; links and owners are replaced; audited with before/after. */
export async function updateKpiDefinition(db: Db, organisationId: number, actorUserId: number, kpiId: number, form: KpiForm): Promise<UpdateResult> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('kpi').selectAll().where('organisationId', '=', organisationId).where('id', '=', kpiId).forUpdate().executeTakeFirstOrThrow();
		if (before.version !== form.version) return { kind: 'stale', storedName: before.name };
		const taken = await trx.selectFrom('kpi').select('id').where('organisationId', '=', organisationId).where('name', '=', form.name).where('id', '!=', kpiId).executeTakeFirst();
		if (taken) return { kind: 'name_taken' };
		if (before.frequency !== form.frequency) {
			const any = await trx.selectFrom('observation').select('id').where('kpiId', '=', kpiId).limit(1).executeTakeFirst();
			if (any) return { kind: 'frequency_locked' };
		}
		await trx.updateTable('kpi').set({ ...columns(form), version: before.version + 1, updatedAt: new Date() }).where('id', '=', kpiId).execute();
		await replaceLinks(trx, organisationId, kpiId, form);
		await recordAudit(trx, { organisationId, actorUserId, action: 'kpi.updated', entityType: 'kpi', entityId: kpiId, before, after: form });
		return { kind: 'ok' };
	});
}

/** What the KPI form offers: the organisation's recommendations, its project leads, and (editing) the current links. */
export async function loadKpiFormOptions(db: Db, organisationId: number, kpiId?: number) {
	const [recommendations, people, links, owners] = await Promise.all([
		db.selectFrom('recommendation').select(['id', 'number', 'title']).where('organisationId', '=', organisationId).where('archivedAt', 'is', null).orderBy('programmeId').orderBy('number').execute(),
		db.selectFrom('appUser').select(['id', 'name', 'role']).where('organisationId', '=', organisationId).where('disabledAt', 'is', null).where('role', 'in', rolesFor('kpi.owner')).orderBy('name').execute(),
		kpiId ? db.selectFrom('recommendationKpi').select(['recommendationId', 'isPrimary']).where('kpiId', '=', kpiId).execute() : [],
		kpiId ? db.selectFrom('kpiOwner').select('userId').where('kpiId', '=', kpiId).execute() : []
	]);
	return {
		recommendations,
		people,
		linked: links.map((l) => l.recommendationId),
		primary: links.filter((l) => l.isPrimary).map((l) => l.recommendationId),
		owners: owners.map((o) => o.userId)
	};
}
