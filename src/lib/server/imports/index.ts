/**
 * Importing KPI values from CSV, XLSX or cells pasted from Excel (DESIGN §6):
 * readTable → previewObservationImport → applyObservationImport.
 */
export { readTable, IMPORT_CONTENT_TYPES, MAX_IMPORT_MEGABYTES, MAX_IMPORT_ROWS, type ReadInput } from './read';
export { mapColumns, type ColumnMap } from './columns';
export { previewObservationImport } from './preview';
export { applyObservationImport } from './apply';
export { applyCellEdits, readCellEdits, tableAsText, type CellEdit } from './edits';
export {
	loadEntryGrid,
	readEntryGridForm,
	saveEntryGrid,
	gridKey,
	MAX_GRID_SHOWN,
	type EntryGridCell,
	type EntryGridResult,
	type EntryGridRow
} from './entry-grid';
export { listWritableKpiIds } from '../kpis';
export type {
	ApplyResult,
	CellFormat,
	ImportPreview,
	ImportTable,
	PreviewKind,
	PreviewRow,
	ReadResult,
	TableRow
} from './types';
