import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loadOverview } from '$lib/server/progress';
import { isIsoDate, todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/messages';

const asOfSchema = z
	.string()
	.refine(isIsoDate, { error: t('overview.as_of_invalid') })
	.optional();

export const load: PageServerLoad = async ({ locals, url }) => {
	const parsed = asOfSchema.safeParse(url.searchParams.get('asOf') ?? undefined);
	if (!parsed.success) error(400, parsed.error.issues[0].message);
	const asOf = parsed.data ?? todayInCopenhagen();
	if (!locals.organisation) return { asOf, rows: [] };
	const rows = await loadOverview(await getDb(), locals.organisation.id, asOf);
	return { asOf, rows };
};
