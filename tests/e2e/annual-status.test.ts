import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { signInCookie, signInPage } from '../helpers/sign-in';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const KPI = 'Andel nye ledere rekrutteret internt';
// Each step signs in several people and runs axe at two widths: more than the default minute on a busy machine.
const STORY_TIMEOUT = 180_000;
const NEW_NARRATIVE = 'Rettet efter revision: 44 pct. af de nye ledere blev rekrutteret internt i 2025.';

/** axe (WCAG 2.1 AA) on the page at desktop and phone width (the report pages are checked here, not in the sweep). */
async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
	const size = page.viewportSize();
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const axe = await new AxeBuilder({ page }).withTags(wcag).analyze();
		expect([label, width, axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)]).toEqual([
			label,
			width,
			[]
		]);
	}
	if (size) await page.setViewportSize(size);
}

/** The text of Anbefaling 1's latest-value cell and its narrative on a report page. */
async function recommendationOne(page: Page): Promise<{ latest: string; narrative: string }> {
	const section = page.locator('section[data-recommendation="1"]');
	return {
		latest: ((await section.locator(`tr[data-kpi="${KPI}"] [data-latest]`).textContent()) ?? '')
			.replace(/\s+/g, ' ')
			.trim(),
		narrative: ((await section.locator('[data-narrative]').first().textContent()) ?? '').trim()
	};
}

async function takeStep(page: Page, button: string): Promise<void> {
	await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).click()]);
	await page.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
}

/**
 * The annual status in Chromium, as one story in order (each step builds on the one before, in one
 * demo server of this file's own): approve, change data, correct as version 2, publish, read.
 */
