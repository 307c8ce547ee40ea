import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, slugFor } from '../../src/lib/server/auth/organisations';
import { inTransaction } from '../../src/lib/server/infra/db';
import { ROLES } from '../../src/lib/domain/policy';
import { t } from '../../src/lib/server/messages';
import {
	finishSamlSignIn,
	generateSecretKey,
	loginChoices,
	saveIdentityProvider,
	mapRole,
	samlKeysIfMissing,
	samlSpConfig,
	saveSamlSettings,
	spMetadataXml,
	startSamlSignIn
} from '../../src/lib/server/sso';
import { createTestIdp, type IdpUser, type TestIdp } from '../helpers/saml-idp';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * SAML sign-in through the SSO layer (issue 18), on this run's database, against a samlify IdP: what the ACS
 * (finishSamlSignIn, which the route calls) does with a good assertion, an unmapped privilege and a replay.
 */
const [, DIRECTOR] = ROLES;
const ORIGIN = 'http://fremdrift.test';
const meta = { clientAddress: '127.0.0.1', userAgent: 'vitest' };
const DIRECTOR_PRIVILEGE = 'http://sso.test/roles/usersystemrole/fremdrift_direktoer/1';
const bo: IdpUser = {
	subject: 'urn:uuid:5b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e',
	email: 'bo@sso.test',
	name: 'Bo Bech',
	privileges: [DIRECTOR_PRIVILEGE, 'http://sso.test/roles/usersystemrole/ukendt/1']
};

