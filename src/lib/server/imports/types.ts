import type { WriteResult } from '../infra/write-result';
import type { DecimalSeparator } from '../../domain/numbers';

/** One row of an uploaded or pasted table; `line` is where a person finds it in the file (header = 1). */
export interface TableRow {
	line: number;
	cells: string[];
	/** XLSX only: true where the cell held a number, written with '.' as its decimal separator. */
	numeric?: boolean[];
}

/** A table read from a file or a paste: the header row first, then the data rows. */
export interface ImportTable {
	rows: TableRow[];
	/** How typed numbers in this table write their decimals (',' for Danish `;`/tab files). */
	decimalSeparator: DecimalSeparator;
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
	/** Why the row is refused (Danish), null unless kind is 'error'. */
	message: string | null;
	/** What to look at before saving (Danish, domain/plausibility.ts): the value was rounded, or its change is unusual. */
	warning?: string | null;
}

export interface ImportPreview {
	rows: PreviewRow[];
	counts: { rows: number; created: number; updated: number; unchanged: number; errors: number };
}

/**
 * An applied import, in the one write vocabulary: ok with the counts, `invalid` (field 'rows') when the
 * preview holds errors or rows not the user's to write, `stale` when a stored value moved since the preview.
 */
export type ApplyResult = WriteResult<{ created: number; updated: number; unchanged: number }>;
