import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { t, type MessageArgs, type MessageKey, type PlainMessageKey } from '../messages';
import { formatNumber } from '../../domain/format';
import { plainDecimal } from '../../domain/numbers';
import { MAX_CELL_CHARACTERS, MAX_IMPORT_COLUMNS, MAX_TABLE_CHARACTERS, XLSX_PART_LIMITS } from './limits';
import { readZipDirectory, streamZipEntry, ZipError, type ZipEntry } from './zip';
import type { CellFormat, TableRow } from './types';

/** The media type of an XLSX workbook. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether bytes (or their name or type) are an XLSX workbook: a ZIP container starts with `PK\x03\x04`. */
export function looksLikeXlsx(bytes: Uint8Array, filename?: string, contentType?: string): boolean {
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	return zip || /\.xlsx$/i.test(filename ?? '') || contentType === XLSX_CONTENT_TYPE;
}

export type XlsxRead = { ok: true; rows: TableRow[] } | { ok: false; message: string };

/** A refusal found while reading; carries the Danish message that names the limit. */
class Refusal extends Error {}

const refuse = <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => new Refusal(t(key, ...params));

/**
 * The non-empty rows of the first worksheet as text, with Excel's row numbers as line numbers.
 * Reads the archive the way an attacker cannot exploit: the directory's sizes are checked first,
 * each part is inflated as a stream with a hard cap, only cells that exist are read, at most
 * MAX_IMPORT_COLUMNS columns and `maxRows` non-empty rows. Refusals name the limit in Danish.
 * @example const read = await readXlsxRows(bytes, 20_000); // { ok: true, rows: [{ line: 1, cells: ['Nøgletal', …], numeric: [false, …] }, …] }
 */
export async function readXlsxRows(bytes: Uint8Array, maxRows: number): Promise<XlsxRead> {
	try {
		return { ok: true, rows: await readRows(bytes, maxRows) };
	} catch (error) {
		if (error instanceof Refusal) return { ok: false, message: error.message };
		if (error instanceof ZipError && error.reason === 'too_large')
			return { ok: false, message: t('import.xlsx_archive_too_large') };
		if (error instanceof ZipError && error.reason === 'larger_than_claimed')
			return { ok: false, message: t('import.xlsx_archive_inconsistent') };
		if (error instanceof ZipError || isXmlError(error)) return { ok: false, message: t('import.unreadable') };
		throw error;
	}
}

function isXmlError(error: unknown): boolean {
	// saxes reports malformed XML as a plain Error whose message starts with its position.
	return error instanceof Error && /^\S*:?\d+:\d+: /.test(error.message);
}

interface Workbook {
	entries: Map<string, ZipEntry>;
	sheet: ZipEntry;
	sharedStrings: ZipEntry | undefined;
	styles: ZipEntry | undefined;
	date1904: boolean;
}

async function readRows(bytes: Uint8Array, maxRows: number): Promise<TableRow[]> {
	const workbook = await openWorkbook(bytes);
	const styles = workbook.styles ? await readCellStyles(bytes, workbook.styles) : NO_STYLES;
	const sheet = await readSheet(bytes, workbook, styles, maxRows);
	const shared =
		workbook.sharedStrings && sheet.sharedUsed ? await readSharedStrings(bytes, workbook.sharedStrings) : [];
	let characters = sheet.characters;
	for (const { row, column, index } of sheet.sharedCells) {
		const text = shared[index];
		if (text === undefined) throw refuse('import.unreadable');
		characters += text.length;
		if (characters > MAX_TABLE_CHARACTERS)
			throw refuse('import.xlsx_too_much_text', { max: formatNumber(MAX_TABLE_CHARACTERS) });
		row.cells[column] = text;
	}
	return sheet.rows;
}

