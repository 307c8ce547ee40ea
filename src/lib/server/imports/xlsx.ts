import ExcelJS from 'exceljs';
import { decimalText } from './decimal-text';
import type { TableRow } from './types';

/** Whether bytes (or their name or type) are an XLSX workbook: a ZIP container starts with `PK\x03\x04`. */
export function looksLikeXlsx(bytes: Uint8Array, filename?: string, contentType?: string): boolean {
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	return (
		zip ||
		/\.xlsx$/i.test(filename ?? '') ||
		contentType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
}

/**
 * The non-empty rows of the first worksheet as text, with Excel's row numbers as line numbers;
 * null when the bytes are not a workbook exceljs can open.
 * @example const rows = await readXlsxRows(bytes); // [{ line: 1, cells: ['Nøgletal', …], numeric: [false, …] }, …]
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<TableRow[] | null> {
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs declares its `Buffer` as an ArrayBuffer; JSZip reads either.
		await workbook.xlsx.load(bytes.slice().buffer);
	} catch {
		return null;
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return [];
	const rows: TableRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: string[] = [];
		const numeric: boolean[] = [];
		for (let column = 1; column <= row.cellCount; column++) {
			const value = row.getCell(column).value;
			const resolved = isFormula(value) ? value.result : value;
			cells.push(cellText(resolved));
			numeric.push(typeof resolved === 'number');
		}
		rows.push({ line: rowNumber, cells, numeric });
	});
	return rows;
}

function isFormula(value: ExcelJS.CellValue): value is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
	return typeof value === 'object' && value !== null && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value);
}

/** Text of a cell value: numbers with '.', dates as 'YYYY-MM-DD', rich text joined, errors as Excel shows them. */
function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return decimalText(value);
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value && Array.isArray(value.richText)) {
			return value.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
		}
		if ('text' in value) return cellText(value.text);
		if ('error' in value) return String(value.error);
	}
	return '';
}
