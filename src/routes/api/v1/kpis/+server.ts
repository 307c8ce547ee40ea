import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { apiError, apiUser, readJson } from '$lib/server/http/api';
import { apiRefusal } from '$lib/server/http/refusal';
import { createKpiDefinition, findUnknownRecommendationId, loadApiKpis, loadApiKpisCached } from '$lib/server/kpis';
import type { KpiForm } from '$lib/schemas/kpi';
import { asOfQuery, kpiCreateBody } from '$lib/schemas/api';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';

/** GET /api/v1/kpis?asOf=YYYY-MM-DD — the organisation's KPIs with computed status. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = apiUser(locals, 'live.read');
	if (user instanceof Response) return user;
	const asOf = asOfQuery.optional().safeParse(url.searchParams.get('asOf') ?? undefined);
	if (!asOf.success) return apiError(422, 'invalid', t('api.invalid_input'), { asOf: asOf.error.issues[0].message });
	return json({ kpis: await loadApiKpisCached(await getDb(), user.organisationId, asOf.data ?? todayInCopenhagen()) });
};

/** POST /api/v1/kpis — create a KPI (admins and directors) through the KPI form's own creation function. */
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event.locals, 'register.edit');
	if (user instanceof Response) return user;
	const body = await readJson(event.request, kpiCreateBody);
	if (body instanceof Response) return body;
	const db = await getDb();
	// The form quietly skips ids outside the organisation (its checkboxes come from it); an integration is told.
	const missing = await findUnknownRecommendationId(db, user.organisationId, body.recommendationIds);
	if (missing !== undefined)
		return apiError(422, 'invalid', t('api.invalid_input'), {
			recommendationIds: t('api.unknown_recommendation', { id: missing })
		});
	const form: KpiForm = {
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
		targetPeriod: body.target.period,
		assessment: body.assessment,
		minValue: body.minValue,
		maxValue: body.maxValue,
		illustrative: false,
		recommendationId: body.recommendationIds,
		primaryId: [],
		ownerId: [],
		version: null
	};
	const result = await writeInTransaction(db, (trx) =>
		createKpiDefinition(trx, user.organisationId, user.id, form, event.getClientAddress())
	);
	// A taken name is the API's documented 409 `name_taken` (a duplicate, not a malformed field).
	if (result.kind === 'invalid' && result.field === 'name')
		return apiError(409, 'name_taken', result.message, { name: result.message });
	if (result.kind !== 'ok') return apiRefusal(result);
	const [kpi] = await loadApiKpis(db, user.organisationId, todayInCopenhagen(), result.id);
	return json(kpi, { status: 201, headers: { location: `/api/v1/kpis/${result.id}` } });
};