/** Finds the first worksheet and checks every part's unpacked size before anything is parsed. */
async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
	const entries = readZipDirectory(bytes);
	const part = (name: string) => entries.get(name);
	const workbookEntry = part('xl/workbook.xml');
	const relsEntry = part('xl/_rels/workbook.xml.rels');
	if (!workbookEntry || !relsEntry) throw new ZipError('unreadable');
	let firstSheetId: string | null = null;
	let date1904 = false;
	await parsePart(bytes, workbookEntry, XLSX_PART_LIMITS.other, {
		open(tag) {
			if (tag.local === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
			if (tag.local === 'sheet' && firstSheetId === null) firstSheetId = tag.attributes['r:id'] ?? null;
		}
	});
	let target: string | null = null;
	await parsePart(bytes, relsEntry, XLSX_PART_LIMITS.other, {
		open(tag) {
			if (tag.local === 'Relationship' && tag.attributes.Id === firstSheetId) target = tag.attributes.Target ?? null;
		}
	});
	const sheet = target === null ? undefined : part(partPath(target));
	if (!sheet) throw new ZipError('unreadable');
	const sharedStrings = part('xl/sharedStrings.xml');
	const styles = part('xl/styles.xml');
	const checks: [ZipEntry | undefined, number, PlainMessageKey][] = [
		[sheet, XLSX_PART_LIMITS.sheet, 'import.xlsx_part_sheet'],
		[sharedStrings, XLSX_PART_LIMITS.sharedStrings, 'import.xlsx_part_shared_strings'],
		[styles, XLSX_PART_LIMITS.other, 'import.xlsx_part_styles']
	];
	for (const [entry, limit, label] of checks) {
		if (entry && entry.uncompressedSize > limit) {
			throw refuse('import.xlsx_part_too_large', {
				part: t(label),
				size: megabytes(entry.uncompressedSize),
				max: megabytes(limit)
			});
		}
	}
	return { entries, sheet, sharedStrings, styles, date1904 };
}

/** A relationship target ('worksheets/sheet1.xml' or '/xl/worksheets/sheet1.xml') as a path in the archive. */
function partPath(target: string): string {
	const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
	const parts: string[] = [];
	for (const segment of path.split('/')) {
		if (segment === '..') parts.pop();
		else if (segment !== '.' && segment !== '') parts.push(segment);
	}
	return parts.join('/');
}

const megabytes = (bytes: number) => `${formatNumber(bytes / (1024 * 1024), bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

interface Tag {
	local: string;
	attributes: Record<string, string>;
}

interface Handlers {
	open?(tag: Tag): void;
	close?(local: string): void;
	text?(text: string): void;
}

/** Streams one part through a SAX parser with a hard cap on its unpacked size; no DTD, no entities beyond XML's own. */
async function parsePart(bytes: Uint8Array, entry: ZipEntry, limit: number, handlers: Handlers): Promise<void> {
	const parser = new SaxesParser();
	parser.on('doctype', () => {
		throw new ZipError('unreadable');
	});
	parser.on('opentag', (tag: SaxesTagPlain) =>
		handlers.open?.({ local: localName(tag.name), attributes: tag.attributes })
	);
	if (handlers.close) parser.on('closetag', (tag: SaxesTagPlain) => handlers.close!(localName(tag.name)));
	if (handlers.text) {
		parser.on('text', handlers.text);
		parser.on('cdata', handlers.text);
	}
	const decoder = new TextDecoder();
	let run = 0;
	const write = (text: string) => {
		// The parser holds a text or attribute whole until it ends: refuse one far beyond a cell's limit before it is held.
		const lastTag = text.lastIndexOf('<');
		run = lastTag < 0 ? run + text.length : text.length - lastTag - 1;
		if (run > MAX_XML_RUN) throw refuse('import.xlsx_text_too_long', { max: formatNumber(MAX_CELL_CHARACTERS) });
		parser.write(text);
	};
	for await (const chunk of streamZipEntry(bytes, entry, limit)) write(decoder.decode(chunk, { stream: true }));
	write(decoder.decode());
	parser.close();
}

/** The longest stretch of XML without a tag: a cell's limit with every character written as an entity (`&#x10FFFF;`). */
const MAX_XML_RUN = MAX_CELL_CHARACTERS * 10;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Excel's built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
	57, 58
]);

/** Excel's built-in percent formats: `0%` and `0.00%`. */
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

