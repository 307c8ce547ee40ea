import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { Role } from '../../db/types';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { composeAnnualReport } from '../../src/lib/server/annual-report/compose';
import { reportDocx } from '../../src/lib/server/annual-report/docx';
import { reportBilagDocx } from '../../src/lib/server/annual-report/docx-bilag';
import { reportFiguresTable } from '../../src/lib/server/annual-report/figures';
import { toDanishCsv } from '../../src/lib/server/exports';
import {
	createAnnualReport as createInTransaction,
	findAnnualReport,
	findPublicReport,
	listAnnualReports,
	reportContent,
	setReportAsOf as setAsOfInTransaction,
	setReportPublic as setPublicInTransaction,
	startReportCorrection as correctInTransaction,
	takeReportStep as stepInTransaction,
	type ReportStep
} from '../../src/lib/server/annual-report';
import type { Db } from '../../src/lib/server/infra/db';
import { writeInTransaction, type WriteResult } from '../../src/lib/server/infra/write-result';
import { t } from '../../src/lib/server/messages';
import {
	listStatusUpdatesForPeriod,
	writeStatusUpdate,
	type StatusUpdateInput
} from '../../src/lib/server/register/status-updates';
import { saveObservation } from '../../src/lib/server/kpis/observations';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const KPI = 'Andel nye ledere rekrutteret internt';

/** A report write as an action runs it: in its own transaction, which a refusal rolls back. */
function asAction<Input>(write: (trx: Db, user: SessionUser, input: Input) => Promise<WriteResult<{ id: number }>>) {
	return (db: Db, user: SessionUser, input: Input) => writeInTransaction(db, (trx) => write(trx, user, input));
}
const createAnnualReport = asAction(createInTransaction);
const takeReportStep = asAction(stepInTransaction);
const setReportPublic = asAction(setPublicInTransaction);
const setReportAsOf = asAction(setAsOfInTransaction);
const startReportCorrection = asAction(correctInTransaction);

