import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { REPORT_FORMAT, type ReportContent } from './content';
import { reportDownload } from './download';

const budget = { yearAllocatedKr: 100_000, yearSpentKr: 80_000, totalAllocatedKr: 200_000, totalSpentKr: 150_000 };

/** A report of one recommendation with one KPI: enough rows for the sheet. */
const content: ReportContent = {
	format: REPORT_FORMAT,
	organisation: { name: 'Norddjurs Kommune', slug: 'norddjurs' },
	programme: null,
	year: 2024,
	asOf: '2025-02-28',
	composedAt: '2025-03-01T09:00:00.000Z',
	summary: { recommendations: 1, statusCounts: [{ key: 'on_track', count: 1 }], budget },
	recommendations: [
		{
			id: 1,
			number: 1,
			title: 'Før-lederforløb',
			programmeName: '§17, stk. 4-udvalget',
			themeName: null,
			lifecycle: 'in_progress',
			lifecycleChangedOn: null,
			decision: null,
			status: { source: 'kpi', status: 'on_track', computed: 'on_track', override: null },
			overdue: false,
			kpis: [
				{
					id: 7,
					name: 'Andel nye ledere rekrutteret internt',
					unit: 'percent',
					decimals: 0,
					direction: 'higher',
					isPrimary: true,
					illustrative: true,
					baseline: { value: 28, period: '2022' },
					target: { value: 40, period: '2025' },
					latest: { value: 35, period: '2024' },
					status: 'on_track',
					overdue: false
				}
			],
			charts: [],
			budget,
			followUpItems: [],
			narrative: null,
			nextStep: { body: '', html: '' }
		}
	]
};

test("the report's XLSX prints on A4 landscape, one page wide, with the header row on every page", async () => {
	const response = await reportDownload(content, 'xlsx', { edition: 1, approvedAt: null, changeNote: '' });
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(await response.arrayBuffer());
	const sheet = workbook.worksheets[0];
	expect(sheet.getRow(1).getCell(1).value).toBe('Anbefaling nr.');
	expect(sheet.pageSetup).toMatchObject({
		paperSize: 9,
		orientation: 'landscape',
		fitToPage: true,
		fitToWidth: 1,
		fitToHeight: 0
	});
	// exceljs writes the repeated rows as the sheet's Print_Titles name and reads them back into the page setup.
	expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
});