/** A custom format shows a percentage when, outside quotes and brackets, it has a `%` (`0.0%`, `0,0 %`). */
function isPercentFormat(code: string): boolean {
	return /%/.test(
		code
			.replace(/\[[^\]]*]/g, '')
			.replace(/"[^"]*"/g, '')
			.replace(/\\./g, '')
	);
}

/** The cell style indexes (`s="…"`) whose number format shows a date, and those that show a percentage. */
interface CellStyles {
	dates: Set<number>;
	percents: Set<number>;
}

const NO_STYLES: CellStyles = { dates: new Set(), percents: new Set() };

/** A custom format shows a date when, outside quotes and brackets, it has a date or time letter. */
function isDateFormat(code: string): boolean {
	const plain = code
		.replace(/\[[^\]]*]/g, '')
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '');
	return /[ymdhsb]/i.test(plain) && !/^general$/i.test(plain.trim());
}

/** Which cell styles show dates and which percentages, as Excel shows them. */
async function readCellStyles(bytes: Uint8Array, entry: ZipEntry): Promise<CellStyles> {
	const customDates = new Set<number>();
	const customPercents = new Set<number>();
	const styles: number[] = [];
	let inCellXfs = false;
	await parsePart(bytes, entry, XLSX_PART_LIMITS.other, {
		open(tag) {
			if (tag.local === 'numFmt' && isDateFormat(tag.attributes.formatCode ?? ''))
				customDates.add(Number(tag.attributes.numFmtId));
			else if (tag.local === 'numFmt' && isPercentFormat(tag.attributes.formatCode ?? ''))
				customPercents.add(Number(tag.attributes.numFmtId));
			if (tag.local === 'cellXfs') inCellXfs = true;
			if (tag.local === 'xf' && inCellXfs) styles.push(Number(tag.attributes.numFmtId ?? 0));
		},
		close(local) {
			if (local === 'cellXfs') inCellXfs = false;
		}
	});
	const found: CellStyles = { dates: new Set(), percents: new Set() };
	styles.forEach((format, index) => {
		if (BUILT_IN_DATE_FORMATS.has(format) || customDates.has(format)) found.dates.add(index);
		else if (BUILT_IN_PERCENT_FORMATS.has(format) || customPercents.has(format)) found.percents.add(index);
	});
	return found;
}

/** The shared texts, rich text runs joined, phonetic guides left out. */
async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry): Promise<string[]> {
	const strings: string[] = [];
	let current: string[] | null = null;
	let length = 0;
	let inText = false;
	let inPhonetic = false;
	await parsePart(bytes, entry, XLSX_PART_LIMITS.sharedStrings, {
		open(tag) {
			if (tag.local === 'si') {
				current = [];
				length = 0;
			} else if (tag.local === 'rPh') inPhonetic = true;
			else if (tag.local === 't') inText = !inPhonetic;
		},
		close(local) {
			if (local === 'si' && current) {
				strings.push(current.join(''));
				current = null;
			} else if (local === 'rPh') inPhonetic = false;
			else if (local === 't') inText = false;
		},
		text(text) {
			if (!inText || !current) return;
			current.push(text);
			length += text.length;
			if (length > MAX_CELL_CHARACTERS)
				throw refuse('import.xlsx_shared_text_too_long', {
					number: formatNumber(strings.length + 1),
					max: formatNumber(MAX_CELL_CHARACTERS)
				});
		}
	});
	return strings;
}

interface SheetRead {
	rows: TableRow[];
	/** Cells that hold a shared text, filled in once the shared texts are read. */
	sharedCells: { row: TableRow; column: number; index: number }[];
	sharedUsed: boolean;
	characters: number;
}

interface CellState {
	column: number;
	type: string;
	dateStyle: boolean;
	percentStyle: boolean;
	value: string[];
	inline: string[];
	/** Characters of value and inline text so far, to refuse an overlong cell while it streams. */
	length: number;
	inValue: boolean;
	inInlineText: boolean;
	inPhonetic: boolean;
}

