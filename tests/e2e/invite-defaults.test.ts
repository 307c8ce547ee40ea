import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { useDemoBrowser } from '../helpers/demo-browser';
import { postPageForm } from '../helpers/form-post';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

const CONFIRM = 'Ja, giv administratorrettigheder';
const REQUIRED = 'Sæt flueben for at bekræfte, at brugeren skal være administrator.';

/**
 * The invite form: the least powerful role by default, and administrator only with a tick the server checks;
 * and the login's way to a forgotten password, in the browser (the flow itself: forgot-password.test.ts).
 */
describe('safer invite defaults, and the link to a forgotten password', () => {
	const demo = useDemoBrowser();

	async function invite(fields: Record<string, string>) {
		const cookie = await signInCookie(demo.server.url, 'admin@norddjurs.demo');
		const response = await postPageForm(`${demo.server.url}/admin/brugere?/invite`, cookie, fields);
		const users = await (await fetch(`${demo.server.url}/admin/brugere`, { headers: { cookie } })).text();
		return { status: response.status, html: await response.text(), users };
	}
	const row = (users: string, email: string) =>
		new RegExp(`<tr[^>]*data-user="${email}"[\\s\\S]*?</tr>`).exec(users)?.[0];

	test('the rendered form selects projektleder and asks for no tick', async () => {
		const cookie = await signInCookie(demo.server.url, 'admin@norddjurs.demo');
		const html = await (await fetch(`${demo.server.url}/admin/brugere`, { headers: { cookie } })).text();
		const select = /<select[^>]*name="role"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1];
		expect([...select.matchAll(/<option value="(\w+)"[^>]*selected/g)].map((m) => m[1])).toEqual(['project_lead']);
		expect(html).not.toContain('name="confirmAdmin"');
	});

	test('administrator without the tick: 400 with the Danish message at the tick, and no user', async () => {
		const refused = await invite({ name: 'Uden Flueben', email: 'uden@norddjurs.demo', role: 'admin' });
		expect(refused.status).toBe(400);
		expect(refused.html).toContain(REQUIRED);
		// The refused form shows the tick to give, with the message tied to it.
		expect(refused.html).toMatch(/<input[^>]*name="confirmAdmin"[^>]*aria-invalid="true"/);
		expect(row(refused.users, 'uden@norddjurs.demo')).toBeUndefined();
		for (const wrong of ['off', 'true', ''])
			expect(
				(await invite({ name: 'X', email: 'uden@norddjurs.demo', role: 'admin', confirmAdmin: wrong })).status
			).toBe(400);
		expect(row((await invite({ name: 'X', email: 'x@norddjurs.demo', role: 'boss' })).users, 'x@norddjurs.demo')).toBe(
			undefined
		);
	});

	test('administrator with the tick is created as administrator; other roles need no tick', async () => {
		const made = await invite({ name: 'Med Flueben', email: 'med@norddjurs.demo', role: 'admin', confirmAdmin: 'on' });
		expect(made.status).toBe(200);
		expect(row(made.users, 'med@norddjurs.demo')).toMatch(/<td[^>]*>administrator<\/td>/);
		const lead = await invite({ name: 'Ny Leder', email: 'leder@norddjurs.demo', role: 'project_lead' });
		expect(lead.status).toBe(200);
		expect(row(lead.users, 'leder@norddjurs.demo')).toMatch(/<td[^>]*>projektleder<\/td>/);
	});

	test('in the browser: choosing administrator shows the tick, and the server holds the form until it is ticked', async () => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'admin@norddjurs.demo');
		await page.goto(`${demo.server.url}/admin/brugere`);
		expect(await page.getByLabel('Rolle').inputValue()).toBe('project_lead');
		await expect(page.getByLabel(CONFIRM).count()).resolves.toBe(0);
		await page.getByLabel('Navn').fill('Browser Admin');
		await page.getByLabel('E-mail').fill('browser-admin@norddjurs.demo');
		await page.getByLabel('Rolle').selectOption('admin');
		await expect(page.getByLabel(CONFIRM).isChecked()).resolves.toBe(false);
		await Promise.all([
			page.waitForLoadState('load'),
			page.getByRole('button', { name: 'Opret bruger og invitationslink' }).click()
		]);
		await page.getByText(REQUIRED).waitFor();
		expect(await page.getByLabel('Rolle').inputValue()).toBe('admin');
		// The tick, its explanation and its error message pass axe (WCAG 2.1 AA).
		expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
		await page.getByLabel(CONFIRM).check();
		await page.getByRole('button', { name: 'Opret bruger og invitationslink' }).click();
		await page.locator('[data-secret="invite-link"]').waitFor();
		expect(await page.locator('tr[data-user="browser-admin@norddjurs.demo"]').innerText()).toContain('administrator');
		await context.close();
	});

	test('the login page and the forgotten-password page (without SMTP) pass axe, and one leads to the other', async () => {
		const context = await demo.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${demo.server.url}/login`);
		expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
		await Promise.all([
			page.waitForURL('**/glemt-adgangskode'),
			page.getByRole('link', { name: 'Glemt adgangskode?' }).click()
		]);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Glemt adgangskode');
		await page.getByText('Bed en administrator i din kommune').waitFor();
		expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
		await context.close();
	});
});
