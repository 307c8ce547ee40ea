import type { Unit } from '../../../../db/types';
import type { Db } from '../infra/db';
import { invalid } from '../infra/write-result';
import { t } from '../messages';
import type { SessionUser } from '../auth/session';
import { duePeriods } from '../../domain/due-periods';
import { formatPeriodDa } from '../../domain/periods';
import { listKpis, listObservations, listWritableKpiIds } from '../kpis';
import { previewObservationImport } from './preview';
import { applyObservationImport } from './apply';
import { MAX_COMMENT_LENGTH } from './row-fields';
import type { ApplyResult, ImportTable } from './types';

/** One row of the entry grid: a missing period of a KPI the user may write, with the KPI's last value for reference. */
export interface EntryGridRow {
	/** `kpiId/period`: names the row's inputs and its error. */
	key: string;
	kpiId: number;
	kpiName: string;
	unit: Unit;
	decimals: number;
	period: string;
	overdue: boolean;
	last: { period: string; value: number } | null;
}

/** What a person typed into the grid, by row key; rows left empty are not here. */
export interface EntryGridCell {
	key: string;
	kpiId: string;
	period: string;
	value: string;
	comment: string;
	/**
	 * The user ticked "Ja, de markerede værdier er rigtige" while this row was marked as an unusual change,
	 * and its value is still the one that was marked (`asked:KEY` in the form).
	 */
	confirmed?: boolean;
}

/**
 * A saved grid (the import's write result), or the rows that stopped it: `errors` with their Danish reason;
 * `questions` the rows with an unusual change that the user has not confirmed (absent when there are none).
 */
export type EntryGridResult =
	ApplyResult | { kind: 'rows'; errors: Record<string, string>; questions?: Record<string, string> };

/** The most rows one grid shows (a director's grid covers every KPI); the rest come once these are saved. */
export const MAX_GRID_SHOWN = 300;
/** The most cells one grid post may carry (value and comment count once per row). */
const MAX_GRID_ROWS = 2000;
const MAX_CELL_LENGTH = MAX_COMMENT_LENGTH + 100;

export const gridKey = (kpiId: number | string, period: string) => `${kpiId}/${period}`;

/**
 * Every due and overdue period of the KPIs the user may write (project leads: their assigned KPIs;
 * directors and admins: all), oldest first within a KPI, overdue KPIs first; `more` names the KPIs
 * whose older missing periods were left out, `hidden` the rows beyond MAX_GRID_SHOWN. Three queries, however many KPIs.
 * `only.kpiId` keeps one KPI's rows (the KPI page's grid); a KPI the user may not write then gives none.
 * @example const grid = await loadEntryGrid(db, user, todayInCopenhagen());
 * @example const kpiPageGrid = await loadEntryGrid(db, user, todayInCopenhagen(), { kpiId: 7 });
 */
export async function loadEntryGrid(
	db: Db,
	user: SessionUser,
	asOf: string,
	only: { kpiId?: number } = {}
): Promise<{ rows: EntryGridRow[]; more: string[]; hidden: number }> {
	const [kpis, writable] = await Promise.all([listKpis(db, user.organisationId), listWritableKpiIds(db, user)]);
	const mine = kpis.filter((kpi) => writable.has(kpi.id) && (only.kpiId === undefined || kpi.id === only.kpiId));
	const observations = await listObservations(
		db,
		user.organisationId,
		mine.map((kpi) => kpi.id)
	);
	const byKpi = Map.groupBy(observations, (o) => o.kpiId);
	const rows: EntryGridRow[] = [];
	const more: string[] = [];
	for (const kpi of mine) {
		const values = byKpi.get(kpi.id) ?? []; // oldest first
		const due = duePeriods(
			kpi.frequency,
			kpi.baselinePeriod,
			values.map((o) => o.period),
			asOf
		);
		if (due.more) more.push(kpi.name);
		const last = values.at(-1) ?? null;
		for (const { period, overdue } of due.periods)
			rows.push({
				key: gridKey(kpi.id, period),
				kpiId: kpi.id,
				kpiName: kpi.name,
				unit: kpi.unit,
				decimals: kpi.decimals,
				period,
				overdue,
				last: last && { period: last.period, value: last.value }
			});
	}
	// Overdue KPIs first (their oldest period leads), then by name; a KPI's periods stay together.
	const firstOverdue = new Set(rows.filter((row) => row.overdue).map((row) => row.kpiId));
	rows.sort(
		(a, b) =>
			Number(firstOverdue.has(b.kpiId)) - Number(firstOverdue.has(a.kpiId)) ||
			a.kpiName.localeCompare(b.kpiName, 'da') ||
			a.kpiId - b.kpiId ||
			a.period.localeCompare(b.period)
	);
	return { rows: rows.slice(0, MAX_GRID_SHOWN), more, hidden: Math.max(0, rows.length - MAX_GRID_SHOWN) };
}

