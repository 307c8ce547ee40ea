import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { seedDemo } from '../../db/seed/demo';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	validateSessionToken,
	TOUCH_INTERVAL_MS
} from '../../src/lib/server/auth/session';
import {
	beginLoginAttempt,
	finishLoginAttempt,
	loginRetryAfter,
	LOGIN_WINDOW_MS
} from '../../src/lib/server/auth/rate-limit';
import { createApiToken, validateApiToken } from '../../src/lib/server/auth/api-token';
import { createUserToken, findUserToken } from '../../src/lib/server/auth/user-token';
import { revokeUserCredentials, setPasswordByLink } from '../../src/lib/server/auth/credentials';
import { recordAudit, recordAuditMany, withApiTokenAudit } from '../../src/lib/server/audit/record';
import { canEditRecommendation } from '../../src/lib/server/auth/guards';
import { canEditKpi } from '../../src/lib/server/kpis';
import { admits, audienceFor } from '../../src/lib/server/auth/access';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const policy = { idleMinutes: 60, absoluteHours: 12 };
const minutes = (n: number) => n * 60_000;

describe('sessions, rate limits, tokens and guards', () => {
	let database: TestDatabase;
	const users: Record<
		string,
		{
			id: number;
			organisationId: number;
			email: string;
			name: string;
			role: 'admin' | 'director' | 'project_lead' | 'politician';
		}
	> = {};

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		for (const u of await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.execute())
			users[u.email] = u;
	});
	afterAll(() => database.destroy());

	test('the session table holds only a SHA-256 of the secret, never the token', async () => {
		const { token, session } = await createSession(database.db, users['direktor@norddjurs.demo'].id);
		const [id, secret] = token.split('.');
		expect(id).toBe(session.id);
		expect(secret.length).toBeGreaterThanOrEqual(26); // ≥ 128 bits in base32
		const row = await database.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.secretHash).toHaveLength(32);
		const dump = JSON.stringify(
			(
				await sql`select id, encode(secret_hash, 'escape') as raw, encode(secret_hash, 'hex') as hex from session`.execute(
					database.db
				)
			).rows
		);
		expect(dump).not.toContain(secret);
		expect(Buffer.from(row.secretHash).toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
	});

	test('a token validates; a wrong secret, a malformed token or a deleted session does not', async () => {
		const user = users['projektleder@norddjurs.demo'];
		const { token, session } = await createSession(database.db, user.id);
		expect((await validateSessionToken(database.db, token, policy))?.user).toMatchObject({
			id: user.id,
			role: 'project_lead'
		});
		expect(await validateSessionToken(database.db, `${session.id}.${'a'.repeat(52)}`, policy)).toBeNull();
		expect(await validateSessionToken(database.db, 'not-a-token', policy)).toBeNull();
		expect(await validateSessionToken(database.db, `${session.id}.x.y`, policy)).toBeNull();
		await invalidateSession(database.db, session.id);
		expect(await validateSessionToken(database.db, token, policy)).toBeNull();
	});

	test('idle and absolute timeouts end a session; last-verified moves at most once a minute', async () => {
		const user = users['admin@norddjurs.demo'];
		const start = new Date('2026-11-22T08:00:00Z');
		const { token, session } = await createSession(database.db, user.id, {}, start);
		const stamp = async () =>
			(
				await database.db
					.selectFrom('session')
					.select('lastVerifiedAt')
					.where('id', '=', session.id)
					.executeTakeFirstOrThrow()
			).lastVerifiedAt;

		await validateSessionToken(database.db, token, policy, new Date(start.getTime() + TOUCH_INTERVAL_MS - 1000));
		expect(await stamp()).toEqual(start);
		const later = new Date(start.getTime() + TOUCH_INTERVAL_MS + 1000);
		await validateSessionToken(database.db, token, policy, later);
		expect(await stamp()).toEqual(later);

		// Keep it alive every 50 minutes: never idle, but the 12-hour lifetime still ends it.
		let now = later;
		while (now.getTime() + minutes(50) < start.getTime() + 12 * 3_600_000) {
			now = new Date(now.getTime() + minutes(50));
			expect(await validateSessionToken(database.db, token, policy, now)).not.toBeNull();
		}
		expect(
			await validateSessionToken(database.db, token, policy, new Date(start.getTime() + 12 * 3_600_000))
		).toBeNull();
		expect(
			await database.db.selectFrom('session').select('id').where('id', '=', session.id).executeTakeFirst()
		).toBeUndefined();

		const idle = await createSession(database.db, user.id, {}, start);
		expect(
			await validateSessionToken(database.db, idle.token, policy, new Date(start.getTime() + minutes(61)))
		).toBeNull();
	});

	test('with a 1-minute idle window, a request every 15 s keeps the session alive; a minute without one ends it', async () => {
		const short = { idleMinutes: 1, absoluteHours: 12 };
		const start = new Date('2026-11-22T09:00:00Z');
		const { token } = await createSession(database.db, users['direktor@norddjurs.demo'].id, {}, start);
		let now = start;
		for (let i = 1; i <= 12; i++) {
			now = new Date(start.getTime() + i * 15_000);
			expect(await validateSessionToken(database.db, token, short, now), `request ${i} at ${i * 15} s`).not.toBeNull();
		}
		expect(await validateSessionToken(database.db, token, short, new Date(now.getTime() + 60_000))).toBeNull();
	});

	test('a disabled user has no valid session, and ending all sessions ends them', async () => {
		const user = users['politiker@norddjurs.demo'];
		const a = await createSession(database.db, user.id);
		const b = await createSession(database.db, user.id);
		expect(await invalidateUserSessions(database.db, user.id)).toBeGreaterThanOrEqual(2);
		expect(await validateSessionToken(database.db, a.token, policy)).toBeNull();
		expect(await validateSessionToken(database.db, b.token, policy)).toBeNull();
		const c = await createSession(database.db, user.id);
		await database.db.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', user.id).execute();
		expect(await validateSessionToken(database.db, c.token, policy)).toBeNull();
		await database.db.updateTable('appUser').set({ disabledAt: null }).where('id', '=', user.id).execute();
	});

	test('five failures for one e-mail in 15 minutes block it; successes do not count; the window slides', async () => {
		const email = 'offer@norddjurs.demo';
		const t0 = new Date('2026-11-22T09:00:00Z');
		const attempt = (address: string, at: number) =>
			beginLoginAttempt(database.db, email, address, new Date(t0.getTime() + at));
		for (let i = 0; i < 4; i++) expect((await attempt('10.0.0.1', i * 1000)).ok).toBe(true);
		const success = await attempt('10.0.0.1', 5000);
		if (!success.ok) throw new Error('the fifth attempt should be admitted');
		await finishLoginAttempt(database.db, success.attemptId);
		expect(await loginRetryAfter(database.db, email, '10.0.0.1', new Date(t0.getTime() + 6000))).toBeNull();
		expect((await attempt('10.0.0.2', 7000)).ok).toBe(true);
		const refused = await attempt('10.0.0.3', 8000);
		expect(refused).toEqual({ ok: false, retryAfterSeconds: Math.ceil((LOGIN_WINDOW_MS - 8000) / 1000) });
		expect(
			await loginRetryAfter(database.db, email, '10.0.0.3', new Date(t0.getTime() + LOGIN_WINDOW_MS + 1))
		).toBeNull();
		expect(
			await loginRetryAfter(database.db, 'andre@norddjurs.demo', '10.0.0.3', new Date(t0.getTime() + 8000))
		).toBeNull();
		// A refused attempt is not recorded: it never reached the password.
		expect(await database.db.selectFrom('loginAttempt').select('id').where('email', '=', email).execute()).toHaveLength(
			6
		);
	});

	test('40 attempts at once for one e-mail: exactly 5 are admitted (counted before the password is checked)', async () => {
		const email = 'samtidig@norddjurs.demo';
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) => beginLoginAttempt(database.db, email, `10.1.0.${i}`))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(5);
		expect(results.filter((r) => !r.ok && r.retryAfterSeconds > 800)).toHaveLength(35);
	});

	test('60 attempts at once from one address with different e-mails: exactly 50 are admitted', async () => {
		const results = await Promise.all(
			Array.from({ length: 60 }, (_, i) => beginLoginAttempt(database.db, `adresse${i}@norddjurs.demo`, '198.51.100.7'))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(50);
	});

	test('fifty failures from one address block every e-mail from it', async () => {
		const t0 = new Date('2026-11-22T10:00:00Z');
		await database.db
			.insertInto('loginAttempt')
			.values(
				Array.from({ length: 50 }, (_, i) => ({
					email: `gæt${i}@x.dk`,
					clientAddress: '192.0.2.9',
					succeeded: false,
					attemptedAt: new Date(t0.getTime() + i)
				}))
			)
			.execute();
		expect(await loginRetryAfter(database.db, 'ny@x.dk', '192.0.2.9', new Date(t0.getTime() + 1000))).toBeGreaterThan(
			800
		);
		expect(await loginRetryAfter(database.db, 'ny@x.dk', '192.0.2.10', new Date(t0.getTime() + 1000))).toBeNull();
	});

	test('API tokens: shown once, stored hashed, revocable, scoped to their user', async () => {
		const user = users['projektleder@norddjurs.demo'];
		const { id, token } = await createApiToken(database.db, {
			organisationId: user.organisationId,
			userId: user.id,
			name: 'Lønsystem',
			createdBy: null
		});
		expect(token).toMatch(/^fremdrift_\d+\.[a-z2-7]{52}$/);
		expect(await validateApiToken(database.db, token)).toMatchObject({
			tokenId: id,
			user: { id: user.id, organisationId: user.organisationId, role: 'project_lead' }
		});
		const stored = await database.db.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(stored.lastUsedAt).toBeInstanceOf(Date);
		expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);
		expect(await validateApiToken(database.db, token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a'))).toBeNull();
		await database.db.updateTable('apiToken').set({ revokedAt: new Date() }).where('id', '=', id).execute();
		expect(await validateApiToken(database.db, token)).toBeNull();
	});

	test('invitation links work once and expire after 72 hours', async () => {
		const user = users['politiker@allerod.demo'];
		const now = new Date('2026-11-22T08:00:00Z');
		const token = await createUserToken(database.db, user.id, 'invite', null, now);
		expect(await findUserToken(database.db, token, new Date(now.getTime() + 71 * 3_600_000))).toMatchObject({
			userId: user.id,
			purpose: 'invite'
		});
		expect(await findUserToken(database.db, token, new Date(now.getTime() + 72 * 3_600_000 + 1))).toBeUndefined();
		expect(
			await findUserToken(
				database.db,
				token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')),
				now
			)
		).toBeUndefined();
	});

	test("a new link voids the user's older ones; using a link voids the rest and ends sessions and API tokens", async () => {
		const db = database.db;
		const user = users['projektleder@allerod.demo'];
		const first = await createUserToken(db, user.id, 'reset', null);
		const second = await createUserToken(db, user.id, 'reset', null);
		expect(await findUserToken(db, first)).toBeUndefined();
		const found = await findUserToken(db, second);
		expect(found).toMatchObject({ userId: user.id, purpose: 'reset' });
		// A link issued in the same moment by a second admin, then the first one used: the other stops working too.
		const racing = await createUserToken(db, user.id, 'reset', null);
		await db.updateTable('userToken').set({ usedAt: null }).where('id', '=', found!.tokenId).execute();
		const session = await createSession(db, user.id);
		const api = await createApiToken(db, {
			organisationId: user.organisationId,
			userId: user.id,
			name: 'Før nulstilling',
			createdBy: null
		});
		const revoked = await db
			.transaction()
			.execute((trx) => setPasswordByLink(trx, found!.tokenId, user.id, 'argon2-hash-stand-in'));
		expect(revoked).toEqual({ sessionsEnded: 1, linksVoided: 1, apiTokensRevoked: 1 });
		expect(await findUserToken(db, racing)).toBeUndefined();
		expect(await findUserToken(db, second)).toBeUndefined();
		expect(await validateSessionToken(db, session.token, policy)).toBeNull();
		expect(await validateApiToken(db, api.token)).toBeNull();
		expect(
			await db.transaction().execute((trx) => setPasswordByLink(trx, found!.tokenId, user.id, 'again'))
		).toBeNull();
	});

	test('disabling a user voids links and API tokens for good: enabling again brings none back', async () => {
		const db = database.db;
		const user = users['politiker@allerod.demo'];
		const link = await createUserToken(db, user.id, 'reset', null);
		const api = await createApiToken(db, {
			organisationId: user.organisationId,
			userId: user.id,
			name: 'Før deaktivering',
			createdBy: null
		});
		await db.transaction().execute(async (trx) => {
			await trx.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', user.id).execute();
			expect(await revokeUserCredentials(trx, user.id)).toMatchObject({ linksVoided: 1, apiTokensRevoked: 1 });
		});
		await db.updateTable('appUser').set({ disabledAt: null }).where('id', '=', user.id).execute();
		expect(await findUserToken(db, link)).toBeUndefined();
		expect(await validateApiToken(db, api.token)).toBeNull();
	});

	test("an audit event written inside a token's request names the token; others do not", async () => {
		const db = database.db;
		const user = users['projektleder@norddjurs.demo'];
		const api = await createApiToken(db, {
			organisationId: user.organisationId,
			userId: user.id,
			name: 'Revisionsspor',
			createdBy: null
		});
		const entry = { organisationId: user.organisationId, actorUserId: user.id, entityType: 'kpi', entityId: 1 };
		await withApiTokenAudit(api.id, async () => {
			await new Promise((r) => setTimeout(r, 1)); // across an await, as in a real request
			await recordAudit(db, { ...entry, action: 'test.via_token' });
			// Many at once (an import's one event per value) name the token too.
			await recordAuditMany(db, [
				{ ...entry, action: 'test.via_token_many' },
				{ ...entry, action: 'test.via_token_many' }
			]);
		});
		await recordAudit(db, { ...entry, action: 'test.via_session' });
		const rows = await db
			.selectFrom('auditEvent')
			.select(['action', 'apiTokenId'])
			.where('action', 'like', 'test.via_%')
			.orderBy('id')
			.execute();
		expect(rows).toEqual([
			{ action: 'test.via_token', apiTokenId: api.id },
			{ action: 'test.via_token_many', apiTokenId: api.id },
			{ action: 'test.via_token_many', apiTokenId: api.id },
			{ action: 'test.via_session', apiTokenId: null }
		]);
	});

	test('project leads may edit only KPIs and recommendations assigned to them', async () => {
		const db = database.db;
		const lead = users['projektleder@norddjurs.demo'];
		const kpiByName = async (name: string) =>
			(await db.selectFrom('kpi').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
		const recByNumber = async (organisationId: number, number: number) =>
			(
				await db
					.selectFrom('recommendation')
					.select('id')
					.where('organisationId', '=', organisationId)
					.where('number', '=', number)
					.executeTakeFirstOrThrow()
			).id;
		const own = await kpiByName('Sygefravær, Velfærdsområdet (måned)');
		const another = await kpiByName('Personaleomsætning blandt ledere, Velfærdsområdet');
		const foreign = await kpiByName('Samarbejdsgrad med virksomhederne');
		expect(await canEditKpi(db, lead, own)).toBe(true);
		expect(await canEditKpi(db, lead, another)).toBe(false);
		expect(await canEditKpi(db, users['direktor@norddjurs.demo'], another)).toBe(true);
		expect(await canEditKpi(db, users['direktor@norddjurs.demo'], foreign)).toBe(false);
		expect(await canEditKpi(db, users['politiker@norddjurs.demo'], own)).toBe(false);
		expect(await canEditRecommendation(db, lead, await recByNumber(lead.organisationId, 7))).toBe(true);
		expect(await canEditRecommendation(db, lead, await recByNumber(lead.organisationId, 3))).toBe(false);
		expect(
			await canEditRecommendation(db, users['admin@allerod.demo'], await recByNumber(lead.organisationId, 3))
		).toBe(false);
	});
});

describe('the route table', () => {
	test('matches the DESIGN §5 areas', () => {
		expect(audienceFor('/')).toBe('live.read');
		expect(audienceFor('/anbefalinger/7')).toBe('live.read');
		expect(audienceFor('/admin/brugere/3')).toBe('users.manage');
		expect(audienceFor('/status')).toBe('signed_in');
		expect(audienceFor('/login')).toBe('public');
		expect(audienceFor('/anbefalingerx')).toBeNull();
		expect(admits(audienceFor('/')!, 'politician')).toBe(false);
		expect(admits(audienceFor('/status')!, 'politician')).toBe(true);
		expect(admits(audienceFor('/status')!, null)).toBe(false);
	});
});
