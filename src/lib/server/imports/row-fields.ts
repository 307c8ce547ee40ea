import { t } from '../messages';
import {
	formatPeriod,
	parsePeriodInput,
	parsePeriodInputFor,
	periodContaining,
	type Frequency
} from '../../domain/periods';
import { isIsoDate } from '../../domain/dates';
import { formatKpiValue, formatPercent, type KpiUnit } from '../../domain/format';
import { decimalsNeeded, type DecimalSeparator } from '../../domain/numbers';
import { decimalText, MAX_ABS_DECIMAL, periodMessage } from '../../schemas/fields';
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
	unit: KpiUnit;
	decimals: number;
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
	/** What the person should look at, though the row can be imported (a value's doubtful scale). */
	warnings: string[];
	/** The unusual-change question (domain/plausibility.ts), saved only once confirmed; null when there is none. */
	unusual: string | null;
	/** The value was read from a cell formatted as a percentage. */
	percentCell: boolean;
}

export interface RowContext {
	findKpi: (cell: string) => KpiRef | null;
	writable: ReadonlySet<number>;
	decimalSeparator: DecimalSeparator;
	/** The one KPI every row is for (the import page opened from a KPI), else null. */
	fixedKpi: KpiRef | null;
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
	const warnings: string[] = [];
	const kpi = readKpi(columns.kpi === null ? null : cell(columns.kpi).trim(), context, messages);
	const dateCell = row.format?.[columns.period] === 'date';
	const period = readPeriod(cell(columns.period), dateCell, kpi?.frequency ?? null, messages);
	// An XLSX number cell is written with '.', whatever the table's typed cells use.
	const separator = row.numeric?.[columns.value] ? '.' : context.decimalSeparator;
	const percentCell = row.format?.[columns.value] === 'percent';
	let value = readValue(cell(columns.value), separator, messages);
	if (value !== null && percentCell && kpi) value = readPercentCell(value, kpi, warnings);
	const comment = columns.comment === null ? null : readComment(cell(columns.comment), messages);
	return { line: row.line, kpi, period, value, comment, messages, warnings, unusual: null, percentCell };
}

/** The row's KPI: the fixed one (a KPI column then must name it), or the one its KPI cell names. */
function readKpi(text: string | null, context: RowContext, messages: string[]): KpiRef | null {
	const fixed = context.fixedKpi;
	const kpi = text === null || (fixed && text === '') ? fixed : context.findKpi(text);
	if (!kpi) messages.push(t('import.unknown_kpi', { kpi: text ?? '' }));
	else if (fixed && kpi.id !== fixed.id) {
		messages.push(t('import.not_this_kpi', { kpi: kpi.name, expected: fixed.name }));
		return fixed;
	} else if (!context.writable.has(kpi.id)) messages.push(t('import.not_allowed', { kpi: kpi.name }));
	return kpi;
}

/**
 * Any wording of the one period parser; the wrong frequency is an error, never converted. A date cell
 * (XLSX) is a day, not a wording: it becomes the KPI's period that contains it.
 */
function readPeriod(text: string, dateCell: boolean, frequency: Frequency | null, messages: string[]): string | null {
	if (dateCell && isIsoDate(text)) return frequency === null ? null : formatPeriod(periodContaining(text, frequency));
	if (frequency === null) {
		const period = parsePeriodInput(text);
		if (!period) messages.push(t('error.period_malformed'));
		return period && formatPeriod(period);
	}
	const parsed = parsePeriodInputFor(text, frequency);
	if (parsed.ok) return formatPeriod(parsed.period);
	messages.push(periodMessage(parsed.error, frequency));
	return null;
}

/**
 * A cell formatted as a percentage holds a fraction (6,9 % is 0.069): a `%` KPI gets the percentage; any
 * other KPI keeps the number the cell holds, with a warning on the row (it is still importable).
 */
function readPercentCell(value: number, kpi: KpiRef, warnings: string[]): number {
	const percent = Number((value * 100).toPrecision(15));
	if (kpi.unit === 'percent') return percent;
	warnings.push(
		t('import.percent_cell_not_percent', {
			shown: formatPercent(percent, Math.max(kpi.decimals, decimalsNeeded(percent))),
			value: formatKpiValue(value, kpi.unit, Math.max(kpi.decimals, decimalsNeeded(value)))
		})
	);
	return value;
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