/** Streams the sheet: only `<c>` elements that exist become cells; refuses past the column, row and text limits. */
async function readSheet(
	bytes: Uint8Array,
	workbook: Workbook,
	styles: CellStyles,
	maxRows: number
): Promise<SheetRead> {
	const result: SheetRead = { rows: [], sharedCells: [], sharedUsed: false, characters: 0 };
	let rowNumber = 0;
	let cells: string[] = [];
	let numeric: boolean[] = [];
	// Only rows with a date or percent cell get these (most rows of most files have none).
	let format: CellFormat[] | null = null;
	let shared: { column: number; index: number }[] = [];
	let nextColumn = 0;
	let cell: CellState | null = null;

	const tooManyColumns = (column: number) => tooManyColumnsIn(rowNumber, column);
	const cellTooLong = (column: number) =>
		refuse('import.xlsx_cell_too_long', {
			cell: `${columnName(column)}${rowNumber}`,
			max: formatNumber(MAX_CELL_CHARACTERS)
		});
	const setCell = (column: number, text: string, isNumber: boolean, shown: CellFormat) => {
		if (text.length > MAX_CELL_CHARACTERS) throw cellTooLong(column);
		result.characters += text.length;
		if (result.characters > MAX_TABLE_CHARACTERS)
			throw refuse('import.xlsx_too_much_text', { max: formatNumber(MAX_TABLE_CHARACTERS) });
		cells[column] = text;
		numeric[column] = isNumber;
		if (shown) (format ??= [])[column] = shown;
	};

	await parsePart(bytes, workbook.sheet, XLSX_PART_LIMITS.sheet, {
		open(tag) {
			const { local, attributes } = tag;
			if (cell) {
				if (local === 'v') cell.inValue = true;
				else if (local === 'rPh') cell.inPhonetic = true;
				else if (local === 't') cell.inInlineText = !cell.inPhonetic;
			} else if (local === 'c') {
				const column = attributes.r ? parseCellColumn(attributes.r) : nextColumn;
				if (column === null) throw new ZipError('unreadable');
				nextColumn = column + 1;
				cell = {
					column,
					type: attributes.t ?? 'n',
					dateStyle: styles.dates.has(Number(attributes.s ?? 0)),
					percentStyle: styles.percents.has(Number(attributes.s ?? 0)),
					value: [],
					inline: [],
					length: 0,
					inValue: false,
					inInlineText: false,
					inPhonetic: false
				};
			} else if (local === 'row') {
				const number = attributes.r ? Number(attributes.r) : rowNumber + 1;
				if (!Number.isInteger(number) || number < 1 || number > 1_048_576) throw new ZipError('unreadable');
				rowNumber = number;
				cells = [];
				numeric = [];
				format = null;
				shared = [];
				nextColumn = 0;
			} else if (local === 'dimension') {
				checkDimension(attributes.ref ?? '', maxRows);
			}
		},
		text(text) {
			if (!cell) return;
			if (cell.inValue) cell.value.push(text);
			else if (cell.inInlineText) cell.inline.push(text);
			else return;
			cell.length += text.length;
			if (cell.length > MAX_CELL_CHARACTERS) throw cellTooLong(cell.column);
		},
		close(local) {
			if (!cell) {
				if (local === 'row') finishRow();
				return;
			}
			if (local === 'v') cell.inValue = false;
			else if (local === 'rPh') cell.inPhonetic = false;
			else if (local === 't') cell.inInlineText = false;
			else if (local === 'c') {
				const done = cell;
				cell = null;
				const raw = done.value.join('');
				const empty = done.type === 'inlineStr' ? done.inline.every((part) => part === '') : raw === '';
				if (empty) return;
				if (done.column >= MAX_IMPORT_COLUMNS) throw tooManyColumns(done.column);
				if (done.type === 's') {
					const index = Number(raw);
					if (!Number.isInteger(index) || index < 0) throw new ZipError('unreadable');
					shared.push({ column: done.column, index });
					cells[done.column] = '';
					numeric[done.column] = false;
				} else {
					const [text, isNumber, shown] = cellText(done, raw, workbook.date1904);
					setCell(done.column, text, isNumber, shown);
				}
			}
		}
	});
	return result;

	function finishRow() {
		const hasText = cells.some((text) => text !== undefined && text.trim() !== '') || shared.length > 0;
		if (!hasText) return;
		if (result.rows.length >= maxRows + 1) throw refuse('import.too_many_rows', { max: formatNumber(maxRows) });
		const width = cells.length;
		const row: TableRow = {
			line: rowNumber,
			cells: Array.from({ length: width }, (_, i) => cells[i] ?? ''),
			numeric: Array.from({ length: width }, (_, i) => numeric[i] ?? false)
		};
		if (format) row.format = Array.from({ length: width }, (_, i) => format![i] ?? null);
		result.rows.push(row);
		if (shared.length > 0) result.sharedUsed = true;
		for (const { column, index } of shared) result.sharedCells.push({ row, column, index });
	}
}

