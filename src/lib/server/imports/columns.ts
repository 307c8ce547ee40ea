import { t } from '../messages';
import { plural } from '../../domain/plural';
import { parsePeriodInput } from '../../domain/periods';
import type { TableRow } from './types';

/** Where each field sits in a row; `kpi` is null for an import into one given KPI, `comment` when there is no comment column. */
export interface ColumnMap {
	kpi: number | null;
	period: number;
	value: number;
	comment: number | null;
}

type Field = keyof ColumnMap;

/** Accepted header texts per field, compared after `normaliseHeader`; the first is the Danish name. */
const HEADERS: Readonly<Record<Field, readonly string[]>> = {
	kpi: ['Nøgletal', 'KPI', 'Nøgletal-id', 'KPI id'],
	period: ['Periode', 'Period'],
	value: ['Værdi', 'Value'],
	comment: ['Kommentar', 'Comment']
};

/** Case, surrounding space and the spelling of a separator ('KPI-id', 'KPI_id', 'kpi  id') do not matter. */
function normaliseHeader(text: string): string {
	return text
		.replace(/[\u00a0\u202f]/g, ' ')
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ');
}

export interface MapOptions {
	/** The import is for one KPI: no KPI column is needed (rows of one that is there must name that KPI). */
	single?: boolean;
	/** Where the table came from, for the message ("Filen mangler …" or "Teksten mangler …"). */
	source?: 'file' | 'paste';
}

/**
 * Finds the columns in the header row, in any order; extra columns are ignored and the first of two
 * matching columns wins. Fails with a Danish message naming the missing required columns.
 * @example mapColumns(['Periode', 'KPI', 'Værdi']) // { ok: true, columns: { kpi: 1, period: 0, value: 2, comment: null } }
 */
export function mapColumns(
	header: readonly string[],
	options: MapOptions = {}
): { ok: true; columns: ColumnMap } | { ok: false; message: string } {
	const normalised = header.map(normaliseHeader);
	const find = (field: Field) => {
		const accepted = new Set(HEADERS[field].map(normaliseHeader));
		const index = normalised.findIndex((text) => accepted.has(text));
		return index < 0 ? null : index;
	};
	const [kpi, period, value, comment] = (['kpi', 'period', 'value', 'comment'] as const).map(find);
	const required: readonly Field[] = options.single ? ['period', 'value'] : ['kpi', 'period', 'value'];
	const missing = required.filter((field) => find(field) === null).map((field) => HEADERS[field][0]);
	if (missing.length > 0 || period === null || value === null) {
		const key = plural(missing.length, {
			one: 'import.missing_column_one',
			other: 'import.missing_column_other'
		} as const);
		return {
			ok: false,
			message: t(key, {
				source: t(options.source === 'paste' ? 'import.source_paste' : 'import.source_file'),
				columns: listInDanish(missing),
				headers: t(options.single ? 'import.headers_single' : 'import.headers_general')
			})
		};
	}
	return { ok: true, columns: { kpi, period, value, comment } };
}

/**
 * The columns of a table without a header row, when its first row reads as data: period and value (and a
 * comment after them) for one KPI; KPI, period and value (and a comment) otherwise. Null when it does not.
 * @example headerlessColumns([{ line: 1, cells: ['okt 2024', '6,9'] }], { single: true }) // { kpi: null, period: 0, value: 1, comment: null }
 */
export function headerlessColumns(
	rows: readonly TableRow[],
	options: { single: boolean; isKpi: (cell: string) => boolean }
): ColumnMap | null {
	const first = rows[0];
	if (!first) return null;
	const offset = options.single ? 0 : 1;
	if (!options.single && !options.isKpi(first.cells[0] ?? '')) return null;
	// A period in the period column is data, never a heading; the value may be the very cell to correct.
	const isPeriod = first.format?.[offset] === 'date' || parsePeriodInput(first.cells[offset] ?? '') !== null;
	if (!isPeriod) return null;
	// A comment column only when some row has one: without it the stored comments are kept.
	const hasComment = rows.some((row) => (row.cells[offset + 2] ?? '').trim() !== '');
	return { kpi: options.single ? null : 0, period: offset, value: offset + 1, comment: hasComment ? offset + 2 : null };
}

const danishList = new Intl.ListFormat('da-DK', { type: 'conjunction' });

/** 'Periode', 'Periode og Værdi', 'Nøgletal, Periode og Værdi'. */
function listInDanish(items: readonly string[]): string {
	return danishList.format(items);
}
