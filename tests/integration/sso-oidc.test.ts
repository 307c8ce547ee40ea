import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, slugFor } from '../../src/lib/server/auth/organisations';
import { hashPassword } from '../../src/lib/server/auth/password';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { inTransaction } from '../../src/lib/server/infra/db';
import { t } from '../../src/lib/server/messages';
import { ROLES } from '../../src/lib/domain/policy';
import {
	changeSignInPolicy,
	finishOidcSignIn,
	generateSecretKey,
	mapRole,
	oidcRedirectUri,
	saveOidcSettings,
	startOidcSignIn,
	type SsoResult
} from '../../src/lib/server/sso';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';

/**
 * OpenID Connect sign-in against a real OpenID Provider (oidc-provider on 127.0.0.1), on this run's database:
 * just-in-time users, and each way a sign-in is refused — with a Danish message and an `auth.sso_refused` event.
 */
const [ADMIN, DIRECTOR, PROJECT_LEAD, POLITICIAN] = ROLES;
const ORIGIN = 'http://fremdrift.test';
const meta = { clientAddress: '127.0.0.1', userAgent: 'vitest' };

describe('OpenID Connect sign-in with just-in-time users', () => {
	let database: TestDatabase;
	let op: TestOidcProvider;
	let organisation: { id: number; slug: string };
	let actor: { id: number; organisationId: number; clientAddress: string | null };
	const previousKey = process.env.FREMDRIFT_SECRET_KEY;

	/** Starts at Fremdrift, signs in at the provider as `login`, finishes at Fremdrift; `tamper` edits the provider's URL. */
	async function signInAs(
		login: string,
		tamper: { authorization?: (url: URL) => void; callback?: (url: URL) => void } = {}
	): Promise<SsoResult> {
		const start = await startOidcSignIn(database.db, organisation, ORIGIN, null);
		if (!start.ok) throw new Error(`start refused: ${start.reason}`);
		const authorization = new URL(start.location);
		tamper.authorization?.(authorization);
		const callback = await signInAtProvider(authorization.href, login);
		tamper.callback?.(callback);
		return finishOidcSignIn(database.db, organisation, callback, start.flowCookie, meta);
	}

	const lastRefusal = async () =>
		database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'auth.sso_refused')
			.select(['after', 'organisationId'])
			.orderBy('id', 'desc')
			.executeTakeFirst();
	const userByEmail = (email: string) =>
		database.db
			.selectFrom('appUser')
			.where('email', '=', email)
			.select(['id', 'name', 'role', 'disabledAt', 'passwordHash'])
			.executeTakeFirst();

	beforeAll(async () => {
		process.env.FREMDRIFT_SECRET_KEY = generateSecretKey();
		database = await createTestDatabase();
		const name = 'Sso Kommune';
		const id = await createOrganisation(database.db, { name, municipalityCode: null });
		organisation = { id, slug: slugFor(name) };
		const admin = await database.db
			.insertInto('appUser')
			.values({ organisationId: id, email: 'admin@sso.test', name: 'Ada Admin', role: ADMIN })
			.returning('id')
			.executeTakeFirstOrThrow();
		actor = { id: admin.id, organisationId: id, clientAddress: '127.0.0.1' };
		const redirectUri = oidcRedirectUri(ORIGIN, organisation.slug);
		op = await startOidcProvider({
			clients: [
				{ clientId: 'fremdrift', clientSecret: 'hemmelig-klient', redirectUris: [redirectUri] },
				{ clientId: 'anden-app', clientSecret: 'anden-hemmelighed', redirectUris: [redirectUri] }
			],
			users: [
				{ login: 'anne', email: 'anne@sso.test', name: 'Anne Andersen', roles: ['Fremdrift.Direktor'] },
				{
					login: 'bo',
					email: 'bo@sso.test',
					name: 'Bo Bech',
					roles: ['Fremdrift.Projektleder', 'Fremdrift.Politiker']
				},
				{ login: 'carl', email: 'carl@sso.test', name: 'Carl Clausen', roles: ['Noget.Andet'] },
				{ login: 'dorte', email: 'dorte@sso.test', name: 'Dorte Dam', roles: ['Fremdrift.Direktor'] }
			]
		});
		await inTransaction(database.db, async (trx) => {
			const saved = await saveOidcSettings(trx, actor, {
				displayName: 'Sso Kommune',
				issuerUrl: op.issuer,
				clientId: 'fremdrift',
				clientSecret: 'hemmelig-klient',
				roleClaim: 'roles',
				enabled: 'on'
			});
			expect(saved).toEqual({ ok: true });
			for (const [claimValue, role] of [
				['Fremdrift.Direktor', DIRECTOR],
				['Fremdrift.Projektleder', PROJECT_LEAD],
				['Fremdrift.Politiker', POLITICIAN]
			] as const)
				expect(await mapRole(trx, actor, { claimValue, role })).toEqual({ ok: true });
		});
	});
	afterAll(async () => {
		await op?.stop();
		await database?.destroy();
		process.env.FREMDRIFT_SECRET_KEY = previousKey;
	});

	test('the first sign-in creates the user with the mapped role, audited; no password is set', async () => {
		const result = await signInAs('anne');
		expect(result.ok).toBe(true);
		const user = await userByEmail('anne@sso.test');
		expect(user).toMatchObject({ name: 'Anne Andersen', role: DIRECTOR, disabledAt: null, passwordHash: null });
		const login = await database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'auth.sso_login')
			.where('entityId', '=', String(user!.id))
			.select(['after', 'organisationId'])
			.executeTakeFirstOrThrow();
		expect(login).toEqual({
			organisationId: organisation.id,
			after: { protocol: 'oidc', role: DIRECTOR, created: true }
		});
		const session = await database.db.selectFrom('session').where('userId', '=', user!.id).select('id').execute();
		expect(session).toHaveLength(1);
	});

	test('every sign-in updates name, e-mail and role from the provider; two mapped values give the one with fewer rights', async () => {
		op.users.set('anne', {
			login: 'anne',
			email: 'anne.a@sso.test',
			name: 'Anne A. Andersen',
			roles: ['Fremdrift.Projektleder']
		});
		expect((await signInAs('anne')).ok).toBe(true);
		expect(await userByEmail('anne@sso.test')).toBeUndefined();
		expect(await userByEmail('anne.a@sso.test')).toMatchObject({ name: 'Anne A. Andersen', role: PROJECT_LEAD });
		const result = await signInAs('bo');
		expect(result.ok && result.user.role).toBe(POLITICIAN);
	});

	test('a claim value nobody mapped is refused, naming the administrator', async () => {
		const result = await signInAs('carl');
		expect(result).toMatchObject({ ok: false, reason: 'no_role' });
		expect(!result.ok && result.message).toBe(t('sso.refused_no_role', { admins: 'Ada Admin' }));
		expect(await userByEmail('carl@sso.test')).toBeUndefined();
		expect((await lastRefusal())?.after).toMatchObject({ reason: 'no_role', subject: 'carl' });
	});

	test('a deactivated user stays refused, whatever the provider says', async () => {
		expect((await signInAs('dorte')).ok).toBe(true);
		await database.db
			.updateTable('appUser')
			.set({ disabledAt: new Date() })
			.where('email', '=', 'dorte@sso.test')
			.execute();
		const result = await signInAs('dorte');
		expect(result).toMatchObject({ ok: false, reason: 'user_disabled', message: t('sso.refused_disabled') });
		expect((await lastRefusal())?.after).toMatchObject({ reason: 'user_disabled' });
	});

	test('a wrong state is refused before anything is asked of the provider', async () => {
		const result = await signInAs('anne', { callback: (url) => url.searchParams.set('state', 'forkert-state') });
		expect(result).toMatchObject({ ok: false, reason: 'state', message: t('sso.refused_state') });
		expect((await lastRefusal())?.after).toMatchObject({ reason: 'state' });
	});

	test('an ID token with another nonce than the one sent is refused (checked by openid-client)', async () => {
		const result = await signInAs('anne', { authorization: (url) => url.searchParams.set('nonce', 'en-anden-nonce') });
		expect(result).toMatchObject({ ok: false, reason: 'nonce', message: t('sso.refused_token') });
		expect((await lastRefusal())?.after).toMatchObject({ reason: 'nonce' });
	});

	test('a code issued to another client (its ID token is for that audience) is refused', async () => {
		const result = await signInAs('anne', { authorization: (url) => url.searchParams.set('client_id', 'anden-app') });
		// The provider's token endpoint will not redeem another client's code for us (invalid_grant); were an ID
		// token for `anden-app` ever handed to us, openid-client's audience check would refuse it as 'token'.
		expect(result).toMatchObject({ ok: false, reason: 'provider_error', message: t('sso.refused_token') });
		expect((await lastRefusal())?.after).toMatchObject({ protocol: 'oidc', reason: 'provider_error' });
	});

	test('an ID token for another client, signed by the provider itself, is refused (audience checked by openid-client)', async () => {
		op.users.set('erik', { login: 'erik', email: 'erik@sso.test', name: 'Erik Eg', roles: ['Fremdrift.Direktor'] });
		try {
			// The same token answer with its claims re-signed unchanged signs in: the rewriting itself is sound.
			op.rewriteIdToken((claims) => claims);
			expect(await signInAs('erik')).toMatchObject({ ok: true });
			op.rewriteIdToken((claims) => ({ ...claims, aud: 'anden-app', azp: 'anden-app' }));
			const result = await signInAs('erik');
			expect(result).toMatchObject({ ok: false, reason: 'token', message: t('sso.refused_token') });
			expect((await lastRefusal())?.after).toMatchObject({ protocol: 'oidc', reason: 'token' });
		} finally {
			op.rewriteIdToken(null);
		}
	});

	test("without its flow cookie (or with another browser's) the callback is refused", async () => {
		const start = await startOidcSignIn(database.db, organisation, ORIGIN, null);
		if (!start.ok) throw new Error(start.reason);
		const callback = await signInAtProvider(start.location, 'anne');
		expect(await finishOidcSignIn(database.db, organisation, callback, undefined, meta)).toMatchObject({
			ok: false,
			reason: 'flow_missing'
		});
		expect(await finishOidcSignIn(database.db, organisation, callback, 'v1.aaaa.bbbb', meta)).toMatchObject({
			ok: false,
			reason: 'flow_missing'
		});
	});

	test('local passwords off: a right password is refused in Danish (audited), the break-glass admin still gets in', async () => {
		const passwordHash = await hashPassword('et-langt-kodeord-til-test');
		const { id: directorId } = await database.db
			.insertInto('appUser')
			.values({
				organisationId: organisation.id,
				email: 'lokal@sso.test',
				name: 'Lis Lokal',
				role: DIRECTOR,
				passwordHash
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await database.db.updateTable('appUser').set({ passwordHash }).where('id', '=', actor.id).execute();
		await inTransaction(database.db, (trx) =>
			changeSignInPolicy(trx, actor, { localPasswords: 'off', breakGlassUserId: actor.id })
		);
		const event = () =>
			({
				url: new URL(`${ORIGIN}/login`),
				request: new Request(`${ORIGIN}/login`, { method: 'POST' }),
				cookies: { set: () => {}, get: () => undefined, delete: () => {} },
				getClientAddress: () => '127.0.0.1'
			}) as unknown as RequestEvent;
		expect(await signIn(database.db, event(), 'lokal@sso.test', 'et-langt-kodeord-til-test')).toEqual({
			ok: false,
			reason: 'local_passwords_off'
		});
		const refused = await database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'auth.sign_in_local_off')
			.where('entityId', '=', String(directorId))
			.select('id')
			.execute();
		expect(refused).toHaveLength(1);
		expect(t('sso.local_passwords_off')).toMatch(/fælles login/);
		expect((await signIn(database.db, event(), 'admin@sso.test', 'et-langt-kodeord-til-test')).ok).toBe(true);
		await inTransaction(database.db, (trx) =>
			changeSignInPolicy(trx, actor, { localPasswords: 'on', breakGlassUserId: actor.id })
		);
		expect((await signIn(database.db, event(), 'lokal@sso.test', 'et-langt-kodeord-til-test')).ok).toBe(true);
	});
});
