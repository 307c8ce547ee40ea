import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import {
	composeAnnualReport,
	findAnnualReportHead,
	listAnnualReports,
	reportPageContent
} from '../../src/lib/server/annual-report';
import { cachedReportViews, REPORT_VIEW_CACHE_SIZE } from '../../src/lib/server/annual-report/page-content';
import { jsonb } from '../../src/lib/server/infra/sql';
import { createTestDatabase, organisationIdOf, type TestDatabase } from '../helpers/test-db';

/**
 * Issue 20: the report page reads an approved report's content from a cache in memory, keyed by the report
 * and its approval; a draft is composed on every view. (The page itself: tests/e2e/annual-report-cache.test.ts.)
 */
describe('the report page content', () => {
	let database: TestDatabase;
	let organisationId: number;
	let reportId: number;

	const head = async () => (await findAnnualReportHead(database.db, organisationId, reportId))!;
	const title = async () =>
		(await reportPageContent(database.db, organisationId, await head())).recommendations[0].title;
	const renameFirst = (to: string) =>
		database.db.updateTable('recommendation').set({ title: to }).where('organisationId', '=', organisationId).execute();

	/** Freezes the report as approval does: the content as of now, at `at`. */
	async function freeze(at: Date): Promise<void> {
		const report = await head();
		const content = await composeAnnualReport(database.db, { organisationId, ...report });
		await database.db
			.updateTable('annualReport')
			.set({ state: 'approved', approvedAt: at, snapshot: jsonb(content) })
			.where('id', '=', reportId)
			.execute();
	}

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'x' });
		organisationId = await organisationIdOf(database, 'norddjurs');
		reportId = (await listAnnualReports(database.db, organisationId, { publishedOnly: false })).find(
			(r) => r.year === 2025
		)!.id;
	});
	afterAll(() => database.destroy());

	test('a draft shows each edit; an approved report its snapshot, cached, until it is frozen anew', async () => {
		await renameFirst('Første titel');
		expect(await title()).toBe('Første titel');
		await renameFirst('Anden titel');
		expect(await title()).toBe('Anden titel');

		await freeze(new Date('2026-01-10T10:00:00Z'));
		const views = cachedReportViews();
		expect(await title()).toBe('Anden titel');
		expect(cachedReportViews()).toBe(views + 1);
		// Neither a live edit nor a changed stored snapshot reaches the page: it is read once.
		await renameFirst('Tredje titel');
		await database.db
			.updateTable('annualReport')
			.set({ snapshot: jsonb({ broken: true }) })
			.where('id', '=', reportId)
			.execute();
		expect(await title()).toBe('Anden titel');

		// Frozen anew (a new approval time): the new snapshot is shown.
		await freeze(new Date('2026-01-11T10:00:00Z'));
		expect(await title()).toBe('Tredje titel');
		expect(cachedReportViews()).toBeLessThanOrEqual(REPORT_VIEW_CACHE_SIZE);
	});

	test('the view leaves out the Markdown sources and the break flags that are not set', async () => {
		const content = await reportPageContent(database.db, organisationId, await head());
		const texts = content.recommendations.flatMap((r) => [r.nextStep, ...(r.narrative ? [r.narrative] : [])]);
		expect(texts.filter((text) => 'body' in text)).toEqual([]);
		expect(JSON.stringify(content)).not.toContain('"seriesBreak":false');
		expect(content.recommendations.some((r) => r.charts.some((c) => c.observations.length > 0))).toBe(true);
	});
});
