import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { apiError, apiUser } from '$lib/server/http/api';
import { parseId } from '$lib/schemas/fields';
import { findKpi, loadApiObservations } from '$lib/server/kpis';
import { t } from '$lib/server/messages';

/** GET /api/v1/kpis/{id}/observations — every value of the KPI, oldest first. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = apiUser(locals, 'live.read');
	if (user instanceof Response) return user;
	const id = parseId(params.id);
	const db = await getDb();
	if (id === null || !(await findKpi(db, user.organisationId, id)))
		return apiError(404, 'not_found', t('kpi.not_found'));
	return json({ observations: await loadApiObservations(db, user.organisationId, id) });
};
