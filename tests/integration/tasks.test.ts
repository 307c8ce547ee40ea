import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { listTasks, type Task } from '../../src/lib/server/tasks';
import type { SessionUser } from '../../src/lib/server/auth';
import type { Role } from '../../db/types';

/**
 * Issue 19 §1, "Mine opgaver": listTasks per role on a fixture, as of an injected date — a project lead's due and
 * overdue values, follow-up items and status notes; a director's overdue values by person, alarming recommendations
 * and approvals; an admin's publishing and unassigned KPIs with the fallback; nothing for finished recommendations.
 */
describe('listTasks', () => {
	const asOf = '2026-11-22';
	let database: TestDatabase;
	let queries = 0;
	let organisationId: number;
	const users: Record<string, SessionUser> = {};
	const ids = { active: 0, completed: 0, responsibleOnly: 0, orphan: 0, monthly: 0, finished: 0, yearly: 0, lonely: 0 };
	const reports = { draft: 0, submitted: 0, approved: 0 };

	beforeAll(async () => {
		database = await createTestDatabase({ onQuery: (event) => event.level === 'query' && queries++ });
		const { db } = database;
		({ id: organisationId } = await db
			.insertInto('organisation')
			.values({ slug: 'opgaver', name: 'Opgave Kommune' })
			.returning('id')
			.executeTakeFirstOrThrow());
		const people: [string, string, Role][] = [
			['admin', 'Anna Admin', 'admin'],
			['director', 'Dora Direktør', 'director'],
			['lead', 'Lise Leder', 'project_lead'],
			['responsible', 'Rune Ansvarlig', 'project_lead'],
			['politician', 'Poul Politiker', 'politician']
		];
		for (const [key, name, role] of people) {
			const email = `${key}@opgaver.test`;
			const { id } = await db
				.insertInto('appUser')
				.values({ organisationId, email, name, role })
				.returning('id')
				.executeTakeFirstOrThrow();
			users[key] = { id, organisationId, email, name, role };
		}
		const { id: programmeId } = await db
			.insertInto('programme')
			.values({ organisationId, name: 'Program' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const recommendation = async (number: number, lifecycle: 'in_progress' | 'completed', responsible?: number) =>
			(
				await db
					.insertInto('recommendation')
					.values({
						organisationId,
						programmeId,
						number,
						title: `Anbefaling ${number}`,
						lifecycle,
						responsibleUserId: responsible ?? null,
						decisionDate: '2024-01-15'
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		ids.active = await recommendation(1, 'in_progress');
		ids.completed = await recommendation(2, 'completed');
		ids.responsibleOnly = await recommendation(3, 'in_progress', users.responsible.id);
		ids.orphan = await recommendation(4, 'in_progress');
		await db
			.insertInto('recommendationAssignment')
			.values([
				{ organisationId, recommendationId: ids.active, userId: users.lead.id },
				{ organisationId, recommendationId: ids.completed, userId: users.lead.id }
			])
			.execute();
		const kpi = async (name: string, frequency: 'month' | 'year', baseline: string, target: string) =>
			(
				await db
					.insertInto('kpi')
					.values({
						organisationId,
						name,
						unit: 'percent',
						direction: 'higher',
						frequency,
						baselineValue: 10,
						baselinePeriod: baseline,
						targetValue: 20,
						targetPeriod: target
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		ids.monthly = await kpi('Månedligt nøgletal', 'month', '2025-12', '2027-12');
		ids.finished = await kpi('Afsluttet nøgletal', 'month', '2025-12', '2027-12');
		ids.yearly = await kpi('Ansvarligs nøgletal', 'year', '2022', '2027');
		ids.lonely = await kpi('Forældreløst nøgletal', 'year', '2022', '2027');
		await db
			.insertInto('recommendationKpi')
			.values([
				{ organisationId, recommendationId: ids.active, kpiId: ids.monthly, isPrimary: true },
				{ organisationId, recommendationId: ids.completed, kpiId: ids.finished, isPrimary: true },
				{ organisationId, recommendationId: ids.responsibleOnly, kpiId: ids.yearly, isPrimary: true },
				{ organisationId, recommendationId: ids.orphan, kpiId: ids.lonely, isPrimary: true }
			])
			.execute();
		// January to August 2026, worse than the baseline: September is overdue, October due by 29 November.
		await db
			.insertInto('observation')
			.values(
				['01', '02', '03', '04', '05', '06', '07', '08'].map((m) => ({
					organisationId,
					kpiId: ids.monthly,
					period: `2026-${m}`,
					value: 9
				}))
			)
			.execute();
		await db
			.insertInto('followUpItem')
			.values([
				{ organisationId, recommendationId: ids.active, title: 'Evaluering i november', duePeriod: '2026-11' },
				{
					organisationId,
					recommendationId: ids.active,
					title: 'Midtvejsstatus',
					duePeriod: '2026-H1',
					state: 'in_progress'
				},
				{ organisationId, recommendationId: ids.active, title: 'Færdig rapport', duePeriod: '2026-Q1', state: 'done' },
				{ organisationId, recommendationId: ids.active, title: 'Næste år', duePeriod: '2027' },
				{ organisationId, recommendationId: ids.completed, title: 'Afsluttet evaluering', duePeriod: '2025' }
			])
			.execute();
		const report = async (year: number, state: 'draft' | 'submitted' | 'approved') =>
			(
				await db
					.insertInto('annualReport')
					.values({ organisationId, year, asOf: `${year}-12-31`, state, snapshot: state === 'approved' ? {} : null })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		reports.draft = await report(2026, 'draft');
		reports.submitted = await report(2025, 'submitted');
		reports.approved = await report(2024, 'approved');
	});
	afterAll(() => database?.destroy());

	const tasksOf = (who: string) => listTasks(database.db, users[who], asOf);
	const keys = (tasks: Task[]) => tasks.map((t) => t.subjectKey);

	test("a project lead: overdue and due values with a link to the KPI's entry grid, follow-up items, status notes", async () => {
		const tasks = await tasksOf('lead');
		expect(keys(tasks)).toEqual([
			`follow-up:${tasks.find((t) => t.title.includes('Midtvejsstatus'))!.subjectKey.split(':')[1]}:2026-H1`,
			`kpi:${ids.monthly}:2026-09`,
			`kpi:${ids.monthly}:2026-10`,
			`follow-up:${tasks.find((t) => t.title.includes('Evaluering i november'))!.subjectKey.split(':')[1]}:2026-11`,
			`status-note:${ids.active}:2026`
		]);
		const overdue = tasks.find((t) => t.subjectKey === `kpi:${ids.monthly}:2026-09`)!;
		expect(overdue).toMatchObject({
			kind: 'value_overdue',
			title: 'Indtast Månedligt nøgletal – mangler september 2026',
			href: `/noegletal/${ids.monthly}#indtastning`,
			due: '2026-10-29',
			overdue: true
		});
		expect(tasks.find((t) => t.subjectKey === `kpi:${ids.monthly}:2026-10`)).toMatchObject({
			kind: 'value_due',
			title: 'Indtast Månedligt nøgletal for oktober 2026',
			detail: 'Frist 29. november 2026.',
			due: '2026-11-29',
			overdue: false
		});
		expect(tasks.find((t) => t.kind === 'status_note')).toMatchObject({
			title: 'Skriv statusnotat for 2026 til anbefaling 1 (Anbefaling 1)',
			href: `/anbefalinger/${ids.active}?notat=2026#notat-form`
		});
		// Nothing for the completed recommendation: not its KPI, not its follow-up item, no status note.
		expect(tasks.some((t) => t.subjectKey.startsWith(`kpi:${ids.finished}:`))).toBe(false);
		expect(tasks.some((t) => t.title.includes('Afsluttet'))).toBe(false);
		expect(tasks.some((t) => t.subjectKey === `status-note:${ids.completed}:2026`)).toBe(false);
	});

	test('a value that is not due within 14 days is not a task yet', async () => {
		const early = await listTasks(database.db, users.lead, '2026-11-14');
		expect(early.some((t) => t.kind === 'value_due')).toBe(false);
		expect(early.some((t) => t.kind === 'value_overdue')).toBe(true);
	});

	test("a KPI nobody is assigned falls to its recommendation's responsible user, saying so", async () => {
		const tasks = await tasksOf('responsible');
		const overdue = tasks.find((t) => t.subjectKey === `kpi:${ids.yearly}:2025`)!;
		expect(overdue.kind).toBe('value_overdue');
		expect(overdue.title).toBe('Indtast Ansvarligs nøgletal – mangler 2023, 2024 og 2025');
		expect(overdue.detail).toContain('din opgave som anbefalingens ansvarlige');
	});

	test('a director: own fallback KPIs, overdue values by person, alarming recommendations, reports to approve', async () => {
		const tasks = await tasksOf('director');
		// The KPI with neither assignee nor responsible user is the directors' task.
		expect(tasks.find((t) => t.subjectKey === `kpi:${ids.lonely}:2025`)?.detail).toContain('direktionens opgave');
		const byLead = tasks.filter((t) => t.kind === 'overdue_by_lead');
		expect(byLead.map((t) => t.title).sort()).toEqual([
			'Lise Leder mangler indtastning af 1 nøgletal',
			'Rune Ansvarlig mangler indtastning af 1 nøgletal'
		]);
		expect(byLead.every((t) => t.overdue && t.href === '/#mangler-indtastning')).toBe(true);
		expect(tasks.find((t) => t.kind === 'recommendation_status')).toMatchObject({
			subjectKey: `recommendation:${ids.active}:off_track`,
			title: 'Følg op på anbefaling 1 (Anbefaling 1): bagud',
			href: `/anbefalinger/${ids.active}`
		});
		expect(tasks.filter((t) => t.kind === 'report_approve')).toEqual([
			expect.objectContaining({
				subjectKey: `report:${reports.submitted}:submitted`,
				title: 'Godkend årlig status 2025 (hele kommunen)',
				href: `/status/${reports.submitted}`
			})
		]);
		expect(tasks.some((t) => t.kind === 'report_publish' || t.kind === 'kpi_unassigned')).toBe(false);
	});

	test('an admin: approved reports to publish and KPIs nobody is assigned, naming who has them meanwhile', async () => {
		const tasks = await tasksOf('admin');
		expect(tasks.filter((t) => t.kind === 'report_publish').map((t) => t.href)).toEqual([
			`/status/${reports.approved}`
		]);
		const unassigned = tasks.filter((t) => t.kind === 'kpi_unassigned');
		expect(unassigned.map((t) => t.subjectKey).sort()).toEqual(
			[`kpi-unassigned:${ids.yearly}`, `kpi-unassigned:${ids.lonely}`].sort()
		);
		expect(unassigned.find((t) => t.subjectKey === `kpi-unassigned:${ids.yearly}`)!.detail).toBe(
			'Indtil da er det anbefalingens ansvarliges opgave: Rune Ansvarlig.'
		);
		expect(unassigned.find((t) => t.subjectKey === `kpi-unassigned:${ids.lonely}`)!.detail).toBe(
			'Anbefalingen har ingen ansvarlig, så indtil da er det direktionens opgave: Dora Direktør.'
		);
		// The finished recommendation's KPI is not asked for.
		expect(tasks.some((t) => t.subjectKey === `kpi-unassigned:${ids.finished}`)).toBe(false);
		expect(tasks.some((t) => t.kind === 'report_approve' || t.kind === 'overdue_by_lead')).toBe(false);
	});

	test('a politician has none; the list is deterministic and overdue first', async () => {
		await expect(tasksOf('politician')).resolves.toEqual([]);
		const [a, b] = await Promise.all([tasksOf('director'), tasksOf('director')]);
		expect(a).toEqual(b);
		const firstNotOverdue = a.findIndex((t) => !t.overdue);
		expect(a.slice(firstNotOverdue).every((t) => !t.overdue)).toBe(true);
	});

	test('the number of queries does not grow with the data', async () => {
		// Counted with the organisation's overview in memory (overview-cache.ts): the first call after a write computes it.
		const count = async (who: string) => {
			await tasksOf(who);
			queries = 0;
			await tasksOf(who);
			return queries;
		};
		const before = { lead: await count('lead'), director: await count('director'), admin: await count('admin') };
		const { db } = database;
		const { id: programmeId } = await db
			.selectFrom('programme')
			.select('id')
			.where('organisationId', '=', organisationId)
			.executeTakeFirstOrThrow();
		const more = await db
			.insertInto('recommendation')
			.values(
				Array.from({ length: 40 }, (_, i) => ({ organisationId, programmeId, number: 100 + i, title: `Ekstra ${i}` }))
			)
			.returning('id')
			.execute();
		await db
			.insertInto('recommendationAssignment')
			.values(more.map((r) => ({ organisationId, recommendationId: r.id, userId: users.lead.id })))
			.execute();
		await db
			.insertInto('followUpItem')
			.values(more.map((r) => ({ organisationId, recommendationId: r.id, title: 'Punkt', duePeriod: '2026-06' })))
			.execute();
		const after = { lead: await count('lead'), director: await count('director'), admin: await count('admin') };
		expect(after).toEqual(before);
		expect((await tasksOf('lead')).filter((t) => t.kind === 'follow_up').length).toBeGreaterThan(40);
	});
});
