import { rolesFor } from '../../domain/policy';
import type { KpiForm } from '../../schemas/kpi';
import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { listRecommendationChoices, recommendationIdsIn } from '../register/recommendations';
import { listActiveUsersWithRole, userIdsIn } from '../auth/users';
import { invalid, NOT_FOUND, stale, type WriteResult } from '../infra/write-result';
import { t } from '../messages';

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
		assessment: form.assessment,
		minValue: form.minValue,
		maxValue: form.maxValue,
		illustrative: form.illustrative
	};
}

/**
 * The first id that is not a recommendation of the organisation, if any: the API names it, where the form
 * (whose checkboxes come from the organisation) quietly skips it.
 */
export async function findUnknownRecommendationId(
	db: Db,
	organisationId: number,
	ids: readonly number[]
): Promise<number | undefined> {
	const known = new Set(await recommendationIdsIn(db, organisationId, ids));
	return ids.find((id) => !known.has(id));
}

/** Replaces a KPI's recommendation links (primary flags) and owners; ids outside the organisation are ignored. */
async function replaceLinks(trx: Db, organisationId: number, kpiId: number, form: KpiForm): Promise<void> {
	const [recs, owners] = await Promise.all([
		recommendationIdsIn(trx, organisationId, form.recommendationId).then((ids) => ids.map((id) => ({ id }))),
		userIdsIn(trx, organisationId, form.ownerId).then((ids) => ids.map((id) => ({ id })))
	]);
	await trx.deleteFrom('recommendationKpi').where('kpiId', '=', kpiId).execute();
	await trx.deleteFrom('kpiOwner').where('kpiId', '=', kpiId).execute();
	if (recs.length) {
		await trx
			.insertInto('recommendationKpi')
			.values(
				recs.map((r) => ({ organisationId, kpiId, recommendationId: r.id, isPrimary: form.primaryId.includes(r.id) }))
			)
			.execute();
	}
	if (owners.length)
		await trx
			.insertInto('kpiOwner')
			.values(owners.map((u) => ({ organisationId, kpiId, userId: u.id })))
			.execute();
}

/**
 * Creates a KPI with its links and owners, audited, in the caller's transaction; invalid at `name` when the
 * name is taken. The one way a KPI is created: the form and POST /api/v1/kpis both come here.
 * @example const result = await writeInTransaction(db, (trx) => createKpiDefinition(trx, user.organisationId, user.id, form, event.getClientAddress()));
 */
export async function createKpiDefinition(
	trx: Db,
	organisationId: number,
	actorUserId: number,
	form: KpiForm,
	clientAddress: string | null = null
): Promise<WriteResult<{ id: number }>> {
	const taken = await trx
		.selectFrom('kpi')
		.select('id')
		.where('organisationId', '=', organisationId)
		.where('name', '=', form.name)
		.executeTakeFirst();
	if (taken) return invalid('name', t('api.kpi_name_taken'));
	const { id } = await trx
		.insertInto('kpi')
		.values({ organisationId, ...columns(form) })
		.returning('id')
		.executeTakeFirstOrThrow();
	await replaceLinks(trx, organisationId, id, form);
	await recordAudit(trx, {
		organisationId,
		actorUserId,
		action: 'kpi.created',
		entityType: 'kpi',
		entityId: id,
		after: form,
		clientAddress
	});
	return { kind: 'ok', change: 'created', id };
}

/**
 * Updates a KPI if it still has the version the editor saw (stale with the stored name otherwise); links and
 * owners are replaced; audited with before/after, in the caller's transaction. Invalid at `name` when the name
 * is taken, at `frequency` when values are stored in the old one.
 */
export async function updateKpiDefinition(
	trx: Db,
	organisationId: number,
	actorUserId: number,
	kpiId: number,
	form: KpiForm
): Promise<WriteResult> {
	const before = await trx
		.selectFrom('kpi')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('id', '=', kpiId)
		.forUpdate()
		.executeTakeFirst();
	if (!before) return NOT_FOUND;
	if (before.version !== form.version) return stale({ name: before.name, version: before.version });
	const taken = await trx
		.selectFrom('kpi')
		.select('id')
		.where('organisationId', '=', organisationId)
		.where('name', '=', form.name)
		.where('id', '!=', kpiId)
		.executeTakeFirst();
	if (taken) return invalid('name', t('api.kpi_name_taken'));
	if (before.frequency !== form.frequency) {
		const any = await trx.selectFrom('observation').select('id').where('kpiId', '=', kpiId).limit(1).executeTakeFirst();
		if (any) return invalid('frequency', t('kpi_form.frequency_locked'));
	}
	await trx
		.updateTable('kpi')
		.set({ ...columns(form), version: before.version + 1, updatedAt: new Date() })
		.where('id', '=', kpiId)
		.execute();
	await replaceLinks(trx, organisationId, kpiId, form);
	await recordAudit(trx, {
		organisationId,
		actorUserId,
		action: 'kpi.updated',
		entityType: 'kpi',
		entityId: kpiId,
		before,
		after: form
	});
	return { kind: 'ok', change: 'updated' };
}

/** What the KPI form offers: the organisation's recommendations, its project leads, and (editing) the current links. */
export async function loadKpiFormOptions(db: Db, organisationId: number, kpiId?: number) {
	const [recommendations, people, links, owners] = await Promise.all([
		listRecommendationChoices(db, organisationId),
		listActiveUsersWithRole(db, organisationId, rolesFor('kpi.owner')).then((rows) =>
			rows.map(({ id, name, role }) => ({ id, name, role }))
		),
		kpiId
			? db
					.selectFrom('recommendationKpi')
					.select(['recommendationId', 'isPrimary'])
					.where('kpiId', '=', kpiId)
					.execute()
			: [],
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
