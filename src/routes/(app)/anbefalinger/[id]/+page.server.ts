import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loadRecommendationDetail } from '$lib/server/recommendation-detail';
import { renderMarkdown } from '$lib/server/markdown';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/messages';
import { requireRole } from '$lib/server/auth/guards';
import { LIVE_DATA_ROLES } from '$lib/server/auth/access';
import { listAuditEvents } from '$lib/server/repositories/audit-events';
import { canEditRecommendation } from '$lib/server/auth/guards';
import { REGISTER_ROLES } from '$lib/server/auth/access';
import { changedFieldLabels } from '$lib/server/register-display';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const markdownFields = [
	'intro',
	'purpose',
	'goal',
	'actions',
	'followUpText',
	'baselineDescription',
	'resourcesText',
	'nextStep'
] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, LIVE_DATA_ROLES);
	const id = idSchema.safeParse(event.params.id);
	if (!id.success) error(404, t('recommendation.not_found'));
	const asOf = todayInCopenhagen();
	const db = await getDb();
	// Scoped to the user's organisation: another organisation's recommendation is simply not found.
	const detail = await loadRecommendationDetail(db, user.organisationId, id.data, asOf);
	if (!detail) error(404, t('recommendation.not_found'));
	const history =
		user.role === 'admin' || user.role === 'director'
			? await listAuditEvents(db, user.organisationId, 'recommendation', id.data)
			: null;
	const html = Object.fromEntries(
		markdownFields.map((field) => [field, renderMarkdown(detail.recommendation[field])])
	) as Record<(typeof markdownFields)[number], string>;
	const isEditor = REGISTER_ROLES.includes(user.role);
	return {
		asOf,
		...detail,
		html,
		history: history?.map((e) => ({ ...e, detail: changedFieldLabels(e.after, e.before) })) ?? null,
		// Which edit pages to offer (each checks access again itself).
		edit: { register: isEditor, followUp: isEditor || (await canEditRecommendation(db, user, id.data)) },
		saved: event.url.searchParams.has('gemt'),
		statusUpdates: detail.statusUpdates.map((u) => ({ ...u, html: renderMarkdown(u.body) }))
	};
};
