import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { postPageForm } from '../helpers/form-post';
import { signInCookie, signInPage } from '../helpers/sign-in';
import { WCAG_TAGS } from '../helpers/axe-sweep';

const KPI = 'Andel nye ledere rekrutteret internt';
const NEW_NARRATIVE = 'Rettet efter revision: 44 pct. af de nye ledere blev rekrutteret internt i 2025.';

/** axe (WCAG 2.1 AA) on the page at desktop and phone width (the report pages are checked here, not in the sweep). */
async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
	const size = page.viewportSize();
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
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

/** A4 is 210 mm wide and the report's @page margins are 14 mm a side: 182 mm at 96 px per inch. */
const PRINTABLE_WIDTH = Math.floor((182 / 25.4) * 96);

/**
 * The page as Chromium prints it on A4: laid out at the printable width in print media, no table's
 * right edge (nor any cell's) past it, no navigation or footer links, one recommendation per page;
 * then the PDF itself, saved to test-results/.
 */
async function expectPrintFits(page: Page, name: string): Promise<void> {
	const size = page.viewportSize();
	await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	const overflowing = await page.locator('table').evaluateAll(
		(tables, width) =>
			tables
				.filter((table) => table.getBoundingClientRect().width > 0)
				.filter(
					(table) =>
						table.getBoundingClientRect().right > width + 1 ||
						table.scrollWidth > table.clientWidth + 1 ||
						[...table.querySelectorAll('th, td')].some((cell) => cell.getBoundingClientRect().right > width + 1)
				)
				.map((table) => table.querySelector('caption')?.textContent ?? table.outerHTML.slice(0, 80)),
		PRINTABLE_WIDTH
	);
	expect([name, overflowing]).toEqual([name, []]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PRINTABLE_WIDTH + 1);
	// Neither the navigation nor the footer's links are printed.
	const printedLinks = await page
		.locator('header a, nav a, footer a')
		.evaluateAll((links) => links.filter((a) => a.getClientRects().length > 0).map((a) => a.textContent));
	expect([name, printedLinks]).toEqual([name, []]);
	const breaks = await page
		.locator('section.recommendation')
		.evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
	expect(breaks.length).toBe(8);
	expect(new Set(breaks)).toEqual(new Set(['page']));
	mkdirSync('test-results', { recursive: true });
	const pdf = await page.pdf({ format: 'A4', path: `test-results/${name}.pdf` });
	expect(pdf.byteLength).toBeGreaterThan(10_000);
	await page.emulateMedia({ media: 'screen' });
	if (size) await page.setViewportSize(size);
}

/** Ticks what approving or publishing asks (both ticks where the report has example data). */
async function tickConfirmations(page: Page): Promise<void> {
	for (const label of [/Jeg forstår, at indholdet fryses/, /Jeg ved, at rapporten indeholder eksempeldata/]) {
		const box = page.getByLabel(label);
		if ((await box.count()) > 0) await box.check();
	}
}

