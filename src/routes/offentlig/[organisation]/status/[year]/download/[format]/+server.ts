import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { publicReportParams } from '$lib/schemas/annual-report';
import { findPublicReport, findReportMeeting, REPORT_FORMATS, reportDownload } from '$lib/server/annual-report';
import { t } from '$lib/server/messages';
import { loadOrganisationLogo } from '$lib/server/auth';

const paramsSchema = publicReportParams.extend({ format: z.enum(REPORT_FORMATS) });

/** GET /offentlig/{organisation}/status/{year}/download/{docx|bilag|csv|xlsx} — the public report's downloads; 404 unless published publicly. */
export const GET: RequestHandler = async (event) => {
	const params = paramsSchema.safeParse(event.params);
	if (!params.success) error(404, t('annual.not_found'));
	const db = await getDb();
	const report = await findPublicReport(db, params.data.organisation, params.data.year);
	if (!report) error(404, t('annual.not_found'));
	return reportDownload(report.snapshot, params.data.format, {
		edition: report.edition,
		approvedAt: null,
		changeNote: report.changeNote,
		meeting: await findReportMeeting(db, report.organisation.id, report.id),
		logo: await loadOrganisationLogo(db, report.organisation.id)
	});
};
