import { t } from '$lib/server/messages';
import type { ObservationExportRow } from '../kpis';

/** How a column's cells are written: text as is, real numbers, moments, and Ja/Nej. */
export type ColumnKind = 'text' | 'number' | 'date' | 'boolean';

export interface TableColumn {
	/** The row field holding the cell's value. */
	key: string;
	/** The Danish column heading. */
	heading: string;
	kind: ColumnKind;
	/** Number columns: the row field with how many decimals the spreadsheet shows (XLSX only). */
	decimalsKey?: string;
}

/** A sheet of data, independent of the file format it is written to. */
export interface Table {
	sheetName: string;
	columns: TableColumn[];
	rows: Record<string, unknown>[];
}

/**
 * The observations as a table with Danish headings; the unit becomes its short Danish word.
 * @example const bytes = toDanishCsv(observationTable(await listObservationsForExport(db, orgId, { kind: 'all' })));
 */
export function observationTable(rows: readonly ObservationExportRow[]): Table {
	return {
		sheetName: t('export.sheet'),
		columns: [
			{ key: 'kpiId', heading: t('export.kpi_id'), kind: 'number' },
			{ key: 'kpiName', heading: t('export.kpi'), kind: 'text' },
			{ key: 'period', heading: t('export.period'), kind: 'text' },
			{ key: 'value', heading: t('export.value'), kind: 'number', decimalsKey: 'decimals' },
			{ key: 'unit', heading: t('export.unit'), kind: 'text' },
			{ key: 'comment', heading: t('export.comment'), kind: 'text' },
			{ key: 'source', heading: t('export.source'), kind: 'text' },
			{ key: 'seriesBreak', heading: t('export.series_break'), kind: 'boolean' },
			{ key: 'enteredBy', heading: t('export.entered_by'), kind: 'text' },
			{ key: 'enteredAt', heading: t('export.entered_at'), kind: 'date' }
		],
		rows: rows.map((row) => ({ ...row, unit: t(`unit.${row.unit}`) }))
	};
}
