import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { t } from '../messages';
import { mapColumns } from './columns';
import { plainDecimal } from '../../domain/numbers';
import { countRecords, readTable } from './read';
import { MAX_IMPORT_ROWS } from './limits';

const encode = (text: string) => new TextEncoder().encode(text);

async function table(input: Parameters<typeof readTable>[0]) {
	const result = await readTable(input);
	if (!result.ok) throw new Error(result.message);
	return result;
}

describe('readTable', () => {
	test('line numbers are the lines an editor shows, also after a quoted cell spanning lines', async () => {
		const csv =
			'Nøgletal;Periode;Værdi;Kommentar\r\nA;2024;1;"to\r\nlinjer"\r\n\r\n;;;\r\nB;2025;2;\r\nC;2026;3;"""citat"""';
		const { rows, decimalSeparator } = await table({ bytes: encode(csv) });
		expect(rows.map((r) => [r.line, r.cells])).toEqual([
			[1, ['Nøgletal', 'Periode', 'Værdi', 'Kommentar']],
			[2, ['A', '2024', '1', 'to\nlinjer']],
			[6, ['B', '2025', '2', '']],
			[7, ['C', '2026', '3', '"citat"']]
		]);
		expect(decimalSeparator).toBe(',');
	});

	test('the delimiter follows the header; a paste with tabs is tab-separated', async () => {
		expect((await table({ text: 'KPI,Period,Value\nA,2024,"1,5"' })).rows[1].cells).toEqual(['A', '2024', '1,5']);
		expect((await table({ text: 'KPI,Period,Value\nA,2024,1.5' })).decimalSeparator).toBe('.');
		expect((await table({ text: 'Nøgletal;Periode;Værdi\nA, B;2024;1,5' })).rows[1].cells).toEqual([
			'A, B',
			'2024',
			'1,5'
		]);
		expect((await table({ text: 'Nøgletal\tPeriode\tVærdi\nA; B, C\t2024\t1,5\n' })).rows[1].cells).toEqual([
			'A; B, C',
			'2024',
			'1,5'
		]);
	});

	test('Windows-1252, UTF-8 with BOM and UTF-16 (Excel\'s "Unicode text") all keep æøå', async () => {
		const text = 'Nøgletal;Periode;Værdi\nÆblerøv på Ærø;2024;1';
		const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(iconv.encode(text.replaceAll(';', '\t'), 'utf16le'))]);
		for (const bytes of [new Uint8Array(iconv.encode(text, 'win1252')), encode('\uFEFF' + text), utf16]) {
			expect((await table({ bytes })).rows[1].cells[0]).toBe('Æblerøv på Ærø');
		}
	});

	test('one value on its own line is a paste (for one KPI, without a header); a file needs more', async () => {
		expect((await table({ text: 'okt 2024\t6,9' })).rows).toEqual([{ line: 1, cells: ['okt 2024', '6,9'] }]);
		expect(await readTable({ bytes: encode('okt 2024;6,9') })).toEqual({ ok: false, message: t('import.empty') });
	});

	test('an empty file is refused; a file is read before a paste', async () => {
		expect(await readTable({ text: '\n\n' })).toEqual({ ok: false, message: t('import.empty') });
		expect((await table({ bytes: encode('KPI,Period,Value\nA,2024,1'), text: 'ignored' })).rows).toHaveLength(2);
	});
});

describe('countRecords, the count that refuses a file of millions of lines before it is split', () => {
	const texts = [
		'Nøgletal;Periode;Værdi\nA;2024;1\n\n;;\n  \nB;2025;2',
		'Nøgletal;Periode;Værdi\n"Sygefravær\n(år)";2024;"6,9"\n"tom ""celle""";;\n" ";"";\n',
		'Nøgletal;Periode;Værdi\nA;2024;1\n\u00a0;\u2003\nB;2025;\u00a0x\n',
		'a,b\n"x\n\ny",1\n"",""\n'
	];
	test.each(texts)('counts the rows the reader keeps: %j', async (text) => {
		const read = await table({ text });
		expect(countRecords(text, text.includes(';') ? ';' : ',')).toBe(read.rows.length);
	});

	test('one row more than the limit is refused with the limit, one at the limit is read', async () => {
		const file = (rows: number) => encode(`Nøgletal;Periode;Værdi\n${'A;2024;1\n'.repeat(rows)}`);
		expect(await readTable({ bytes: file(MAX_IMPORT_ROWS + 1), filename: 'tal.csv' })).toEqual({
			ok: false,
			message: t('import.too_many_rows', { max: '20.000' })
		});
		expect((await table({ bytes: file(MAX_IMPORT_ROWS), filename: 'tal.csv' })).rows).toHaveLength(MAX_IMPORT_ROWS + 1);
	});
});

describe('mapColumns', () => {
	test('finds Danish and English headers in any order and case; names what is missing in Danish', () => {
		expect(mapColumns([' værdi ', 'Ekstra', 'kpi-ID', 'PERIOD', 'Comment'])).toEqual({
			ok: true,
			columns: { kpi: 2, period: 3, value: 0, comment: 4 }
		});
		expect(mapColumns(['Nøgletal', 'Periode', 'Værdi'])).toEqual({
			ok: true,
			columns: { kpi: 0, period: 1, value: 2, comment: null }
		});
		expect(mapColumns(['Kommentar'])).toEqual({
			ok: false,
			message: t('import.missing_column_other', {
				source: t('import.source_file'),
				columns: 'Nøgletal, Periode og Værdi',
				headers: t('import.headers_general')
			})
		});
	});
});

describe('plainDecimal', () => {
	test('never writes an exponent', () => {
		expect([12.5, 3_600_000, -0.5, 1e-7, 1e21].map(plainDecimal)).toEqual([
			'12.5',
			'3600000',
			'-0.5',
			'0.0000001',
			'1000000000000000000000'
		]);
	});
});