describe.skipIf(!hasChromium)('annual status in Chromium', () => {
	const demo = useDemoBrowser();
	const urls = { v1: '', v2: '', draft2024: '' };

	test(
		'the director approves the 2025 status; a later KPI value and narrative change it not; version 2 shows them and version 1 stays readable',
		async () => {
			const director = await signInPage(await demo.browser.newContext(), demo.server.url, 'direktor@norddjurs.demo');
			await director.goto(`${demo.server.url}/status`);
			await Promise.all([
				director.waitForURL(/\/status\/\d+$/),
				director.locator('tr[data-report="2025/1"] a').click()
			]);
			urls.v1 = director.url();
			// The draft: live figures, narratives editable.
			expect(await director.locator('[data-report-state]').getAttribute('data-report-state')).toBe('draft');
			await expect(director.getByLabel('Statusnotat for 2025 (anbefaling 1)').count()).resolves.toBe(1);
			await expectNoAxeViolations(director, 'draft report');
			await takeStep(director, 'Indsend til godkendelse');
			await takeStep(director, 'Godkend og frys indholdet');
			expect(await director.locator('[data-report-state]').getAttribute('data-report-state')).toBe('approved');
			// Each step is dated in the report's audit trail, in Danish.
			expect(
				await director
					.locator('tr[data-action^="annual_report."]')
					.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-action'), r.children[2].textContent]))
			).toEqual([
				['annual_report.approve', 'Godkendt og frosset'],
				['annual_report.submit', 'Indsendt til godkendelse']
			]);
			const approved = await recommendationOne(director);
			expect(approved.latest).toBe('41 % (2025)');
			expect(approved.narrative).toMatch(/^I 2025 blev 41 pct\./);

			// A correction starts version 2 as a draft with a change note.
			await director
				.getByLabel('Ændringsnote: hvad rettes, og hvorfor')
				.fill('Andelen internt rekrutterede ledere for 2025 er rettet efter revision.');
			await takeStep(director, 'Opret version 2');
			urls.v2 = demo.server.url + (await director.getByRole('link', { name: 'Version 2' }).getAttribute('href'));
			expect(urls.v2).toMatch(/\/status\/\d+$/);
			expect(urls.v2).not.toBe(urls.v1);

			// The project lead changes the 2025 value (through the API, as an HR system would) and the narrative (in the draft).
			const lead = await signInPage(await demo.browser.newContext(), demo.server.url, 'projektleder@norddjurs.demo');
			const kpiHref = await (async () => {
				await lead.goto(urls.v2);
				const kpis = await lead.request.get(`${demo.server.url}/api/v1/kpis`);
				const found = (await kpis.json()).kpis.find((k: { name: string }) => k.name === KPI);
				return `${demo.server.url}/api/v1/kpis/${found.id}/observations`;
			})();
			const values = (await (await lead.request.get(kpiHref)).json()).observations;
			const v2025 = values.find((o: { period: string }) => o.period === '2025');
			const put = await lead.request.put(`${kpiHref}/2025`, {
				data: { value: 44, version: v2025.version },
				headers: { origin: demo.server.url }
			});
			expect(put.status()).toBe(200);
			const field = lead.getByLabel('Statusnotat for 2025 (anbefaling 1)');
			await field.fill(NEW_NARRATIVE);
			await lead.locator('section[data-recommendation="1"]').getByRole('button', { name: 'Gem statusnotat' }).click();
			await lead
				.locator('section[data-recommendation="1"]')
				.getByRole('status')
				.filter({ hasText: 'Statusnotatet er gemt.' })
				.waitFor();

			// Version 1, approved, still shows exactly what the director approved.
			await lead.goto(urls.v1);
			expect(await recommendationOne(lead)).toEqual(approved);

			// Version 2, once approved, shows the new value and text; version 1 says it was replaced.
			await director.goto(urls.v2);
			expect(await director.locator('[data-change-note]').textContent()).toContain('rettet efter revision');
			await takeStep(director, 'Indsend til godkendelse');
			await takeStep(director, 'Godkend og frys indholdet');
			const corrected = await recommendationOne(director);
			expect(corrected.latest).toBe('44 % (2025)');
			expect(corrected.narrative).toBe(NEW_NARRATIVE);
			await director.goto(urls.v1);
			expect(await director.locator('[data-replaced]').textContent()).toContain('erstattet af version 2');
			expect(await recommendationOne(director)).toEqual(approved);

			// A 2024 draft, to prove politicians and the public cannot reach drafts.
			await director.goto(`${demo.server.url}/status`);
			await director.getByLabel('År', { exact: true }).fill('2024');
			await Promise.all([
				director.waitForURL(/\/status\/\d+$/),
				director.getByRole('button', { name: 'Opret udkast' }).click()
			]);
			urls.draft2024 = director.url();
			await director.context().close();
			await lead.context().close();
		},
		STORY_TIMEOUT
	);

	test(
		'the admin publishes version 2 publicly; the politician reads it and is refused every draft by the server',
		async () => {
			const admin = await signInPage(await demo.browser.newContext(), demo.server.url, 'admin@norddjurs.demo');
			await admin.goto(urls.v2);
			await admin.getByLabel('Offentliggør også på det offentlige link (uden login)').check();
			await takeStep(admin, 'Offentliggør for politikerne');
			expect(await admin.locator('[data-report-state]').getAttribute('data-report-state')).toBe('published');
			await admin.context().close();

			const politician = await signInPage(await demo.browser.newContext(), demo.server.url, 'politiker@norddjurs.demo');
			expect(new URL(politician.url()).pathname).toBe('/status');
			expect(
				await politician.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report')))
			).toEqual(['2025/2']);
			await expectNoAxeViolations(politician, 'status list (politician)');
			await politician.locator('tr[data-report="2025/2"] a').click();
			await politician.waitForURL(urls.v2);
			expect((await recommendationOne(politician)).latest).toBe('44 % (2025)');
			await expectNoAxeViolations(politician, 'published report (politician)');
			await expect(
				politician
					.getByRole('button')
					.filter({ hasText: /Godkend|Indsend|Offentliggør/ })
					.count()
			).resolves.toBe(0);

			// Drafts and unpublished versions: the server answers 404, for the page and for downloads alike.
			const cookie = await signInCookie(demo.server.url, 'politiker@norddjurs.demo');
			for (const url of [urls.draft2024, urls.v1, `${urls.draft2024}/download/docx`, `${urls.v1}/download/csv`]) {
				const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
				expect([url, response.status]).toEqual([url, 404]);
			}
			const post = await fetch(`${urls.draft2024}?/saveNarrative`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					cookie,
					origin: demo.server.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ recommendationId: '1', version: '', body: 'x' })
			});
			expect(post.status).toBe(403);

			// The Word agenda item (the committee headings) and its bilag (the corrected KPI value in its table, the charts).
			const wordText = async (format: 'docx' | 'bilag') => {
				const response = await politician.request.get(`${urls.v2}/download/${format}`);
				expect(response.status()).toBe(200);
				const zip = await JSZip.loadAsync(await response.body());
				const xml = await zip.file('word/document.xml')!.async('string');
				return { zip, text: xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '') };
			};
			const agenda = await wordText('docx');
			for (const heading of ['Sagsbeskrivelse', 'Økonomi og finansiering', 'Administrationens forslag', 'Bilag'])
				expect(agenda.text).toContain(heading);
			expect(agenda.text).toContain('Forvaltningen anbefaler, at orienteringen tages til efterretning.');
			const bilag = await wordText('bilag');
			expect(bilag.text).toMatch(new RegExp(`${KPI}\\s*28\\s%\\s\\(2022\\)\\s*44\\s%\\s\\(2025\\)`));
			expect(Object.keys(bilag.zip.files).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
			// Text from one source: every recommendation's reasons, forecasts, follow-up progress and money on the
			// page stand word for word in the bilag.
			const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
			const bilagText = flat(bilag.text);
			const pageTexts = await politician.locator('section.recommendation').evaluateAll((sections) =>
				sections.map((section) => ({
					number: section.getAttribute('data-recommendation'),
					texts: [
						...[...section.querySelectorAll('[data-reasons] li, [data-status="follow_up"]')].map(
							(el) => el.textContent ?? ''
						),
						...[...section.querySelectorAll('table.budget td')].map((el) => el.textContent ?? '')
					]
				}))
			);
			expect(pageTexts.length).toBe(8);
			for (const { number, texts } of pageTexts) {
				expect(texts.length, `Anbefaling ${number}`).toBeGreaterThan(3);
				for (const text of texts) expect(bilagText, `Anbefaling ${number}`).toContain(flat(text));
			}
			const xlsx = await politician.request.get(`${urls.v2}/download/xlsx`);
			expect([xlsx.status(), xlsx.headers()['content-type']]).toEqual([
				200,
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			]);

			// Print: A4 width, one recommendation per page, no table wider than the page.
			await politician.setViewportSize({ width: 794, height: 1123 });
			await politician.emulateMedia({ media: 'print' });
			const overflowing = await politician.locator('table').evaluateAll((tables) =>
				tables
					.filter((table) => table.getBoundingClientRect().width > 0)
					.filter(
						(table) =>
							table.getBoundingClientRect().right > document.documentElement.clientWidth + 1 ||
							table.scrollWidth > table.clientWidth + 1
					)
					.map((table) => table.querySelector('caption')?.textContent ?? table.outerHTML.slice(0, 80))
			);
			expect(overflowing).toEqual([]);
			const breaks = await politician
				.locator('section.recommendation')
				.evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
			expect(breaks.length).toBe(8);
			expect(new Set(breaks)).toEqual(new Set(['page']));
			mkdirSync('test-results', { recursive: true });
			await politician.screenshot({ path: 'test-results/aarsstatus-print.png', fullPage: true });
			const pdf = await politician.pdf({ format: 'A4', path: 'test-results/aarsstatus.pdf' });
			expect(pdf.byteLength).toBeGreaterThan(10_000);
			await politician.context().close();
		},
		STORY_TIMEOUT
	);

	test(
		'an anonymous visitor reads the public report and gets 404 for a year not published',
		async () => {
			const context = await demo.browser.newContext();
			const page = await context.newPage();
			const response = await page.goto(`${demo.server.url}/offentlig/norddjurs/status/2025`);
			expect(response?.status()).toBe(200);
			expect((await recommendationOne(page)).latest).toBe('44 % (2025)');
			await expectNoAxeViolations(page, 'public report');
			for (const path of [
				'/offentlig/norddjurs/status/2024',
				'/offentlig/allerod/status/2025',
				'/offentlig/norddjurs/status/2024/download/docx',
				'/offentlig/ingen/status/2025'
			]) {
				const refused = await page.goto(`${demo.server.url}${path}`);
				expect([path, refused?.status()]).toEqual([path, 404]);
			}
			const download = await page.request.get(`${demo.server.url}/offentlig/norddjurs/status/2025/download/csv`);
			expect(download.status()).toBe(200);
			expect(await download.text()).toContain('44');
			await context.close();
		},
		STORY_TIMEOUT
	);
});
