import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { findPublicReport, publicReportUrl } from '$lib/server/annual-report';
import { findOrganisationLogoStamp } from '$lib/server/auth';
import { publicReportParams } from '$lib/schemas/annual-report';
import { t } from '$lib/server/messages';

/**
 * The annual status an admin has published publicly: no sign-in, only the frozen snapshot of a
 * published report marked public; any other organisation, year or state is 404. With it the full
 * public address (from the request's origin, ORIGIN behind a proxy) and the municipality's logo.
 */
export const load: PageServerLoad = async (event) => {
	const params = publicReportParams.safeParse(event.params);
	if (!params.success) error(404, t('annual.not_found'));
	const db = await getDb();
	const report = await findPublicReport(db, params.data.organisation, params.data.year);
	if (!report) error(404, t('annual.not_found'));
	const logoStamp = await findOrganisationLogoStamp(db, report.organisation.id);
	return {
		content: report.snapshot,
		organisationName: report.organisation.name,
		publicUrl: publicReportUrl(event.url.origin, params.data.organisation, params.data.year),
		logoUrl: logoStamp ? `/offentlig/${params.data.organisation}/logo?v=${logoStamp.getTime()}` : null,
		edition: report.edition,
		changeNote: report.changeNote,
		publishedAt: report.publishedAt
	};
};
