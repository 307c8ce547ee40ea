import { stringify } from 'csv-stringify/sync';
import { t } from '$lib/server/messages';
import { copenhagenWallClock } from './local-time';
import type { Table, TableColumn } from './table';

/** Plain digits with a decimal point, never grouped and never in exponent notation (1e21, 1e-7). */
const plainNumber = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });
/**
 * Text Excel would run as a formula when the file is opened (OWASP "CSV injection"), and the full-width
 * ＝ ＋ － ＠, which spreadsheet programs may fold into their ASCII twins.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The table as CSV the way Danish Excel writes it: UTF-8 with BOM, ';' between fields, CRLF line
 * ends, decimal comma without thousands separator, times 'YYYY-MM-DD HH:MM' in Copenhagen, Ja/Nej.
 * @example return new Response(toDanishCsv(observationTable(rows)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
 */
export function toDanishCsv(table: Table): Uint8Array {
	const records = [
		table.columns.map((column) => column.heading),
		...table.rows.map((row) => table.columns.map((column) => csvCell(column, row[column.key])))
	];
	const text = stringify(records, {
		bom: true,
		delimiter: ';',
		record_delimiter: 'windows',
		// csv-stringify quotes a field holding the record delimiter (CRLF), not a lone LF or CR.
		quoted_match: /[\r\n]/
	});
	return new TextEncoder().encode(text);
}

function csvCell(column: TableColumn, value: unknown): string {
	if (value === null || value === undefined) return '';
	switch (column.kind) {
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) break;
			return plainNumber.format(value).replace('.', ',');
		case 'date': {
			if (!(value instanceof Date)) break;
			const c = copenhagenWallClock(value);
			return `${c.year}-${pad2(c.month)}-${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}`;
		}
		case 'boolean':
			if (typeof value !== 'boolean') break;
			return t(value ? 'export.yes' : 'export.no');
		case 'text': {
			const text = String(value);
			// A leading apostrophe makes Excel show the text instead of evaluating it.
			return FORMULA_START.test(text) ? `'${text}` : text;
		}
	}
	throw new TypeError(`Column "${column.key}" (${column.kind}) cannot hold ${String(value)}`);
}

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}
