import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	composeAnnualReport,
	findReportMeeting,
	listAnnualReports,
	reportDownload,
	setReportMeeting,
	type ReportContent
} from '../../src/lib/server/annual-report';
import { plottedRange } from '../../src/lib/server/annual-report/chart-scale';
import { kpiChartSvg } from '../../src/lib/server/annual-report/chart-svg';
import { kpiSentences } from '../../src/lib/server/annual-report/docx-bilag';
import { TEXT_WIDTH } from '../../src/lib/server/annual-report/docx-parts';
import { reportKpiStatusText } from '../../src/lib/server/annual-report/docx';
import { formatKrAlike } from '../../src/lib/domain/money';
import { missingRunText, recommendationStatusText } from '../../src/lib/domain/status-text';
import { writeInTransaction } from '../../src/lib/server/infra/write-result';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/** A document's parts: its body, styles, footers and properties as XML, its text paragraph by paragraph. */
async function openDocx(bytes: Uint8Array) {
	const zip = await JSZip.loadAsync(bytes);
	const read = (name: string) => zip.file(name)!.async('string');
	const files = Object.keys(zip.files);
	const body = await read('word/document.xml');
	const footers = await Promise.all(files.filter((f) => /^word\/footer\d*\.xml$/.test(f)).map(read));
	const headers = await Promise.all(files.filter((f) => /^word\/header\d*\.xml$/.test(f)).map(read));
	const paragraphs = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
	const textOf = (xml: string) =>
		[...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&amp;/g, '&')).join('');
	return {
		body,
		styles: await read('word/styles.xml'),
		core: await read('docProps/core.xml'),
		footers,
		headers,
		paragraphs,
		textOf,
		text: paragraphs.map(textOf).join('\n'),
		images: files.filter((f) => f.startsWith('word/media/'))
	};
}

const body = (response: Response) => response.arrayBuffer().then((b) => new Uint8Array(b));

