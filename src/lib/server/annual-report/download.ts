import { exportFileName, toDanishCsv, toXlsx } from '../exports';
import type { ReportContent } from './content';
import { reportDocx } from './docx';
import { reportFiguresTable } from './figures';

export type ReportFormat = 'docx' | 'csv' | 'xlsx';

const CONTENT_TYPES: Record<ReportFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/**
 * The HTTP response with a report's download: the Word agenda item, or all its figures as CSV/XLSX.
 * @example return reportDownload(content, 'docx', { edition: 1, approvedAt, changeNote: '' });
 */
export async function reportDownload(
	content: ReportContent,
	format: ReportFormat,
	meta: { edition: number; approvedAt: Date | null; changeNote: string }
): Promise<Response> {
	const body =
		format === 'docx'
			? await reportDocx(content, meta)
			: format === 'csv'
				? toDanishCsv(reportFiguresTable(content))
				: await toXlsx(reportFiguresTable(content));
	const name = exportFileName(
		`aarsstatus-${content.organisation.slug}-${content.year}-v${meta.edition}`,
		format,
		content.asOf
	);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
}
