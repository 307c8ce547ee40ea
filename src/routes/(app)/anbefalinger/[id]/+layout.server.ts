import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { requireCan } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/infra/db';
import { t } from '$lib/server/messages';
import { findRecommendation, pathId } from '$lib/server/register';

/**
 * The recommendation of the path, found once for the page and its sub-pages (rediger, forløb, budget,
 * opfølgning): anyone who may read the live register sees it, in their own organisation only (another
 * organisation's is simply not found). Each sub-page asks the policy again for what it edits.
 */
export const load: LayoutServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	const id = pathId(event);
	const recommendation = await findRecommendation(await getDb(), user.organisationId, id);
	if (!recommendation) error(404, t('recommendation.not_found'));
	return { recommendation };
};
