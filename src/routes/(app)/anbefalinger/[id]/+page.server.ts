import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loadRecommendationDetail } from '$lib/server/recommendation-detail';
import { renderMarkdown } from '$lib/server/markdown';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/messages';

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

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = idSchema.safeParse(params.id);
	if (!id.success || !locals.organisation) error(404, t('recommendation.not_found'));
	const asOf = todayInCopenhagen();
	const detail = await loadRecommendationDetail(await getDb(), locals.organisation.id, id.data, asOf);
	if (!detail) error(404, t('recommendation.not_found'));
	const html = Object.fromEntries(
		markdownFields.map((field) => [field, renderMarkdown(detail.recommendation[field])])
	) as Record<(typeof markdownFields)[number], string>;
	return {
		asOf,
		...detail,
		html,
		statusUpdates: detail.statusUpdates.map((u) => ({ ...u, html: renderMarkdown(u.body) }))
	};
};
