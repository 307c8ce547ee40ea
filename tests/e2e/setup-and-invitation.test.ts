import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

describe.skipIf(!hasChromium)('first run and invitations, in Chromium', () => {
	const demo = useDemoBrowser({ seed: false });

	test('with no users, sign-in leads to setup; the first admin is created and signed in; setup is then gone', async () => {
		const context = await demo.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${demo.server.url}/login`);
		await page.waitForURL(/\/opsaetning$/);
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await page.getByLabel('Kommunens navn').fill('Syddjurs Kommune');
		await page.getByLabel('Kommunekode (valgfri, tre cifre)').fill('706');
		await page.getByLabel('Dit navn').fill('Sara Setup');
		await page.getByLabel('E-mail').fill('sara@syddjurs.test');
		await page.getByLabel('Adgangskode', { exact: true }).fill('sommerfugl2024');
		await page.getByLabel('Gentag adgangskoden').fill('sommerfugl2024');
		await page.getByRole('button', { name: 'Opret og log ind' }).click();
		await page.waitForLoadState();
		await expect(page.locator('#felt-password-error').textContent()).resolves.toContain('for almindelig');

		await page.getByLabel('Adgangskode', { exact: true }).fill('hest batteri korrekt hæfteklamme');
		await page.getByLabel('Gentag adgangskoden').fill('hest batteri korrekt hæfteklamme');
		await page.getByRole('button', { name: 'Opret og log ind' }).click();
		await page.waitForURL(`${demo.server.url}/`);
		await expect(page.locator('h1').textContent()).resolves.toBe('Oversigt · Syddjurs Kommune');

		const again = await fetch(`${demo.server.url}/opsaetning`, { redirect: 'manual' });
		expect(again.status).toBe(404);
		await context.close();
	});

	test('an admin invites a user, who chooses a password from the link and signs in; the link works once', async () => {
		const adminContext = await demo.browser.newContext();
		const admin = await signInPage(
			adminContext,
			demo.server.url,
			'sara@syddjurs.test',
			'hest batteri korrekt hæfteklamme'
		);
		await admin.goto(`${demo.server.url}/admin/brugere`);
		await admin.getByLabel('Navn').fill('Ole Projektleder');
		await admin.getByLabel('E-mail').fill('ole@syddjurs.test');
		await admin.getByLabel('Rolle').selectOption('project_lead');
		await admin.getByRole('button', { name: 'Opret bruger og invitationslink' }).click();
		const link = (await admin.locator('[data-secret="invite-link"]').textContent())!.trim();
		expect(link).toMatch(/\/invitation\/\d+\.[a-z2-7]{52}$/);
		await expect(admin.locator('tr[data-user="ole@syddjurs.test"]').textContent()).resolves.toContain('Inviteret');

		const userContext = await demo.browser.newContext();
		const page = await userContext.newPage();
		await page.goto(link);
		await expect(page.locator('main p').first().textContent()).resolves.toBe(
			'Vælg en adgangskode til ole@syddjurs.test.'
		);
		// Weak passwords are refused with the strength estimate's advice in Danish, at the password field.
		for (const [weak, advice] of [
			['aaaaaaaaaaaa', 'Gentagne tegn som »aaa« er lette at gætte.'],
			['Ole Projektleder', 'Brug ikke dit navn, din e-mail, kommunens navn eller Fremdrift i adgangskoden.']
		]) {
			await page.getByLabel('Adgangskode', { exact: true }).fill(weak);
			await page.getByLabel('Gentag adgangskoden').fill(weak);
			await page.getByRole('button', { name: 'Gem adgangskode' }).click();
			await page
				.locator('#felt-password-error', { hasText: advice })
				.waitFor()
				.catch(async (error) => {
					throw new Error(`${weak}: ${await page.locator('main').textContent()}`, { cause: error });
				});
			await expect(page.locator('#felt-password-error').textContent()).resolves.toMatch(
				/^Adgangskoden er for let at gætte\. /
			);
		}
		await page.getByLabel('Adgangskode', { exact: true }).fill('grøn tekande på første sal');
		await page.getByLabel('Gentag adgangskoden').fill('grøn tekande på første sal');
		await page.getByRole('button', { name: 'Gem adgangskode' }).click();
		await page.waitForURL(/\/login\?adgangskode-gemt/);
		const signedIn = await signInPage(userContext, demo.server.url, 'ole@syddjurs.test', 'grøn tekande på første sal');
		await expect(signedIn.locator('[data-signed-in]').textContent()).resolves.toContain(
			'Ole Projektleder · projektleder'
		);
		expect((await fetch(link)).status).toBe(404);
		await adminContext.close();
		await userContext.close();
	});
});
