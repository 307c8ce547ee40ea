import { afterAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';
import { createTestIdp } from '../helpers/saml-idp';
import { generateSecretKey } from '../../src/lib/server/sso/secret-box';

/**
 * SAML end to end, in Chromium against the built server and a samlify IdP serving its login page on 127.0.0.1:
 * the administrator saves the SAML section (Fremdrift makes its key pair), the IdP is given Fremdrift's SP
 * metadata from its public address, the administrator gives Fremdrift the IdP metadata by URL and maps a
 * privilege; a colleague clicks the SAML button, signs in at the IdP, whose page POSTs to the ACS from its own
 * origin (the one cross-site form POST the app takes), lands signed in with the mapped role and signs out.
 * SSO_SCREENSHOTS=<folder> saves the pages at 320 and 1280 px.
 */
const DIRECTOR_PRIVILEGE = 'http://norddjurs.test/roles/usersystemrole/fremdrift_direktoer/1';

describe.skipIf(!hasChromium)('SAML sign-in in Chromium', () => {
	const demo = useDemoBrowser({ env: { FREMDRIFT_SECRET_KEY: generateSecretKey() } });
	let closeIdp: (() => Promise<void>) | undefined;
	afterAll(() => closeIdp?.());

	async function screenshots(page: Page, name: string) {
		const folder = process.env.SSO_SCREENSHOTS;
		if (!folder) return;
		for (const width of [320, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
		}
	}

	test('the admin sets up SAML, a colleague signs in at the IdP with the SAML button and out again', async () => {
		const base = demo.server.url;
		const adminContext = await demo.browser.newContext();
		const admin = await signInPage(adminContext, base, 'admin@norddjurs.demo');
		await admin.goto(`${base}/admin/log-ind`);
		const metadataUrl = await admin.getByLabel('SP-metadata (entityID)', { exact: true }).inputValue();
		expect(metadataUrl).toBe(`${base}/sso/saml/norddjurs/metadata`);
		await expect(admin.getByLabel('Assertion Consumer Service (HTTP-POST)').inputValue()).resolves.toBe(
			`${base}/sso/saml/norddjurs/acs`
		);
		expect((await fetch(metadataUrl)).status).toBe(404); // no key pair before the first save

		// Enabling without IdP metadata is refused; saving without it makes the SP key pair.
		await admin.getByLabel('Navn på SAML-knappen').fill('Norddjurs SAML');
		await admin.getByLabel('Vis SAML-knappen «Log ind med …» på loginsiden').check();
		await admin.getByRole('button', { name: 'Gem SAML-indstillinger' }).click();
		await expect(admin.locator('#felt-idpMetadataXml-error').textContent()).resolves.toBe(
			'Læg identitetsudbyderens metadata ind, før log ind med SAML slås til.'
		);
		await admin.getByLabel('Vis SAML-knappen «Log ind med …» på loginsiden').uncheck();
		await admin.getByRole('button', { name: 'Gem SAML-indstillinger' }).click();
		await expect(admin.getByRole('status').first().textContent()).resolves.toBe('Indstillingerne er gemt.');
		const spMetadata = await fetch(metadataUrl);
		expect(spMetadata.headers.get('content-type')).toContain('application/samlmetadata+xml');

		// The IdP administrator's side: the SP metadata from its address; the IdP serves its own metadata.
		const idp = await createTestIdp({ spMetadataXml: await spMetadata.text() });
		const served = await idp.serve([
			{
				subject: 'urn:uuid:sofie',
				email: 'sofie.saml@norddjurs.test',
				name: 'Sofie Saml',
				privileges: [DIRECTOR_PRIVILEGE]
			}
		]);
		closeIdp = served.close;
		const idpOrigin = new URL(idp.ssoUrl).origin;

		await admin.getByLabel('Adresse på IdP-metadata').fill(`${idpOrigin}/metadata`);
		await admin.getByLabel('Vis SAML-knappen «Log ind med …» på loginsiden').check();
		await admin.getByRole('button', { name: 'Gem SAML-indstillinger' }).click();
		await expect(admin.getByRole('status').first().textContent()).resolves.toBe('Indstillingerne er gemt.');
		await expect(admin.locator('[data-saml-metadata]').textContent()).resolves.toContain(idp.entityId);
		await admin.getByLabel('Brugersystemrolle (privilege)').fill(DIRECTOR_PRIVILEGE);
		await admin.getByLabel('Fremdrift-rolle for brugersystemrollen').selectOption({ label: 'direktør' });
		await admin.getByRole('button', { name: 'Tilføj SAML-kobling' }).click();
		await expect(
			admin.locator(`[data-mappings="saml"] [data-mapping="${DIRECTOR_PRIVILEGE}"]`).textContent()
		).resolves.toContain('direktør');
		await screenshots(admin, 'admin-log-ind-saml');

		const context = await demo.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${base}/login`);
		await screenshots(page, 'login-saml');
		await page.getByRole('link', { name: 'Log ind med Norddjurs SAML' }).click();
		await page.waitForURL((url) => url.origin === idpOrigin);
		await page.getByRole('button', { name: 'Log ind som Sofie Saml' }).click();
		await page.waitForURL((url) => url.origin === base && url.pathname === '/');
		await expect(page.locator('[data-signed-in]').textContent()).resolves.toBe(
			'Sofie Saml · direktør · Norddjurs Kommune'
		);
		await page.getByRole('button', { name: 'Log ud' }).click();
		await page.waitForURL(/\/login/);
		await page.goto(`${base}/`);
		await page.waitForURL(/\/login/);
		await context.close();
		await adminContext.close();

		// The cross-site form check lets only the ACS itself through: a foreign form POST there reaches the action
		// (and is refused by the SAML checks), the same POST anywhere else is still a 403.
		const foreignPost = (path: string) =>
			fetch(`${base}${path}`, {
				method: 'POST',
				headers: {
					origin: 'http://idp.example',
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html'
				},
				body: 'SAMLResponse=eA%3D%3D',
				redirect: 'manual'
			});
		const acs = await foreignPost('/sso/saml/norddjurs/acs');
		expect(acs.status).toBe(200);
		expect(await acs.text()).toContain('data-sso-refused="saml_browser"');
		expect((await foreignPost('/sso/saml/norddjurs/acs?/default')).status).toBe(403);
		expect((await foreignPost('/admin/log-ind?/saveSaml')).status).toBe(403);

		// Login CSRF: a response the attacker got for their own sign-in, posted by another browser, is refused;
		// only with the cookie set when that sign-in started (sent back only to the ACS) does it sign in.
		const start = await fetch(`${base}/login/sso/norddjurs/saml`, { redirect: 'manual' });
		expect(start.status).toBe(303);
		const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('fremdrift_saml_flow='))!;
		expect(flowCookie).toMatch(/; Path=\/sso\/saml\/norddjurs\/acs; .*HttpOnly/i);
		expect(flowCookie).toMatch(/SameSite=Lax/i); // plain HTTP here; over HTTPS SameSite=None; Secure
		const SAMLResponse = await idp.respond(start.headers.get('location')!, {
			subject: 'urn:uuid:mallory',
			email: 'mallory.saml@norddjurs.test',
			name: 'Mallory',
			privileges: [DIRECTOR_PRIVILEGE]
		});
		const post = (cookie?: string) =>
			fetch(`${base}/sso/saml/norddjurs/acs`, {
				method: 'POST',
				headers: {
					origin: idpOrigin,
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					...(cookie ? { cookie } : {})
				},
				body: new URLSearchParams({ SAMLResponse }),
				redirect: 'manual'
			});
		const victim = await post();
		expect(victim.status).toBe(200);
		const refusal = await victim.text();
		expect(refusal).toContain('data-sso-refused="saml_browser"');
		expect(refusal).toContain('Log ind blev ikke startet i denne browser');
		const own = await post(flowCookie.split(';')[0]);
		expect(own.status).toBe(303);
		expect(own.headers.getSetCookie().some((c) => c.startsWith('fremdrift_session='))).toBe(true);
	});
});
