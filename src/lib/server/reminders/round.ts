import { sql } from 'kysely';
import { inTransaction, type Db } from '../infra/db';
import { jsonb } from '../infra/sql';
import type { ReminderFrequency } from '../../../../db/types';
import { sendMessage } from '../infra/mail';
import { listEnabledUsers } from '../auth/users';
import { composeDigest, type DigestMail } from './compose';
import { DEFAULT_FREQUENCY } from './preferences';
import { periodKey } from './period';
import { unsubscribeToken } from './signing';
import { createDigestSource } from './source';
import type { DigestSource, DigestUser, Task } from './types';

/** The kind of the one notification there is so far: a user's digest. */
export const DIGEST = 'digest';
/** A claim without sent_at older than this is a send that crashed before SMTP accepted it: it is tried again. */
export const STALE_CLAIM_MINUTES = 5;
/** Tries of one digest before a round stops claiming it (each failure is recorded for the admin). */
export const MAX_ATTEMPTS = 5;
/** pg_try_advisory_lock's key pair: 'FRMD' and issue 19. */
export const REMINDER_LOCK = [0x46524d44, 19] as const;

export interface RoundOptions {
	/** The as-of date ('YYYY-MM-DD', Copenhagen) whose week or month the digests belong to. */
	asOf: string;
	/** Where links point: ORIGIN. */
	origin: string;
	/** PostgreSQL takes the advisory lock; PGlite has one process and needs none. */
	kind: 'postgres' | 'pglite';
	/** Compose and report, claim and send nothing. */
	dryRun?: boolean;
	/** The clock for claims (tests). */
	now?: Date;
	source?: DigestSource;
	smtp?: { url?: string; from?: string };
}

export type Outcome = 'would_send' | 'sent' | 'failed' | 'taken';

export interface RoundEntry {
	user: DigestUser;
	frequency: Exclude<ReminderFrequency, 'off'>;
	periodKey: string;
	tasks: Task[];
	mail: DigestMail;
	outcome: Outcome;
	/** The SMTP server's answer (sent) or the error (failed). */
	response: string | null;
}

export interface RoundResult {
	/** False when another process held the lock (or this one was already running a round): nothing was done. */
	ran: boolean;
	entries: RoundEntry[];
}

const running = new WeakSet<Db>();

/**
 * One reminder round: for every active user with reminders on whose digest of the current week or month has
 * not been sent, the digest's tasks are read; a user with none gets no mail. Each mail is claimed first (a
 * `sent_notification` row, in its own transaction; a conflict means another sender has it), then handed to
 * SMTP, then stamped with `sent_at` and the server's answer. A claim older than STALE_CLAIM_MINUTES without
 * `sent_at` (a crash, or an SMTP error) is claimed again; once `sent_at` is set, never. On PostgreSQL the
 * round runs under a session advisory lock, so of several instances (and the CLI) one works at a time.
 * @example const { entries } = await runReminderRound(db, { asOf: '2026-12-01', origin, kind: 'pglite', dryRun: true });
 */
export async function runReminderRound(db: Db, options: RoundOptions): Promise<RoundResult> {
	if (running.has(db)) return { ran: false, entries: [] };
	running.add(db);
	try {
		if (options.kind === 'pglite') return { ran: true, entries: await round(db, options) };
		return await db.connection().execute(async (lockConnection) => {
			const { rows } = await sql<{
				locked: boolean;
			}>`select pg_try_advisory_lock(${REMINDER_LOCK[0]}, ${REMINDER_LOCK[1]}) as locked`.execute(lockConnection);
			if (!rows[0]?.locked) return { ran: false, entries: [] };
			try {
				return { ran: true, entries: await round(db, options) };
			} finally {
				await sql`select pg_advisory_unlock(${REMINDER_LOCK[0]}, ${REMINDER_LOCK[1]})`.execute(lockConnection);
			}
		});
	} finally {
		running.delete(db);
	}
}

/**
 * Tasks that are news rather than work: a recommendation that turned at risk, behind or missed is told once (its
 * key names the status, so a further change is told again); work that is still waiting is told in every digest.
 */
const NEWS_ONLY = new Set(['recommendation_status']);

