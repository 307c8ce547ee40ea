import { parse, type InfoRecord } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { t } from '../messages';
import { formatNumber } from '../../domain/format';
import type { DecimalSeparator } from '../../domain/numbers';
import { XLSX_CONTENT_TYPE, looksLikeXlsx, readXlsxRows, tooManyColumnsIn } from './xlsx';
import {
	MAX_IMPORT_COLUMNS,
	MAX_IMPORT_MEGABYTES,
	MAX_IMPORT_ROWS,
	XLSX_CONCURRENT_READS,
	XLSX_WAITING_READS
} from './limits';
import { createGate } from './gate';
import type { ReadResult, TableRow } from './types';

export { MAX_IMPORT_MEGABYTES, MAX_IMPORT_ROWS };
/** What the import API accepts as its body's Content-Type (uploads in the UI are read by their bytes). */
export const IMPORT_CONTENT_TYPES = ['text/csv', XLSX_CONTENT_TYPE] as const;

export interface ReadInput {
	/** An uploaded file: XLSX, or CSV in UTF-8 (with or without BOM), UTF-16 or Windows-1252. */
	bytes?: Uint8Array;
	/** Cells pasted from Excel (tab-separated; `;` or `,` when there is no tab). Used when `bytes` is empty. */
	text?: string;
	filename?: string;
	contentType?: string;
}

type Delimiter = ';' | ',' | '\t';

/**
 * Reads an uploaded file or a paste into rows of text cells, with the line numbers a person sees
 * (header = line 1); completely empty rows are left out. Fails with a Danish message when the input
 * is too large, unreadable, has too many rows or no data rows.
 * @example const table = await readTable({ bytes, filename: 'sygefravær.csv' }); if (!table.ok) return fail(400, { message: table.message });
 */
export async function readTable(input: ReadInput): Promise<ReadResult> {
	const bytes = input.bytes && input.bytes.byteLength > 0 ? input.bytes : null;
	const source = bytes ? 'file' : 'paste';
	const size = bytes ? bytes.byteLength : Buffer.byteLength(input.text ?? '', 'utf8');
	if (size > MAX_IMPORT_MEGABYTES * 1024 * 1024) {
		const key = bytes ? 'import.too_large' : 'import.paste_too_large';
		return { ok: false, message: t(key, { max: MAX_IMPORT_MEGABYTES }) };
	}
	const read = bytes ? await readFile(bytes, input.filename, input.contentType) : readDelimited(input.text ?? '', true);
	if (!read) return { ok: false, message: t(bytes ? 'import.unreadable' : 'import.paste_unreadable') };
	if ('message' in read) return { ok: false, ...read };
	const rows = read.rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
	// A paste may be one row without a header (a single value for one KPI); the preview decides.
	if (rows.length === 0 || (rows.length === 1 && bytes)) return { ok: false, message: t('import.empty') };
	if (rows.length - 1 > MAX_IMPORT_ROWS) {
		const key = bytes ? 'import.too_many_rows' : 'import.paste_too_many_rows';
		return { ok: false, message: t(key, { max: formatNumber(MAX_IMPORT_ROWS) }) };
	}
	return { ok: true, rows, decimalSeparator: read.decimalSeparator, source };
}

const xlsxGate = createGate(XLSX_CONCURRENT_READS, XLSX_WAITING_READS);

type Read = { rows: TableRow[]; decimalSeparator: DecimalSeparator } | { message: string; busy?: true } | null;

async function readFile(bytes: Uint8Array, filename?: string, contentType?: string): Promise<Read> {
	if (looksLikeXlsx(bytes, filename, contentType)) {
		const read = await xlsxGate.run(() => readXlsxRows(bytes, MAX_IMPORT_ROWS));
		if (read === 'busy') return { message: t('import.busy'), busy: true };
		// Number cells say their own decimal point (see TableRow.numeric); text cells are typed by people.
		return read.ok ? { rows: read.rows, decimalSeparator: 'auto' } : { message: read.message };
	}
	const text = decodeText(bytes);
	return text === null ? null : readDelimited(text, false);
}

/** UTF-8 (BOM optional) when the bytes are valid UTF-8, UTF-16 with its BOM, else Windows-1252. */
function decodeText(bytes: Uint8Array): string | null {
	// An old binary .xls (OLE2 container) is not text in any encoding.
	if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return null;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = hasBom ? bytes.subarray(3) : bytes;
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
	} catch {
		return iconv.decode(body, 'win1252');
	}
}

