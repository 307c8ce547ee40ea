import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { generateSecretKey } from '../../src/lib/server/sso/secret-box';
import { WCAG_TAGS } from '../helpers/axe-sweep';

/**
 * OpenID Connect end to end, in Chromium against the built server and a real OpenID Provider on 127.0.0.1:
 * the administrator sets up "Log ind", a colleague clicks the SSO button, signs in at the provider's own
 * page, lands signed in with the mapped role, and signs out there too (RP-initiated logout). Then local
 * passwords go off: the password form is gone for the organisation, a password is refused, the break-glass
 * administrator still gets in.
 * SSO_SCREENSHOTS=<folder> saves the pages at 320 and 1280 px.
 */
describe.skipIf(!hasChromium)('OpenID Connect sign-in in Chromium', () => {
	const demo = useDemoBrowser({ env: { FREMDRIFT_SECRET_KEY: generateSecretKey() } });
	let op: TestOidcProvider;

	beforeAll(async () => {
		const base = demo.server.url;
		op = await startOidcProvider({
			clients: [
				{
					clientId: 'fremdrift-e2e',
					clientSecret: 'e2e-hemmelighed',
					redirectUris: [`${base}/login/sso/norddjurs/oidc/callback`],
					postLogoutRedirectUris: [`${base}/login/sso/log-ud`]
				}
			],
			users: [
				{ login: 'sofie', email: 'sofie@norddjurs.test', name: 'Sofie Sørensen', roles: ['Fremdrift.Direktor'] },
				{ login: 'uden', email: 'uden@norddjurs.test', name: 'Uffe Uden', roles: ['Andet.System'] }
			]
		});
	});
	afterAll(() => op?.stop());

	/** No WCAG 2.1 AA violations on the page as it stands (axe). */
	async function expectAccessible(page: Page) {
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
	}

	async function screenshots(page: Page, name: string) {
		const folder = process.env.SSO_SCREENSHOTS;
		if (!folder) return;
		for (const width of [320, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
		}
	}

	async function signInAtProviderPage(page: Page, login: string) {
		await page.locator('input[name="login"]').fill(login);
		await page.locator('input[name="password"]').fill('hvad-som-helst');
		await page.getByRole('button', { name: 'Sign-in' }).click();
	}

	test('the admin sets up OIDC, a colleague signs in with the SSO button and out again at the provider', async () => {
		const adminContext = await demo.browser.newContext();
		const admin = await signInPage(adminContext, demo.server.url, 'admin@norddjurs.demo');
		await admin.getByRole('link', { name: 'Log ind', exact: true }).click();
		await admin.waitForURL(/\/admin\/log-ind$/);
		await expect(admin.getByLabel('Redirect URI', { exact: true }).inputValue()).resolves.toBe(
			`${demo.server.url}/login/sso/norddjurs/oidc/callback`
		);
		// A malformed issuer and no secret: each field says what is wrong, in Danish.
		await admin.getByLabel('Navn på knappen').fill('Norddjurs Kommune');
		await admin.getByLabel('Udsteder-URL (issuer)').fill('http://idp.example');
		await admin.getByLabel('Klient-id (client id)').fill('fremdrift-e2e');
		await admin.getByRole('button', { name: 'Gem indstillinger' }).click();
		await expect(admin.locator('#felt-issuerUrl-error').textContent()).resolves.toMatch(/^Udsteder-URL’en skal være/);
		await admin.getByLabel('Udsteder-URL (issuer)').fill(op.issuer);
		await admin.getByRole('button', { name: 'Gem indstillinger' }).click();
		await expect(admin.locator('#felt-clientSecret-error').textContent()).resolves.toBe(
			'Skriv klienthemmeligheden (client secret); den kræves første gang.'
		);
		await admin.getByLabel('Klient-id (client id)').fill('fremdrift-e2e');
		await admin.getByLabel('Klienthemmelighed (client secret)').fill('e2e-hemmelighed');
		await admin.getByLabel('Vis «Log ind med …» på loginsiden').check();
		await admin.getByRole('button', { name: 'Gem indstillinger' }).click();
		await expect(admin.getByRole('status').first().textContent()).resolves.toBe('Indstillingerne er gemt.');
		await expect(admin.getByLabel('Klienthemmelighed (client secret)').inputValue()).resolves.toBe('');
		await admin.getByLabel('Værdi i claimet').fill('Fremdrift.Direktor');
		await admin.getByLabel('Rolle i Fremdrift').selectOption({ label: 'direktør' });
		await admin.getByRole('button', { name: 'Tilføj kobling' }).click();
		await expect(admin.locator('[data-mapping="Fremdrift.Direktor"]').textContent()).resolves.toContain('direktør');
		await expectAccessible(admin);
		await screenshots(admin, 'admin-log-ind');

		const context = await demo.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${demo.server.url}/login`);
		await expectAccessible(page);
		await screenshots(page, 'login-sso');
		await page.getByRole('link', { name: 'Log ind med Norddjurs Kommune' }).click();
		await page.waitForURL((url) => url.origin === op.issuer);
		await signInAtProviderPage(page, 'sofie');
		await page.waitForURL((url) => url.origin === demo.server.url && url.pathname === '/');
		await expect(page.locator('[data-signed-in]').textContent()).resolves.toBe(
			'Sofie Sørensen · direktør · Norddjurs Kommune'
		);
		await page.getByRole('button', { name: 'Log ud' }).click();
		// Fremdrift's own session ends first; then the provider asks to confirm its sign-out and sends us back.
		await page.waitForURL((url) => url.origin === op.issuer);
		await page.getByRole('button', { name: 'Yes, sign me out' }).click();
		await page.waitForURL(/\/login\?logget-ud$/);
		await expect(page.getByRole('status').textContent()).resolves.toBe('Du er logget ud.');
		// Signed out at the provider too: the SSO button leads to its login page again, not straight back in.
		await page.getByRole('link', { name: 'Log ind med Norddjurs Kommune' }).click();
		await page.waitForURL((url) => url.origin === op.issuer);
		await expect(page.locator('input[name="login"]').count()).resolves.toBe(1);

		// A colleague whose roles map to nothing is refused with a Danish page naming the administrator.
		await signInAtProviderPage(page, 'uden');
		await page.waitForURL(/\/oidc\/callback/);
		await expect(page.getByRole('alert').textContent()).resolves.toMatch(
			/ingen rolle i Fremdrift endnu\. Bed kommunens administrator \(.*Admin.*\) om at give dig adgang\.$/
		);
		await screenshots(page, 'sso-refused');
		await context.close();
		await adminContext.close();
	});

	async function passwordAttempt(context: BrowserContext, path: string, email: string) {
		const page = await context.newPage();
		await page.goto(`${demo.server.url}${path}`);
		await page.getByLabel('E-mail').fill(email);
		await page.getByLabel('Adgangskode').fill('fremdrift-demo');
		await page.getByRole('button', { name: 'Log ind', exact: true }).click();
		await page.waitForLoadState();
		return page;
	}

	test('local passwords off: no password form for the organisation, a password refused, the break-glass admin in', async () => {
		const adminContext = await demo.browser.newContext();
		const admin = await signInPage(adminContext, demo.server.url, 'admin@norddjurs.demo');
		await admin.goto(`${demo.server.url}/admin/log-ind`);
		await admin.getByLabel('Kun fælles login (adgangskoder slået fra)').check();
		await admin.getByRole('button', { name: 'Gem valget' }).click();
		await expect(admin.locator('#felt-breakGlassUserId-error').textContent()).resolves.toMatch(
			/^Vælg en nødadministrator, før adgangskoder slås fra/
		);
		await admin.getByLabel('Kun fælles login (adgangskoder slået fra)').check();
		await admin.getByLabel('Nødadministrator').selectOption({ index: 1 });
		await admin.getByRole('button', { name: 'Gem valget' }).click();
		await expect(admin.getByRole('status').first().textContent()).resolves.toBe('Valget om adgangskoder er gemt.');

		// An invitation now makes no password link: the new user is told where to sign in.
		await admin.goto(`${demo.server.url}/admin/brugere`);
		await admin.getByLabel('Navn').fill('Sso Ny');
		await admin.getByLabel('E-mail').fill('sso.ny@norddjurs.demo');
		await admin.getByRole('button', { name: 'Opret bruger og invitationslink' }).click();
		await expect(
			admin.getByText('sso.ny@norddjurs.demo er oprettet. Kommunen logger ind med fælles login').count()
		).resolves.toBe(1);
		await expect(admin.content()).resolves.toContain(`${demo.server.url}/login?organisation=norddjurs`);
		await expect(admin.content()).resolves.not.toContain('/invitation/');

		const context = await demo.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${demo.server.url}/login?organisation=norddjurs`);
		await expect(page.getByRole('link', { name: 'Log ind med Norddjurs Kommune' }).count()).resolves.toBe(1);
		await expect(page.getByLabel('Adgangskode').count()).resolves.toBe(0);
		const refused = await passwordAttempt(context, '/login', 'direktor@norddjurs.demo');
		await expect(refused.getByRole('alert').textContent()).resolves.toBe(
			'Din kommune logger ind med fælles login, ikke med adgangskode. Brug knappen «Log ind med …» på loginsiden.'
		);
		const breakGlass = await passwordAttempt(context, '/login?organisation=norddjurs&lokal=1', 'admin@norddjurs.demo');
		expect(new URL(breakGlass.url()).pathname).toBe('/');
		await context.close();
		await adminContext.close();
	});
});
