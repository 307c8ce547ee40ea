import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { seedDemo } from '../../db/seed/demo';
import {
	listReminderStates,
	runReminderRound,
	setReminderFrequency,
	unsubscribeToken,
	verifyUnsubscribeToken,
	type DigestSource,
	type RoundResult
} from '../../src/lib/server/reminders';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/test-db';
import { openDatabase } from '../../src/lib/server/infra/db';
import { jsonb } from '../../src/lib/server/infra/sql';
import { sql } from 'kysely';
import { startMailServer, type TestMailServer } from '../helpers/smtp';

/**
 * The reminder round (issue 19) on the demo data, with a real SMTP server: who gets a digest, what it says,
 * that each is sent once per week or month, that a crashed send is retried and a sent one never is, and
 * that an SMTP error is recorded rather than thrown. The clock is the as-of date (and `now` for claims).
 */
const AS_OF = '2026-12-01';
const ORIGIN = 'https://fremdrift.example.dk';
/** A source that gives every project lead and director one task (the demo has one lead with overdue values). */
const everyone: DigestSource = async (_db, user) =>
	user.email.startsWith('projektleder@') || user.email.startsWith('direktor@')
		? [
				{
					kind: 'test',
					subjectKey: `test:${user.id}`,
					title: 'Prøveopgave',
					detail: 'Noget der skal gøres.',
					href: '/',
					due: '2026-12-14',
					overdue: false
				}
			]
		: [];
const header = (mail: ParsedMail, name: string) =>
	mail.headerLines.find((line) => line.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '') ?? null;

