import { exportFileName, toDanishCsv, toXlsx } from '../exports';
import type { ReportContent } from './content';
import { reportDocx, type DocxMeta } from './docx';
import { reportBilagDocx } from './docx-bilag';
import { reportFiguresTable } from './figures';

/** The Word agenda item, its bilag (Word), and all figures as CSV or XLSX. */
export const REPORT_FORMATS = ['docx', 'bilag', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	bilag: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/**
 * The HTTP response with a report's download: the Word agenda item or its bilag, or all its figures as CSV/XLSX.
 * @example return reportDownload(content, 'docx', { edition: 1, approvedAt, changeNote: '' });
 */
export async function reportDownload(content: ReportContent, format: ReportFormat, meta: DocxMeta): Promise<Response> {
	const body =
		format === 'docx'
			? await reportDocx(content, meta)
			: format === 'bilag'
				? await reportBilagDocx(content, meta)
				: format === 'csv'
					? toDanishCsv(reportFiguresTable(content))
					: await toXlsx(reportFiguresTable(content));
	const stem = `aarsstatus-${content.organisation.slug}-${content.year}-v${meta.edition}`;
	const name =
		format === 'bilag'
			? exportFileName(`${stem}-bilag`, 'docx', content.asOf)
			: exportFileName(stem, format, content.asOf);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
}
