import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loadOverview } from '$lib/server/progress';
import { isIsoDate, todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/messages';
import { requireRole } from '$lib/server/auth/guards';
import { LIVE_DATA_ROLES } from '$lib/server/auth/access';

const asOfSchema = z
	.string()
	.refine(isIsoDate, { error: t('overview.as_of_invalid') })
	.optional();

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, LIVE_DATA_ROLES);
	const parsed = asOfSchema.safeParse(event.url.searchParams.get('asOf') ?? undefined);
	if (!parsed.success) error(400, parsed.error.issues[0].message);
	const asOf = parsed.data ?? todayInCopenhagen();
	const rows = await loadOverview(await getDb(), user.organisationId, asOf);
	return { asOf, rows };
};