async function takeStep(page: Page, button: string): Promise<void> {
	if (/Godkend|Offentliggør/.test(button)) await tickConfirmations(page);
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

	test('on first start the politician of each demo municipality reads the published 2024 report, and it prints on A4', async () => {
		for (const [slug, name] of [
			['norddjurs', 'Norddjurs Kommune'],
			['allerod', 'Allerød Kommune']
		]) {
			const politician = await signInPage(await demo.browser.newContext(), demo.server.url, `politiker@${slug}.demo`);
			expect(new URL(politician.url()).pathname).toBe('/status');
			expect(
				await politician.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report')))
			).toEqual(['2024/1']);
			expect(await politician.locator('[data-awaiting], [data-no-report]').count()).toBe(0);
			await politician.locator('tr[data-report="2024/1"] a').click();
			await politician.waitForURL(/\/status\/\d+$/);
			expect(await politician.getByRole('heading', { level: 1 }).textContent()).toBe(`Årlig status 2024 – ${name}`);
			expect(await politician.locator('[data-report-state]').getAttribute('data-report-state')).toBe('published');
			expect(await politician.locator('section.recommendation').count()).toBeGreaterThan(0);
			if (slug === 'norddjurs') {
				// Our own tab icon, not the Svelte logo.
				const icon = await politician.locator('link[rel="icon"]').getAttribute('href');
				const served = await politician.request.get(new URL(icon!, politician.url()).href);
				expect([served.status(), served.headers()['content-type']]).toEqual([200, 'image/svg+xml']);
				expect(await served.text()).toContain('<title>Fremdrift</title>');
				expect((await recommendationOne(politician)).latest).toBe('35 % (2024)');
				await expectPrintFits(politician, 'aarsstatus-2024-politiker');
			}
			await politician.context().close();
		}
	});

	test('the director approves the 2025 status; a later KPI value and narrative change it not; version 2 shows them and version 1 stays readable', async () => {
		const director = await signInPage(await demo.browser.newContext(), demo.server.url, 'direktor@norddjurs.demo');
		await director.goto(`${demo.server.url}/status`);
		await Promise.all([director.waitForURL(/\/status\/\d+$/), director.locator('tr[data-report="2025/1"] a').click()]);
		urls.v1 = director.url();
		// The draft: live figures, narratives editable.
		expect(await director.locator('[data-report-state]').getAttribute('data-report-state')).toBe('draft');
		await expect(director.getByLabel('Statusnotat for 2025 (anbefaling 1)').count()).resolves.toBe(1);
		await expectNoAxeViolations(director, 'draft report');
		await takeStep(director, 'Indsend til godkendelse');
		// Approving says what freezes and that the report holds example data, and asks for both ticks.
		const approveForm = director.locator('form[action="?/approve"]');
		expect(await approveForm.textContent()).toContain('Når rapporten godkendes, fryses indholdet');
		expect(await approveForm.locator('[data-example-data]').textContent()).toMatch(
			/Rapporten indeholder eksempeldata: \d+ nøgletal er markeret »Eksempeldata«/
		);
		mkdirSync('test-results', { recursive: true });
		for (const width of [320, 1280]) {
			await director.setViewportSize({ width, height: 900 });
			await approveForm.screenshot({ path: `test-results/godkend-${width}.png` });
		}
		// Without the ticks the browser does not send the form, and the server refuses it anyway.
		await director.getByRole('button', { name: 'Godkend og frys indholdet' }).click();
		expect(await director.locator('[data-report-state]').getAttribute('data-report-state')).toBe('submitted');
		const directorCookie = await signInCookie(demo.server.url, 'direktor@norddjurs.demo');
		const version = await approveForm.locator('input[name="version"]').inputValue();
		const tickSets: Record<string, string>[] = [{}, { confirmFreeze: 'on' }, { confirmExampleData: 'on' }];
		for (const ticks of tickSets) {
			const refused = await fetch(`${urls.v1}?/approve`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					cookie: directorCookie,
					origin: demo.server.url,
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ version, ...ticks })
			});
			const answer = await refused.json();
			expect([ticks, answer.status]).toEqual([ticks, 400]);
			expect(JSON.stringify(answer)).toMatch(/Intet er ændret/);
		}
		await director.reload();
		expect(await director.locator('[data-report-state]').getAttribute('data-report-state')).toBe('submitted');
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

		// A 2023 draft, to prove politicians and the public cannot reach drafts.
		await director.goto(`${demo.server.url}/status`);
		await director.getByLabel('År', { exact: true }).fill('2023');
		await Promise.all([
			director.waitForURL(/\/status\/\d+$/),
			director.getByRole('button', { name: 'Opret udkast' }).click()
		]);
		urls.draft2024 = director.url();
		await director.context().close();
		await lead.context().close();
	});

	test('the admin publishes version 2 publicly; the politician reads it and is refused every draft by the server', async () => {
		// Approved but not yet published: the politician is told so, and reads only 2024.
		const early = await signInPage(await demo.browser.newContext(), demo.server.url, 'politiker@norddjurs.demo');
		expect(
			await early.locator('[data-awaiting]').evaluateAll((notes) => notes.map((n) => n.getAttribute('data-awaiting')))
		).toEqual(['2025/2']);
		expect(await early.locator('[data-awaiting]').textContent()).toMatch(
			/Årlig status 2025 – Norddjurs Kommune \(version 2\) er godkendt .*, men er ikke offentliggjort endnu/
		);
		await early.context().close();

		const admin = await signInPage(await demo.browser.newContext(), demo.server.url, 'admin@norddjurs.demo');
		await admin.goto(urls.v2);
		expect(await admin.locator('form[action="?/publish"] [data-example-data]').count()).toBe(1);
		await admin.getByLabel('Offentliggør også på det offentlige link (uden login)').check();
		await takeStep(admin, 'Offentliggør for politikerne');
		expect(await admin.locator('[data-report-state]').getAttribute('data-report-state')).toBe('published');
		await admin.context().close();

		const politician = await signInPage(await demo.browser.newContext(), demo.server.url, 'politiker@norddjurs.demo');
		expect(new URL(politician.url()).pathname).toBe('/status');
		expect(
			await politician.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report')))
		).toEqual(['2025/2', '2024/1']);
		expect(await politician.locator('[data-awaiting]').count()).toBe(0);
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
		const post = await postPageForm(`${urls.draft2024}?/saveNarrative`, cookie, {
			recommendationId: '1',
			version: '',
			body: 'x'
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

		// Print: A4, one recommendation per page, no table past the printable width; the PDF saved.
		await expectPrintFits(politician, 'aarsstatus');
		await politician.context().close();
	});

	test('an anonymous visitor reads the public report and gets 404 for a year not published', async () => {
		const context = await demo.browser.newContext();
		const page = await context.newPage();
		const response = await page.goto(`${demo.server.url}/offentlig/norddjurs/status/2025`);
		expect(response?.status()).toBe(200);
		expect((await recommendationOne(page)).latest).toBe('44 % (2025)');
		await expectNoAxeViolations(page, 'public report');
		for (const path of [
			'/offentlig/norddjurs/status/2023',
			'/offentlig/allerod/status/2025',
			'/offentlig/norddjurs/status/2023/download/docx',
			'/offentlig/ingen/status/2025'
		]) {
			const refused = await page.goto(`${demo.server.url}${path}`);
			expect([path, refused?.status()]).toEqual([path, 404]);
		}
		const download = await page.request.get(`${demo.server.url}/offentlig/norddjurs/status/2025/download/csv`);
		expect(download.status()).toBe(200);
		expect(await download.text()).toContain('44');
		await context.close();
	});
	test('the admin uploads a logo (an SVG with a script is refused); the public page shows it, the title first, the full link with a copy button and the downloads', async () => {
		const admin = await signInPage(await demo.browser.newContext(), demo.server.url, 'admin@norddjurs.demo');
		await admin.goto(`${demo.server.url}/admin/logo`);
		expect(await admin.locator('[data-no-logo]').count()).toBe(1);
		const upload = async (name: string, mimeType: string, text: string) => {
			await admin.getByLabel('Logofil (PNG eller SVG, højst 200 kB)').setInputFiles({
				name,
				mimeType,
				buffer: Buffer.from(text)
			});
			await Promise.all([admin.waitForLoadState('load'), admin.getByRole('button', { name: 'Upload logo' }).click()]);
		};
		await upload(
			'ond.svg',
			'image/svg+xml',
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="9" height="9"/></svg>'
		);
		await admin.locator('#felt-logo-error').waitFor();
		expect(await admin.locator('#felt-logo-error').textContent()).toContain('SVG-filen indeholder scripts');
		await upload(
			'norddjurs.svg',
			'image/svg+xml',
			'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48" viewBox="0 0 160 48"><rect width="48" height="48" rx="8" fill="#0b4f8a"/><text x="58" y="32" font-size="18" font-family="sans-serif">Norddjurs</text></svg>'
		);
		await admin.getByRole('status').filter({ hasText: 'Logoet er gemt.' }).waitFor();
		await admin.context().close();

		const context = await demo.browser.newContext();
		const page = await context.newPage();
		const address = `${demo.server.url}/offentlig/norddjurs/status/2025`;
		await page.goto(address);
		// Title first, then the link and the downloads, then the report.
		const order = await page.evaluate(() => {
			const at = (selector: string) => [...document.querySelectorAll('*')].indexOf(document.querySelector(selector)!);
			return [
				at('[data-masthead]'),
				at('h1'),
				at('[data-public-link]'),
				at('a[href$="/download/docx"]'),
				at('#sammenfatning')
			];
		});
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(order.every((at) => at >= 0)).toBe(true);
		expect(await page.locator('[data-masthead]').textContent()).toContain('Norddjurs Kommune');
		expect(await page.getByLabel('Offentligt link til rapporten').inputValue()).toBe(address);
		await page.getByRole('button', { name: 'Kopiér link' }).waitFor();
		const logo = page.locator('img[data-logo]');
		expect(await logo.getAttribute('alt')).toBe('Logo for Norddjurs Kommune');
		await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
		const served = await page.request.get(new URL((await logo.getAttribute('src'))!, demo.server.url).href);
		expect(served.headers()['content-type']).toBe('image/svg+xml');
		expect(served.headers()['content-security-policy']).toContain('sandbox');
		mkdirSync('test-results', { recursive: true });
		for (const width of [320, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await page.screenshot({ path: `test-results/offentlig-${width}.png` });
		}
		await expectNoAxeViolations(page, 'public report with logo');
		await expectPrintFits(page, 'aarsstatus-offentlig');
		// Without JavaScript the link is still there to select and copy.
		const plain = await demo.browser.newContext({ javaScriptEnabled: false });
		const noScript = await plain.newPage();
		await noScript.goto(address);
		expect(await noScript.getByLabel('Offentligt link til rapporten').inputValue()).toBe(address);
		expect(await noScript.getByRole('button', { name: 'Kopiér link' }).count()).toBe(0);
		await plain.close();
		await context.close();
	});
});
