import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { findPublicReport } from '$lib/server/repositories/annual-reports';
import { t } from '$lib/messages';

const paramsSchema = z.object({
	organisation: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60),
	year: z.coerce.number().int().min(1900).max(2199)
});

/**
 * The annual status an admin has published publicly: no sign-in, only the frozen snapshot of a
 * published report marked public; any other organisation, year or state is 404.
 */
export const load: PageServerLoad = async (event) => {
	const params = paramsSchema.safeParse(event.params);
	if (!params.success) error(404, t('annual.not_found'));
	const report = await findPublicReport(await getDb(), params.data.organisation, params.data.year);
	if (!report) error(404, t('annual.not_found'));
	return {
		content: report.snapshot,
		edition: report.edition,
		changeNote: report.changeNote,
		publishedAt: report.publishedAt
	};
};
