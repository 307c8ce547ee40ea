import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

async function noAxeViolations(page: Page) {
	const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe.skipIf(!hasChromium)('the recommendation register, in Chromium', () => {
	const demo = useDemoBrowser();

	test('an admin creates a programme with two themes and a recommendation with budget and follow-up items, adopts it with dissent; a director sees the dissent', async () => {
		const context = await demo.browser.newContext();
		const page = await signInPage(context, demo.server.url, 'admin@norddjurs.demo');
		await page.getByRole('link', { name: 'Register' }).click();
		await page.waitForURL(/\/programmer$/);
		await noAxeViolations(page);
		await page.getByLabel('Navn', { exact: true }).fill('Udvalget for fremtidens arbejdskraft');
		await page.getByLabel('Vedtaget af (udvalg/organ)').fill('Byrådet');
		await page.getByLabel('Vedtaget den').fill('2025-03-01');
		await page.getByRole('button', { name: 'Opret program' }).click();
		await page.waitForURL(/\/programmer\/\d+\?gemt=1$/);
		for (const theme of ['Ledelse som fag', 'Unge i velfærdsfagene']) {
			await page.locator('#new-theme-name').fill(theme);
			await page.locator('form[aria-labelledby="nyt-tema"]').getByRole('button', { name: 'Tilføj' }).click();
			await page.waitForURL(/gemt=theme-add/);
		}
		await expect(
			page
				.locator('.themes input[name="name"]')
				.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
		).resolves.toEqual(['Ledelse som fag', 'Unge i velfærdsfagene']);
		await noAxeViolations(page);

		await page.getByRole('link', { name: 'Ny anbefaling' }).first().click();
		await page.waitForURL(/\/anbefalinger\/ny\?program=\d+$/);
		await noAxeViolations(page);
		await expect(page.getByLabel('Nummer').inputValue()).resolves.toBe('1');
		await page
			.getByLabel('Hovedtema')
			.selectOption({ label: 'Udvalget for fremtidens arbejdskraft: Unge i velfærdsfagene' });
		await page.getByLabel('Titel').fill('Mentorordning for nyuddannede');
		await page.getByLabel('Kort navn').fill('mentorordning');
		await page.getByLabel('Formål').fill('At fastholde nyuddannede i **det første år**.');
		await page.getByLabel('Opfølgningstidspunkt').fill('2026-h1');
		await page.getByRole('button', { name: 'Opret anbefaling' }).click();
		await page.waitForURL(/\/anbefalinger\/\d+\?gemt=1$/);
		const recommendationUrl = page.url().replace(/\?.*$/, '');
		await expect(page.locator('h1').textContent()).resolves.toBe('Anbefaling 1 · Mentorordning for nyuddannede');
		await expect(page.locator('.facts').textContent()).resolves.toContain('1. halvår 2026');
		await expect(page.locator('#formaal + .prose strong').textContent()).resolves.toBe('det første år');

		await page.getByRole('link', { name: 'Økonomi' }).click();
		await page.waitForURL(/\/budget$/);
		await page.locator('#new-line-year').fill('2025');
		await page.locator('#new-line-amount').fill('3,6 mio.');
		await page.locator('form[aria-labelledby="ny-bevilling"]').getByRole('button', { name: 'Tilføj' }).click();
		await page.waitForURL(/gemt=line-add/);
		await page.locator('#new-line-year').fill('2026');
		await page.locator('#new-line-amount').fill('250.000 kr.');
		await page.locator('#new-line-category').selectOption({ label: 'Aktiviteter' });
		await page.locator('form[aria-labelledby="ny-bevilling"]').getByRole('button', { name: 'Tilføj' }).click();
		await page.waitForURL(/gemt=line-add/);
		// Amounts come back normalised, as Danes write them.
		await expect(page.locator('form[aria-label^="Bevilling 2025"] input[name="amountKr"]').inputValue()).resolves.toBe(
			'3.600.000\u00a0kr.'
		);
		await page.locator('#new-actual-year').fill('2025');
		await page.locator('#new-actual-amount').fill('1.200.000');
		await page.locator('form[aria-labelledby="nyt-forbrug"]').getByRole('button', { name: 'Tilføj' }).click();
		await page.waitForURL(/gemt=actual-add/);
		// The per-year table's column on one scale (issue 17): 3,6 mio. and 250.000 kr. add up to 3,85 mio. kr.
		const perYear = page.getByRole('table', { name: 'Bevilget og forbrugt pr. år' });
		await expect(perYear.locator('tfoot').textContent()).resolves.toContain('3,85\u00a0mio.\u00a0kr.');
		await expect(perYear.textContent()).resolves.toContain('0,25\u00a0mio.\u00a0kr.');
		await noAxeViolations(page);

		await page.goto(`${recommendationUrl}/opfoelgning`);
		await page.locator('#new-item-title').fill('Evaluering af mentorforløb');
		await page.locator('#new-item-due').fill('2026-h2');
		await page.getByRole('button', { name: 'Tilføj' }).click();
		await page.waitForURL(/gemt=item-add/);
		await expect(
			page.locator('form[aria-label="Evaluering af mentorforløb"] input[name="duePeriod"]').inputValue()
		).resolves.toBe('2026-H2');
		await noAxeViolations(page);

		await page.goto(`${recommendationUrl}/forloeb`);
		await expect(page.getByLabel('Nyt forløb').inputValue()).resolves.toBe('adopted');
		await page.getByLabel('Besluttet af').fill('Byrådet');
		await page.getByLabel('Vedtaget', { exact: true }).selectOption({ label: 'Vedtaget med mindretalsudtalelse' });
		await page.getByRole('button', { name: 'Skift forløb' }).click();
		await page.waitForLoadState();
		// Dissent without its text is refused at the field.
		await expect(page.locator('#adopt-dissentText-error').textContent()).resolves.toContain(
			'Skriv mindretalsudtalelsen'
		);
		await page.locator('#adopt-dissentText').fill('Et mindretal (V) ønskede forløbet betalt af eget budget.');
		await page.getByRole('button', { name: 'Skift forløb' }).click();
		await page.waitForURL(/gemt=forloeb$/);
		await expect(page.locator('[data-lifecycle]').textContent()).resolves.toContain('Vedtaget');
		await noAxeViolations(page);
		await context.close();

		const directorContext = await demo.browser.newContext();
		const director = await signInPage(directorContext, demo.server.url, 'direktor@norddjurs.demo');
		// The dissent is on the overview too, not only on the recommendation's page.
		await expect(
			director.locator('tr:has-text("Mentorordning for nyuddannede") [data-dissent]').textContent()
		).resolves.toContain('Et mindretal (V) ønskede forløbet betalt af eget budget.');
		await director
			.getByRole('link', { name: /Mentorordning for nyuddannede/ })
			.first()
			.click();
		await director.waitForURL(recommendationUrl);
		await expect(director.locator('section.dissent').textContent()).resolves.toContain(
			'Et mindretal (V) ønskede forløbet betalt af eget budget.'
		);
		await expect(director.locator('.facts').textContent()).resolves.toContain('Vedtaget med mindretalsudtalelse');
		// The history shows the admin's changes.
		await expect(
			director
				.locator('section[aria-labelledby="historik"] tr[data-action="recommendation.lifecycle_changed"]')
				.textContent()
		).resolves.toContain('Forløb skiftet: Fase, Dato, Beslutningsdato, Besluttet af, Vedtaget, Mindretalsudtalelse');
		await directorContext.close();
	});

	test('two people edit the same recommendation: the second save is refused with what the first changed, and the first save stands', async () => {
		const first = await signInPage(await demo.browser.newContext(), demo.server.url, 'direktor@norddjurs.demo');
		const second = await signInPage(await demo.browser.newContext(), demo.server.url, 'admin@norddjurs.demo');
		const list = await (await first.request.get(`${demo.server.url}/api/v1/recommendations`)).json();
		const id = list.recommendations.find((r: { number: number }) => r.number === 3).id;
		const editUrl = `${demo.server.url}/anbefalinger/${id}/rediger`;
		await first.goto(editUrl);
		await second.goto(editUrl);
		const originalTitle = await second.getByLabel('Titel').inputValue();

		await first.getByLabel('Kort navn').fill('Praktikkoordinator');
		await first.getByRole('button', { name: 'Gem', exact: true }).click();
		await first.waitForURL(/\/anbefalinger\/\d+\?gemt=1$/);

		await second.getByLabel('Titel').fill('En titel skrevet samtidig');
		await second.getByRole('button', { name: 'Gem', exact: true }).click();
		await second.waitForLoadState();
		const alert = second.locator('[data-conflict]');
		await expect(alert.textContent()).resolves.toContain('en anden har ændret det, mens du redigerede');
		// Exactly the one field the first person changed, with its new value.
		await expect(alert.locator('tbody tr').allTextContents()).resolves.toEqual([
			expect.stringMatching(/^Kort navn.*Praktikkoordinator/s)
		]);
		// What the second person typed is kept in the form, not lost.
		await expect(second.getByLabel('Titel').inputValue()).resolves.toBe('En titel skrevet samtidig');
		await noAxeViolations(second);

		await first.reload();
		await expect(first.locator('h1').textContent()).resolves.toBe(`Anbefaling 3 · ${originalTitle}`);
		const stored = await (await first.request.get(`${demo.server.url}/programmer`)).text();
		expect(stored).not.toContain('En titel skrevet samtidig');
		// Saving again is now a deliberate choice, on top of the first save.
		await second.getByRole('button', { name: 'Gem', exact: true }).click();
		await second.waitForURL(/\/anbefalinger\/\d+\?gemt=1$/);
		await expect(second.locator('h1').textContent()).resolves.toBe('Anbefaling 3 · En titel skrevet samtidig');
	});

	test('bad input in every register form gets a Danish field message and a 400, and changes nothing', async () => {
		const cookie = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const get = (path: string) => fetch(`${demo.server.url}${path}`, { headers: { cookie } });
		const list = await (await get('/api/v1/recommendations')).json();
		const rec = list.recommendations.find((r: { number: number }) => r.number === 5);
		const programmes = await (await get('/programmer')).text();
		const programmeId = /href="\/programmer\/(\d+)"/.exec(programmes)![1];
		const snapshot = async () => {
			const { exportedAt: _, ...document } = await (await get(`/programmer/${programmeId}/eksport`)).json();
			return document;
		};
		const programmeList = async () => /<table[\s\S]*<\/table>/.exec(await (await get('/programmer')).text())![0];
		const before = await snapshot();
		const listBefore = await programmeList();
		const editPage = await (await get(`/anbefalinger/${rec.id}/rediger`)).text();
		const version = /name="version" value="(\d+)"/.exec(editPage)![1];
		const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(editPage)?.[1] ?? '';
		const recommendationForm = {
			programmeId,
			themeId: '',
			number: '5',
			title: field('title'),
			followUpPeriod: '2025',
			version
		};

		const cases: [string, Record<string, string>, string][] = [
			['/programmer?/create', { name: '' }, 'Skal udfyldes.'],
			['/programmer?/create', { name: 'x'.repeat(10_000) }, 'Må højst være 300 tegn.'],
			[
				`/programmer/${programmeId}?/save`,
				{ name: '<script>alert(1)</script>', version: '1' },
				'Må ikke indeholde HTML-koder'
			],
			[`/programmer/${programmeId}?/addTheme`, { name: '' }, 'Skal udfyldes.'],
			['/anbefalinger/ny', { ...recommendationForm, number: '99', title: '' }, 'Skal udfyldes.'],
			[`/anbefalinger/${rec.id}/rediger?/save`, { ...recommendationForm, title: '' }, 'Skal udfyldes.'],
			[
				`/anbefalinger/${rec.id}/rediger?/save`,
				{ ...recommendationForm, title: 'x'.repeat(10_000) },
				'Må højst være 300 tegn.'
			],
			[
				`/anbefalinger/${rec.id}/rediger?/save`,
				{ ...recommendationForm, title: '<script>alert(1)</script>' },
				'Må ikke indeholde HTML-koder'
			],
			[
				`/anbefalinger/${rec.id}/rediger?/save`,
				{ ...recommendationForm, purpose: 'Se <img src=x onerror=alert(1)>' },
				'Må ikke indeholde HTML-koder'
			],
			[
				`/anbefalinger/${rec.id}/rediger?/save`,
				{ ...recommendationForm, followUpPeriod: '2025-13' },
				'Perioden skal skrives som 2024'
			],
			[
				`/anbefalinger/${rec.id}/budget?/addLine`,
				{ year: '2025', amountKr: '-5.000', category: 'salary', funding: 'central_pool' },
				'Beløbet kan ikke være negativt.'
			],
			[
				`/anbefalinger/${rec.id}/budget?/addLine`,
				{ year: '2025', amountKr: 'mange penge', category: 'salary', funding: 'central_pool' },
				'Skriv et beløb i hele kroner'
			],
			[`/anbefalinger/${rec.id}/budget?/addActual`, { year: '20255', amountKr: '1.000' }, 'Skal være et årstal'],
			[
				`/anbefalinger/${rec.id}/opfoelgning?/add`,
				{ title: 'Evaluering', duePeriod: 'efteråret', state: 'not_started' },
				'Perioden skal skrives som 2024'
			],
			[
				`/anbefalinger/${rec.id}/opfoelgning?/add`,
				{ title: '', duePeriod: '2026', state: 'not_started' },
				'Skal udfyldes.'
			],
			[
				`/anbefalinger/${rec.id}/forloeb?/lifecycle`,
				{ lifecycle: 'dropped', changedOn: '2026-01-01', reason: '', version },
				'Skriv en begrundelse'
			],
			[
				`/anbefalinger/${rec.id}/forloeb?/lifecycle`,
				{ lifecycle: 'in_progress', changedOn: '2026-02-30', reason: '', version },
				'Skriv datoen som år-måned-dag'
			],
			[
				`/anbefalinger/${rec.id}/forloeb?/override`,
				{ status: 'at_risk', reason: '', version },
				'Skriv en begrundelse for at tilsidesætte'
			]
		];
		for (const [path, body, message] of cases) {
			const response = await fetch(`${demo.server.url}${path}`, {
				method: 'POST',
				headers: {
					cookie,
					origin: demo.server.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams(body)
			});
			const html = await response.text();
			expect({ path, status: response.status }).toEqual({ path, status: 400 });
			expect({ path, found: html.includes(message) }).toEqual({ path, found: true });
			expect(html).toMatch(/class="field-error"|role="alert"/);
			expect(html).not.toContain('<script>alert(1)</script>');
		}
		expect(await snapshot()).toEqual(before);
		expect(await programmeList()).toBe(listBefore);
	});
});

describe.skipIf(!hasChromium)('status notes on the recommendation page, in Chromium', () => {
	const demo = useDemoBrowser();

	test("the assigned project lead writes the year's note; a director who had the form open meets a conflict that keeps their text; the history names it", async () => {
		const lead = await signInPage(await demo.browser.newContext(), demo.server.url, 'projektleder@norddjurs.demo');
		const director = await signInPage(await demo.browser.newContext(), demo.server.url, 'direktor@norddjurs.demo');
		const list = await (await director.request.get(`${demo.server.url}/api/v1/recommendations`)).json();
		const url = `${demo.server.url}/anbefalinger/${list.recommendations.find((r: { number: number }) => r.number === 7).id}?notat=2026`;
		await lead.goto(url);
		await director.goto(url);
		await lead.getByLabel('Statusnotat', { exact: true }).fill('Trivselsteamet har haft **42 forløb** i 2026.');
		await lead.getByRole('button', { name: 'Gem statusnotat' }).click();
		await lead.waitForURL(/gemt=notat/);
		await expect(lead.locator('article[data-note="2026"] strong').textContent()).resolves.toBe('42 forløb');

		await director.getByLabel('Statusnotat', { exact: true }).fill('Et andet notat.');
		await director.getByRole('button', { name: 'Gem statusnotat' }).click();
		await director.waitForLoadState();
		await expect(director.locator('[data-attempted]').textContent()).resolves.toBe('Et andet notat.');
		await expect(director.getByLabel('Statusnotat', { exact: true }).inputValue()).resolves.toBe(
			'Trivselsteamet har haft **42 forløb** i 2026.'
		);
		await noAxeViolations(director);
		await director.goto(url);
		await expect(
			director.locator('section[aria-labelledby="historik"] tr[data-action="status_update.created"]').textContent()
		).resolves.toContain('Statusnotat skrevet: 2026');
		// A project lead not assigned to a recommendation cannot write its note, whatever the page shows.
		const other = list.recommendations.find((r: { number: number }) => r.number === 3).id;
		const response = await lead.request.post(`${demo.server.url}/anbefalinger/${other}?/statusUpdate`, {
			headers: { origin: demo.server.url, accept: 'text/html' },
			form: { period: '2026', body: 'Ikke min', version: '' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
	});

	test('the recommendation page and its sub-pages take only a plain path id: 01, 1.0, 0x1 and +1 are not found', async () => {
		const director = await signInPage(await demo.browser.newContext(), demo.server.url, 'direktor@norddjurs.demo');
		const list = await (await director.request.get(`${demo.server.url}/api/v1/recommendations`)).json();
		const id = String(list.recommendations.find((r: { number: number }) => r.number === 1).id);
		const status = async (path: string) =>
			(await director.request.get(`${demo.server.url}${path}`, { maxRedirects: 0 })).status();
		for (const sub of ['', '/rediger', '/forloeb', '/budget', '/opfoelgning']) {
			expect(await status(`/anbefalinger/${id}${sub}`)).toBe(200);
			for (const bad of [`0${id}`, `${id}.0`, `0x${Number(id).toString(16)}`, `+${id}`])
				expect([bad, sub, await status(`/anbefalinger/${encodeURIComponent(bad)}${sub}`)]).toEqual([bad, sub, 404]);
		}
	});
});
