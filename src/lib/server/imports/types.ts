import type { WriteResult } from '../infra/write-result';
import type { DecimalSeparator } from '../../domain/numbers';
import type { ColumnMap } from './columns';

/** One row of an uploaded or pasted table; `line` is where a person finds it in the file (header = 1). */
export interface TableRow {
	line: number;
	cells: string[];
	/** XLSX only: true where the cell held a number, written with '.' as its decimal separator. */
	numeric?: boolean[];
	/** XLSX only, and only on rows that have one: how each cell was shown ('percent' for `0.0%`, 'date' for a date cell). */
	format?: CellFormat[];
}

/** How a spreadsheet showed a cell, where that changes what it means; null for anything else. */
export type CellFormat = 'percent' | 'date' | null;

/** A table read from a file or a paste: the header row first, then the data rows. */
export interface ImportTable {
	rows: TableRow[];
	/** How typed numbers in this table write their decimals (',' for Danish `;`/tab files). */
	decimalSeparator: DecimalSeparator;
	/** Where the table came from, so messages say "filen" or "teksten" (a file when not said). */
	source?: 'file' | 'paste';
}

/** A refusal says why in Danish; `busy` when the server is reading as many spreadsheets as it may (try again). */
export type ReadResult = ({ ok: true } & ImportTable) | { ok: false; message: string; busy?: true };

/** What importing one row would do: create, change, leave alone, or refuse it. */
export type PreviewKind = 'new' | 'changed' | 'unchanged' | 'error';

export interface PreviewRow {
	line: number;
	kind: PreviewKind;
	kpiId: number | null;
	kpiName: string | null;
	/** Canonical period ('2024-05'), null when the cell could not be read. */
	period: string | null;
	value: number | null;
	/** The stored value the preview compared with; null when there was none. */
	oldValue: number | null;
	comment: string;
	/** The stored comment the preview compared with; null when there was no stored value. */
	oldComment: string | null;
	/** The KPI's decimals, so both sides of a change are shown alike; null without a KPI. */
	decimals: number | null;
	/** The value as the KPI shows it, unit and decimals included ('6,6 %'); null without a KPI or a value. */
	valueText: string | null;
	/** The stored value, shown alike; null when there was none. */
	oldValueText: string | null;
	/** Why the row is refused (Danish), null unless kind is 'error'. */
	message: string | null;
	/** What to look at though the row can be imported (Danish), e.g. a value whose scale is doubtful or rounded. */
	warnings: string[];
	/**
	 * Set (Danish) when the row's new value moves more than 3 standard deviations of the KPI's own
	 * period-to-period changes: unlike a warning, it is a question — the row is saved only when the user
	 * confirms it ("Ja, de markerede værdier er rigtige", `confirmUnusual`). Null on rows that write no new value.
	 */
	unusual: string | null;
}

export interface ImportPreview {
	rows: PreviewRow[];
	counts: { rows: number; created: number; updated: number; unchanged: number; errors: number };
	/** Where period, value (KPI, comment) were read in each row, for showing the cells as read; null when not found. */
	columns: ColumnMap | null;
}

/**
 * An applied import, in the one write vocabulary: ok with the counts, `invalid` (field 'rows') when the
 * preview holds errors or rows not the user's to write, `invalid` (field 'unusual', naming the lines) when
 * rows with an unusual change were not confirmed, `stale` when a stored value moved since the preview.
 */
export type ApplyResult = WriteResult<{ created: number; updated: number; unchanged: number }>;