describe('the annual status as two Word documents: the agenda item and its bilag', () => {
	let database: TestDatabase;
	let content: ReportContent;
	let reportId: number;
	let organisationId: number;
	let agenda: Awaited<ReturnType<typeof openDocx>>;
	let bilag: Awaited<ReturnType<typeof openDocx>>;
	const meta = { edition: 2, approvedAt: new Date('2026-02-03T10:00:00Z'), changeNote: 'Rettet sygefravær' };

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		organisationId = (
			await database.db
				.selectFrom('organisation')
				.select('id')
				.where('slug', '=', 'norddjurs')
				.executeTakeFirstOrThrow()
		).id;
		reportId = (await listAnnualReports(database.db, organisationId, { publishedOnly: false })).find(
			(r) => r.year === 2025
		)!.id;
		const director = await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.where('organisationId', '=', organisationId)
			.where('role', '=', 'director')
			.executeTakeFirstOrThrow();
		const written = await writeInTransaction(database.db, (trx) =>
			setReportMeeting(trx, director as SessionUser, {
				id: reportId,
				caseNumber: '27.00.00-A00-1-25',
				committee: 'Økonomiudvalget',
				meetingDate: '2026-02-10'
			})
		);
		expect(written.kind).toBe('ok');
		content = await composeAnnualReport(database.db, {
			organisationId,
			year: 2025,
			asOf: '2025-12-31',
			programmeId: null
		});
		const meeting = await findReportMeeting(database.db, organisationId, reportId);
		const agendaResponse = await reportDownload(content, 'docx', { ...meta, meeting });
		const bilagResponse = await reportDownload(content, 'bilag', { ...meta, meeting });
		expect(agendaResponse.headers.get('content-disposition')).toMatch(/aarsstatus-norddjurs-2025-v2-2025-12-31\.docx/);
		expect(bilagResponse.headers.get('content-disposition')).toMatch(
			/aarsstatus-norddjurs-2025-v2-bilag-2025-12-31\.docx/
		);
		const [agendaBytes, bilagBytes] = await Promise.all([body(agendaResponse), body(bilagResponse)]);
		if (process.env.DOCX_OUT) {
			writeFileSync(`${process.env.DOCX_OUT}/dagsorden.docx`, agendaBytes);
			writeFileSync(`${process.env.DOCX_OUT}/bilag.docx`, bilagBytes);
		}
		[agenda, bilag] = await Promise.all([openDocx(agendaBytes), openDocx(bilagBytes)]);
	});
	afterAll(() => database.destroy());

	test('the agenda item: meeting fields, programme and decision, status, economy, proposal and an empty decision', () => {
		expect(agenda.text).toContain('Sagsnr. 27.00.00-A00-1-25');
		expect(agenda.text).toContain('Møde Økonomiudvalget, 10. februar 2026');
		const programme = content.programmes![0];
		expect(programme.adoptedOn).not.toBeNull();
		const description = agenda.text.slice(agenda.text.indexOf('Sagsbeskrivelse'));
		expect(description.split('\n')[1]).toContain(programme.name);
		expect(description.split('\n')[1]).toContain(programme.body);
		for (const heading of ['Administrationens forslag', 'Økonomi og finansiering', 'Bilag', 'Beslutning'])
			expect(agenda.text).toContain(heading);
		expect(agenda.text).toContain('at orienteringen tages til efterretning');
		expect(agenda.text.trim().endsWith('Beslutning')).toBe(true);
		// The agenda item is short: no KPI tables and no charts (they are in the bilag).
		expect(agenda.images).toEqual([]);
		expect(agenda.text).not.toMatch(/CSV|Excel/);
	});

	test('the version is in the document properties, not in the text', () => {
		for (const doc of [agenda, bilag]) {
			expect(doc.core).toMatch(/<dc:description>Version 2, godkendt 3\. februar 2026\. Ændring/);
			expect(doc.core).toContain('<cp:revision>2</cp:revision>');
			expect(doc.core).toContain('<dc:title>Årlig status 2025 for Norddjurs Kommune</dc:title>');
			expect(doc.text).not.toMatch(/Version \d+, godkendt/);
		}
		expect(agenda.core).toContain('<dc:subject>Dagsordenspunkt</dc:subject>');
		expect(bilag.core).toContain('<dc:subject>Bilag 1: Status pr. anbefaling</dc:subject>');
	});

	test('layout: Danish language, headings and captions kept with the next, page breaks as properties, page numbers', () => {
		for (const doc of [agenda, bilag]) {
			expect(doc.styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="da-DK"\/>[\s\S]*<\/w:docDefaults>/);
			for (const id of ['Heading1', 'Heading2', 'Heading3', 'Caption']) {
				const style = doc.styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0];
				expect(style, id).toBeDefined();
				expect(style).toContain('<w:keepNext/>');
				expect(style).toContain('<w:lang w:val="da-DK"/>');
			}
			// No empty paragraphs as page breaks.
			expect(doc.body).not.toContain('w:type="page"');
			expect(doc.footers.join('')).toMatch(/PAGE[\s\S]*NUMPAGES/);
			expect(doc.headers.join('')).toContain('>Årlig status 2025 for Norddjurs Kommune<');
			expect(doc.text).not.toContain('kr..');
		}
		// Each recommendation starts on a new page: its heading has page-break-before.
		const breaks = bilag.paragraphs.filter((p) => p.includes('<w:pageBreakBefore/>')).map(bilag.textOf);
		expect(breaks).toEqual(content.recommendations.map((r) => `Anbefaling ${r.number}: ${r.title}`));
		// Every chart caption is kept with its chart.
		const captions = bilag.paragraphs.filter((p) => p.includes('w:val="Caption"'));
		expect(captions.length).toBeGreaterThan(0);
		for (const p of captions) expect(p).toContain('<w:keepNext/>');
	});

	test('tables fit the text block and take their column widths from the content', () => {
		const grids = [...bilag.body.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
			[...m[1].matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1]))
		);
		expect(grids.length).toBeGreaterThan(content.recommendations.length);
		for (const grid of grids) expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
		// The KPI tables (five columns): the name column is the widest.
		const kpiGrids = grids.filter((g) => g.length === 5);
		expect(kpiGrids.length).toBeGreaterThan(0);
		for (const grid of kpiGrids) expect(grid[0]).toBe(Math.max(...grid));
		expect(bilag.body).toContain('<w:tblLayout w:type="fixed"/>');
	});

	test('every chart: one image each, its value axis holding every plotted value', () => {
		const charts = content.recommendations.flatMap((r) => r.charts);
		expect(bilag.images.length).toBe(charts.length);
		for (const chart of charts) {
			const { data, valueAxis } = kpiChartSvg(chart);
			const range = plottedRange(data, 'value')!;
			expect(valueAxis.min).toBeLessThanOrEqual(range.min);
			expect(valueAxis.max).toBeGreaterThanOrEqual(range.max);
		}
	});

	test('the text of every recommendation comes from the report page’s functions: status, reasons, forecasts, money', () => {
		// The bilag's sections: from each page-break-before heading to the next.
		const starts = bilag.paragraphs.flatMap((p, i) => (p.includes('<w:pageBreakBefore/>') ? [i] : []));
		const sections = starts.map((from, k) =>
			bilag.paragraphs
				.slice(from, starts[k + 1])
				.map(bilag.textOf)
				.join('\n')
		);
		expect(sections.length).toBe(content.recommendations.length);
		for (const [k, rec] of content.recommendations.entries()) {
			const section = sections[k];
			expect(section.startsWith(`Anbefaling ${rec.number}: ${rec.title}\n`)).toBe(true);
			expect(section).toContain(`Status: ${recommendationStatusText(rec.status)}`);
			for (const sentence of kpiSentences(rec)) expect(section).toContain(sentence);
			for (const kpi of rec.kpis) {
				expect(section).toContain(reportKpiStatusText(kpi));
				if (kpi.reason) expect(section).toContain(kpi.reason);
				if (kpi.missingRun) expect(section).toContain(missingRunText(kpi.missingRun));
			}
			// The budget row's four amounts on one scale (issue 17).
			const b = rec.budget;
			for (const kr of formatKrAlike([b.yearAllocatedKr, b.yearSpentKr, b.totalAllocatedKr, b.totalSpentKr]))
				expect(section).toContain(kr);
			// The agenda item's overview says the same.
			expect(agenda.text).toContain(recommendationStatusText(rec.status));
		}
		const total = content.summary.budget;
		for (const kr of formatKrAlike([
			total.yearAllocatedKr,
			total.yearSpentKr,
			total.totalAllocatedKr,
			total.totalSpentKr
		]))
			expect(agenda.text).toContain(kr);
	});

	test('the municipality’s logo heads both documents: a PNG as it is, an SVG rasterised; a broken one leaves only the name', async () => {
		// A 2 × 1 px PNG and a small SVG, as the upload check would have stored them.
		const png = Uint8Array.from(
			Buffer.from(
				'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEAEQQB/7p1xMsAAAAASUVORK5CYII=',
				'base64'
			)
		);
		const svg = new TextEncoder().encode(
			'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><rect width="60" height="20" fill="#0b4f8a"/></svg>'
		);
		for (const logo of [
			{ mime: 'image/png' as const, bytes: png },
			{ mime: 'image/svg+xml' as const, bytes: svg }
		]) {
			for (const format of ['docx', 'bilag'] as const) {
				const bytes = await body(await reportDownload(content, format, { ...meta, logo }));
				if (process.env.DOCX_OUT)
					writeFileSync(`${process.env.DOCX_OUT}/logo-${format}-${logo.mime.slice(6, 9)}.docx`, bytes);
				const doc = await openDocx(bytes);
				expect([logo.mime, format, doc.headers.some((h) => h.includes('<w:drawing>'))]).toEqual([
					logo.mime,
					format,
					true
				]);
				expect(doc.headers.join('')).toContain(content.organisation.name);
			}
		}
		const broken = await openDocx(
			await body(
				await reportDownload(content, 'docx', {
					...meta,
					logo: { mime: 'image/png', bytes: new Uint8Array([1, 2, 3]) }
				})
			)
		);
		expect(broken.headers.some((h) => h.includes('<w:drawing>'))).toBe(false);
		expect(broken.headers.join('')).toContain(content.organisation.name);
	});
});
