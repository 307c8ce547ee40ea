import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { sheetXml, xlsxBombs, xlsxFile, zipArchive } from '../../../../tests/helpers/xlsx-files';
import { t } from '../messages';
import { plainDecimal } from '../../domain/numbers';
import { createGate } from './gate';
import { MAX_IMPORT_ROWS } from './limits';
import { readTable } from './read';
import { readXlsxRows } from './xlsx';

const STYLES = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; d&quot;"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs></styleSheet>`;

async function rows(bytes: Uint8Array) {
	const read = await readXlsxRows(bytes, MAX_IMPORT_ROWS);
	if (!read.ok) throw new Error(read.message);
	return read.rows.map((row) => [row.line, row.cells, row.numeric]);
}

describe('readXlsxRows reads what spreadsheet programs write', () => {
	test('shared and rich text, inline text, numbers, dates by built-in and custom formats, booleans, errors and cached formula results', async () => {
		const bytes = xlsxFile({
			styles: STYLES,
			sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Nøgletal</t></si><si><r><t>Rig </t></r><r><t xml:space="preserve">tekst æøå</t></r><rPh><t>ふりがな</t></rPh></si></sst>`,
			sheet: sheetXml(
				`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Periode</t></is></c></row>
				<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>45658</v></c><c r="C3" s="2"><v>45689.5</v></c><c r="D3" s="3"><v>7.25</v></c><c r="E3" s="4"><v>0.125</v></c></row>
				<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#DIV/0!</v></c><c r="C4"><f>6+1.4</f><v>7.4</v></c><c r="D4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E4"><f>NOW()</f></c><c r="F4"><v>1e-7</v></c></row>
				<row r="5"><c r="A5" s="1"/><c r="ZZ5" s="1"/></row>`,
				'A1:ZZ5'.replace('ZZ', 'F')
			)
		});
		expect(await rows(bytes)).toEqual([
			[1, ['Nøgletal', 'Periode'], [false, false]],
			[3, ['Rig tekst æøå', '2025-01-01', '2025-02-01', '7.25', '0.125'], [false, false, false, true, true]],
			[4, ['TRUE', '#DIV/0!', '7.4', 'ab', '', '0.0000001'], [false, false, true, false, false, true]]
		]);
	});

	test('the 1904 date system, namespace prefixes, cells without references and an absolute sheet path', async () => {
		const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>A</x:t></x:is></x:c><x:c s="1"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
		expect(await rows(xlsxFile({ sheet, styles: STYLES, date1904: true }))).toEqual([
			[1, ['A', '1904-01-01'], [false, false]]
		]);
	});

	test('empty styled cells far to the right are passed over; content there is refused naming line and column', async () => {
		const styledOnly = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1" s="1"/></row>');
		expect(await rows(xlsxFile({ sheet: styledOnly }))).toEqual([[1, ['x'], [false]]]);
		const content = sheetXml(
			'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="7"><c r="AY7"><v>1</v></c></row>'
		);
		expect(await readXlsxRows(xlsxFile({ sheet: content }), MAX_IMPORT_ROWS)).toEqual({
			ok: false,
			message: t('import.too_many_columns', { line: 7, column: 'AY', max: 50, last: 'AX' })
		});
	});

	test('not a workbook, a truncated archive, a DTD or a missing shared text is unreadable, not an error', async () => {
		const unreadable = { ok: false, message: t('import.unreadable') };
		expect(await readXlsxRows(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 10)).toEqual(unreadable);
		const good = xlsxFile({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') });
		expect(await readXlsxRows(good.slice(0, good.byteLength - 40), 10)).toEqual(unreadable);
		const doctype = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>`;
		expect(await readXlsxRows(xlsxFile({ sheet: doctype }), 10)).toEqual(unreadable);
		expect(
			await readXlsxRows(
				xlsxFile({
					sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>3</v></c></row>'),
					sharedStrings: '<sst><si><t>a</t></si></sst>'
				}),
				10
			)
		).toEqual(unreadable);
		expect(await readXlsxRows(zipArchive([{ name: 'word/document.xml', body: '<w/>' }]), 10)).toEqual(unreadable);
	});
});

describe('files made to exhaust the server are refused with the limit they passed', () => {
	test('each attack file of issue 12 gets its Danish refusal', async () => {
		const bombs = await xlsxBombs();
		const refusals: Record<string, string> = {};
		for (const [name, bytes] of Object.entries(bombs)) {
			const read = await readTable({ bytes, filename: 'angreb.xlsx' });
			refusals[name] = read.ok ? 'READ' : read.message;
		}
		expect(refusals).toEqual({
			'200 rows, a cell in XFD each': t('import.xlsx_too_many_columns', { column: 'XFD', max: 50, last: 'AX' }),
			'2,000 rows, a cell in XFD each, no dimension': t('import.too_many_columns', {
				line: 1,
				column: 'XFD',
				max: 50,
				last: 'AX'
			}),
			'one 300 MB shared string': t('import.xlsx_part_too_large', {
				part: t('import.xlsx_part_shared_strings'),
				size: '300 MB',
				max: '16 MB'
			}),
			'a 300 MB shared string whose directory claims 100 bytes': t('import.xlsx_archive_inconsistent'),
			'a million rows (49 MB unpacked)': t('import.xlsx_part_too_large', {
				part: t('import.xlsx_part_sheet'),
				size: '49 MB',
				max: '40 MB'
			}),
			'30,000 rows of one cell': t('import.too_many_rows', { max: '20.000' }),
			'30 MB of inline text in one cell': t('import.xlsx_text_too_long', { max: '32.767' })
		});
	});

	test("a cell or shared text over Excel's 32,767 characters is refused, naming the cell", async () => {
		const long = 'æ'.repeat(32_768);
		const inline = sheetXml(
			`<row r="1"><c r="A1"><v>1</v></c></row><row r="4"><c r="C4" t="inlineStr"><is><t>${long}</t></is></c></row>`
		);
		expect(await readXlsxRows(xlsxFile({ sheet: inline }), 10)).toEqual({
			ok: false,
			message: t('import.xlsx_cell_too_long', { cell: 'C4', max: '32.767' })
		});
		const shared = xlsxFile({
			sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>1</v></c></row>'),
			sharedStrings: `<sst><si><t>a</t></si><si><t>${long}</t></si></sst>`
		});
		expect(await readXlsxRows(shared, 10)).toEqual({
			ok: false,
			message: t('import.xlsx_shared_text_too_long', { number: 2, max: '32.767' })
		});
		const exactly = xlsxFile({
			sheet: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long.slice(1)}</t></is></c></row>`)
		});
		expect((await rows(exactly))[0][1]).toEqual([long.slice(1)]);
	});

	test('a CSV with content past column 50 is refused; empty cells there (`;;;;`) are dropped', async () => {
		const header = 'Nøgletal;Periode;Værdi';
		const wide = await readTable({ text: `${header}\nA;2024;1${';'.repeat(60)}x` });
		expect(wide).toEqual({
			ok: false,
			message: t('import.too_many_columns', { line: 2, column: 'BK', max: 50, last: 'AX' })
		});
		const padded = await readTable({ text: `${header}${';'.repeat(900)}\nA;2024;1` });
		expect(padded.ok && padded.rows[0].cells).toHaveLength(50);
	});

	test('a 5 MB CSV of 2.5 million one-letter rows, or of one line of separators, is refused as soon as a limit is passed', async () => {
		const encode = (text: string) => new TextEncoder().encode(text);
		expect(await readTable({ bytes: encode('a\n'.repeat(2_500_000)) })).toEqual({
			ok: false,
			message: t('import.too_many_rows', { max: '20.000' })
		});
		expect(await readTable({ bytes: encode(`Nøgletal;Periode;Værdi\n${';'.repeat(5_000_000)}`) })).toEqual({
			ok: false,
			message: t('import.too_many_separators', { line: 2, max: '1.000', delimiter: ';', columns: 50 })
		});
	});
});

describe('createGate', () => {
	test('runs at most two at once, queues eight more, and answers busy beyond that', async () => {
		const gate = createGate(2, 8);
		let running = 0;
		let most = 0;
		const release: (() => void)[] = [];
		const task = () =>
			new Promise<string>((resolve) => {
				running++;
				most = Math.max(most, running);
				release.push(() => {
					running--;
					resolve('done');
				});
			});
		const results = Array.from({ length: 11 }, () => gate.run(task));
		expect(await results[10]).toBe('busy');
		while (release.length > 0 || running > 0) {
			await new Promise((r) => setTimeout(r, 1));
			release.shift()?.();
		}
		expect(await Promise.all(results.slice(0, 10))).toEqual(Array(10).fill('done'));
		expect(most).toBe(2);
	});
});

describe('the streaming reader reads what exceljs read before it', () => {
	/** The reader this one replaced (exceljs loading the whole workbook), kept as the oracle. */
	async function exceljsRows(bytes: Uint8Array) {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.slice().buffer);
		const rows: unknown[] = [];
		workbook.worksheets[0].eachRow({ includeEmpty: false }, (row, line) => {
			const cells: string[] = [];
			const numeric: boolean[] = [];
			for (let column = 1; column <= row.cellCount; column++) {
				const raw = row.getCell(column).value;
				const value = raw !== null && typeof raw === 'object' && 'formula' in raw ? raw.result : raw;
				cells.push(oracleText(value));
				numeric.push(typeof value === 'number');
			}
			rows.push([line, cells, numeric]);
		});
		return rows;
	}
	function oracleText(value: unknown): string {
		if (value === null || value === undefined) return '';
		if (typeof value === 'number') return plainDecimal(value);
		if (value instanceof Date) return value.toISOString().slice(0, 10);
		if (typeof value === 'object' && 'richText' in value)
			return (value.richText as { text: string }[]).map((r) => r.text).join('');
		if (typeof value === 'object' && 'error' in value) return String(value.error);
		return String(value);
	}

	test('a Danish CSV (Windows-1252, `;`, decimal comma, 12,5 %, dd-mm-åååå) saved as XLSX by LibreOffice Calc', async () => {
		const bytes = new Uint8Array(
			readFileSync(new URL('../../../../tests/fixtures/libreoffice-danish.xlsx', import.meta.url))
		);
		const read = await rows(bytes);
		expect(read).toEqual(await exceljsRows(bytes));
		expect(read[1]).toEqual([
			2,
			['Sygefravær, Velfærdsområdet (år)', '2024', '7.4', 'Fra lønsystemet æøå', '2024-05-01'],
			[false, true, true, false, false]
		]);
	});

	test('a workbook written by exceljs with shared and rich text, formulas, dates, gaps and a wide row', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Værdier');
		sheet.addRow(['Nøgletal', 'Periode', 'Værdi', 'Kommentar']);
		sheet.addRow([{ richText: [{ text: 'Rig ' }, { text: 'tekst æøå' }] }, '2025-01', 12.5, 'x']);
		sheet.addRow([]);
		sheet.addRow(['formel', new Date(Date.UTC(2024, 4, 1)), { formula: '6+1.4', result: 7.4 }, null, 'ignoreres']);
		sheet.getCell('AX9').value = 3_600_000;
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect(await rows(bytes)).toEqual(await exceljsRows(bytes));
	});
});
