import ExcelJS from 'exceljs';
import { t } from '$lib/server/messages';
import { copenhagenWallClock } from './local-time';
import type { Table, TableColumn } from './table';

/** Excel refuses sheet names longer than 31 characters or holding any of \ / ? * [ ] : */
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Excel's paper size code for A4. */
const A4 = 9;

type CellValue = string | number | Date | null;

/**
 * The table as an Excel workbook of one sheet: bold frozen header with autofilter, real numbers
 * shown with the row's decimals, real dates in Copenhagen time, Ja/Nej for yes/no; it prints on A4
 * landscape, fitted to one page wide, with the header row repeated on every page.
 * @example const bytes = await toXlsx(observationTable(rows));
 */
export async function toXlsx(table: Table): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(sheetName(table.sheetName), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	const widths = table.columns.map((column) => column.heading.length);

	const header = sheet.addRow(table.columns.map((column) => column.heading));
	header.font = { bold: true };

	for (const row of table.rows) {
		const added = sheet.addRow(table.columns.map((column) => xlsxValue(column, row[column.key])));
		table.columns.forEach((column, index) => {
			const cell = added.getCell(index + 1);
			const format = numberFormat(column, row);
			if (format) cell.numFmt = format;
			widths[index] = Math.max(widths[index], displayLength(cell.value as CellValue, column));
		});
	}

	widths.forEach((width, index) => {
		sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
	});
	// Printed as Danish offices print: A4 landscape, one page wide, the header row on every page.
	sheet.pageSetup = { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
	sheet.pageSetup.printTitlesRow = '1:1';
	if (table.columns.length > 0) {
		sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
	}
	// exceljs types its Node Buffer as its own ArrayBuffer-like interface.
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}

function xlsxValue(column: TableColumn, value: unknown): CellValue {
	if (value === null || value === undefined) return null;
	switch (column.kind) {
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) break;
			return value;
		case 'date': {
			if (!(value instanceof Date)) break;
			// Excel dates have no time zone: write the Copenhagen wall clock (exceljs reads a Date as UTC).
			const c = copenhagenWallClock(value);
			return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
		}
		case 'boolean':
			if (typeof value !== 'boolean') break;
			return t(value ? 'export.yes' : 'export.no');
		case 'text':
			return String(value);
	}
	throw new TypeError(`Column "${column.key}" (${column.kind}) cannot hold ${String(value)}`);
}

/** The cell's number format: the row's decimals for numbers, minutes for dates. */
function numberFormat(column: TableColumn, row: Record<string, unknown>): string | undefined {
	if (column.kind === 'date') return DATE_FORMAT;
	if (column.kind !== 'number' || !column.decimalsKey) return undefined;
	const decimals = row[column.decimalsKey];
	if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
		return undefined;
	}
	return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

/** Roughly how many characters the cell shows, for the column width. */
function displayLength(value: CellValue, column: TableColumn): number {
	if (value === null) return 0;
	if (column.kind === 'date') return DATE_FORMAT.length;
	if (typeof value === 'number') return String(value).length + Math.floor(String(Math.trunc(value)).length / 3);
	const text = String(value);
	return Math.max(...text.split(/\r?\n/).map((line) => line.length));
}

function sheetName(name: string): string {
	const cleaned = name.replace(SHEET_NAME_FORBIDDEN, '-').trim().slice(0, 31);
	return cleaned || t('export.sheet');
}
