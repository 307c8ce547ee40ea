import type { ImportTable, TableRow } from './types';

/** A correction typed into the preview table: the cell at `line`/`column`, what it showed and what it says now. */
export interface CellEdit {
	line: number;
	column: number;
	original: string;
	text: string;
}

/** The most corrections one preview may carry (every error row shown has at most four cells). */
export const MAX_CELL_EDITS = 2000;

/**
 * Reads the corrections a preview form sends (`edit:<line>:<column>` with `original:<line>:<column>`).
 * @example readCellEdits(await request.formData()) // [{ line: 8, column: 1, original: '6,9x', text: '6,9' }]
 */
export function readCellEdits(form: FormData): CellEdit[] {
	const edits: CellEdit[] = [];
	for (const [name, value] of form) {
		const match = /^edit:(\d{1,7}):(\d{1,2})$/.exec(name);
		if (!match || typeof value !== 'string' || edits.length >= MAX_CELL_EDITS) continue;
		const original = form.get(`original:${match[1]}:${match[2]}`);
		edits.push({
			line: Number(match[1]),
			column: Number(match[2]),
			original: typeof original === 'string' ? original : '',
			text: value.slice(0, 5000)
		});
	}
	return edits;
}

/**
 * The table with the corrections made; a correction whose cell no longer shows what it showed (the text
 * was changed as well) is left out rather than written over someone's newer text. A corrected cell is
 * text typed by a person: its spreadsheet number format no longer applies.
 * @example applyCellEdits(table, edits).changed // 1
 */
export function applyCellEdits(
	table: ImportTable,
	edits: readonly CellEdit[]
): { table: ImportTable; changed: number } {
	if (edits.length === 0) return { table, changed: 0 };
	const byLine = new Map(table.rows.map((row, index) => [row.line, index]));
	const rows = [...table.rows];
	let changed = 0;
	for (const edit of edits) {
		const index = byLine.get(edit.line);
		if (index === undefined) continue;
		const row = rows[index];
		const current = row.cells[edit.column] ?? '';
		if (current !== edit.original || current === edit.text) continue;
		const cells = [...row.cells];
		while (cells.length <= edit.column) cells.push('');
		cells[edit.column] = edit.text;
		const next: TableRow = { line: row.line, cells };
		if (row.numeric) next.numeric = row.numeric.map((numeric, column) => numeric && column !== edit.column);
		if (row.format) next.format = row.format.map((format, column) => (column === edit.column ? null : format));
		rows[index] = next;
		changed++;
	}
	return { table: { ...table, rows }, changed };
}

/**
 * A pasted table written back as tab-separated text, each row on its own line number (blank lines kept
 * where the paste had them), so the paste box shows what the preview read, corrections included.
 * @example tableAsText({ rows: [{ line: 1, cells: ['okt 2024', '6,9'] }], decimalSeparator: ',' }) // 'okt 2024\t6,9'
 */
export function tableAsText(table: ImportTable): string {
	const lines: string[] = [];
	for (const row of table.rows) {
		while (lines.length < row.line - 1) lines.push('');
		lines.push(row.cells.map(quoteCell).join('\t'));
	}
	return lines.join('\n');
}

/** A cell with a tab, line break or quote is quoted the way Excel puts it on the clipboard. */
function quoteCell(cell: string): string {
	return /[\t\n"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