describe('annual status: composed from live data, frozen on approval, corrected as a new version', () => {
	let database: TestDatabase;
	/** A narrative write as an action makes it: in its own transaction, committed only when it is ok. */
	const saveNarrative = (user: Parameters<typeof writeStatusUpdate>[1], input: StatusUpdateInput) =>
		writeInTransaction(database.db, (trx) => writeStatusUpdate(trx, user, input));
	let organisationId: number;
	const users = {} as Record<'admin' | 'director' | 'lead' | 'politician', SessionUser>;
	let reportId: number;
	let rec1: number;
	let rec2: number;
	let kpiId: number;

	const latestOf = (content: Awaited<ReturnType<typeof composeAnnualReport>>) =>
		content.recommendations.find((r) => r.number === 1)!.kpis.find((k) => k.name === KPI)!.latest;
	const narrativeOf = (content: Awaited<ReturnType<typeof composeAnnualReport>>) =>
		content.recommendations.find((r) => r.number === 1)!.narrative?.body;
	const step = async (user: SessionUser, id: number, name: ReportStep, makePublic = false) => {
		const report = await findAnnualReport(database.db, organisationId, id);
		return takeReportStep(database.db, user, {
			id,
			step: name,
			expectedVersion: report!.version,
			makePublic,
			confirmed: { freeze: true, exampleData: true },
			clientAddress: null
		});
	};

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		const org = await database.db
			.selectFrom('organisation')
			.select('id')
			.where('slug', '=', 'norddjurs')
			.executeTakeFirstOrThrow();
		organisationId = org.id;
		const people = await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.where('organisationId', '=', organisationId)
			.execute();
		const byRole = (role: Role) => people.find((p) => p.role === role)!;
		Object.assign(users, {
			admin: byRole('admin'),
			director: byRole('director'),
			lead: byRole('project_lead'),
			politician: byRole('politician')
		});
		const recs = await database.db
			.selectFrom('recommendation')
			.select(['id', 'number'])
			.where('organisationId', '=', organisationId)
			.execute();
		rec1 = recs.find((r) => r.number === 1)!.id;
		rec2 = recs.find((r) => r.number === 2)!.id;
		kpiId = (
			await database.db
				.selectFrom('kpi')
				.select('id')
				.where('organisationId', '=', organisationId)
				.where('name', '=', KPI)
				.executeTakeFirstOrThrow()
		).id;
		reportId = (await listAnnualReports(database.db, organisationId, { publishedOnly: false })).find(
			(r) => r.year === 2025
		)!.id;
	});
	afterAll(() => database.destroy());

	test('the content for 2025 is taken as of 31 December 2025: summary, KPI table, charts, budget, narrative', async () => {
		const content = await composeAnnualReport(database.db, {
			organisationId,
			year: 2025,
			asOf: '2025-12-31',
			programmeId: null
		});
		expect(content.recommendations.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(content.summary.statusCounts.reduce((n, g) => n + g.count, 0)).toBe(8);
		expect(latestOf(content)).toEqual({ period: '2025', value: 41 });
		const rec = content.recommendations.find((r) => r.number === 1)!;
		expect(rec.charts.map((c) => c.name)).toEqual([KPI]);
		// Nothing after the as-of date: no 2026 value in the chart, no 2026 budget in the totals.
		expect(rec.charts[0].observations.every((o) => o.period <= '2025')).toBe(true);
		expect(rec.budget.totalAllocatedKr).toBe(rec.charts[0].budgetLines.reduce((n, l) => n + l.amountKr, 0));
		expect(narrativeOf(content)).toMatch(/^I 2025 blev 41 pct\./);
		expect(JSON.parse(JSON.stringify(content))).toEqual(content);
		// The same year as of an earlier date: the 2025 value had not begun yet.
		const earlier = await composeAnnualReport(database.db, {
			organisationId,
			year: 2025,
			asOf: '2024-12-31',
			programmeId: null
		});
		expect(latestOf(earlier)).toEqual({ period: '2024', value: 35 });
	});

	test('narratives: assigned project lead, director and admin write; politician and unassigned lead do not; stale versions conflict', async () => {
		const [stored] = await listStatusUpdatesForPeriod(database.db, organisationId, '2025', [rec1]);
		expect(
			await saveNarrative(users.politician, {
				recommendationId: rec1,
				period: '2025',
				body: 'x',
				expectedVersion: stored.version,
				clientAddress: null
			})
		).toEqual({ kind: 'forbidden' });
		expect(
			await saveNarrative(users.lead, {
				recommendationId: rec2,
				period: '2025',
				body: 'x',
				expectedVersion: null,
				clientAddress: null
			})
		).toEqual({ kind: 'forbidden' });
		expect(
			await saveNarrative(users.lead, {
				recommendationId: rec1,
				period: '2025',
				body: 'Ny tekst',
				expectedVersion: stored.version + 1,
				clientAddress: null
			})
		).toMatchObject({ kind: 'stale', current: { version: stored.version } });
		expect(
			await saveNarrative(users.lead, {
				recommendationId: rec1,
				period: '2025',
				body: stored.body,
				expectedVersion: stored.version,
				clientAddress: null
			})
		).toEqual({ kind: 'ok', change: 'unchanged', version: stored.version });
		// Recommendation 2 (no one assigned) has no narrative for 2026 yet: the director writes the first.
		const created = await saveNarrative(users.director, {
			recommendationId: rec2,
			period: '2026',
			body: 'Analysen er færdig.',
			expectedVersion: null,
			clientAddress: null
		});
		expect(created).toEqual({ kind: 'ok', change: 'created', version: 1 });
		expect(
			await saveNarrative(users.admin, {
				recommendationId: rec2,
				period: '2026',
				body: 'Anden tekst',
				expectedVersion: null,
				clientAddress: null
			})
		).toMatchObject({ kind: 'stale', current: { body: 'Analysen er færdig.', version: 1 } });
		const audit = await database.db
			.selectFrom('auditEvent')
			.select(['action', 'entityId'])
			.where('entityType', '=', 'status_update')
			.execute();
		expect(audit).toEqual([{ action: 'status_update.created', entityId: `${rec2}/2026` }]);
	});

	test('workflow: only the right roles take each step, in order; approval freezes the content', async () => {
		expect(await step(users.director, reportId, 'approve')).toMatchObject({ kind: 'stale' }); // not submitted yet
		expect(await step(users.lead, reportId, 'submit')).toEqual({ kind: 'forbidden' });
		expect(await step(users.director, reportId, 'submit')).toMatchObject({ kind: 'ok', id: reportId });
		expect(await step(users.admin, reportId, 'approve')).toEqual({ kind: 'forbidden' });
		expect(
			await takeReportStep(database.db, users.director, {
				id: reportId,
				step: 'approve',
				expectedVersion: 1,
				clientAddress: null
			})
		).toMatchObject({ kind: 'stale' });
		expect(await step(users.director, reportId, 'approve')).toMatchObject({ kind: 'ok', id: reportId });
		const approved = await findAnnualReport(database.db, organisationId, reportId);
		expect(approved).toMatchObject({ state: 'approved', approvedByName: users.director.name });
		expect(latestOf(approved!.snapshot!)).toEqual({ period: '2025', value: 41 });

		// Later changes to values and narratives leave the approved report exactly as approved.
		const observation = await database.db
			.selectFrom('observation')
			.select('version')
			.where('kpiId', '=', kpiId)
			.where('period', '=', '2025')
			.executeTakeFirstOrThrow();
		expect(
			await saveObservation(database.db, {
				organisationId,
				kpiId,
				period: '2025',
				value: 44,
				comment: '',
				source: '',
				seriesBreak: false,
				expectedVersion: observation.version,
				userId: users.lead.id,
				clientAddress: null
			})
		).toMatchObject({ kind: 'ok', change: 'updated' });
		const [stored] = await listStatusUpdatesForPeriod(database.db, organisationId, '2025', [rec1]);
		expect(
			await saveNarrative(users.lead, {
				recommendationId: rec1,
				period: '2025',
				body: 'Rettet: 44 pct. internt rekrutteret.',
				expectedVersion: stored.version,
				clientAddress: null
			})
		).toMatchObject({ kind: 'ok', change: 'updated' });
		const frozen = await reportContent(
			database.db,
			organisationId,
			(await findAnnualReport(database.db, organisationId, reportId))!
		);
		expect(latestOf(frozen)).toEqual({ period: '2025', value: 41 });
		expect(narrativeOf(frozen)).toMatch(/^I 2025 blev 41 pct\./);

		const actions = await database.db
			.selectFrom('auditEvent')
			.select('action')
			.where('entityType', '=', 'annual_report')
			.where('entityId', '=', String(reportId))
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual(['annual_report.submit', 'annual_report.approve']);
	});

	test('publication by an admin; the public link shows only what is published publicly', async () => {
		expect(await findPublicReport(database.db, 'norddjurs', 2025)).toBeUndefined();
		expect(await step(users.director, reportId, 'publish')).toEqual({ kind: 'forbidden' });
		expect(await step(users.admin, reportId, 'publish')).toMatchObject({ kind: 'ok', id: reportId });
		expect(await findPublicReport(database.db, 'norddjurs', 2025)).toBeUndefined();
		const report = await findAnnualReport(database.db, organisationId, reportId);
		expect(
			await setReportPublic(database.db, users.admin, {
				id: reportId,
				public: true,
				expectedVersion: report!.version,
				clientAddress: null
			})
		).toMatchObject({ kind: 'ok', id: reportId });
		expect((await findPublicReport(database.db, 'norddjurs', 2025))?.id).toBe(reportId);
		expect(await findPublicReport(database.db, 'allerod', 2025)).toBeUndefined();
		// The demo's 2024 report stays on its own link, and the politician's list has both years.
		expect((await findPublicReport(database.db, 'norddjurs', 2024))?.snapshot.year).toBe(2024);
		expect(
			(await listAnnualReports(database.db, organisationId, { publishedOnly: true })).map((r) => [r.id, r.year])
		).toEqual([
			[reportId, 2025],
			[expect.any(Number), 2024]
		]);
	});

	test('a correction is version 2 with a change note, live until approved; version 1 stays readable and is marked replaced', async () => {
		expect(
			await startReportCorrection(database.db, users.lead, { id: reportId, changeNote: 'x', clientAddress: null })
		).toEqual({ kind: 'forbidden' });
		const started = await startReportCorrection(database.db, users.director, {
			id: reportId,
			changeNote: 'Rettet andel internt rekrutterede for 2025',
			clientAddress: null
		});
		expect(started.kind).toBe('ok');
		const v2 = started.kind === 'ok' ? started.id : 0;
		// Only the newest version can be corrected.
		expect(
			await startReportCorrection(database.db, users.director, {
				id: reportId,
				changeNote: 'igen',
				clientAddress: null
			})
		).toMatchObject({ kind: 'stale' });
		const draft = (await findAnnualReport(database.db, organisationId, v2))!;
		expect(draft).toMatchObject({
			edition: 2,
			state: 'draft',
			changeNote: 'Rettet andel internt rekrutterede for 2025',
			snapshot: null
		});
		expect(latestOf(await reportContent(database.db, organisationId, draft))).toEqual({ period: '2025', value: 44 });
		expect(await step(users.director, v2, 'submit')).toMatchObject({ kind: 'ok' });
		expect(await step(users.director, v2, 'approve')).toMatchObject({ kind: 'ok' });

		const v1 = (await findAnnualReport(database.db, organisationId, reportId))!;
		expect(v1).toMatchObject({ replacedById: v2, replacedByEdition: 2, state: 'published' });
		expect(latestOf(v1.snapshot!)).toEqual({ period: '2025', value: 41 });
		const v2Content = (await findAnnualReport(database.db, organisationId, v2))!.snapshot!;
		expect(latestOf(v2Content)).toEqual({ period: '2025', value: 44 });
		expect(narrativeOf(v2Content)).toBe('Rettet: 44 pct. internt rekrutteret.');
		// Until version 2 is published publicly, the public link keeps showing version 1.
		expect((await findPublicReport(database.db, 'norddjurs', 2025))?.id).toBe(reportId);
		expect(await step(users.admin, v2, 'publish', true)).toMatchObject({ kind: 'ok' });
		expect((await findPublicReport(database.db, 'norddjurs', 2025))?.id).toBe(v2);
	});

	test('a second report for the same year is refused; another year starts as a draft', async () => {
		expect(
			await createAnnualReport(database.db, users.director, {
				year: 2025,
				asOf: '2025-12-31',
				programmeId: null,
				clientAddress: null
			})
		).toEqual({ kind: 'invalid', field: 'year', message: t('annual.exists') });
		expect(
			await createAnnualReport(database.db, users.lead, {
				year: 2023,
				asOf: '2023-12-31',
				programmeId: null,
				clientAddress: null
			})
		).toEqual({ kind: 'forbidden' });
		expect(
			await createAnnualReport(database.db, users.director, {
				year: 2023,
				asOf: '2023-12-31',
				programmeId: 999999,
				clientAddress: null
			})
		).toEqual({ kind: 'invalid', field: 'programmeId', message: t('annual.programme_not_found') });
		const created = await createAnnualReport(database.db, users.director, {
			year: 2023,
			asOf: '2023-12-31',
			programmeId: null,
			clientAddress: null
		});
		expect(created.kind).toBe('ok');
		const id = created.kind === 'ok' ? created.id : 0;
		// The director moves the draft's date to before the 2023 value existed: the figures follow.
		expect(
			latestOf(
				await reportContent(database.db, organisationId, (await findAnnualReport(database.db, organisationId, id))!)
			)
		).toEqual({ period: '2023', value: 30 });
		expect(
			await setReportAsOf(database.db, users.lead, { id, asOf: '2022-12-31', expectedVersion: 1, clientAddress: null })
		).toEqual({ kind: 'forbidden' });
		expect(
			await setReportAsOf(database.db, users.director, {
				id,
				asOf: '2022-12-31',
				expectedVersion: 1,
				clientAddress: null
			})
		).toMatchObject({ kind: 'ok', id });
		expect(
			await setReportAsOf(database.db, users.director, {
				id,
				asOf: '2023-06-30',
				expectedVersion: 1,
				clientAddress: null
			})
		).toMatchObject({ kind: 'stale' });
		const moved = (await findAnnualReport(database.db, organisationId, id))!;
		expect(moved.asOf).toBe('2022-12-31');
		expect(latestOf(await reportContent(database.db, organisationId, moved))).toBeNull();
		// An approved report's date is settled.
		expect(
			await setReportAsOf(database.db, users.director, {
				id: reportId,
				asOf: '2025-06-30',
				expectedVersion: (await findAnnualReport(database.db, organisationId, reportId))!.version,
				clientAddress: null
			})
		).toMatchObject({ kind: 'stale' });
	});

	test('DOCX: a committee agenda item and its bilag with the KPI table and chart images; CSV holds every figure', async () => {
		const report = (await findAnnualReport(database.db, organisationId, reportId))!;
		const meta = { edition: report.edition, approvedAt: report.approvedAt, changeNote: report.changeNote };
		const textOf = async (bytes: Uint8Array) => {
			const zip = await JSZip.loadAsync(bytes);
			const xml = await zip.file('word/document.xml')!.async('string');
			return { zip, text: xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '') };
		};
		const agenda = await textOf(await reportDocx(report.snapshot!, meta));
		for (const heading of [
			'Sagsbeskrivelse',
			'Administrationens forslag',
			'Økonomi og finansiering',
			'Bilag',
			'Beslutning',
			'Anbefaling 1: '
		]) {
			expect(agenda.text).toContain(heading);
		}
		expect(agenda.text).toContain('at orienteringen tages til efterretning');
		const { zip, text } = await textOf(await reportBilagDocx(report.snapshot!, meta));
		// Anbefaling 1's KPI row: baseline 28 % (2022), latest 41 % (2025) as approved in version 1, target 40 % (2025).
		expect(text).toMatch(
			/Andel nye ledere rekrutteret internt\s*28\s%\s\(2022\)\s*41\s%\s\(2025\)\s*40\s%\s\(2025\)\s*Nået/
		);
		const images = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
		expect(images.length).toBeGreaterThan(0);
		const png = await zip.file(images[0])!.async('uint8array');
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

		const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(toDanishCsv(reportFiguresTable(report.snapshot!)));
		expect(csv.split('\r\n')[0]).toBe('\ufeffAnbefaling nr.;Anbefaling;Tal;Nøgletal;Periode;Værdi;Enhed;Status');
		expect(csv).toContain(`1;Ny i ledelse i Norddjurs Kommune;Seneste måling;${KPI};2025;41;%;Nået`);
	});
});
