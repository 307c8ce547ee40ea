import { t } from '../messages';

/** Where each field sits in a row; `comment` is null when the file has no comment column. */
export interface ColumnMap {
	kpi: number;
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

const REQUIRED: readonly Field[] = ['kpi', 'period', 'value'];

/** Case, surrounding space and the spelling of a separator ('KPI-id', 'KPI_id', 'kpi  id') do not matter. */
function normaliseHeader(text: string): string {
	return text
		.replace(/[\u00a0\u202f]/g, ' ')
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ');
}

/**
 * Finds the columns in the header row, in any order; extra columns are ignored and the first of two
 * matching columns wins. Fails with a Danish message naming the missing required columns.
 * @example mapColumns(['Periode', 'KPI', 'Værdi']) // { ok: true, columns: { kpi: 1, period: 0, value: 2, comment: null } }
 */
export function mapColumns(
	header: readonly string[]
): { ok: true; columns: ColumnMap } | { ok: false; message: string } {
	const normalised = header.map(normaliseHeader);
	const find = (field: Field) => {
		const accepted = new Set(HEADERS[field].map(normaliseHeader));
		const index = normalised.findIndex((text) => accepted.has(text));
		return index < 0 ? null : index;
	};
	const [kpi, period, value, comment] = (['kpi', 'period', 'value', 'comment'] as const).map(find);
	const missing = REQUIRED.filter((field) => find(field) === null).map((field) => HEADERS[field][0]);
	if (kpi === null || period === null || value === null) {
		return { ok: false, message: t('import.missing_columns', { columns: listInDanish(missing) }) };
	}
	return { ok: true, columns: { kpi, period, value, comment } };
}

const danishList = new Intl.ListFormat('da-DK', { type: 'conjunction' });

/** 'Periode', 'Periode og Værdi', 'Nøgletal, Periode og Værdi'. */
function listInDanish(items: readonly string[]): string {
	return danishList.format(items);
}
