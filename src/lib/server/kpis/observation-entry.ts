import type { Kpi } from '../../../../db/types';
import type { Db } from '../infra/db';
import type { Refusal } from '../infra/write-result';
import { todayInCopenhagen } from '../../domain/dates';
import { checkObservationPlausibility } from './plausibility';
import { findObservationWithAuthor } from './observation-reads';
import { saveObservation } from './observations';

/** One value as a person entered it in the form (or the entry grid), with what the form knew when it was loaded. */
export interface EnteredObservation {
	organisationId: number;
	userId: number;
	clientAddress: string | null;
	period: string;
	value: number;
	comment: string;
	source: string;
	seriesBreak: boolean;
	/** The version the form holds, and the period it belongs to (the period the form was opened for). */
	version: number | null;
	versionOf: string;
	/** The user said yes to replacing the stored value ("Ja, erstat den gemte værdi"), or opened it with "Ret". */
	replace: boolean;
	/** The user said the unusual value is right ("Ja, værdien er rigtig"). */
	confirmUnusual: boolean;
	/** When the form was loaded; null when unknown. */
	loadedAt: Date | null;
	/** Today in Copenhagen (plausibility: no period after the current one). */
	today?: string;
}

/** The stored value an entry ran into: shown with who stored it and when. */
export interface StoredEntry {
	value: number;
	version: number;
	enteredBy: string | null;
	enteredAt: Date;
}

export type EntryOutcome =
	/** Saved; `rounded` tells the user the value was rounded to the KPI's decimals. */
	| { kind: 'saved'; change: 'created' | 'updated' | 'unchanged'; value: number; rounded: string | null }
	/** Refused by a plausibility rule, at its field (period or value). */
	| { kind: 'invalid'; errors: { field: 'period' | 'value'; message: string }[] }
	/** An unusual change: saved only once the user confirms it. */
	| { kind: 'unusual'; message: string; value: number }
	/** The period has a value the user has not seen in this form: show it and ask before replacing it. */
	| { kind: 'replace'; stored: StoredEntry; value: number }
	/** Someone changed (or deleted, stored null) the period's value after the form was loaded. */
	| { kind: 'conflict'; stored: StoredEntry | null; value: number }
	| Exclude<Refusal, { kind: 'stale' } | { kind: 'invalid' }>;

/**
 * Saves one value entered in the form by the rules of issue 14: plausibility first (domain/plausibility.ts);
 * a stored value is replaced only when the user has seen it (opened it with "Ret", or answered the question
 * with yes), and the conflict is reported only when the stored value changed after the form was loaded.
 * The form's version belongs to the period it was opened for (`versionOf`): for another period it says nothing.
 * Run it in the caller's transaction (inTransaction).
 * @example const outcome = await inTransaction(db, (trx) => saveEnteredObservation(trx, kpi, { …form.data, organisationId, userId, clientAddress });
 */
export async function saveEnteredObservation(trx: Db, kpi: Kpi, entry: EnteredObservation): Promise<EntryOutcome> {
	const check = await checkObservationPlausibility(
		trx,
		entry.organisationId,
		kpi,
		entry.period,
		entry.value,
		entry.today ?? todayInCopenhagen()
	);
	if (check.errors.length > 0) return { kind: 'invalid', errors: check.errors };
	if (check.unusual && !entry.confirmUnusual) return { kind: 'unusual', message: check.unusual, value: check.value };
	const knewThisPeriod = entry.versionOf === entry.period && entry.version !== null;
	// A refused save (stale) writes nothing, so the caller's transaction needs no rollback for it.
	const result = await saveObservation(trx, {
		organisationId: entry.organisationId,
		kpiId: kpi.id,
		period: entry.period,
		value: check.value,
		comment: entry.comment,
		source: entry.source,
		seriesBreak: entry.seriesBreak,
		expectedVersion: knewThisPeriod && entry.replace ? entry.version : null,
		userId: entry.userId,
		clientAddress: entry.clientAddress
	});
	if (result.kind === 'ok')
		return { kind: 'saved', change: result.change ?? 'updated', value: check.value, rounded: check.rounded };
	if (result.kind !== 'stale') {
		if (result.kind === 'invalid') return { kind: 'invalid', errors: [{ field: 'value', message: result.message }] };
		return result;
	}
	const stored = (await findObservationWithAuthor(trx, entry.organisationId, kpi.id, entry.period)) ?? null;
	// Changed after the form was loaded: the version the form knew for this period is not the stored one; or
	// (the form knew no value here) the value was stored after the form was loaded; or it is gone.
	const changedSinceLoaded =
		stored === null ||
		(knewThisPeriod
			? stored.version !== entry.version
			: entry.loadedAt !== null && stored.enteredAt.getTime() > entry.loadedAt.getTime());
	return changedSinceLoaded
		? { kind: 'conflict', stored, value: check.value }
		: { kind: 'replace', stored, value: check.value };
}
