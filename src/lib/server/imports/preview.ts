import type { Db } from '../infra/db';
import { t } from '../messages';
import type { SessionUser } from '../auth/session';
import { headerlessColumns, mapColumns, type ColumnMap } from './columns';
import { createKpiFinder, readRow, type RowDraft } from './row-fields';
import { markScaleDoubts } from './scale';
import {
	listKpiRefs,
	listWritableKpiIds,
	loadStoredObservations,
	observationKey,
	plausibilityCheckers,
	type StoredObservation
} from '../kpis';
import { todayInCopenhagen } from '../../domain/dates';
import { formatKpiValue } from '../../domain/format';
import { decimalsNeeded } from '../../domain/numbers';
import type { KpiRef } from './row-fields';
import type { ImportPreview, ImportTable, PreviewRow } from './types';

/**
 * Checks every row of a read table against the user's KPIs and the stored values, without writing:
 * each row comes back as new, changed, unchanged or an error with its Danish reason. A missing
 * required column is one error row on the header's line; a table whose first row reads as data has no
 * header. With `kpiId` every row is for that one KPI (period, value, comment; no KPI column needed).
 * A fixed number of queries, whatever the size.
 * @example const table = await readTable({ text }); if (table.ok) preview = await previewObservationImport(db, user, table);
 */
export async function previewObservationImport(
	db: Db,
	user: SessionUser,
	table: ImportTable,
	options: { kpiId?: number } = {}
): Promise<ImportPreview> {
	const [header] = table.rows;
	if (!header) return summarise([], null);
	const [kpis, writable] = await Promise.all([listKpiRefs(db, user.organisationId), listWritableKpiIds(db, user)]);
	const findKpi = createKpiFinder(kpis);
	const fixedKpi = options.kpiId === undefined ? null : (kpis.find((kpi) => kpi.id === options.kpiId) ?? null);
	const single = fixedKpi !== null;
	const mapped = mapColumns(header.cells, { single, source: table.source });
	const headerless = mapped.ok ? null : headerlessColumns(table.rows, { single, isKpi: (cell) => !!findKpi(cell) });
	if (!mapped.ok && !headerless)
		return summarise([{ ...emptyRow(header.line), kind: 'error', message: mapped.message }], null);
	const columns: ColumnMap = headerless ?? (mapped as { columns: ColumnMap }).columns;
	const data = headerless ? table.rows : table.rows.slice(1);
	if (data.length === 0)
		return summarise([{ ...emptyRow(header.line), kind: 'error', message: t('import.empty') }], null);

	const context = { findKpi, writable, decimalSeparator: table.decimalSeparator, fixedKpi };
	const drafts = data.map((row) => readRow(row, columns, context));
	markDuplicates(drafts);

	const kpiIds = [
		...new Set(drafts.flatMap((draft) => (draft.kpi && writable.has(draft.kpi.id) ? [draft.kpi.id] : [])))
	];
	const stored = await loadStoredObservations(db, user.organisationId, kpiIds);
	markScaleDoubts(drafts, stored);
	const plausibility = plausibilityCheckers(kpis, stored);
	const today = todayInCopenhagen();
	for (const draft of drafts) checkRowPlausibility(draft, plausibility, today);
	return summarise(
		drafts.map((draft) =>
			classify(draft, draft.kpi && draft.period ? stored.get(observationKey(draft.kpi.id, draft.period)) : undefined)
		),
		columns
	);
}

/**
 * The entry form's plausibility rules on a read row (domain/plausibility.ts): a bound or a future period is
 * one more reason the row is refused, and the value is rounded to the KPI's decimals (one more of the row's
 * warnings); an unusual change becomes the row's question, saved only once the user confirms it.
 */
function checkRowPlausibility(
	draft: RowDraft,
	checkerFor: ReturnType<typeof plausibilityCheckers>,
	today: string
): void {
	if (!draft.kpi || draft.period === null || draft.value === null || draft.messages.length > 0) return;
	const check = checkerFor(draft.kpi.id)?.({ period: draft.period, value: draft.value, today });
	if (!check) return;
	draft.messages.push(...check.errors.map((e) => e.message));
	draft.value = check.value;
	if (check.rounded) draft.warnings.push(check.rounded);
	draft.unusual = check.unusual;
}

/** The second (third …) row for the same KPI and period is an error naming the first one's line. */
function markDuplicates(drafts: RowDraft[]): void {
	const firstLine = new Map<string, number>();
	for (const draft of drafts) {
		if (!draft.kpi || !draft.period) continue;
		const key = observationKey(draft.kpi.id, draft.period);
		const line = firstLine.get(key);
		if (line === undefined) firstLine.set(key, draft.line);
		else draft.messages.push(t('import.duplicate_row', { line }));
	}
}

function classify(draft: RowDraft, stored: StoredObservation | undefined): PreviewRow {
	const row = {
		...emptyRow(draft.line),
		kpiId: draft.kpi?.id ?? null,
		kpiName: draft.kpi?.name ?? null,
		period: draft.period,
		value: draft.value,
		oldValue: stored?.value ?? null,
		oldComment: stored?.comment ?? null,
		decimals: draft.kpi?.decimals ?? null,
		...valueTexts(draft.kpi, draft.value, stored?.value ?? null),
		warnings: draft.warnings
	};
	if (draft.messages.length > 0)
		return { ...row, kind: 'error', comment: draft.comment ?? '', message: draft.messages.join(' ') };
	// A file without a comment column leaves the stored comments alone.
	const comment = draft.comment ?? stored?.comment ?? '';
	if (!stored) return { ...row, kind: 'new', comment, unusual: draft.unusual };
	const unchanged = stored.value === draft.value && stored.comment === comment;
	// Only a value that is written needs confirming: not the stored one again (a comment's change).
	const unusual = stored.value === draft.value ? null : draft.unusual;
	return { ...row, kind: unchanged ? 'unchanged' : 'changed', comment, unusual };
}

/**
 * Both sides of a change as the KPI shows them, unit included (issue 17: "6,6 %" and "7,0 %", never "6,60" then
 * "7"): with the KPI's decimals, or more where a stored value has more, so a real change never reads alike.
 */
function valueTexts(
	kpi: KpiRef | null,
	value: number | null,
	oldValue: number | null
): Pick<PreviewRow, 'valueText' | 'oldValueText'> {
	if (!kpi) return { valueText: null, oldValueText: null };
	const decimals = Math.max(kpi.decimals, ...[value, oldValue].map((v) => (v === null ? 0 : decimalsNeeded(v))));
	const show = (v: number | null) => (v === null ? null : formatKpiValue(v, kpi.unit, decimals));
	return { valueText: show(value), oldValueText: show(oldValue) };
}

function emptyRow(line: number): PreviewRow {
	return {
		line,
		kind: 'error',
		kpiId: null,
		kpiName: null,
		period: null,
		value: null,
		oldValue: null,
		comment: '',
		oldComment: null,
		decimals: null,
		valueText: null,
		oldValueText: null,
		message: null,
		warnings: [],
		unusual: null
	};
}

function summarise(rows: PreviewRow[], columns: ColumnMap | null): ImportPreview {
	const count = (kind: PreviewRow['kind']) => rows.filter((row) => row.kind === kind).length;
	return {
		rows,
		columns,
		counts: {
			rows: rows.length,
			created: count('new'),
			updated: count('changed'),
			unchanged: count('unchanged'),
			errors: count('error')
		}
	};
}
