import { inTransaction, type Db } from '../infra/db';
import { invalid, stale } from '../infra/write-result';
import { currentLocale, t } from '../messages';
import type { SessionUser } from '../auth/session';
import { formatPeriod, parsePeriod } from '../../domain/periods';
import { plural } from '../../domain/plural';
import { MAX_ABS_VALUE, MAX_COMMENT_LENGTH } from './row-fields';
import {
	insertObservations,
	listWritableKpiIds,
	loadStoredObservations,
	observationKey,
	updateObservations,
	type StoredObservation
} from '../kpis';
import { recordImportAudit, StaleImportError, type WriteRow } from './write';
import type { ApplyResult, ImportPreview, PreviewRow } from './types';

const NOTHING_SAVED = { one: 'import.nothing_saved_one', other: 'import.nothing_saved_other' } as const;
const UNUSUAL_UNCONFIRMED = {
	one: 'import.unusual_unconfirmed_one',
	other: 'import.unusual_unconfirmed_other'
} as const;
/** The most lines an unusual-change refusal names; the rest are counted. */
const MAX_LINES_NAMED = 10;
const lists = {
	da: new Intl.ListFormat('da-DK', { type: 'conjunction' }),
	en: new Intl.ListFormat('en-GB', { type: 'conjunction' })
};

type CheckedRow = WriteRow & { kind: 'new' | 'changed' | 'unchanged'; oldValue: number | null };

/**
 * Writes a previewed import all-or-nothing in one transaction: refuses a preview with errors, and
 * rolls back as `stale` when a stored value differs from what the preview saw (so the person looks
 * again). Rows with an unusual change are saved only with `confirmUnusual` (the user's "Ja, de markerede
 * værdier er rigtige", the API's `confirmUnusual=true`); without it nothing is saved and the refusal
 * (`invalid`, field 'unusual') names their lines. Creates new values, updates changed ones (version + 1),
 * leaves unchanged ones untouched, and records one import event plus one audit event per written value.
 * @example const result = await applyObservationImport(db, user, preview, event.getClientAddress(), { confirmUnusual: true });
 */
export async function applyObservationImport(
	db: Db,
	user: SessionUser,
	preview: ImportPreview,
	clientAddress: string | null,
	options: { confirmUnusual?: boolean } = {}
): Promise<ApplyResult> {
	const errors = preview.counts.errors;
	const hasErrors = invalid('rows', t(plural(errors, NOTHING_SAVED), { errors }));
	if (preview.counts.errors > 0) return hasErrors;
	// The preview may have travelled through a browser: check it again rather than trust it.
	const rows = checkRows(preview.rows, await listWritableKpiIds(db, user));
	if (!rows) return hasErrors;
	const unusual = preview.rows.filter((row) => row.unusual !== null).map((row) => row.line);
	if (unusual.length > 0 && options.confirmUnusual !== true) return invalid('unusual', unusualRefusalMessage(unusual));
	const created = rows.filter((row) => row.kind === 'new');
	const updated = rows.filter((row) => row.kind === 'changed');
	const unchanged = rows.length - created.length - updated.length;
	try {
		await inTransaction(db, async (trx) => {
			const stored = await loadStoredObservations(
				trx,
				user.organisationId,
				[...new Set(rows.map((row) => row.kpiId))],
				{
					periods: [...new Set(rows.map((row) => row.period))],
					lock: true
				}
			);
			if (rows.some((row) => isStale(row, stored.get(observationKey(row.kpiId, row.period)))))
				throw new StaleImportError();
			if (created.length + updated.length === 0) return;
			if (!(await insertObservations(trx, user, created))) throw new StaleImportError();
			if (!(await updateObservations(trx, user, updated, stored))) throw new StaleImportError();
			await recordImportAudit(trx, user, clientAddress, { created, updated, unchanged, stored });
		});
	} catch (error) {
		if (error instanceof StaleImportError) return stale(null);
		throw error;
	}
	return { kind: 'ok', created: created.length, updated: updated.length, unchanged };
}

/** The rows as writable values, or null if any is an error, malformed, repeated or not the user's to write. */
function checkRows(rows: readonly PreviewRow[], writable: ReadonlySet<number>): CheckedRow[] | null {
	const seen = new Set<string>();
	const checked: CheckedRow[] = [];
	for (const row of rows) {
		const { kind, kpiId, period, value, comment, oldValue } = row;
		if (kind === 'error' || kpiId === null || !writable.has(kpiId)) return null;
		if (period === null || !isCanonicalPeriod(period) || typeof comment !== 'string') return null;
		if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) >= MAX_ABS_VALUE) return null;
		if (comment.length > MAX_COMMENT_LENGTH || seen.has(observationKey(kpiId, period))) return null;
		seen.add(observationKey(kpiId, period));
		checked.push({ kind, kpiId, period, value, comment, oldValue });
	}
	return checked;
}

function isCanonicalPeriod(text: string): boolean {
	const period = parsePeriod(text);
	return period !== null && formatPeriod(period) === text;
}

/** Whether the stored value is no longer what the preview compared with. */
function isStale(row: CheckedRow, stored: StoredObservation | undefined): boolean {
	if (row.kind === 'new') return stored !== undefined;
	if (!stored || stored.value !== row.oldValue) return true;
	// An unchanged row writes nothing, so its comment must still be the file's too.
	return row.kind === 'unchanged' && (stored.value !== row.value || stored.comment !== row.comment);
}

/**
 * 'Intet er gemt, fordi linje 5 og 8 har usædvanlige ændringer.' — the first lines by number, the rest counted.
 * @example unusualRefusalMessage([5]) // 'Intet er gemt, fordi linje 5 har en usædvanlig ændring.'
 */
export function unusualRefusalMessage(lines: readonly number[]): string {
	const named = lines.slice(0, MAX_LINES_NAMED).map(String);
	const rest = lines.length - named.length;
	const list = lists[currentLocale()].format(
		rest > 0
			? [...named, t(plural(rest, { one: 'import.lines_more_one', other: 'import.lines_more_other' }), { count: rest })]
			: named
	);
	return t(plural(lines.length, UNUSUAL_UNCONFIRMED), { lines: list });
}