describe('reminder round', () => {
	let database: TestDatabase;
	let mail: TestMailServer;
	const round = (
		options: { asOf?: string; dryRun?: boolean; now?: Date; smtpUrl?: string; source?: DigestSource } = {}
	) =>
		runReminderRound(database.db, {
			source: options.source,
			asOf: options.asOf ?? AS_OF,
			origin: ORIGIN,
			kind: database.kind,
			dryRun: options.dryRun,
			now: options.now,
			smtp: { url: options.smtpUrl ?? mail.url, from: 'fremdrift@example.dk' }
		});
	const sentRows = () =>
		database.db.selectFrom('sentNotification').selectAll().orderBy('userId').orderBy('periodKey').execute();
	const recipients = (result: RoundResult) => result.entries.map((e) => e.user.email).sort();

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
	});
	afterAll(() => database?.destroy());
	beforeEach(async () => {
		mail = await startMailServer();
		await database.db.deleteFrom('sentNotification').execute();
		await database.db.deleteFrom('reminderPreference').execute();
	});
	afterEach(() => mail.stop());

	test('a dry run lists the digests and claims and sends nothing', async () => {
		const result = await round({ dryRun: true });
		expect(result.ran).toBe(true);
		expect(result.entries.length).toBeGreaterThan(0);
		expect(result.entries.every((e) => e.outcome === 'would_send' && e.tasks.length > 0)).toBe(true);
		expect(recipients(result)).toContain('projektleder@norddjurs.demo');
		expect(await sentRows()).toEqual([]);
		expect(mail.mails).toEqual([]);
	});

	test('each digest is sent once per week: Danish text and HTML, links on ORIGIN, one-click unsubscribe', async () => {
		const first = await round();
		const count = first.entries.length;
		expect(count).toBeGreaterThan(0);
		expect(first.entries.every((e) => e.outcome === 'sent')).toBe(true);
		const mails = await mail.waitForMails(count);
		const lead = mails.find((m) => m.to && 'text' in m.to && m.to.text === 'projektleder@norddjurs.demo')!;
		expect(lead).toBeDefined();
		expect(lead.subject).toMatch(/^Fremdrift: \d+ opgaver? venter på dig$/);
		expect(lead.text).toContain('Hej Peter Projektleder');
		// The digest is the lead's "Mine opgaver": overdue values first, each with its link to the entry grid.
		expect(lead.text).toMatch(/- Indtast .+ – mangler .+ \(forsinket\)\n/);
		expect(lead.text).toMatch(new RegExp(`Åbn i Fremdrift: ${ORIGIN}/noegletal/\\d+#indtastning`));
		// Directors and admins get theirs too (approvals, publishing, values nobody enters).
		expect(mails.some((m) => m.to && 'text' in m.to && m.to.text === 'direktor@norddjurs.demo')).toBe(true);
		expect(lead.text).toContain('højst én gang om ugen');
		const unsubscribe = header(lead, 'List-Unsubscribe')!;
		expect(unsubscribe).toMatch(new RegExp(`^<${ORIGIN}/afmeld/\\d+\\.[A-Za-z0-9_-]{43}>$`));
		expect(header(lead, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
		expect(lead.text).toContain(unsubscribe.slice(1, -1));
		const html = String(lead.html);
		expect(html).toContain('<html lang="da">');
		expect(html).toContain('<h1>Dine opgaver i Fremdrift</h1>');
		expect(html).toMatch(
			/<a href="https:\/\/fremdrift\.example\.dk\/noegletal\/\d+#indtastning">Åbn «[^<]+» i Fremdrift<\/a>/
		);
		expect(html).toContain('>Afmeld alle påmindelser fra Fremdrift</a>');
		expect(html).not.toMatch(/<img|<script/i);
		const rows = await sentRows();
		expect(rows).toHaveLength(count);
		expect(rows.every((r) => r.sentAt !== null && r.periodKey === '2026-W49' && r.attempts === 1)).toBe(true);
		expect(rows.every((r) => /^250\b/.test(r.smtpResponse ?? ''))).toBe(true);

		// The same week again, later the same day or on its Sunday: nothing more.
		expect((await round()).entries).toEqual([]);
		expect((await round({ asOf: '2026-12-06' })).entries).toEqual([]);
		expect(mail.mails).toHaveLength(count);
		// The next week: the digests again.
		const next = await round({ asOf: '2026-12-07' });
		expect(recipients(next)).toEqual(recipients(first));
		await mail.waitForMails(2 * count);
	});

	test("a director is told of a recommendation's alarming status once, and again only when it changes", async () => {
		const director = 'direktor@norddjurs.demo';
		const digestOf = (result: RoundResult) => result.entries.find((e) => e.user.email === director);
		const statusLines = (result: RoundResult) =>
			(digestOf(result)?.tasks ?? []).filter((t) => t.kind === 'recommendation_status').map((t) => t.subjectKey);
		const first = await round();
		const told = statusLines(first);
		expect(told.length).toBeGreaterThan(0);
		expect(digestOf(first)!.mail.text).toMatch(/Følg op på anbefaling \d+ .*: (i risiko|bagud|ikke nået)/);
		// The next week: the same statuses are not news; the work still waiting is listed again.
		const second = await round({ asOf: '2026-12-07' });
		expect(statusLines(second)).toEqual([]);
		expect(digestOf(second)?.tasks.length ?? 0).toBeGreaterThan(0);
		// Had the last digest told another status for one recommendation, its status now is news again.
		const last = await database.db
			.selectFrom('sentNotification as n')
			.innerJoin('appUser as u', 'u.id', 'n.userId')
			.where('u.email', '=', director)
			.where('n.periodKey', '=', '2026-W50')
			.select(['n.id', 'n.subjects'])
			.executeTakeFirstOrThrow();
		expect(last.subjects).toEqual(expect.arrayContaining(told));
		const changed = told[0].replace(/:[a-z_]+$/, ':on_track');
		await database.db
			.updateTable('sentNotification')
			.set({ subjects: jsonb([...last.subjects.filter((k) => k !== told[0]), changed]) })
			.where('id', '=', last.id)
			.execute();
		expect(statusLines(await round({ asOf: '2026-12-14' }))).toEqual([told[0]]);
	});

	test('off gets nothing, monthly is keyed by month', async () => {
		const all = await round({ dryRun: true, source: everyone });
		const [first, second] = all.entries.map((e) => e.user);
		await setReminderFrequency(database.db, first, 'off', { via: 'settings', clientAddress: '10.0.0.1' });
		await setReminderFrequency(database.db, second, 'monthly', { via: 'unsubscribe_link', clientAddress: null });
		// Each change is in the audit trail, with what it was before and how it was made.
		const changes = await database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'user.reminders_changed')
			.where('entityId', 'in', [String(first.id), String(second.id)])
			.select(['entityId', 'actorUserId', 'actorLabel', 'before', 'after', 'organisationId'])
			.orderBy('id')
			.execute();
		expect(changes).toEqual([
			{
				entityId: String(first.id),
				actorUserId: first.id,
				actorLabel: '',
				before: { frequency: 'weekly' },
				after: { frequency: 'off', via: 'settings' },
				organisationId: first.organisationId
			},
			{
				entityId: String(second.id),
				actorUserId: null,
				actorLabel: 'unsubscribe_link',
				before: { frequency: 'weekly' },
				after: { frequency: 'monthly', via: 'unsubscribe_link' },
				organisationId: second.organisationId
			}
		]);
		const result = await round({ source: everyone });
		expect(recipients(result)).not.toContain(first.email);
		expect(result.entries.find((e) => e.user.id === second.id)?.periodKey).toBe('2026-12');
		expect(result.entries.find((e) => e.user.id === second.id)?.mail.text).toContain('højst én gang om måneden');
		// Another week of the same month: the monthly user is not mailed again.
		const later = await round({ asOf: '2026-12-08', source: everyone });
		expect(recipients(later)).not.toContain(second.email);
		expect(recipients(later)).not.toContain(first.email);
		const states = await listReminderStates(database.db, first.organisationId);
		expect(states.get(first.id)?.frequency).toBe('off');
	});

	test('a claim that never reached SMTP (a crash) is sent on a later run, once; a fresh claim is left alone', async () => {
		const planned = await round({ dryRun: true, source: everyone });
		const [crashed, inFlight] = planned.entries.map((e) => e.user);
		const now = new Date('2026-12-01T09:00:00Z');
		// What a sender killed between its claim and SMTP leaves behind: claimed rows without sent_at.
		await database.db
			.insertInto('sentNotification')
			.values([
				{
					userId: crashed.id,
					kind: 'digest',
					subjectKey: 'digest',
					periodKey: '2026-W49',
					claimedAt: new Date(now.getTime() - 10 * 60_000)
				},
				{
					userId: inFlight.id,
					kind: 'digest',
					subjectKey: 'digest',
					periodKey: '2026-W49',
					claimedAt: new Date(now.getTime() - 60_000)
				}
			])
			.execute();
		const result = await round({ now, source: everyone });
		expect(result.entries.find((e) => e.user.id === crashed.id)?.outcome).toBe('sent');
		expect(result.entries.find((e) => e.user.id === inFlight.id)?.outcome).toBe('taken');
		await mail.waitForMails(result.entries.filter((e) => e.outcome === 'sent').length);
		expect(mail.mails.filter((m) => m.to && 'text' in m.to && m.to.text === crashed.email)).toHaveLength(1);
		expect(mail.mails.filter((m) => m.to && 'text' in m.to && m.to.text === inFlight.email)).toHaveLength(0);
		const rows = await sentRows();
		expect(rows.find((r) => r.userId === crashed.id)).toMatchObject({ attempts: 2 });
		// Ten minutes on, the stale in-flight claim is taken over; the crashed one, now sent, never again.
		const later = await round({ now: new Date(now.getTime() + 10 * 60_000), source: everyone });
		expect(later.entries.map((e) => e.user.id)).toEqual([inFlight.id]);
		expect(later.entries[0].outcome).toBe('sent');
		await mail.waitForMails(mail.mails.length);
		expect(mail.mails.filter((m) => m.to && 'text' in m.to && m.to.text === crashed.email)).toHaveLength(1);
	});

	test('an SMTP error is recorded for the admin, not thrown, and retried later', async () => {
		const now = new Date('2026-12-01T09:00:00Z');
		const closed = 'smtp://127.0.0.1:1';
		const failed = await round({ now, smtpUrl: closed, source: everyone });
		expect(failed.entries.length).toBeGreaterThan(0);
		expect(failed.entries.every((e) => e.outcome === 'failed' && e.response)).toBe(true);
		const user = failed.entries[0].user;
		const states = await listReminderStates(database.db, user.organisationId);
		expect(states.get(user.id)?.lastError?.message).toMatch(/ECONNREFUSED|connect/i);
		// Within the few minutes a claim is trusted, no second try; after them, one.
		expect(
			(await round({ now: new Date(now.getTime() + 60_000), source: everyone })).entries.every(
				(e) => e.outcome === 'taken'
			)
		).toBe(true);
		const retried = await round({ now: new Date(now.getTime() + 6 * 60_000), source: everyone });
		expect(retried.entries.every((e) => e.outcome === 'sent')).toBe(true);
		await mail.waitForMails(retried.entries.length);
		const after = await listReminderStates(database.db, user.organisationId);
		expect(after.get(user.id)?.lastError ?? null).toBeNull();
	});

	test.runIf(onPostgres)(
		'three instances at once: each digest sent once; a held advisory lock stops a round',
		async () => {
			const others = await Promise.all(
				[1, 2].map(() => openDatabase({ databaseUrl: database.databaseUrl!, poolMax: 3 }))
			);
			try {
				const options = {
					asOf: AS_OF,
					origin: ORIGIN,
					kind: 'postgres' as const,
					source: everyone,
					smtp: { url: mail.url }
				};
				const results = await Promise.all(
					[database.db, ...others.map((o) => o.db)].map((db) => runReminderRound(db, options))
				);
				const sent = results.flatMap((r) => r.entries.filter((e) => e.outcome === 'sent'));
				expect(sent.length).toBeGreaterThan(1);
				expect(new Set(sent.map((e) => e.user.id)).size).toBe(sent.length);
				await mail.waitForMails(sent.length);
				expect((await sentRows()).every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
				expect(mail.mails).toHaveLength(sent.length);

				// Another process holding the lock: this round does nothing at all.
				await database.db.deleteFrom('sentNotification').execute();
				await others[0].db.connection().execute(async (conn) => {
					await sql`select pg_advisory_lock(${0x46524d44}, ${19})`.execute(conn);
					try {
						expect(await runReminderRound(database.db, options)).toEqual({ ran: false, entries: [] });
					} finally {
						await sql`select pg_advisory_unlock(${0x46524d44}, ${19})`.execute(conn);
					}
				});
				expect(await sentRows()).toEqual([]);
			} finally {
				await Promise.all(others.map((o) => o.close()));
			}
		}
	);

	test('unsubscribe tokens are signed per user', async () => {
		const token = await unsubscribeToken(database.db, 7);
		expect(await verifyUnsubscribeToken(database.db, token)).toBe(7);
		expect(await verifyUnsubscribeToken(database.db, token.replace(/^7\./, '8.'))).toBeNull();
		const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		expect(await verifyUnsubscribeToken(database.db, tampered)).toBeNull();
		expect(await verifyUnsubscribeToken(database.db, 'x')).toBeNull();
	});
});
