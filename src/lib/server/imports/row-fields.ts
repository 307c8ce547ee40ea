import { t } from '../messages';
import { formatPeriod, parsePeriod, parsePeriodFor, type Frequency } from '../../domain/periods';
import type { DecimalSeparator } from '../../domain/numbers';
import { decimalText, MAX_ABS_DECIMAL } from '../../schemas/fields';
import type { ColumnMap } from './columns';
import type { TableRow } from './types';

/** Values must stay below this in size (the one number rule, schemas/fields.ts). */
export const MAX_ABS_VALUE = MAX_ABS_DECIMAL;
/** The longest comment, in characters (as in the entry form and the database check). */
export const MAX_COMMENT_LENGTH = 2000;

export interface KpiRef {
	id: number;
	name: string;
	frequency: Frequency;
}

/** One data row read and checked on its own; `messages` holds every reason it cannot be imported. */
export interface RowDraft {
	line: number;
	kpi: KpiRef | null;
	period: string | null;
	value: number | null;
	/** null when the file has no comment column (the stored comment is then kept). */
	comment: string | null;
	messages: string[];
}

export interface RowContext {
	findKpi: (cell: string) => KpiRef | null;
	writable: ReadonlySet<number>;
	decimalSeparator: DecimalSeparator;
}

const fold = (name: string) => name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('da-DK');

/**
 * Finds a KPI by a cell: its id (all digits), its exact name, or its name in any case (when only
 * one KPI has it).
 * @example createKpiFinder(kpis)('sygefravær, velfærdsområdet (måned)')?.id
 */
export function createKpiFinder(kpis: readonly KpiRef[]): (cell: string) => KpiRef | null {
	const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]));
	const byName = new Map(kpis.map((kpi) => [kpi.name, kpi]));
	const byFolded = new Map<string, KpiRef | null>();
	for (const kpi of kpis) {
		const folded = fold(kpi.name);
		byFolded.set(folded, byFolded.has(folded) ? null : kpi);
	}
	return (cell) => {
		const text = cell.trim();
		if (/^\d+$/.test(text)) {
			const kpi = byId.get(Number(text));
			if (kpi) return kpi;
		}
		return byName.get(text) ?? byFolded.get(fold(text)) ?? null;
	};
}

/**
 * Reads one data row: KPI (known and writable), period (of the KPI's frequency, canonical), value and
 * comment, collecting a Danish message for every problem instead of stopping at the first.
 */
export function readRow(row: TableRow, columns: ColumnMap, context: RowContext): RowDraft {
	const cell = (index: number) => row.cells[index] ?? '';
	const messages: string[] = [];
	const kpiText = cell(columns.kpi).trim();
	const kpi = context.findKpi(kpiText);
	if (!kpi) messages.push(t('import.unknown_kpi', { kpi: kpiText }));
	else if (!context.writable.has(kpi.id)) messages.push(t('import.not_allowed', { kpi: kpi.name }));
	const period = readPeriod(cell(columns.period), kpi?.frequency ?? null, messages);
	// An XLSX number cell is written with '.', whatever the table's typed cells use.
	const separator = row.numeric?.[columns.value] ? '.' : context.decimalSeparator;
	const value = readValue(cell(columns.value), separator, messages);
	const comment = columns.comment === null ? null : readComment(cell(columns.comment), messages);
	return { line: row.line, kpi, period, value, comment, messages };
}

/** Without a known KPI only the form is checked; the wrong form is an error, never converted. */
function readPeriod(text: string, frequency: Frequency | null, messages: string[]): string | null {
	if (frequency === null) {
		const period = parsePeriod(text);
		if (!period) messages.push(t('error.period_malformed'));
		return period && formatPeriod(period);
	}
	const parsed = parsePeriodFor(text.trim(), frequency);
	if (parsed.ok) return formatPeriod(parsed.period);
	messages.push(
		parsed.error === 'malformed'
			? t('error.period_malformed')
			: t('error.period_wrong_frequency', { frequency: t(`frequency.${frequency}`) })
	);
	return null;
}

const valueRules = { ',': decimalText(','), '.': decimalText('.'), auto: decimalText('auto') } as const;

function readValue(text: string, separator: DecimalSeparator, messages: string[]): number | null {
	const value = valueRules[separator].safeParse(text);
	if (value.success) return value.data;
	messages.push(value.error.issues[0].message);
	return null;
}

function readComment(text: string, messages: string[]): string {
	// Our CSV export guards text that Excel would run as a formula with a leading ' : take it off again.
	const comment = text.trim().replace(/^'(?=[=+\-@])/, '');
	if (comment.length > MAX_COMMENT_LENGTH) messages.push(t('observation.comment_too_long'));
	return comment;
}
