import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { findPublicReport } from '$lib/server/annual-report';
import { publicReportParams } from '$lib/schemas/annual-report';
import { t } from '$lib/server/messages';

/**
 * The annual status an admin has published publicly: no sign-in, only the frozen snapshot of a
 * published report marked public; any other organisation, year or state is 404.
 */
export const load: PageServerLoad = async (event) => {
	const params = publicReportParams.safeParse(event.params);
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
