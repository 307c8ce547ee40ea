// The annual status report (table annual_report): its content composed as of a date, its workflow, the frozen snapshot, the public link and its Word/CSV/XLSX downloads.
export { composeAnnualReport, type ComposeOptions } from './compose';
export {
	REPORT_FORMAT,
	type ReportBudget,
	type ReportKpi,
	type ReportRecommendation,
	type ReportContent
} from './content';
export { reportDocx, statusInWords, type DocxMeta, type ReportMeeting } from './docx';
export { reportBilagDocx } from './docx-bilag';
export { REPORT_FORMATS, reportDownload, type ReportFormat } from './download';
export { reportFiguresTable } from './figures';
export { findReportMeeting, setReportMeeting } from './meeting';
export {
	REPORT_STEPS,
	listAnnualReports,
	findAnnualReport,
	findAnnualReportHead,
	findPublicReport,
	reportContent,
	exampleDataKpis,
	publicReportUrl,
	newestEdition,
	type ReportStep,
	type ReportRow,
	type FoundReport,
	type ReportHead
} from './reports';
export { reportPageContent } from './page-content';
export { reportView, type ReportView, type ReportViewRecommendation } from './view';
export {
	createAnnualReport,
	takeReportStep,
	setReportPublic,
	setReportAsOf,
	startReportCorrection,
	type ReportWrite,
	type StepConfirmations
} from './workflow';
