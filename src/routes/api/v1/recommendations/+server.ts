import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { apiError, apiUser } from '$lib/server/http/api';
import { asOfQuery } from '$lib/schemas/api';
import { loadOverviewCached } from '$lib/server/kpis';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';

/** GET /api/v1/recommendations?asOf=YYYY-MM-DD — the organisation's recommendations with their computed status. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = apiUser(locals, 'live.read');
	if (user instanceof Response) return user;
	const query = asOfQuery.optional().safeParse(url.searchParams.get('asOf') ?? undefined);
	if (!query.success) return apiError(422, 'invalid', t('api.invalid_input'), { asOf: query.error.issues[0].message });
	const asOf = query.data ?? todayInCopenhagen();
	const rows = await loadOverviewCached(await getDb(), user.organisationId, asOf);
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
			// The council's decision; a dissent is shown wherever the recommendation is.
			decision: row.decisionDate
				? { date: row.decisionDate, body: row.decisionBody, kind: row.decisionKind, dissentText: row.dissentText }
				: null,
			budget: row.budget
		}))
	});
};
