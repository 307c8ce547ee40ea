import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { apiError, apiUser } from '$lib/server/http/api';
import { parseId } from '$lib/schemas/fields';
import { loadRecommendationDetail } from '$lib/server/register/recommendation-detail';
import { loadApiKpisCached } from '$lib/server/kpis';
import { asOfQuery } from '$lib/schemas/api';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';

/** GET /api/v1/recommendations/{id}?asOf=YYYY-MM-DD — every field, its KPIs, budget, follow-up items and status. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = apiUser(locals, 'live.read');
	if (user instanceof Response) return user;
	const id = parseId(params.id);
	if (id === null) return apiError(404, 'not_found', t('recommendation.not_found'));
	const asOf = asOfQuery.optional().safeParse(url.searchParams.get('asOf') ?? undefined);
	if (!asOf.success) return apiError(422, 'invalid', t('api.invalid_input'), { asOf: asOf.error.issues[0].message });
	const date = asOf.data ?? todayInCopenhagen();
	const db = await getDb();
	const detail = await loadRecommendationDetail(db, user.organisationId, id, date);
	if (!detail) return apiError(404, 'not_found', t('recommendation.not_found'));
	const linked = new Set(detail.kpis.map((k) => k.id));
	const kpis = (await loadApiKpisCached(db, user.organisationId, date)).filter((k) => linked.has(k.id));
	const { recommendation: r } = detail;
	return json({
		asOf: date,
		id: r.id,
		number: r.number,
		title: r.title,
		shortName: r.shortName,
		programme: r.programmeName,
		theme: r.themeName,
		intro: r.intro,
		purpose: r.purpose,
		goal: r.goal,
		actions: r.actions,
		targetProfessions: r.targetProfessions,
		baselineDescription: r.baselineDescription,
		followUpPeriod: r.followUpPeriod,
		followUpText: r.followUpText,
		resourcesText: r.resourcesText,
		nextStep: r.nextStep,
		responsible: r.responsible,
		reportsTo: r.reportsTo,
		lifecycle: r.lifecycle,
		decision: r.decisionDate
			? { date: r.decisionDate, body: r.decisionBody, kind: r.decisionKind, dissentText: r.dissentText || null }
			: null,
		status: detail.status,
		kpis: kpis.map((k) => ({ ...k, primary: detail.kpis.find((d) => d.id === k.id)?.isPrimary ?? false })),
		budgetLines: detail.budgetLines.map(({ version: _v, ...line }) => line),
		budgetActuals: detail.budgetActuals.map(({ version: _v, ...actual }) => actual),
		followUpItems: detail.followUpItems.map(({ version: _v, recommendationId: _r, ...item }) => item),
		version: r.version
	});
};
