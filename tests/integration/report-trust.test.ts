import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	findAnnualReport,
	listAnnualReports,
	takeReportStep,
	type StepConfirmations
} from '../../src/lib/server/annual-report';
import { writeInTransaction } from '../../src/lib/server/infra/write-result';
import { t } from '../../src/lib/server/messages';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Trust before publishing (issue 16): approving needs the tick that the content freezes, and approving
 * or publishing a report with KPIs marked as example data needs the tick that says so. A refusal
 * changes nothing: not the state, not the version, not the audit trail.
 */
describe('approving and publishing ask for confirmation, and the server enforces it', () => {
	let database: TestDatabase;
	let organisationId: number;
	let director: SessionUser;
	let admin: SessionUser;
	let reportId: number;

	const step = async (user: SessionUser, name: 'submit' | 'approve' | 'publish', confirmed?: StepConfirmations) => {
		const report = (await findAnnualReport(database.db, organisationId, reportId))!;
		return writeInTransaction(database.db, (trx) =>
			takeReportStep(trx, user, {
				id: reportId,
				step: name,
				expectedVersion: report.version,
				makePublic: true,
				confirmed,
				clientAddress: null
			})
		);
	};
	/** What a refusal must leave alone. */
	const footprint = async () => {
		const report = (await findAnnualReport(database.db, organisationId, reportId))!;
		const events = await database.db
			.selectFrom('auditEvent')
			.select('id')
			.where('entityType', '=', 'annual_report')
			.where('entityId', '=', String(reportId))
			.execute();
		return { state: report.state, version: report.version, snapshot: report.snapshot !== null, events: events.length };
	};

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
		const people = await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.where('organisationId', '=', organisationId)
			.execute();
		director = people.find((p) => p.role === 'director')!;
		admin = people.find((p) => p.role === 'admin')!;
		reportId = (await listAnnualReports(database.db, organisationId, { publishedOnly: false })).find(
			(r) => r.year === 2025
		)!.id;
		expect(await step(director, 'submit')).toMatchObject({ kind: 'ok' });
	});
	afterAll(() => database.destroy());

	test('approval without the freeze tick is refused on that field in Danish, and nothing changes', async () => {
		const before = await footprint();
		expect(before).toMatchObject({ state: 'submitted', snapshot: false });
		for (const confirmed of [undefined, {}, { exampleData: true }, { freeze: false, exampleData: true }])
			expect(await step(director, 'approve', confirmed)).toEqual({
				kind: 'invalid',
				field: 'confirmFreeze',
				message: t('annual.freeze_unconfirmed')
			});
		expect(await footprint()).toEqual(before);
	});

	test('the demo KPIs are example data: approval needs that tick too, then freezes and records it', async () => {
		const before = await footprint();
		const refused = await step(director, 'approve', { freeze: true });
		expect(refused).toMatchObject({ kind: 'invalid', field: 'confirmExampleData' });
		expect(refused.kind === 'invalid' && refused.message).toMatch(/^Rapporten indeholder eksempeldata \(\d+ nøgletal/);
		expect(await footprint()).toEqual(before);

		expect(await step(director, 'approve', { freeze: true, exampleData: true })).toMatchObject({ kind: 'ok' });
		expect(await footprint()).toMatchObject({ state: 'approved', snapshot: true, events: before.events + 1 });
		const approval = await database.db
			.selectFrom('auditEvent')
			.select('after')
			.where('entityId', '=', String(reportId))
			.where('action', '=', 'annual_report.approve')
			.executeTakeFirstOrThrow();
		expect(approval.after).toMatchObject({
			state: 'approved',
			exampleDataConfirmed: expect.arrayContaining(['Andel nye ledere rekrutteret internt'])
		});
	});

	test('publishing a report with example data needs the tick as well', async () => {
		const before = await footprint();
		expect(await step(admin, 'publish')).toMatchObject({ kind: 'invalid', field: 'confirmExampleData' });
		expect(await footprint()).toEqual(before);
		expect(await step(admin, 'publish', { exampleData: true })).toMatchObject({ kind: 'ok' });
		expect(await footprint()).toMatchObject({ state: 'published', events: before.events + 1 });
	});

	test('a report without example data is approved and published with only the freeze tick', async () => {
		await database.db
			.updateTable('kpi')
			.set({ illustrative: false })
			.where('organisationId', '=', organisationId)
			.execute();
		const { id } = await database.db
			.insertInto('annualReport')
			.values({ organisationId, year: 2023, asOf: '2023-12-31' })
			.returning('id')
			.executeTakeFirstOrThrow();
		reportId = id;
		expect(await step(director, 'submit')).toMatchObject({ kind: 'ok' });
		expect(await step(director, 'approve')).toMatchObject({ kind: 'invalid', field: 'confirmFreeze' });
		expect(await step(director, 'approve', { freeze: true })).toMatchObject({ kind: 'ok' });
		expect(await step(admin, 'publish')).toMatchObject({ kind: 'ok' });
		expect(await footprint()).toMatchObject({ state: 'published' });
	});
});
