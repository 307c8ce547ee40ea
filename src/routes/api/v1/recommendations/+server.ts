import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiError } from '$lib/server/api';
import { LIVE_DATA_ROLES } from '$lib/server/auth/access';
import { loadOverview } from '$lib/server/progress';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/messages';

/** GET /api/v1/recommendations — the organisation's recommendations with their computed status. */
export const GET: RequestHandler = async ({ locals }) => {
	const user = locals.user;
	if (!user) return apiError(401, 'unauthorized', t('api.unauthorized'));
	if (!LIVE_DATA_ROLES.includes(user.role)) return apiError(403, 'forbidden', t('auth.forbidden'));
	const asOf = todayInCopenhagen();
	const rows = await loadOverview(await getDb(), user.organisationId, asOf);
	return json({
		asOf,
		recommendations: rows.map((row) => ({
			id: row.id,
			number: row.number,
			title: row.title,
			shortName: row.shortName,
			programme: row.programmeName,
			theme: row.themeName,
			lifecycle: row.lifecycle,
			followUpPeriod: row.followUpPeriod,
			status: row.status.status,
			statusSource: row.status.source,
			computedStatus: row.status.computed,
			override: row.status.override,
			budget: row.budget
		}))
	});
};
