import type { Db } from '../infra/db';
import { t } from '../messages';
import type { SessionUser } from '../auth/session';
import { mapColumns } from './columns';
import { createKpiFinder, readRow, type RowDraft } from './row-fields';
import {
	listKpiRefs,
	listWritableKpiIds,
	loadStoredObservations,
	observationKey,
	plausibilityCheckers,
	type StoredObservation
} from '../kpis';
import { todayInCopenhagen } from '../../domain/dates';
import type { ImportPreview, ImportTable, PreviewRow } from './types';

/**
 * Checks every row of a read table against the user's KPIs and the stored values, without writing:
 * each row comes back as new, changed, unchanged or an error with its Danish reason. A missing
 * required column is one error row on the header's line. A fixed number of queries, whatever the size.
 * @example const table = await readTable({ text }); if (table.ok) preview = await previewObservationImport(db, user, table);
 */
export async function previewObservationImport(db: Db, user: SessionUser, table: ImportTable): Promise<ImportPreview> {
	const [header, ...data] = table.rows;
	if (!header) return summarise([]);
	const mapped = mapColumns(header.cells);
	if (!mapped.ok) return summarise([{ ...emptyRow(header.line), kind: 'error', message: mapped.message }]);

	const [kpis, writable] = await Promise.all([listKpiRefs(db, user.organisationId), listWritableKpiIds(db, user)]);
	const context = { findKpi: createKpiFinder(kpis), writable, decimalSeparator: table.decimalSeparator };
	const drafts = data.map((row) => readRow(row, mapped.columns, context));
	markDuplicates(drafts);

	const kpiIds = [
		...new Set(drafts.flatMap((draft) => (draft.kpi && writable.has(draft.kpi.id) ? [draft.kpi.id] : [])))
	];
	const stored = await loadStoredObservations(db, user.organisationId, kpiIds);
	const plausibility = plausibilityCheckers(kpis, stored);
	const today = todayInCopenhagen();
	const warnings = drafts.map((draft) => checkRowPlausibility(draft, plausibility, today));
	return summarise(
		drafts.map((draft, i) => ({
			...classify(
				draft,
				draft.kpi && draft.period ? stored.get(observationKey(draft.kpi.id, draft.period)) : undefined
			),
			...(warnings[i] ? { warning: warnings[i] } : {})
		}))
	);
}

/**
 * The entry form's plausibility rules on a read row (domain/plausibility.ts): a bound or a future period is
 * one more reason the row is refused, and the value is rounded to the KPI's decimals; what the user should
 * look at (rounded, an unusual change) comes back as the row's warning.
 */
function checkRowPlausibility(
	draft: RowDraft,
	checkerFor: ReturnType<typeof plausibilityCheckers>,
	today: string
): string | null {
	if (!draft.kpi || draft.period === null || draft.value === null || draft.messages.length > 0) return null;
	const check = checkerFor(draft.kpi.id)?.({ period: draft.period, value: draft.value, today });
	if (!check) return null;
	draft.messages.push(...check.errors.map((e) => e.message));
	draft.value = check.value;
	return [check.rounded, check.unusual].filter(Boolean).join(' ') || null;
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
		oldValue: stored?.value ?? null
	};
	if (draft.messages.length > 0)
		return { ...row, kind: 'error', comment: draft.comment ?? '', message: draft.messages.join(' ') };
	// A file without a comment column leaves the stored comments alone.
	const comment = draft.comment ?? stored?.comment ?? '';
	if (!stored) return { ...row, kind: 'new', comment };
	const unchanged = stored.value === draft.value && stored.comment === comment;
	return { ...row, kind: unchanged ? 'unchanged' : 'changed', comment };
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
		message: null
	};
}

function summarise(rows: PreviewRow[]): ImportPreview {
	const count = (kind: PreviewRow['kind']) => rows.filter((row) => row.kind === kind).length;
	return {
		rows,
		counts: {
			rows: rows.length,
			created: count('new'),
			updated: count('changed'),
			unchanged: count('unchanged'),
			errors: count('error')
		}
	};
}
