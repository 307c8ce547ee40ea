import type { Db } from '../db';

/** Failed sign-ins are counted over this window (15 minutes). */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

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
export async function loginRetryAfter(db: Db, email: string, clientAddress: string, now = new Date()): Promise<number | null> {
	const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
	const failures = (column: 'email' | 'clientAddress', value: string, max: number) =>
		db
			.selectFrom('loginAttempt')
			.select('attemptedAt')
			.where(column, '=', value)
			.where('succeeded', '=', false)
			.where('attemptedAt', '>', since)
			.orderBy('attemptedAt', 'desc')
			.limit(max)
			.execute();
	const [byEmail, byAddress] = await Promise.all([
		failures('email', email, MAX_FAILURES_PER_EMAIL),
		failures('clientAddress', clientAddress, MAX_FAILURES_PER_ADDRESS)
	]);
	const waits = [
		secondsUntilBelow(byEmail.map((r) => r.attemptedAt).reverse(), MAX_FAILURES_PER_EMAIL, now),
		secondsUntilBelow(byAddress.map((r) => r.attemptedAt).reverse(), MAX_FAILURES_PER_ADDRESS, now)
	].filter((w): w is number => w !== null);
	return waits.length ? Math.max(...waits) : null;
}

/** Records a sign-in attempt; successes are kept for the record but never count against the limit. */
export async function recordLoginAttempt(
	db: Db,
	attempt: { email: string; clientAddress: string; succeeded: boolean },
	now = new Date()
): Promise<void> {
	await db.insertInto('loginAttempt').values({ ...attempt, attemptedAt: now }).execute();
}
