import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { inTransaction } from '../../src/lib/server/infra/db';
import { createKpiDefinition, listWritableKpiIds, loadKpiPreset } from '../../src/lib/server/kpis';
import { setAssignments } from '../../src/lib/server/register';
import { loadEntryGrid } from '../../src/lib/server/imports';
import type { KpiForm } from '../../src/lib/schemas/kpi';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Setting up a recommendation's KPI in one place (issue 14, item 9): the new-KPI form opened from the
 * recommendation links it and makes the first one primary, and the recommendation's project leads — the
 * one assignment a user sets — enter its values without being ticked on the KPI.
 */
describe('a KPI set up from its recommendation', () => {
	let database: TestDatabase;
	const users: Record<string, SessionUser> = {};
	let director: SessionUser;
	let lead: SessionUser;
	let recommendationId: number;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		for (const u of await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.execute())
			users[u.email] = u;
		director = users['direktor@norddjurs.demo'];
		lead = users['projektleder@norddjurs.demo'];
		// Anbefaling 2 of Norddjurs has no KPI in the demo.
		({ id: recommendationId } = await database.db
			.selectFrom('recommendation')
			.select('id')
			.where('organisationId', '=', director.organisationId)
			.where('number', '=', 2)
			.executeTakeFirstOrThrow());
	});
	afterAll(() => database.destroy());

	const form = (name: string, primary: boolean): KpiForm => ({
		name,
		description: '',
		unit: 'percent',
		decimals: 1,
		direction: 'higher',
		frequency: 'month',
		scope: '',
		dataSource: '',
		baselineValue: 40,
		baselinePeriod: '2026-06',
		targetValue: 60,
		targetPeriod: '2027-12',
		assessment: 'latest',
		minValue: null,
		maxValue: null,
		illustrative: false,
		recommendationId: [recommendationId],
		primaryId: primary ? [recommendationId] : [],
		ownerId: [],
		version: null
	});

	test('the first KPI is preset linked and primary; its project lead, set on the recommendation, enters its values', async () => {
		expect(await loadKpiPreset(database.db, director.organisationId, recommendationId)).toMatchObject({
			recommendation: { id: recommendationId, number: 2 },
			primary: true,
			leads: []
		});
		const assigned = await inTransaction(database.db, (trx) =>
			setAssignments(trx, director, recommendationId, [lead.id])
		);
		expect(assigned.kind).toBe('ok');
		const preset = await loadKpiPreset(database.db, director.organisationId, recommendationId);
		expect(preset?.leads).toEqual([lead.name]);

		const created = await inTransaction(database.db, (trx) =>
			createKpiDefinition(trx, director.organisationId, director.id, form('Praktikpladser besat', preset!.primary))
		);
		if (created.kind !== 'ok') throw new Error(`Not created: ${created.kind}`);
		const link = await database.db
			.selectFrom('recommendationKpi')
			.select(['recommendationId', 'isPrimary'])
			.where('kpiId', '=', created.id)
			.execute();
		expect(link).toEqual([{ recommendationId, isPrimary: true }]);

		// Nobody was ticked on the KPI itself: the recommendation's project lead may write it, and it is in their grid.
		expect((await listWritableKpiIds(database.db, lead)).has(created.id)).toBe(true);
		const grid = await loadEntryGrid(database.db, lead, '2026-11-22');
		expect(grid.rows.filter((row) => row.kpiId === created.id).map((row) => row.period)).toEqual([
			'2026-07',
			'2026-08',
			'2026-09',
			'2026-10'
		]);
	});

	test('a second KPI is not preset primary; another organisation’s recommendation gives no preset', async () => {
		expect((await loadKpiPreset(database.db, director.organisationId, recommendationId))?.primary).toBe(false);
		const allerod = users['direktor@allerod.demo'];
		expect(await loadKpiPreset(database.db, allerod.organisationId, recommendationId)).toBeNull();
		expect(await loadKpiPreset(database.db, director.organisationId, 999_999)).toBeNull();
	});
});
