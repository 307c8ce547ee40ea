import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { canEditKpi } from '../../src/lib/server/kpis';
import { gridKey, loadEntryGrid, saveEntryGrid, type EntryGridCell } from '../../src/lib/server/imports';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/** As of this day a monthly KPI with baseline 2026-06 misses July to October. */
const AS_OF = '2026-11-22';

describe('the entry grid on a KPI page: that KPI’s missing periods, for those who may write it', () => {
	let database: TestDatabase;
	let lead: SessionUser;
	let director: SessionUser;
	let leads: number;
	let leadsOther: number;
	let notTheLeads: number;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		const user = (email: string) =>
			database.db
				.selectFrom('appUser')
				.select(['id', 'organisationId', 'email', 'name', 'role'])
				.where('email', '=', email)
				.executeTakeFirstOrThrow();
		lead = await user('projektleder@norddjurs.demo');
		director = await user('direktor@norddjurs.demo');
		leads = await createKpi('Sidegitter, projektlederens', lead.id);
		leadsOther = await createKpi('Sidegitter, projektlederens andet', lead.id);
		notTheLeads = await createKpi('Sidegitter, en andens', null);
	});
	afterAll(() => database.destroy());

	/** A monthly % KPI, baseline 2026-06, owned by `owner` (or by nobody). */
	async function createKpi(name: string, owner: number | null): Promise<number> {
		const { id } = await database.db
			.insertInto('kpi')
			.values({
				organisationId: lead.organisationId,
				name,
				unit: 'percent',
				direction: 'lower',
				frequency: 'month',
				decimals: 1,
				baselineValue: 8,
				baselinePeriod: '2026-06',
				targetValue: 6,
				targetPeriod: '2027-12'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (owner !== null)
			await database.db
				.insertInto('kpiOwner')
				.values({ organisationId: lead.organisationId, kpiId: id, userId: owner })
				.execute();
		return id;
	}

	const stored = (kpiId: number) =>
		database.db
			.selectFrom('observation')
			.select(['period', 'value'])
			.where('kpiId', '=', kpiId)
			.orderBy('period')
			.execute();

	const cell = (kpiId: number, period: string, value: string): EntryGridCell => ({
		key: gridKey(kpiId, period),
		kpiId: String(kpiId),
		period,
		value,
		comment: ''
	});

	test('the grid filtered to one KPI has that KPI’s missing months only, never another of the user’s KPIs', async () => {
		const grid = await loadEntryGrid(database.db, lead, AS_OF, { kpiId: leads });
		expect(grid.rows.map((row) => [row.kpiId, row.period, row.overdue])).toEqual([
			[leads, '2026-07', true],
			[leads, '2026-08', true],
			[leads, '2026-09', true],
			[leads, '2026-10', false]
		]);
		expect(grid).toMatchObject({ more: [], hidden: 0 });
		// Unfiltered (Mine nøgletal), the same user's grid holds both of their KPIs and more.
		const all = new Set((await loadEntryGrid(database.db, lead, AS_OF)).rows.map((row) => row.kpiId));
		expect([all.has(leads), all.has(leadsOther), all.size > 2]).toEqual([true, true, true]);
	});

	test('a project lead not assigned to the KPI gets no grid rows, may not edit it, and a forged save stores nothing', async () => {
		expect(await canEditKpi(database.db, lead, notTheLeads)).toBe(false);
		expect((await loadEntryGrid(database.db, lead, AS_OF, { kpiId: notTheLeads })).rows).toEqual([]);
		const result = await saveEntryGrid(
			database.db,
			lead,
			[cell(notTheLeads, '2026-07', '7,1'), cell(notTheLeads, '2026-08', '7,2')],
			null
		);
		expect(result).toEqual({
			kind: 'rows',
			errors: {
				[gridKey(notTheLeads, '2026-07')]: 'Du kan ikke indtaste værdier for »Sidegitter, en andens«.',
				[gridKey(notTheLeads, '2026-08')]: 'Du kan ikke indtaste værdier for »Sidegitter, en andens«.'
			}
		});
		expect(await stored(notTheLeads)).toEqual([]);
		// The director may write it: their grid on its page has its four months.
		expect(await canEditKpi(database.db, director, notTheLeads)).toBe(true);
		expect((await loadEntryGrid(database.db, director, AS_OF, { kpiId: notTheLeads })).rows).toHaveLength(4);
	});

	test('two missing months of the KPI are saved together; they leave its grid, the other months stay', async () => {
		const result = await saveEntryGrid(
			database.db,
			lead,
			[cell(leads, '2026-07', '7,1'), cell(leads, '2026-08', '7,2')],
			'192.0.2.1'
		);
		expect(result).toEqual({ kind: 'ok', created: 2, updated: 0, unchanged: 0 });
		expect((await stored(leads)).map((r) => [r.period, Number(r.value)])).toEqual([
			['2026-07', 7.1],
			['2026-08', 7.2]
		]);
		const grid = await loadEntryGrid(database.db, lead, AS_OF, { kpiId: leads });
		expect(grid.rows.map((row) => row.period)).toEqual(['2026-09', '2026-10']);
		expect(grid.rows[0].last).toEqual({ period: '2026-08', value: 7.2 });
	});

	test('one bad month of the two saves neither', async () => {
		const result = await saveEntryGrid(
			database.db,
			lead,
			[cell(leads, '2026-09', '6,9'), cell(leads, '2026-10', '150')],
			null
		);
		expect(result.kind).toBe('rows');
		if (result.kind !== 'rows') return;
		expect(Object.keys(result.errors)).toEqual([gridKey(leads, '2026-10')]);
		expect((await stored(leads)).map((r) => r.period)).toEqual(['2026-07', '2026-08']);
	});
});
