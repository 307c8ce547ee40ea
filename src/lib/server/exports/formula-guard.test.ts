import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { toDanishCsv } from './csv';
import { toXlsx } from './xlsx';
import type { Table } from './table';

/** Text cells starting the way a spreadsheet formula starts: ASCII and full-width (＝ ＋ － ＠). */
const FORMULAS = [
	'=1+1',
	'+1+1',
	'-1+1',
	'@SUM(A1)',
	'\t=1+1',
	'\r=1+1',
	'＝1+1',
	'＋1+1',
	'－1+1',
	'＠SUM(A1)',
	'＝HYPERLINK("https://ond.example")'
];
/** Text that only looks close: left as it is. */
const HARMLESS = ['1+1', ' =1+1', 'a=b', '７,４', '＃1', 'Ny opgørelse'];

const table = (texts: string[]): Table => ({
	sheetName: 'Test',
	columns: [{ key: 'text', heading: 'Tekst', kind: 'text' }],
	rows: texts.map((text) => ({ text }))
});

/** The CSV's data cells, read back as a CSV reader does. */
function csvCells(texts: string[]): string[] {
	const records = parse(Buffer.from(toDanishCsv(table(texts))), {
		delimiter: ';',
		bom: true,
		from_line: 2
	}) as string[][];
	return records.map(([cell]) => cell);
}

describe('formula injection in exports', () => {
	test('CSV: every text that starts like a formula, full-width signs included, gets a leading apostrophe', () => {
		expect(csvCells(FORMULAS)).toEqual(FORMULAS.map((text) => `'${text}`));
	});

	test('CSV: other text is written as it is', () => {
		expect(csvCells(HARMLESS)).toEqual(HARMLESS);
	});

	test('XLSX: such text is a plain string cell, never a formula', async () => {
		const zip = await JSZip.loadAsync(await toXlsx(table(FORMULAS)));
		const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
		expect(sheet).not.toMatch(/<f[ >]/);
		const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
		for (const text of FORMULAS.filter((f) => !/[\t\r"]/.test(f))) expect(shared).toContain(`<t>${text}</t>`);
	});
});