/**
 * The grid's cells from a posted form: inputs named `value:KPI/PERIOD` and `comment:KPI/PERIOD`, in the
 * order posted; rows with neither a value nor a comment are skipped. With the tick `confirmUnusual`, a cell
 * is `confirmed` when its value is still the one the grid marked (`asked:KPI/PERIOD`). Null when the post
 * is not a grid's.
 * @example const cells = readEntryGridForm(await event.request.formData());
 */
export function readEntryGridForm(formData: FormData): EntryGridCell[] | null {
	const cells = new Map<string, EntryGridCell>();
	const asked = new Map<string, string>();
	for (const [name, raw] of formData) {
		const match = /^(value|comment|asked):((\d{1,12})\/([^/]{1,20}))$/.exec(name);
		if (!match) continue;
		if (typeof raw !== 'string' || raw.length > MAX_CELL_LENGTH) return null;
		const [, field, key, kpiId, period] = match;
		if (field === 'asked') {
			asked.set(key, raw.trim());
			continue;
		}
		const cell = cells.get(key) ?? { key, kpiId, period, value: '', comment: '' };
		cell[field as 'value' | 'comment'] = raw.trim();
		cells.set(key, cell);
		if (cells.size > MAX_GRID_ROWS) return null;
	}
	const ticked = formData.get('confirmUnusual') !== null;
	return [...cells.values()]
		.filter((cell) => cell.value !== '' || cell.comment !== '')
		.map((cell) => (ticked && asked.get(cell.key) === cell.value ? { ...cell, confirmed: true } : cell));
}

/**
 * Saves the filled cells of the entry grid all-or-nothing, by the import's rules (its preview, then its
 * apply, in one transaction): a KPI the user may not write, an unreadable value, a period that is not the
 * KPI's, or a period that got a value meanwhile stops the whole save, with the reason on its row; so does a
 * value with an unusual change that is not `confirmed` (a question on its row, answered with one tick).
 * @example const result = await saveEntryGrid(db, user, cells, event.getClientAddress());
 */
export async function saveEntryGrid(
	db: Db,
	user: SessionUser,
	cells: readonly EntryGridCell[],
	clientAddress: string | null
): Promise<EntryGridResult> {
	if (cells.length === 0) return invalid('rows', t('grid.empty'));
	// The grid as an import table: header on line 1, cell i on line i + 2.
	const table: ImportTable = {
		decimalSeparator: 'auto',
		rows: [
			{ line: 1, cells: ['KPI id', 'Periode', 'Værdi', 'Kommentar'] },
			...cells.map((cell, i) => ({ line: i + 2, cells: [cell.kpiId, cell.period, cell.value, cell.comment] }))
		]
	};
	const preview = await previewObservationImport(db, user, table);
	const errors: Record<string, string> = {};
	const unusual: Record<string, string> = {};
	const unconfirmed: Record<string, string> = {};
	for (const row of preview.rows) {
		const cell = cells[row.line - 2];
		if (cell.value === '') errors[cell.key] = t('grid.comment_without_value');
		else if (row.kind === 'error') errors[cell.key] = row.message ?? t('grid.row_refused');
		// The grid only fills gaps: a value stored since the page was opened is not overwritten from here.
		else if (row.kind !== 'new')
			errors[cell.key] = t('grid.already_stored', { kpi: row.kpiName ?? '', period: formatPeriodDa(cell.period) });
		else if (row.unusual !== null) {
			unusual[cell.key] = row.unusual;
			if (!cell.confirmed) unconfirmed[cell.key] = row.unusual;
		}
	}
	// With errors nothing is saved, so every unusual row stays marked and the final save asks for the tick again.
	const questions = Object.keys(errors).length > 0 ? unusual : unconfirmed;
	if (Object.keys(errors).length + Object.keys(questions).length > 0)
		return Object.keys(questions).length > 0 ? { kind: 'rows', errors, questions } : { kind: 'rows', errors };
	// Every unusual row left was confirmed with its own value (checked above, per cell).
	return applyObservationImport(db, user, preview, clientAddress, { confirmUnusual: true });
}