function readDelimited(text: string, pasted: boolean): Read {
	// One kind of line break, so csv-parse's line count is the line number an editor shows.
	const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	if (normalised.includes('\u0000')) return null;
	const delimiter = pasted && normalised.includes('\t') ? '\t' : detectDelimiter(normalised);
	const crowded = crowdedLine(normalised, delimiter);
	if (crowded !== null) {
		const shown = delimiter === '\t' ? 'tabulator' : delimiter;
		return {
			message: t('import.too_many_separators', {
				line: crowded,
				max: formatNumber(MAX_DELIMITERS_PER_LINE),
				delimiter: shown,
				columns: MAX_IMPORT_COLUMNS
			})
		};
	}
	// Count the records before splitting: a file of millions of short lines is refused without holding them.
	if (countRecords(normalised, delimiter) - 1 > MAX_IMPORT_ROWS)
		return {
			message: t(pasted ? 'import.paste_too_many_rows' : 'import.too_many_rows', { max: formatNumber(MAX_IMPORT_ROWS) })
		};
	const rows: TableRow[] = [];
	let refusal: string | null = null;
	try {
		parse(normalised, {
			delimiter,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			info: true,
			// Rows are kept one by one as they are read, empty ones dropped, and reading stops at the first limit passed.
			on_record: (({ record, info }: { record: string[]; info: InfoRecord }) => {
				// info.lines is where the record ends; quoted line breaks inside it push that past its start.
				const line = info.lines - record.reduce((breaks, cell) => breaks + countLineBreaks(cell), 0);
				let width = record.length;
				while (width > 0 && record[width - 1].trim() === '') width--;
				if (width === 0) return null;
				if (width > MAX_IMPORT_COLUMNS) refusal = tooManyColumnsIn(line, width - 1).message;
				else if (rows.length > MAX_IMPORT_ROWS)
					refusal = t(pasted ? 'import.paste_too_many_rows' : 'import.too_many_rows', {
						max: formatNumber(MAX_IMPORT_ROWS)
					});
				if (refusal) throw new Error(refusal);
				// Cells up to the limit are kept as written, trailing empty ones included.
				rows.push({ line, cells: record.length > MAX_IMPORT_COLUMNS ? record.slice(0, MAX_IMPORT_COLUMNS) : record });
				return null;
			}) as unknown as (record: unknown) => null
		});
	} catch {
		return refusal ? { message: refusal } : null;
	}
	// Danish Excel writes `;`-separated CSV and tab-separated pastes with a decimal comma.
	return { rows, decimalSeparator: delimiter === ',' ? '.' : ',' };
}

/** More separators on one line than any table of ours has columns: a file made to be expensive to split. */
const MAX_DELIMITERS_PER_LINE = 1000;

/** The first line (1-based) with more than MAX_DELIMITERS_PER_LINE separators, counted without allocating; null when none has. */
function crowdedLine(text: string, delimiter: Delimiter): number | null {
	let line = 1;
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 10) {
			line++;
			count = 0;
		} else if (code === delimiter.charCodeAt(0) && ++count > MAX_DELIMITERS_PER_LINE) {
			return line;
		}
	}
	return null;
}

/**
 * How many records with content the text holds, counted as csv-parse reads them (a line break inside a
 * quoted cell does not end a record; a record of separators and blanks only is left out), without allocating.
 * A file that is not well-formed may be counted a little high; such a file is refused by the parser anyway.
 */
export function countRecords(text: string, delimiter: Delimiter): number {
	const separator = delimiter.charCodeAt(0);
	let records = 0;
	let content = false;
	let quoted = false;
	let fieldStart = true;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (quoted) {
			if (code === 34) {
				if (text.charCodeAt(i + 1) === 34) i++;
				else quoted = false;
			} else if (isVisible(text, i, code)) content = true;
		} else if (code === 10) {
			if (content) records++;
			content = false;
			fieldStart = true;
		} else if (code === separator) {
			fieldStart = true;
		} else if (code === 34 && fieldStart) {
			quoted = true;
			fieldStart = false;
		} else {
			fieldStart = false;
			if (isVisible(text, i, code)) content = true;
		}
	}
	return content ? records + 1 : records;
}

/** Whether the character is kept by String.prototype.trim (ASCII without allocating; the rest as trim sees it). */
function isVisible(text: string, i: number, code: number): boolean {
	return code < 128 ? code > 32 : text[i].trim() !== '';
}

/** The header line decides: tabs if they outnumber the rest, `;` if more than `,`, else `,`. */
function detectDelimiter(text: string): Delimiter {
	let header = '';
	// Line by line up to the first with content: splitting the whole of a 5 MB file would hold millions of strings.
	for (let start = 0; start < text.length && header.trim() === '';) {
		const end = text.indexOf('\n', start);
		header = text.slice(start, end < 0 ? text.length : end);
		start = end < 0 ? text.length : end + 1;
	}
	const count = (character: string) => {
		let n = 0;
		for (let i = header.indexOf(character); i >= 0; i = header.indexOf(character, i + 1)) n++;
		return n;
	};
	const [tabs, semicolons, commas] = [count('\t'), count(';'), count(',')];
	if (tabs > semicolons && tabs > commas) return '\t';
	return semicolons > commas ? ';' : ',';
}

function countLineBreaks(cell: string): number {
	let breaks = 0;
	for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks++;
	return breaks;
}