async function round(db: Db, options: RoundOptions): Promise<RoundEntry[]> {
	const now = options.now ?? new Date();
	const source = options.source ?? createDigestSource();
	const week = periodKey('weekly', options.asOf);
	const month = periodKey('monthly', options.asOf);
	const [users, preferences] = await Promise.all([
		listEnabledUsers(db),
		db.selectFrom('reminderPreference').select(['userId', 'frequency']).execute()
	]);
	const frequencyOf = new Map(preferences.map((p) => [p.userId, p.frequency]));
	const done = await db
		.selectFrom('sentNotification')
		.select(['userId', 'periodKey'])
		.where('kind', '=', DIGEST)
		.where('periodKey', 'in', [week, month])
		.where('sentAt', 'is not', null)
		.execute();
	const sent = new Set(done.map((row) => `${row.userId} ${row.periodKey}`));
	// What each user's last sent digest listed: news-only tasks already told are not told again.
	const told = new Map(
		(
			await db
				.selectFrom('sentNotification')
				.distinctOn('userId')
				.select(['userId', 'subjects'])
				.where('kind', '=', DIGEST)
				.where('sentAt', 'is not', null)
				.orderBy('userId')
				.orderBy('sentAt', 'desc')
				.execute()
		).map((row) => [row.userId, new Set(row.subjects)])
	);
	const entries: RoundEntry[] = [];
	for (const row of users) {
		const frequency = frequencyOf.get(row.id) ?? DEFAULT_FREQUENCY;
		if (frequency === 'off') continue;
		const key = frequency === 'weekly' ? week : month;
		if (sent.has(`${row.id} ${key}`)) continue;
		const user: DigestUser = {
			id: row.id,
			organisationId: row.organisationId,
			email: row.email,
			name: row.name,
			role: row.role
		};
		let tasks: Task[];
		try {
			tasks = await source(db, user, options.asOf);
		} catch (error) {
			// One user's broken data must not keep the others' digests back.
			console.error(`Påmindelsen til ${user.email} kunne ikke sammensættes:`, error);
			continue;
		}
		// Remembered with the digest: everything true now, told or not, so old news stays old.
		const current = tasks.map((task) => task.subjectKey);
		const toldBefore = told.get(user.id);
		if (toldBefore) tasks = tasks.filter((task) => !(NEWS_ONLY.has(task.kind) && toldBefore.has(task.subjectKey)));
		if (tasks.length === 0) continue;
		const unsubscribeUrl = `${options.origin}/afmeld/${await unsubscribeToken(db, user.id)}`;
		const mail = composeDigest({ user, tasks, asOf: options.asOf, frequency, origin: options.origin, unsubscribeUrl });
		const entry: RoundEntry = { user, frequency, periodKey: key, tasks, mail, outcome: 'would_send', response: null };
		entries.push(entry);
		if (options.dryRun) continue;
		const claim = await claimDigest(db, user.id, key, now);
		if (claim === null) {
			entry.outcome = 'taken';
			continue;
		}
		const outcome = await sendMessage(
			{ to: user.email, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers },
			options.smtp
		);
		if (outcome.kind === 'sent') {
			entry.outcome = 'sent';
			entry.response = outcome.response;
			await db
				.updateTable('sentNotification')
				.set({
					sentAt: new Date(),
					smtpResponse: outcome.response.slice(0, 1000),
					lastError: null,
					lastErrorAt: null,
					subjects: jsonb(current)
				})
				.where('id', '=', claim)
				.execute();
		} else {
			const error = outcome.kind === 'failed' ? outcome.error : 'SMTP_URL mangler';
			console.error(`Påmindelsen til ${user.email} (${key}) kunne ikke sendes:`, error);
			entry.outcome = 'failed';
			entry.response = error;
			await db
				.updateTable('sentNotification')
				.set({ lastError: error.slice(0, 1000), lastErrorAt: new Date() })
				.where('id', '=', claim)
				.execute();
		}
	}
	return entries;
}

/**
 * Claims a user's digest of a period: a new `sent_notification` row, or a stale unsent one taken over
 * (attempts + 1). The row's id, or null when it is sent, or being sent by someone else, or given up.
 */
async function claimDigest(db: Db, userId: number, key: string, now: Date): Promise<number | null> {
	const cutoff = new Date(now.getTime() - STALE_CLAIM_MINUTES * 60_000);
	return inTransaction(db, async (trx) => {
		const inserted = await trx
			.insertInto('sentNotification')
			.values({ userId, kind: DIGEST, subjectKey: DIGEST, periodKey: key, claimedAt: now })
			.onConflict((oc) => oc.columns(['userId', 'kind', 'periodKey']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (inserted) return inserted.id;
		const retaken = await trx
			.updateTable('sentNotification')
			.set((eb) => ({ claimedAt: now, attempts: eb('attempts', '+', 1) }))
			.where('userId', '=', userId)
			.where('kind', '=', DIGEST)
			.where('periodKey', '=', key)
			.where('sentAt', 'is', null)
			.where('claimedAt', '<', cutoff)
			.where('attempts', '<', MAX_ATTEMPTS)
			.returning('id')
			.executeTakeFirst();
		return retaken?.id ?? null;
	});
}
