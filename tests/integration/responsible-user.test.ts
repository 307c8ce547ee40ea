import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { listResponsibleChoices, setResponsibleUser } from '../../src/lib/server/register';
import { writeInTransaction } from '../../src/lib/server/infra/write-result';
import { listTasks } from '../../src/lib/server/tasks';
import type { SessionUser } from '../../src/lib/server/auth';
import type { Role } from '../../db/types';

/**
 * Issue 19 §1's fallback, set from the recommendation's edit page: a KPI with no project lead falls to the
 * recommendation's responsible user, then to the directors. Who can be chosen, what a choice changes in
 * "Mine opgaver", and that each change is audited.
 */
describe("a recommendation's responsible user", () => {
	const asOf = '2026-11-22';
	let database: TestDatabase;
	let organisationId: number;
	let recommendationId: number;
	let kpiId: number;
	const users: Record<string, SessionUser> = {};

	beforeAll(async () => {
		database = await createTestDatabase();
		const { db } = database;
		const organisation = async (slug: string) =>
			(
				await db
					.insertInto('organisation')
					.values({ slug, name: `${slug} Kommune` })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		organisationId = await organisation('ansvar');
		const otherOrganisationId = await organisation('anden');
		const people: [string, string, Role, number, boolean][] = [
			['director', 'Dora Direktør', 'director', organisationId, false],
			['lead', 'Lise Leder', 'project_lead', organisationId, false],
			['politician', 'Poul Politiker', 'politician', organisationId, false],
			['gone', 'Gerda Gået', 'director', organisationId, true],
			['stranger', 'Svend Fremmed', 'director', otherOrganisationId, false]
		];
		for (const [key, name, role, orgId, disabled] of people) {
			const email = `${key}@ansvar.test`;
			const { id } = await db
				.insertInto('appUser')
				.values({ organisationId: orgId, email, name, role, disabledAt: disabled ? new Date() : null })
				.returning('id')
				.executeTakeFirstOrThrow();
			users[key] = { id, organisationId: orgId, email, name, role };
		}
		const { id: programmeId } = await db
			.insertInto('programme')
			.values({ organisationId, name: 'Program' })
			.returning('id')
			.executeTakeFirstOrThrow();
		({ id: recommendationId } = await db
			.insertInto('recommendation')
			.values({
				organisationId,
				programmeId,
				number: 1,
				title: 'Trivselsteam',
				lifecycle: 'in_progress',
				decisionDate: '2024-01-15'
			})
			.returning('id')
			.executeTakeFirstOrThrow());
		// A yearly KPI nobody is assigned to, its 2023–2025 values missing: overdue, and nobody's but the fallback's.
		({ id: kpiId } = await db
			.insertInto('kpi')
			.values({
				organisationId,
				name: 'Sygefravær',
				unit: 'percent',
				direction: 'lower',
				frequency: 'year',
				baselineValue: 8,
				baselinePeriod: '2022',
				targetValue: 6,
				targetPeriod: '2027'
			})
			.returning('id')
			.executeTakeFirstOrThrow());
		await db
			.insertInto('recommendationKpi')
			.values({ organisationId, recommendationId, kpiId, isPrimary: true })
			.execute();
	});
	afterAll(() => database?.destroy());

	const choose = (userId: number | null) =>
		writeInTransaction(database.db, (trx) => setResponsibleUser(trx, users.director, recommendationId, userId));
	const stored = async () =>
		(
			await database.db
				.selectFrom('recommendation')
				.select('responsibleUserId')
				.where('id', '=', recommendationId)
				.executeTakeFirstOrThrow()
		).responsibleUserId;
	const audits = () =>
		database.db
			.selectFrom('auditEvent')
			.select(['before', 'after'])
			.where('action', '=', 'recommendation.responsible_changed')
			.where('entityId', '=', String(recommendationId))
			.orderBy('id')
			.execute();
	const valueTask = async (who: string) =>
		(await listTasks(database.db, users[who], asOf)).find((t) => t.subjectKey === `kpi:${kpiId}:2025`);

	test("the form offers the organisation's active directors, project leads and admins, by name", async () => {
		const choices = await listResponsibleChoices(database.db, organisationId, null);
		expect(choices.map((c) => c.name)).toEqual(['Dora Direktør', 'Lise Leder']);
		expect(choices.every((c) => !c.chosen)).toBe(true);
	});

	test('without a responsible user the KPI is the directors’ task; once chosen, it is the chosen one’s', async () => {
		expect((await valueTask('director'))?.detail).toContain('direktionens opgave');
		expect(await valueTask('lead')).toBeUndefined();

		await expect(choose(users.lead.id)).resolves.toMatchObject({ kind: 'ok', change: 'updated' });
		expect(await stored()).toBe(users.lead.id);
		expect((await valueTask('lead'))?.detail).toContain('din opgave som anbefalingens ansvarlige');
		expect(await valueTask('director')).toBeUndefined();
		const choices = await listResponsibleChoices(database.db, organisationId, users.lead.id);
		expect(choices.filter((c) => c.chosen).map((c) => c.name)).toEqual(['Lise Leder']);
	});

	test.each([
		['a politician', 'politician'],
		['a disabled user', 'gone'],
		["another organisation's director", 'stranger']
	])('%s cannot be chosen: a Danish message at the field, nothing changed', async (_label, who) => {
		const before = await stored();
		const result = await choose(users[who].id);
		expect(result).toMatchObject({
			kind: 'invalid',
			field: 'responsibleUserId',
			message: 'Vælg en aktiv bruger i organisationen: en direktør, projektleder eller administrator.'
		});
		expect(await stored()).toBe(before);
	});

	test('choosing nobody gives the KPI back to the directors; every change is audited once', async () => {
		await choose(users.lead.id);
		await expect(choose(null)).resolves.toMatchObject({ kind: 'ok', change: 'updated' });
		await expect(choose(null)).resolves.toMatchObject({ kind: 'ok', change: 'unchanged' });
		expect(await stored()).toBeNull();
		expect((await valueTask('director'))?.detail).toContain('direktionens opgave');
		expect(await audits()).toEqual([
			{ before: { responsibleUserId: null }, after: { responsibleUserId: users.lead.id } },
			{ before: { responsibleUserId: users.lead.id }, after: { responsibleUserId: null } }
		]);
	});
});
