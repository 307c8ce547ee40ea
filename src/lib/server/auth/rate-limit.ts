import { sql } from 'kysely';
import { inTransaction, type Db } from '../infra/db';

/** Failed sign-ins (and forgotten-password requests) are counted over this window (15 minutes). */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

/**
 * What one kind of attempt may do per window: sign-ins count their failures, forgotten-password requests
 * count every request. Both live in `login_attempt`; a reset request's e-mail and address are stored with
 * the prefix `reset:`, so neither kind ever counts against the other's limit.
 */
interface AttemptKind {
	prefix: '' | 'reset:';
	perEmail: number;
	perAddress: number;
}

const SIGN_IN: AttemptKind = { prefix: '', perEmail: MAX_FAILURES_PER_EMAIL, perAddress: MAX_FAILURES_PER_ADDRESS };
/** "Glemt adgangskode?": 3 requests per e-mail and 20 per client address in 15 minutes. */
export const RESET_REQUEST_LIMITS = { perEmail: 3, perAddress: 20 } as const;
const RESET_REQUEST: AttemptKind = { prefix: 'reset:', ...RESET_REQUEST_LIMITS };

/** Seconds until the (max+1)th-newest failure in `times` leaves the window, or null when under the limit. */
function secondsUntilBelow(times: Date[], max: number, now: Date): number | null {
	if (times.length < max) return null;
	const decisive = times[times.length - max];
	return Math.max(1, Math.ceil((decisive.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
}

/**
 * Whether sign-in is refused for this e-mail or client address: after 5 failures for one e-mail or 50 from
 * one address within 15 minutes. Kept in PostgreSQL so the limit holds across app instances.
 * @returns seconds to wait (for Retry-After), or null when a sign-in may be tried
 */
export function loginRetryAfter(
	db: Db,
	email: string,
	clientAddress: string,
	now = new Date()
): Promise<number | null> {
	return retryAfter(db, SIGN_IN, email, clientAddress, now);
}

/** Seconds to wait before another attempt of this kind, or null (see loginRetryAfter). */
async function retryAfter(
	db: Db,
	kind: AttemptKind,
	email: string,
	clientAddress: string,
	now: Date
): Promise<number | null> {
	const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
	const failures = (column: 'email' | 'clientAddress', value: string, max: number) =>
		db
			.selectFrom('loginAttempt')
			.select('attemptedAt')
			.where(column, '=', kind.prefix + value)
			.where('succeeded', '=', false)
			.where('attemptedAt', '>', since)
			.orderBy('attemptedAt', 'desc')
			.limit(max)
			.execute();
	const [byEmail, byAddress] = await Promise.all([
		failures('email', email, kind.perEmail),
		failures('clientAddress', clientAddress, kind.perAddress)
	]);
	const waits = [
		secondsUntilBelow(byEmail.map((r) => r.attemptedAt).reverse(), kind.perEmail, now),
		secondsUntilBelow(byAddress.map((r) => r.attemptedAt).reverse(), kind.perAddress, now)
	].filter((w): w is number => w !== null);
	return waits.length ? Math.max(...waits) : null;
}

export type LoginAdmission = { ok: true; attemptId: number } | { ok: false; retryAfterSeconds: number };

/**
 * Admits one sign-in attempt or refuses it, as one atomic step per e-mail and per client address: under
 * transaction-scoped advisory locks on both (e-mail first, then address, always in that order so two
 * attempts never wait on each other crosswise), it counts the failures in the window and, when under the
 * limits, records this attempt as a failure before any password is checked. Attempts in flight therefore
 * count, so 40 parallel guesses get at most 5 password checks. The locks end with the transaction, before
 * the ~90 ms argon2 check, so no connection is held during it. Call finishLoginAttempt when it succeeded.
 * Run it in a transaction of its own (beginLoginAttempt does).
 */
export async function admitLoginAttempt(
	trx: Db,
	email: string,
	clientAddress: string,
	now = new Date()
): Promise<LoginAdmission> {
	return admitAttempt(trx, SIGN_IN, email, clientAddress, now);
}

/** Counts and records one attempt of a kind under its two advisory locks (see admitLoginAttempt). */
async function admitAttempt(
	trx: Db,
	kind: AttemptKind,
	email: string,
	clientAddress: string,
	now: Date
): Promise<LoginAdmission> {
	const [emailKey, addressKey] = [kind.prefix + email, kind.prefix + clientAddress];
	await sql`select pg_advisory_xact_lock(hashtext('fremdrift:login-email'), hashtext(${emailKey}))`.execute(trx);
	await sql`select pg_advisory_xact_lock(hashtext('fremdrift:login-address'), hashtext(${addressKey}))`.execute(trx);
	const retryAfterSeconds = await retryAfter(trx, kind, email, clientAddress, now);
	if (retryAfterSeconds !== null) return { ok: false, retryAfterSeconds };
	const { id } = await trx
		.insertInto('loginAttempt')
		.values({ email: emailKey, clientAddress: addressKey, succeeded: false, attemptedAt: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { ok: true, attemptId: id };
}

/**
 * admitLoginAttempt in a transaction of its own, which ends (with its locks) before the password is checked.
 * @example const admission = await beginLoginAttempt(db, email, event.getClientAddress());
 */
export function beginLoginAttempt(
	db: Db,
	email: string,
	clientAddress: string,
	now = new Date()
): Promise<LoginAdmission> {
	return inTransaction(db, (trx) => admitLoginAttempt(trx, email, clientAddress, now));
}

/** Marks an admitted attempt as successful: it then no longer counts against the limits (kept for the record). */
export async function finishLoginAttempt(db: Db, attemptId: number): Promise<void> {
	await db.updateTable('loginAttempt').set({ succeeded: true }).where('id', '=', attemptId).execute();
}

/**
 * Admits one forgotten-password request or refuses it (3 per e-mail, 20 per client address, 15 minutes),
 * atomically as beginLoginAttempt does; every admitted request counts, whether or not the e-mail is a user's.
 * @example const admission = await beginResetRequest(db, email, event.getClientAddress());
 */
export function beginResetRequest(
	db: Db,
	email: string,
	clientAddress: string,
	now = new Date()
): Promise<LoginAdmission> {
	return inTransaction(db, (trx) => admitAttempt(trx, RESET_REQUEST, email, clientAddress, now));
}
