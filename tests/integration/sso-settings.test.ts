import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation } from '../../src/lib/server/auth/organisations';
import { inTransaction } from '../../src/lib/server/infra/db';
import { t } from '../../src/lib/server/messages';
import { ROLES } from '../../src/lib/domain/policy';
import {
	changeSignInPolicy,
	findIdentityProvider,
	findSignInPolicy,
	generateSecretKey,
	loadSsoAdmin,
	mapRole,
	oidcSettingsSchema,
	openSecret,
	readSecretKey,
	roleMappingSchema,
	saveOidcSettings,
	sealSecret,
	signInPolicySchema,
	unmapRole
} from '../../src/lib/server/sso';
import { parseForm } from '../../src/lib/server/http/forms';
import { changeUserRole, inviteUser, setUserDisabled } from '../../src/lib/server/auth/user-admin';
import { requestPasswordReset } from '../../src/lib/server/auth/password-reset';
import { ssoOnlyLogin } from '../../src/lib/server/sso';
import { writeInTransaction } from '../../src/lib/server/infra/write-result';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const [ADMIN, DIRECTOR] = ROLES;

describe('sealed secrets (AES-256-GCM with FREMDRIFT_SECRET_KEY)', () => {
	test('a secret opens with its key and context, and with nothing else', () => {
		const key = readSecretKey({ FREMDRIFT_SECRET_KEY: generateSecretKey() });
		const other = readSecretKey({ FREMDRIFT_SECRET_KEY: generateSecretKey() });
		if (!key.ok || !other.ok) throw new Error('generated keys must read');
		const sealed = sealSecret(key.key, 'klient-hemmelighed æøå', 'identity_provider:1:oidc');
		expect(sealed).not.toContain('klient');
		expect(sealed).not.toBe(sealSecret(key.key, 'klient-hemmelighed æøå', 'identity_provider:1:oidc'));
		expect(openSecret(key.key, sealed, 'identity_provider:1:oidc')).toBe('klient-hemmelighed æøå');
		expect(openSecret(other.key, sealed, 'identity_provider:1:oidc')).toBeNull();
		expect(openSecret(key.key, sealed, 'identity_provider:2:oidc')).toBeNull();
		// Every one-character change is refused, also in a last character's unused bits (A↔B differ only there)
		// and characters base64url decoding would skip.
		for (let at = 0; at < sealed.length; at++) {
			for (const other of ['A', 'B', '=', ' ']) {
				if (sealed[at] === other) continue;
				const altered = sealed.slice(0, at) + other + sealed.slice(at + 1);
				expect(openSecret(key.key, altered, 'identity_provider:1:oidc'), altered).toBeNull();
			}
		}
		expect(openSecret(key.key, `${sealed}=`, 'identity_provider:1:oidc')).toBeNull();
		// The same bytes written otherwise: the body is 41 bytes, so its last character's lowest bit is unused.
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const otherLast = alphabet[alphabet.indexOf(sealed.at(-1) ?? '') ^ 1];
		expect(Buffer.from(sealed.split('.')[2], 'base64url')).toHaveLength(41);
		expect(openSecret(key.key, sealed.slice(0, -1) + otherLast, 'identity_provider:1:oidc')).toBeNull();
		expect(openSecret(key.key, 'ikke-forseglet', 'identity_provider:1:oidc')).toBeNull();
	});

	test('the key is 32 bytes in base64 (standard or URL-safe); missing and malformed are told apart', () => {
		expect(readSecretKey({})).toEqual({ ok: false, reason: 'missing' });
		expect(readSecretKey({ FREMDRIFT_SECRET_KEY: '  ' })).toEqual({ ok: false, reason: 'missing' });
		expect(readSecretKey({ FREMDRIFT_SECRET_KEY: Buffer.alloc(16).toString('base64') })).toEqual({
			ok: false,
			reason: 'malformed'
		});
		expect(readSecretKey({ FREMDRIFT_SECRET_KEY: 'ikke base64 ! ' })).toEqual({ ok: false, reason: 'malformed' });
		expect(readSecretKey({ FREMDRIFT_SECRET_KEY: Buffer.alloc(32, 250).toString('base64url') }).ok).toBe(true);
	});
});

