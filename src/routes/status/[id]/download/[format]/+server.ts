import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/policy';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { loadOrganisationLogo, requireUser } from '$lib/server/auth';
import {
	findAnnualReport,
	findReportMeeting,
	REPORT_FORMATS,
	reportContent,
	reportDownload
} from '$lib/server/annual-report';
import { idText } from '$lib/schemas/fields';
import { t } from '$lib/server/messages';

const paramsSchema = z.object({ id: idText(false, t('annual.not_found')), format: z.enum(REPORT_FORMATS) });

/**
 * GET /status/{id}/download/{docx|bilag|csv|xlsx} — the report as a Word agenda item and its bilag, or its figures as
 * CSV/XLSX, from the same content the page shows (the frozen snapshot once approved). Politicians
 * get published reports only; anything else is 404, as on the page.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const params = paramsSchema.safeParse(event.params);
	if (!params.success) error(404, t('annual.not_found'));
	const db = await getDb();
	const report = await findAnnualReport(db, user.organisationId, params.data.id);
	if (!report || !can(user, 'report.read', { state: report.state })) error(404, t('annual.not_found'));
	const content = await reportContent(db, user.organisationId, report);
	return reportDownload(content, params.data.format, {
		edition: report.edition,
		approvedAt: report.approvedAt,
		changeNote: report.changeNote,
		meeting: await findReportMeeting(db, user.organisationId, report.id),
		logo: await loadOrganisationLogo(db, user.organisationId)
	});
};