describe('SAML sign-in with just-in-time users', () => {
	let database: TestDatabase;
	let idp: TestIdp;
	let organisation: { id: number; slug: string };
	const previousKey = process.env.FREMDRIFT_SECRET_KEY;

	/** Starts at Fremdrift (a signed AuthnRequest), answers at the IdP as `user`, and posts to the ACS. */
	async function signInAs(user: IdpUser) {
		const start = await startSamlSignIn(database.db, organisation, ORIGIN, null);
		if (!start.ok) throw new Error(`start refused: ${start.reason}`);
		const SAMLResponse = await idp.respond(start.location, user);
		return {
			SAMLResponse,
			result: await finishSamlSignIn(database.db, organisation, ORIGIN, { SAMLResponse }, start.flowCookie, meta)
		};
	}
	const lastRefusal = () =>
		database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'auth.sso_refused')
			.select(['after', 'organisationId'])
			.orderBy('id', 'desc')
			.executeTakeFirst();

	beforeAll(async () => {
		process.env.FREMDRIFT_SECRET_KEY = generateSecretKey();
		database = await createTestDatabase();
		const name = 'Saml Kommune';
		const id = await createOrganisation(database.db, { name, municipalityCode: null });
		organisation = { id, slug: slugFor(name) };
		const admin = await database.db
			.insertInto('appUser')
			.values({ organisationId: id, email: 'admin@sso.test', name: 'Ada Admin', role: ROLES[0] })
			.returning('id')
			.executeTakeFirstOrThrow();
		const actor = { id: admin.id, organisationId: id, clientAddress: '127.0.0.1' };
		const save = async (idpMetadataXml: string | undefined, enabled: boolean) => {
			const keys = await samlKeysIfMissing(database.db, id, 'Fremdrift test');
			const input = { displayName: 'Saml Kommune', idpMetadataXml, idpMetadataUrl: null, enabled };
			return inTransaction(database.db, (trx) => saveSamlSettings(trx, actor, input, keys));
		};
		// As in real life: the SP is saved first (its key pair made), the IdP gets its metadata, then the reverse.
		expect(await save(undefined, false)).toEqual({ ok: true });
		const sp = await samlSpConfig(database.db, organisation, ORIGIN, { enabledOnly: false });
		if (!sp.ok) throw new Error(sp.reason);
		expect(sp.config.acsUrl).toBe(`${ORIGIN}/sso/saml/${organisation.slug}/acs`);
		idp = await createTestIdp({ spMetadataXml: spMetadataXml(sp.config) });
		expect(await save(idp.metadataXml, true)).toEqual({ ok: true });
		await inTransaction(database.db, (trx) =>
			mapRole(trx, actor, { claimValue: DIRECTOR_PRIVILEGE, role: DIRECTOR, protocol: 'saml' })
		);
	});
	afterAll(async () => {
		await database.destroy();
		if (previousKey === undefined) delete process.env.FREMDRIFT_SECRET_KEY;
		else process.env.FREMDRIFT_SECRET_KEY = previousKey;
	});

	test('the SP key is stored sealed, and the first save does not change it', async () => {
		const row = await database.db
			.selectFrom('identityProvider')
			.where('organisationId', '=', organisation.id)
			.where('protocol', '=', 'saml')
			.select(['sealedSecret', 'settings'])
			.executeTakeFirstOrThrow();
		expect(row.sealedSecret).toMatch(/^v1\./);
		expect(JSON.stringify(row.settings)).not.toContain('PRIVATE KEY');
		// The audit trail keeps the IdP metadata by its digest, not the document.
		const saved = await database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'identity_provider.saved')
			.where('organisationId', '=', organisation.id)
			.select('after')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(saved.after).toMatchObject({ settings: { idpMetadataSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
		expect(JSON.stringify(saved.after)).not.toMatch(/EntityDescriptor|X509Certificate/);
	});

	test('a good assertion signs the person in with the mapped role, audited', async () => {
		const { result } = await signInAs(bo);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.user.role).toBe(DIRECTOR);
		const user = await database.db
			.selectFrom('appUser')
			.where('email', '=', bo.email!)
			.select(['id', 'name', 'role', 'organisationId'])
			.executeTakeFirstOrThrow();
		expect(user).toMatchObject({ name: 'Bo Bech', role: DIRECTOR, organisationId: organisation.id });
		const login = await database.db
			.selectFrom('auditEvent')
			.where('action', '=', 'auth.sso_login')
			.select(['after', 'entityId'])
			.executeTakeFirstOrThrow();
		expect(login.after).toMatchObject({ protocol: 'saml', role: DIRECTOR, created: true });
		expect(Number(login.entityId)).toBe(user.id);
	});

	test('an unmapped privilege is refused in Danish, naming the administrators, and audited', async () => {
		const result = (
			await signInAs({ ...bo, subject: 'urn:uuid:other', email: 'cy@sso.test', privileges: ['http://sso.test/x/1'] })
		).result;
		expect(result).toMatchObject({
			ok: false,
			reason: 'no_role',
			message: t('sso.refused_no_role', { admins: 'Ada Admin' })
		});
		expect(await lastRefusal()).toMatchObject({
			organisationId: organisation.id,
			after: { protocol: 'saml', reason: 'no_role', subject: 'urn:uuid:other' }
		});
		expect(await database.db.selectFrom('appUser').where('email', '=', 'cy@sso.test').select('id').execute()).toEqual(
			[]
		);
	});

	test('a response posted again, or its assertion in a new response, is refused and audited', async () => {
		const assertionId = `_replay-${Date.now()}`;
		const first = await startSamlSignIn(database.db, organisation, ORIGIN, null);
		if (!first.ok) throw new Error(first.reason);
		const SAMLResponse = await idp.respond(first.location, bo, { assertionId });
		const finish = (response: string, flowCookie: string) =>
			finishSamlSignIn(database.db, organisation, ORIGIN, { SAMLResponse: response }, flowCookie, meta);
		expect((await finish(SAMLResponse, first.flowCookie)).ok).toBe(true);

		// The same POST again: the request it answers was answered already.
		const again = await finish(SAMLResponse, first.flowCookie);
		expect(again).toMatchObject({
			ok: false,
			reason: 'saml_in_response_to',
			message: t('saml.refused.in_response_to')
		});
		expect(await lastRefusal()).toMatchObject({ after: { protocol: 'saml', reason: 'saml_in_response_to' } });

		// The same assertion ID answering a fresh request: the assertion store refuses it.
		const second = await startSamlSignIn(database.db, organisation, ORIGIN, null);
		if (!second.ok) throw new Error(second.reason);
		const replayed = await idp.respond(second.location, bo, { assertionId });
		const result = await finish(replayed, second.flowCookie);
		expect(result).toMatchObject({ ok: false, reason: 'saml_replay', message: t('saml.refused.replay') });
		expect(await lastRefusal()).toMatchObject({
			organisationId: organisation.id,
			after: { protocol: 'saml', reason: 'saml_replay' }
		});
	});

	test('a response is accepted only in the browser that started its sign-in (no login CSRF)', async () => {
		// An attacker signs in at the IdP from their own browser and makes the victim's browser post the response.
		const attacker = await startSamlSignIn(database.db, organisation, ORIGIN, null);
		const victim = await startSamlSignIn(database.db, organisation, ORIGIN, null);
		if (!attacker.ok || !victim.ok) throw new Error('start refused');
		const mallory = { ...bo, subject: 'urn:uuid:mallory', email: 'mallory@sso.test' };
		const SAMLResponse = await idp.respond(attacker.location, mallory);
		const finish = (flowCookie: string | undefined) =>
			finishSamlSignIn(database.db, organisation, ORIGIN, { SAMLResponse }, flowCookie, meta);
		const refusedAs = { ok: false, reason: 'saml_browser', message: t('saml.refused.browser') };
		// No cookie (a browser that never started), another sign-in's cookie, or an altered cookie.
		expect(await finish(undefined)).toMatchObject(refusedAs);
		expect(await finish(victim.flowCookie)).toMatchObject(refusedAs);
		const at = attacker.flowCookie.length - 5;
		const altered = `${attacker.flowCookie.slice(0, at)}${attacker.flowCookie[at] === 'x' ? 'y' : 'x'}${attacker.flowCookie.slice(at + 1)}`;
		expect(await finish(altered)).toMatchObject(refusedAs);
		expect(await lastRefusal()).toMatchObject({ after: { protocol: 'saml', reason: 'saml_browser' } });
		expect(
			await database.db.selectFrom('appUser').where('email', '=', 'mallory@sso.test').select('id').execute()
		).toEqual([]);
		// The response itself was good: in the browser that asked for it, it signs in.
		expect((await finish(attacker.flowCookie)).ok).toBe(true);
	});

	test('the login page names each button apart when OIDC and SAML share a name', async () => {
		const actor = { id: 0, organisationId: organisation.id, clientAddress: '127.0.0.1' };
		const oidc = {
			enabled: true,
			displayName: 'Saml Kommune',
			settings: { issuerUrl: 'https://idp.test', clientId: 'x', roleClaim: 'roles' }
		};
		await inTransaction(database.db, async (trx) => {
			actor.id = (
				await trx.selectFrom('appUser').where('email', '=', 'admin@sso.test').select('id').executeTakeFirstOrThrow()
			).id;
			await saveIdentityProvider(trx, actor, 'oidc', oidc, undefined);
		});
		try {
			const choices = await loginChoices(database.db, {
				organisationSlug: organisation.slug,
				local: false,
				redirectTo: ''
			});
			expect(choices.buttons.map((b) => b.label)).toEqual([
				'Log ind med Saml Kommune (OpenID Connect)',
				'Log ind med Saml Kommune (SAML)'
			]);
		} finally {
			await database.db
				.deleteFrom('identityProvider')
				.where('protocol', '=', 'oidc')
				.where('organisationId', '=', organisation.id)
				.execute();
		}
	});

	test('a disabled provider answers nothing at the start and refuses at the ACS', async () => {
		await database.db.updateTable('identityProvider').set({ enabled: false }).where('protocol', '=', 'saml').execute();
		try {
			expect(await startSamlSignIn(database.db, organisation, ORIGIN, null)).toEqual({
				ok: false,
				reason: 'not_configured'
			});
			const result = await finishSamlSignIn(
				database.db,
				organisation,
				ORIGIN,
				{ SAMLResponse: 'eA==' },
				undefined,
				meta
			);
			expect(result).toMatchObject({ ok: false, reason: 'not_configured' });
		} finally {
			await database.db.updateTable('identityProvider').set({ enabled: true }).where('protocol', '=', 'saml').execute();
		}
	});
});
