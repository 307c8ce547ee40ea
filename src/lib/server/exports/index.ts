/** Data out: observations (and any other table) as Danish CSV or XLSX. */
export {
	listObservationsForExport,
	type ObservationExportRow,
	type ObservationExportScope
} from './observations';
export { observationTable, type Table, type TableColumn, type ColumnKind } from './table';
export { toDanishCsv } from './csv';
export { toXlsx } from './xlsx';
export { exportFileName } from './file-name';
export { recommendationTable } from './recommendations';