describe('the "Log ind" settings', () => {
	let database: TestDatabase;
	let actor: { id: number; organisationId: number; clientAddress: string | null };
	let directorId: number;
	const previousKey = process.env.FREMDRIFT_SECRET_KEY;
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.append(k, v);
		return data;
	};
	const valid = {
		displayName: 'Indstillingskommune',
		issuerUrl: 'https://login.microsoftonline.com/0000/v2.0',
		clientId: 'abc-123',
		clientSecret: 'meget-hemmelig-værdi',
		roleClaim: 'roles'
	};

	beforeAll(async () => {
		database = await createTestDatabase();
		const organisationId = await createOrganisation(database.db, {
			name: 'Indstillingskommune',
			municipalityCode: null
		});
		const rows = await database.db
			.insertInto('appUser')
			.values([
				{ organisationId, email: 'admin@indst.test', name: 'Ida Admin', role: ADMIN },
				{ organisationId, email: 'direktor@indst.test', name: 'Dan Direktør', role: DIRECTOR }
			])
			.returning('id')
			.execute();
		actor = { id: rows[0].id, organisationId, clientAddress: '127.0.0.1' };
		directorId = rows[1].id;
	});
	afterEach(() => {
		process.env.FREMDRIFT_SECRET_KEY = previousKey;
	});
	afterAll(() => database.destroy());

	test('every field is checked, each with its own Danish message', () => {
		const refused = parseForm(
			oidcSettingsSchema,
			form({ displayName: '', issuerUrl: 'http://idp.example/', clientId: 'med mellemrum', roleClaim: 'email' })
		);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.errors).toEqual({
			displayName: t('sso.display_name_required'),
			issuerUrl: t('sso.issuer_invalid'),
			clientId: t('sso.client_id_invalid'),
			roleClaim: t('sso.role_claim_invalid')
		});
		expect(refused.values).not.toHaveProperty('clientSecret');
		expect(parseForm(oidcSettingsSchema, form({ ...valid, issuerUrl: 'https://idp.example/?x=1' })).ok).toBe(false);
		expect(parseForm(oidcSettingsSchema, form({ ...valid, issuerUrl: 'http://127.0.0.1:4000' })).ok).toBe(true);
		const mapping = parseForm(roleMappingSchema, form({ claimValue: ' ', role: 'chef' }));
		expect(!mapping.ok && mapping.errors).toEqual({
			claimValue: t('sso.claim_value_required'),
			role: t('admin.role_invalid')
		});
		const policy = parseForm(signInPolicySchema, form({ localPasswords: 'måske', breakGlassUserId: 'x' }));
		expect(!policy.ok && policy.errors).toEqual({
			localPasswords: t('sso.local_passwords_invalid'),
			breakGlassUserId: t('sso.break_glass_invalid')
		});
	});

	test('without FREMDRIFT_SECRET_KEY nothing is saved, and the page says why', async () => {
		delete process.env.FREMDRIFT_SECRET_KEY;
		const data = parseForm(oidcSettingsSchema, form(valid));
		if (!data.ok) throw new Error('valid form');
		expect(await inTransaction(database.db, (trx) => saveOidcSettings(trx, actor, data.data))).toEqual({
			ok: false,
			errors: { form: t('sso.secret_key_missing') }
		});
		expect(await findIdentityProvider(database.db, actor.organisationId, 'oidc')).toBeUndefined();
		expect((await loadSsoAdmin(database.db, actor.organisationId)).keyState).toBe('missing');
	});

	test('the secret is required the first time, stored sealed, kept when left empty, and never audited', async () => {
		process.env.FREMDRIFT_SECRET_KEY = generateSecretKey();
		const save = async (fields: Record<string, string>) => {
			const data = parseForm(oidcSettingsSchema, form(fields));
			if (!data.ok) throw new Error(JSON.stringify(data.errors));
			return inTransaction(database.db, (trx) => saveOidcSettings(trx, actor, data.data));
		};
		expect(await save({ ...valid, clientSecret: '' })).toEqual({
			ok: false,
			errors: { clientSecret: t('sso.client_secret_required') }
		});
		expect(await save(valid)).toEqual({ ok: true });
		const stored = await findIdentityProvider(database.db, actor.organisationId, 'oidc');
		expect(stored).toMatchObject({ enabled: false, displayName: 'Indstillingskommune' });
		expect(stored!.sealedSecret).not.toContain('hemmelig');
		expect(await save({ ...valid, clientSecret: '', enabled: 'on', clientId: 'ny-klient' })).toEqual({ ok: true });
		const again = await findIdentityProvider(database.db, actor.organisationId, 'oidc');
		expect(again).toMatchObject({ enabled: true, settings: { clientId: 'ny-klient' } });
		expect(again!.sealedSecret).toBe(stored!.sealedSecret);
		const view = await loadSsoAdmin(database.db, actor.organisationId);
		expect(view.oidc).toMatchObject({ secretStored: true, clientId: 'ny-klient', enabled: true });
		expect(view.secretWarning).toBeNull();
		// Another key cannot open the stored secret: the page says so.
		process.env.FREMDRIFT_SECRET_KEY = generateSecretKey();
		expect((await loadSsoAdmin(database.db, actor.organisationId)).secretWarning).toBe(t('sso.secret_key_wrong'));
		const events = await database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'identity_provider.saved')
			.select(['before', 'after'])
			.execute();
		expect(events).toHaveLength(2);
		expect(JSON.stringify(events)).not.toContain('hemmelig');
		expect(events[1].after).toMatchObject({ secretChanged: false, secretStored: true });
	});

	test('role mappings are added, changed and removed, audited', async () => {
		expect(
			await inTransaction(database.db, (trx) => mapRole(trx, actor, { claimValue: 'G1', role: DIRECTOR }))
		).toEqual({ ok: true });
		await inTransaction(database.db, (trx) => mapRole(trx, actor, { claimValue: 'G1', role: ADMIN }));
		expect((await loadSsoAdmin(database.db, actor.organisationId)).mappings).toEqual([
			{ claimValue: 'G1', role: ADMIN }
		]);
		await inTransaction(database.db, (trx) => unmapRole(trx, actor, 'G1'));
		expect((await loadSsoAdmin(database.db, actor.organisationId)).mappings).toEqual([]);
		const actions = await database.db
			.selectFrom('auditEvent')
			.where('action', 'like', 'identity_provider.role_%')
			.select('action')
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'identity_provider.role_mapped',
			'identity_provider.role_mapped',
			'identity_provider.role_unmapped'
		]);
	});

	test('local passwords go off only with a break-glass admin who is an active administrator', async () => {
		const change = (localPasswords: 'on' | 'off', breakGlassUserId: number | null) =>
			inTransaction(database.db, (trx) => changeSignInPolicy(trx, actor, { localPasswords, breakGlassUserId }));
		expect(await change('off', null)).toEqual({
			ok: false,
			errors: { breakGlassUserId: t('sso.break_glass_required') }
		});
		expect(await change('off', directorId)).toEqual({
			ok: false,
			errors: { breakGlassUserId: t('sso.break_glass_not_admin') }
		});
		expect(await findSignInPolicy(database.db, actor.organisationId)).toEqual({
			localPasswords: true,
			breakGlassUserId: null
		});
		expect(await change('off', actor.id)).toEqual({ ok: true });
		expect(await findSignInPolicy(database.db, actor.organisationId)).toEqual({
			localPasswords: false,
			breakGlassUserId: actor.id
		});
		const audit = await database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'sign_in_policy.saved')
			.select(['before', 'after'])
			.executeTakeFirstOrThrow();
		expect(audit).toEqual({
			before: { localPasswords: true, breakGlassUserId: null },
			after: { localPasswords: false, breakGlassUserId: actor.id }
		});
	});

	test('the break-glass administrator cannot be demoted or disabled until another is chosen', async () => {
		const organisationId = await createOrganisation(database.db, { name: 'Nødkommune', municipalityCode: null });
		const [ida, bo] = await database.db
			.insertInto('appUser')
			.values([
				{ organisationId, email: 'ida@noed.test', name: 'Ida Nød', role: ADMIN },
				{ organisationId, email: 'bo@noed.test', name: 'Bo Nød', role: ADMIN }
			])
			.returning(['id', 'name', 'role', 'version'])
			.execute();
		const by = { id: bo.id, organisationId, clientAddress: '127.0.0.1' };
		const policy = (breakGlassUserId: number) =>
			inTransaction(database.db, (trx) =>
				changeSignInPolicy(trx, { ...by, id: ida.id }, { localPasswords: 'off', breakGlassUserId })
			);
		expect(await policy(ida.id)).toEqual({ ok: true });
		const refused = { kind: 'invalid', message: t('admin.break_glass_protected', { name: 'Ida Nød' }) };
		expect(
			await writeInTransaction(database.db, (trx) => changeUserRole(trx, by, ida, DIRECTOR, ida.version))
		).toMatchObject(refused);
		expect(await writeInTransaction(database.db, (trx) => setUserDisabled(trx, by, ida, true))).toMatchObject(refused);
		const stored = () =>
			database.db
				.selectFrom('appUser')
				.where('id', '=', ida.id)
				.select(['role', 'disabledAt'])
				.executeTakeFirstOrThrow();
		expect(await stored()).toEqual({ role: ADMIN, disabledAt: null });
		// With Bo as the break-glass administrator, Ida is an ordinary user again.
		expect(await policy(bo.id)).toEqual({ ok: true });
		expect(
			await writeInTransaction(database.db, (trx) => changeUserRole(trx, by, ida, DIRECTOR, ida.version))
		).toMatchObject({ kind: 'ok' });
		expect(await writeInTransaction(database.db, (trx) => setUserDisabled(trx, by, ida, true))).toMatchObject({
			kind: 'ok'
		});
		expect((await stored()).role).toBe(DIRECTOR);
	});

	test('with local passwords off no password links are made, except for the break-glass administrator', async () => {
		const organisationId = await createOrganisation(database.db, { name: 'Kun SSO Kommune', municipalityCode: null });
		const [ida, cy] = await database.db
			.insertInto('appUser')
			.values([
				{ organisationId, email: 'ida@kunsso.test', name: 'Ida Kunsso', role: ADMIN },
				{ organisationId, email: 'cy@kunsso.test', name: 'Cy Kunsso', role: DIRECTOR }
			])
			.returning(['id', 'organisationId'])
			.execute();
		const by = { id: ida.id, organisationId, clientAddress: '127.0.0.1' };
		const invite = (email: string) =>
			writeInTransaction(database.db, (trx) => inviteUser(trx, by, { name: 'Ny Bruger', email, role: DIRECTOR }));
		const tokensOf = async (userId: number) =>
			(await database.db.selectFrom('userToken').where('userId', '=', userId).select('id').execute()).length;

		// Passwords on: an invitation carries a link.
		expect(await invite('ny1@kunsso.test')).toMatchObject({ kind: 'ok', token: expect.stringMatching(/^\d+\./) });
		expect(await ssoOnlyLogin(database.db, cy)).toBeNull();

		expect(
			await inTransaction(database.db, (trx) =>
				changeSignInPolicy(trx, by, { localPasswords: 'off', breakGlassUserId: ida.id })
			)
		).toEqual({ ok: true });
		expect(await invite('ny2@kunsso.test')).toMatchObject({ kind: 'ok', token: null });
		expect(await ssoOnlyLogin(database.db, cy)).toBe('/login?organisation=kun-sso');
		expect(await ssoOnlyLogin(database.db, ida)).toBeNull();
		// A forgotten password: the same answer, but a link only for the break-glass administrator.
		const forgot = (email: string) =>
			requestPasswordReset(database.db, { email, clientAddress: '10.9.0.1', origin: 'http://x.test' }, 0);
		expect(await forgot('cy@kunsso.test')).toEqual({ ok: true });
		expect(await forgot('ida@kunsso.test')).toEqual({ ok: true });
		expect([await tokensOf(cy.id), await tokensOf(ida.id)]).toEqual([0, 1]);
	});
});
