import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { apiError, apiUser } from '$lib/server/http/api';
import { parseId } from '$lib/schemas/fields';
import { loadApiKpiDetail } from '$lib/server/kpis';
import { asOfQuery } from '$lib/schemas/api';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';

/** GET /api/v1/kpis/{id}?asOf=YYYY-MM-DD — one KPI with status, shares, overdue and latest as of the date, and its comparison series. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = apiUser(locals, 'live.read');
	if (user instanceof Response) return user;
	const id = parseId(params.id);
	if (id === null) return apiError(404, 'not_found', t('kpi.not_found'));
	const asOf = asOfQuery.optional().safeParse(url.searchParams.get('asOf') ?? undefined);
	if (!asOf.success) return apiError(422, 'invalid', t('api.invalid_input'), { asOf: asOf.error.issues[0].message });
	const kpi = await loadApiKpiDetail(await getDb(), user.organisationId, asOf.data ?? todayInCopenhagen(), id);
	return kpi ? json(kpi) : apiError(404, 'not_found', t('kpi.not_found'));
};
