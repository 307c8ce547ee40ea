import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { listMissingEntries, listOpenFollowUps, loadOverview } from '../../src/lib/server/kpis';
import { describeWhy, loadRecommendationDetail } from '../../src/lib/server/register';
import { missingRunText } from '../../src/lib/domain/status-text';

/**
 * Issue 15, items 2 and 3: the overview's backlog (every missing period and who enters it, earlier years' overdue
 * follow-up items, finished recommendations' KPIs left out) and the why-panel's "what is missing", on a fixture.
 */
describe('the backlog on the overview and the why-panel', () => {
	const asOf = '2026-11-22';
	let database: TestDatabase;
	const ids = { active: 0, orphan: 0, completed: 0, monthly: 0, yearly: 0, quarterly: 0, finished: 0 };
	let organisationId: number;

	beforeAll(async () => {
		database = await createTestDatabase();
		const { db } = database;
		({ id: organisationId } = await db
			.insertInto('organisation')
			.values({ slug: 'baglog', name: 'Baglog Kommune' })
			.returning('id')
			.executeTakeFirstOrThrow());
		const [lead, owner] = await db
			.insertInto('appUser')
			.values([
				{ organisationId, email: 'lise@baglog.test', name: 'Lise Leder', role: 'project_lead' },
				{ organisationId, email: 'otto@baglog.test', name: 'Otto Ejer', role: 'project_lead' }
			])
			.returning('id')
			.execute();
		const { id: programmeId } = await db
			.insertInto('programme')
			.values({ organisationId, name: 'Program' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const recommendation = async (number: number, lifecycle: 'in_progress' | 'completed') =>
			(
				await db
					.insertInto('recommendation')
					.values({
						organisationId,
						programmeId,
						number,
						title: `Anbefaling ${number}`,
						lifecycle,
						decisionDate: '2024-01-15'
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		ids.active = await recommendation(1, 'in_progress');
		ids.orphan = await recommendation(2, 'in_progress');
		ids.completed = await recommendation(3, 'completed');
		await db
			.insertInto('recommendationAssignment')
			.values([
				{ organisationId, recommendationId: ids.active, userId: lead.id },
				{ organisationId, recommendationId: ids.completed, userId: lead.id }
			])
			.execute();
		const kpi = async (name: string, frequency: 'month' | 'quarter' | 'year', baseline: string, target: string) =>
			(
				await db
					.insertInto('kpi')
					.values({
						organisationId,
						name,
						unit: 'percent',
						direction: 'lower',
						frequency,
						baselineValue: 8,
						baselinePeriod: baseline,
						targetValue: 6,
						targetPeriod: target
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		// Values up to July 2026: as of 22 November, August and September are missing (October is not due yet).
		ids.monthly = await kpi('Månedstal', 'month', '2025-12', '2027-12');
		// A value for 2023 only: 2024 and 2025 are missing; no owner, so the recommendation's project lead enters it.
		ids.yearly = await kpi('Årstal', 'year', '2022', '2027');
		// No value at all on a recommendation nobody is assigned to: nobody is responsible.
		ids.quarterly = await kpi('Kvartalstal', 'quarter', '2025-Q4', '2027-Q4');
		// Missing too, but its only recommendation is completed: nothing is overdue.
		ids.finished = await kpi('Afsluttet tal', 'month', '2025-12', '2027-12');
		await db
			.insertInto('recommendationKpi')
			.values([
				{ organisationId, recommendationId: ids.active, kpiId: ids.monthly, isPrimary: true },
				{ organisationId, recommendationId: ids.active, kpiId: ids.yearly, isPrimary: false },
				{ organisationId, recommendationId: ids.orphan, kpiId: ids.quarterly, isPrimary: true },
				{ organisationId, recommendationId: ids.completed, kpiId: ids.finished, isPrimary: true }
			])
			.execute();
		await db
			.insertInto('kpiOwner')
			.values([
				{ organisationId, kpiId: ids.monthly, userId: owner.id },
				{ organisationId, kpiId: ids.finished, userId: owner.id }
			])
			.execute();
		await db
			.insertInto('observation')
			.values([
				...['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'].map((period) => ({
					organisationId,
					kpiId: ids.monthly,
					period,
					value: '7.5'
				})),
				{ organisationId, kpiId: ids.yearly, period: '2023', value: '7.9' },
				{ organisationId, kpiId: ids.finished, period: '2026-01', value: '7.9' }
			])
			.execute();
		const item = (recommendationId: number, title: string, duePeriod: string, state: string) => ({
			organisationId,
			recommendationId,
			title,
			duePeriod,
			state: state as 'done'
		});
		await db
			.insertInto('followUpItem')
			.values([
				item(ids.active, 'Evaluering 2025', '2025', 'in_progress'),
				item(ids.active, 'Midtvejsstatus', '2024-H2', 'not_started'),
				item(ids.active, 'Afsluttet evaluering', '2025', 'done'),
				item(ids.active, 'Rapport i år', '2026', 'not_started'),
				item(ids.active, 'Færdig i år', '2026-Q1', 'done'),
				item(ids.active, 'Plan for næste år', '2027', 'not_started'),
				item(ids.orphan, 'Udskudt analyse', '2025-H1', 'postponed')
			])
			.execute();
	});
	afterAll(() => database?.destroy());

	test('"Mangler indtastning" names every missing period of the run and who enters it; a completed recommendation\'s KPI is not listed', async () => {
		const rows = await loadOverview(database.db, organisationId, asOf);
		const missing = listMissingEntries(rows);
		expect(missing).toEqual([
			{
				kpiId: ids.monthly,
				name: 'Månedstal',
				missingRun: { from: '2026-08', to: '2026-09', count: 2 },
				who: { kind: 'owners', names: ['Otto Ejer'] }
			},
			{
				kpiId: ids.yearly,
				name: 'Årstal',
				missingRun: { from: '2024', to: '2025', count: 2 },
				who: { kind: 'project_leads', names: ['Lise Leder'] }
			},
			{
				kpiId: ids.quarterly,
				name: 'Kvartalstal',
				missingRun: { from: '2026-Q1', to: '2026-Q3', count: 3 },
				who: { kind: 'none', names: [] }
			}
		]);
		expect(missingRunText(missing[0].missingRun)).toBe('mangler august og september 2026');
		// The completed recommendation's KPI lacks the same months, but no one is asked for values any more.
		const finished = rows.find((row) => row.id === ids.completed)!.kpis[0];
		expect(finished.progress.overdue).toBe(false);
		expect(missing.map((m) => m.kpiId)).not.toContain(ids.finished);
		// Reopened, the same KPI is overdue again: the test can see the difference.
		await database.db
			.updateTable('recommendation')
			.set({ lifecycle: 'in_progress' })
			.where('id', '=', ids.completed)
			.execute();
		const reopened = listMissingEntries(await loadOverview(database.db, organisationId, asOf));
		await database.db
			.updateTable('recommendation')
			.set({ lifecycle: 'completed' })
			.where('id', '=', ids.completed)
			.execute();
		expect(reopened.find((m) => m.kpiId === ids.finished)).toMatchObject({
			missingRun: { from: '2026-02', to: '2026-09', count: 8 },
			who: { kind: 'owners', names: ['Otto Ejer'] }
		});
	});

	test('"Opfølgning i år" lists earlier years\' overdue items first, marked, then this year\'s open ones', async () => {
		const rows = await loadOverview(database.db, organisationId, asOf);
		const open = listOpenFollowUps(rows, asOf).map(({ item, duePeriod, overdue }) => [item, duePeriod, overdue]);
		expect(open).toEqual([
			['Midtvejsstatus', '2024-H2', true],
			['Udskudt analyse', '2025-H1', true],
			['Evaluering 2025', '2025', true],
			['Rapport i år', '2026', false]
		]);
		// With everything done there is really nothing outstanding.
		await database.db
			.updateTable('followUpItem')
			.set({ state: 'done' })
			.where('organisationId', '=', organisationId)
			.execute();
		expect(listOpenFollowUps(await loadOverview(database.db, organisationId, asOf), asOf)).toEqual([]);
		await database.db
			.updateTable('followUpItem')
			.set({ state: 'in_progress' })
			.where('title', 'in', ['Evaluering 2025', 'Midtvejsstatus'])
			.where('organisationId', '=', organisationId)
			.execute();
	});

	test("the why-panel names each KPI's missing periods and the overdue follow-up items of any year", async () => {
		const detail = (await loadRecommendationDetail(database.db, organisationId, ids.active, asOf))!;
		const why = describeWhy(detail, asOf);
		expect(why.missing).toEqual([
			{ kpiId: ids.monthly, name: 'Månedstal', text: 'mangler august og september 2026' },
			{ kpiId: ids.yearly, name: 'Årstal', text: 'mangler 2024 og 2025' }
		]);
		expect(why.overdueItems.map((i) => [i.title, i.duePeriod])).toEqual([
			['Evaluering 2025', '2025'],
			['Midtvejsstatus', '2024-H2']
		]);
		// Only the primary KPI decides the status, so only its reason is given.
		expect(why.reasons.map((r) => r.kpiId)).toEqual([ids.monthly]);
		// Both primary: the worse one (the yearly KPI, at risk) comes first, though it is linked second.
		await database.db
			.updateTable('recommendationKpi')
			.set({ isPrimary: true })
			.where('kpiId', '=', ids.yearly)
			.execute();
		const both = describeWhy((await loadRecommendationDetail(database.db, organisationId, ids.active, asOf))!, asOf);
		expect(both.reasons.map((r) => [r.kpiId, r.status])).toEqual([
			[ids.yearly, 'at_risk'],
			[ids.monthly, 'on_track']
		]);
		expect(both.reasons[0].text).toMatch(
			/^Årstal: 7,9\s%\si 2023, 5\s% af vejen mod målet 6,0\s%\si 2027, hvor 20\s% var ventet\.$/
		);
		expect(why.followUp).toBeNull();
		expect(why.note).toBeNull();
		expect(why.budget).toBeNull();
		// A new recommendation with neither KPIs nor follow-up items has nothing to follow up (the panel says so).
		expect(why.tracked).toBe(true);
		expect(describeWhy({ ...detail, kpis: [], followUpItems: [] }, asOf).tracked).toBe(false);
	});
});
