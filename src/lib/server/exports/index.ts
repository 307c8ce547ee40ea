/** Data out: observations (and any other table) as Danish CSV or XLSX. */
// The rows come from the observation table's one home, kpis/; this folder shapes and writes them.
export { listObservationsForExport, type ObservationExportRow, type ObservationExportScope } from '../kpis';
export { observationTable, type Table, type TableColumn, type ColumnKind } from './table';
export { toDanishCsv } from './csv';
export { toXlsx } from './xlsx';
export { exportFileName } from './file-name';
export { recommendationTable } from './recommendations';
