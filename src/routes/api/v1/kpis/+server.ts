import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiError, apiUser, readJson } from '$lib/server/api';
import { LIVE_DATA_ROLES } from '$lib/server/auth/access';
import { loadApiKpis } from '$lib/server/kpi-api';
import { recordAudit } from '$lib/server/audit';
import { asOfQuery, kpiCreateBody } from '$lib/schemas/api';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/messages';

/** GET /api/v1/kpis?asOf=YYYY-MM-DD — the organisation's KPIs with computed status. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = apiUser(locals, LIVE_DATA_ROLES);
	if (user instanceof Response) return user;
	const asOf = asOfQuery.optional().safeParse(url.searchParams.get('asOf') ?? undefined);
	if (!asOf.success) return apiError(422, 'invalid', t('api.invalid_input'), { asOf: asOf.error.issues[0].message });
	return json({ kpis: await loadApiKpis(await getDb(), user.organisationId, asOf.data ?? todayInCopenhagen()) });
};

/** POST /api/v1/kpis — create a KPI (admins and directors), linked to recommendations of the organisation. */
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event.locals, ['admin', 'director']);
	if (user instanceof Response) return user;
	const body = await readJson(event.request, kpiCreateBody);
	if (body instanceof Response) return body;
	const db = await getDb();
	const outcome = await db.transaction().execute(async (trx) => {
		const taken = await trx.selectFrom('kpi').select('id').where('organisationId', '=', user.organisationId).where('name', '=', body.name).executeTakeFirst();
		if (taken) return apiError(409, 'name_taken', t('api.kpi_name_taken'), { name: t('api.kpi_name_taken') });
		const recs = body.recommendationIds.length
			? await trx.selectFrom('recommendation').select('id').where('organisationId', '=', user.organisationId).where('id', 'in', body.recommendationIds).execute()
			: [];
		const missing = body.recommendationIds.find((id) => !recs.some((r) => r.id === id));
		if (missing !== undefined) return apiError(422, 'invalid', t('api.invalid_input'), { recommendationIds: t('api.unknown_recommendation', { id: missing }) });
		const { id } = await trx
			.insertInto('kpi')
			.values({
				organisationId: user.organisationId,
				name: body.name,
				description: body.description,
				unit: body.unit,
				decimals: body.decimals,
				direction: body.direction,
				frequency: body.frequency,
				scope: body.scope,
				dataSource: body.dataSource,
				baselineValue: body.baseline.value,
				baselinePeriod: body.baseline.period,
				targetValue: body.target.value,
				targetPeriod: body.target.period
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (recs.length) {
			await trx.insertInto('recommendationKpi').values(recs.map((r) => ({ organisationId: user.organisationId, recommendationId: r.id, kpiId: id }))).execute();
		}
		await recordAudit(trx, { organisationId: user.organisationId, actorUserId: user.id, action: 'kpi.created', entityType: 'kpi', entityId: id, after: body, clientAddress: event.getClientAddress() });
		return id;
	});
	if (outcome instanceof Response) return outcome;
	const [kpi] = await loadApiKpis(db, user.organisationId, todayInCopenhagen(), outcome);
	return json(kpi, { status: 201, headers: { location: `/api/v1/kpis/${outcome}` } });
};
