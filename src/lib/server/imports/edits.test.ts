import { describe, expect, test } from 'vitest';
import { applyCellEdits, readCellEdits, tableAsText } from './edits';
import { headerlessColumns } from './columns';
import type { ImportTable } from './types';

const table: ImportTable = {
	decimalSeparator: 'auto',
	source: 'file',
	rows: [
		{ line: 1, cells: ['Periode', 'Værdi'], numeric: [false, false] },
		{ line: 3, cells: ['2024-10-01', '0.069'], numeric: [false, true], format: ['date', 'percent'] }
	]
};

describe('corrections typed into the preview table', () => {
	test('are read from the form with the text the cell showed', () => {
		const form = new FormData();
		form.set('edit:3:1', '6,9');
		form.set('original:3:1', '0.069');
		form.set('edit:x:1', 'ignored');
		form.set('paste', 'ignored');
		expect(readCellEdits(form)).toEqual([{ line: 3, column: 1, original: '0.069', text: '6,9' }]);
	});

	test('a corrected cell is typed text: its number and its cell format no longer apply', () => {
		const { table: edited, changed } = applyCellEdits(table, [{ line: 3, column: 1, original: '0.069', text: '6,9' }]);
		expect(changed).toBe(1);
		expect(edited.rows[1]).toEqual({
			line: 3,
			cells: ['2024-10-01', '6,9'],
			numeric: [false, false],
			format: ['date', null]
		});
		expect(table.rows[1].cells[1]).toBe('0.069');
	});

	test('is not applied over a cell that shows something else by now, nor to a line that is not there', () => {
		const edits = [
			{ line: 3, column: 1, original: '0.07', text: '7' },
			{ line: 9, column: 0, original: '', text: 'x' }
		];
		expect(applyCellEdits(table, edits).changed).toBe(0);
	});

	test('a paste is written back with its blank lines, so the line numbers stay', () => {
		expect(tableAsText(table)).toBe('Periode\tVærdi\n\n2024-10-01\t0.069');
		expect(tableAsText({ ...table, rows: [{ line: 1, cells: ['a\tb', 'sagde "hej"'] }] })).toBe(
			'"a\tb"\t"sagde ""hej"""'
		);
	});
});

describe('a table without a header row', () => {
	const kpiNamed = (cell: string) => cell === 'Sygefravær';
	test('is recognised by a period (or a date cell) where the period column would be', () => {
		expect(headerlessColumns([{ line: 1, cells: ['okt 2024', '7,x'] }], { single: true, isKpi: kpiNamed })).toEqual({
			kpi: null,
			period: 0,
			value: 1,
			comment: null
		});
		expect(
			headerlessColumns(
				[
					{ line: 1, cells: ['Sygefravær', 'Q3 2024', '7'] },
					{ line: 2, cells: ['Sygefravær', 'Q4 2024', '7', 'med kommentar'] }
				],
				{ single: false, isKpi: kpiNamed }
			)
		).toEqual({ kpi: 0, period: 1, value: 2, comment: 3 });
		expect(
			headerlessColumns([{ line: 1, cells: ['45000', '7'], format: ['date', null] }], {
				single: true,
				isKpi: kpiNamed
			})
		).toMatchObject({ period: 0 });
	});

	test('a heading is never taken for data', () => {
		expect(headerlessColumns([{ line: 1, cells: ['Periode', 'Værdi'] }], { single: true, isKpi: kpiNamed })).toBeNull();
		expect(
			headerlessColumns([{ line: 1, cells: ['Ukendt', '2024', '7'] }], { single: false, isKpi: kpiNamed })
		).toBeNull();
	});
});