/**
 * Text of a cell, whether it held a number, and how it was shown: numbers with '.' (a percent cell keeps
 * the number it holds, 0.069 for 6,9 %), dates as 'YYYY-MM-DD', booleans and errors as Excel shows them.
 */
function cellText(cell: CellState, raw: string, date1904: boolean): [string, boolean, CellFormat] {
	switch (cell.type) {
		case 'inlineStr':
			return [cell.inline.join(''), false, null];
		case 'str':
		case 'e':
			return [raw, false, null];
		case 'b':
			return [raw === '1' || raw.toLowerCase() === 'true' ? 'TRUE' : 'FALSE', false, null];
		case 'd':
			return [raw.slice(0, 10), false, 'date'];
	}
	const number = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(number)) return [raw, false, null];
	if (cell.dateStyle) {
		const date = excelDate(number, date1904);
		return [date, false, date === '' ? null : 'date'];
	}
	return [plainDecimal(number), true, cell.percentStyle ? 'percent' : null];
}

/** An Excel serial day as 'YYYY-MM-DD' (1900 system counts from 1899-12-30, past its phantom 29 February). */
function excelDate(serial: number, date1904: boolean): string {
	const days = serial + (date1904 ? 1462 : 0) - 25569;
	const date = new Date(Math.round(days * 86_400_000));
	return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** The zero-based column of a cell reference ('B7' → 1), or null when it is not one. */
function parseCellColumn(ref: string): number | null {
	const match = /^\$?([A-Z]{1,3})\$?\d*$/i.exec(ref);
	if (!match) return null;
	let column = 0;
	for (const letter of match[1].toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
	return column <= 16_384 ? column - 1 : null;
}

/**
 * The refusal for content past the last column read, naming the line and column as Excel shows them.
 * @example tooManyColumnsIn(7, 16_383).message // 'Linje 7 har indhold i kolonne XFD; …'
 */
export function tooManyColumnsIn(line: number, column: number): Error {
	return refuse('import.too_many_columns', {
		line,
		column: columnName(column),
		max: MAX_IMPORT_COLUMNS,
		last: columnName(MAX_IMPORT_COLUMNS - 1)
	});
}

/** 'A' for 0, 'AX' for 49, 'XFD' for 16,383. */
function columnName(column: number): string {
	let name = '';
	for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/** The sheet's own claim of its extent ('A1:XFD2000'), refused before a row is read when it passes a limit. */
function checkDimension(ref: string, maxRows: number): void {
	const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
	if (!match) return;
	const lastColumn = parseCellColumn(match[3] ?? match[1]);
	if (lastColumn !== null && lastColumn >= MAX_IMPORT_COLUMNS) {
		throw refuse('import.xlsx_too_many_columns', {
			column: columnName(lastColumn),
			max: MAX_IMPORT_COLUMNS,
			last: columnName(MAX_IMPORT_COLUMNS - 1)
		});
	}
	const rows = Number(match[4] ?? match[2]) - Number(match[2]) + 1;
	// The header and up to maxRows data rows; blank rows between them are allowed, so only a claim far beyond counts.
	if (rows > 2 * (maxRows + 1)) throw refuse('import.too_many_rows', { max: formatNumber(maxRows) });
}
