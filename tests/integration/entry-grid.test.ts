import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { saveObservation } from '../../src/lib/server/kpis/observations';
import {
	gridKey,
	loadEntryGrid,
	MAX_GRID_SHOWN,
	readEntryGridForm,
	saveEntryGrid,
	type EntryGridCell
} from '../../src/lib/server/imports';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/** The grid is asked as of this day: a monthly KPI with baseline 2026-06 then misses July to October. */
const AS_OF = '2026-11-22';

describe('the entry grid on Mine nøgletal: due periods, saved all-or-nothing by the import rules', () => {
	let database: TestDatabase;
	const users: Record<string, SessionUser> = {};
	let lead: SessionUser;
	let director: SessionUser;
	let kpis: number[];
	let notTheLeads: number;
	let otherOrganisationsKpi: number;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		for (const u of await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.execute())
			users[u.email] = u;
		lead = users['projektleder@norddjurs.demo'];
		director = users['direktor@norddjurs.demo'];
		kpis = [];
		for (let i = 1; i <= 5; i++) kpis.push(await createKpi(lead.organisationId, `Gitter ${i}`, lead.id));
		notTheLeads = await createKpi(lead.organisationId, 'Gitter, en andens', null);
		otherOrganisationsKpi = await createKpi(users['direktor@allerod.demo'].organisationId, 'Gitter, Allerød', null);
	});
	afterAll(() => database.destroy());

	/** A monthly % KPI, baseline 2026-06, owned by `owner` (or by nobody). */
	async function createKpi(organisationId: number, name: string, owner: number | null): Promise<number> {
		const { id } = await database.db
			.insertInto('kpi')
			.values({
				organisationId,
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
			await database.db.insertInto('kpiOwner').values({ organisationId, kpiId: id, userId: owner }).execute();
		return id;
	}

	const stored = (kpiIds: number[]) =>
		database.db
			.selectFrom('observation')
			.select(['kpiId', 'period', 'value', 'comment', 'enteredBy'])
			.where('kpiId', 'in', kpiIds)
			.orderBy('kpiId')
			.orderBy('period')
			.execute();

	const cell = (kpiId: number, period: string, value: string, comment = ''): EntryGridCell => ({
		key: gridKey(kpiId, period),
		kpiId: String(kpiId),
		period,
		value,
		comment
	});

	test('lists every ended month without a value of the KPIs the user may write, with what is overdue', async () => {
		const grid = await loadEntryGrid(database.db, lead, AS_OF);
		const mine = grid.rows.filter((row) => row.kpiId === kpis[0]);
		expect(mine.map((row) => [row.period, row.overdue])).toEqual([
			['2026-07', true],
			['2026-08', true],
			['2026-09', true],
			['2026-10', false]
		]);
		expect(mine[0]).toMatchObject({ kpiName: 'Gitter 1', unit: 'percent', decimals: 1, last: null });
		// A project lead sees only their own KPIs; a director sees every KPI of the organisation, never another's.
		expect(grid.rows.some((row) => row.kpiId === notTheLeads)).toBe(false);
		const directors = await loadEntryGrid(database.db, director, AS_OF);
		expect(directors.rows.some((row) => row.kpiId === notTheLeads)).toBe(true);
		expect(directors.rows.some((row) => row.kpiId === otherOrganisationsKpi)).toBe(false);
	});

	test('a month for five KPIs is saved in one go; the saved rows leave the grid and the last value shows', async () => {
		const cells = kpis.map((id, i) => cell(id, '2026-07', `${7 + i},${i}`, i === 0 ? 'Influenza i juli' : ''));
		const result = await saveEntryGrid(database.db, lead, cells, '192.0.2.1');
		expect(result).toEqual({ kind: 'ok', created: 5, updated: 0, unchanged: 0 });
		const rows = await stored(kpis);
		expect(rows.map((r) => [r.kpiId, r.period, Number(r.value), r.comment, r.enteredBy])).toEqual(
			kpis.map((id, i) => [id, '2026-07', 7 + i + i / 10, i === 0 ? 'Influenza i juli' : '', lead.id])
		);
		const grid = await loadEntryGrid(database.db, lead, AS_OF);
		const first = grid.rows.filter((row) => row.kpiId === kpis[0]);
		expect(first.map((row) => row.period)).toEqual(['2026-08', '2026-09', '2026-10']);
		expect(first[0].last).toEqual({ period: '2026-07', value: 7 });
	});

	test('one unreadable value saves nothing and names its row; the other rows have no error', async () => {
		const cells = [cell(kpis[0], '2026-08', '6,9'), cell(kpis[1], '2026-08', '6,x'), cell(kpis[2], '2026-08', '7')];
		const result = await saveEntryGrid(database.db, lead, cells, null);
		expect(result.kind).toBe('rows');
		if (result.kind !== 'rows') return;
		expect(Object.keys(result.errors)).toEqual([gridKey(kpis[1], '2026-08')]);
		expect(result.errors[gridKey(kpis[1], '2026-08')]).toMatch(/tal/i);
		expect((await stored(kpis)).filter((r) => r.period === '2026-08')).toEqual([]);
	});

	test('a project lead cannot write another person’s KPI, nor another organisation’s, through a forged grid post', async () => {
		const cells = [
			cell(kpis[0], '2026-08', '6,9'),
			cell(notTheLeads, '2026-08', '5,5'),
			cell(otherOrganisationsKpi, '2026-08', '5,5')
		];
		const result = await saveEntryGrid(database.db, lead, cells, null);
		expect(result.kind).toBe('rows');
		if (result.kind !== 'rows') return;
		expect(result.errors).toEqual({
			[gridKey(notTheLeads, '2026-08')]: 'Du kan ikke indtaste værdier for »Gitter, en andens«.',
			[gridKey(otherOrganisationsKpi, '2026-08')]: `Nøgletallet »${otherOrganisationsKpi}« findes ikke.`
		});
		expect(await stored([kpis[0], notTheLeads, otherOrganisationsKpi])).toEqual(
			(await stored([kpis[0]])).filter((r) => r.period !== '2026-08')
		);
		// The director may write the KPI that is not the lead's.
		expect(await saveEntryGrid(database.db, director, [cell(notTheLeads, '2026-08', '5,5')], null)).toMatchObject({
			kind: 'ok',
			created: 1
		});
	});

	test('a period that got a value after the page was opened is not overwritten from the grid', async () => {
		const saved = await saveObservation(database.db, {
			organisationId: lead.organisationId,
			kpiId: kpis[3],
			period: '2026-09',
			value: 6,
			expectedVersion: null,
			userId: lead.id,
			clientAddress: null
		});
		expect(saved.kind).toBe('ok');
		const result = await saveEntryGrid(
			database.db,
			lead,
			[cell(kpis[3], '2026-09', '9'), cell(kpis[4], '2026-09', '9')],
			null
		);
		expect(result.kind).toBe('rows');
		if (result.kind !== 'rows') return;
		expect(result.errors).toEqual({
			[gridKey(kpis[3], '2026-09')]:
				'Der er gemt en værdi for »Gitter 4«, september 2026, siden du åbnede siden. Se eller ret den på nøgletallets side.'
		});
		expect(
			(await stored([kpis[3], kpis[4]])).filter((r) => r.period === '2026-09').map((r) => Number(r.value))
		).toEqual([6]);
	});

	test('the posted form: empty rows are skipped, a comment without a value is an error, a foreign field is ignored', async () => {
		const form = new FormData();
		form.append(`value:${gridKey(kpis[0], '2026-10')}`, ' ');
		form.append(`comment:${gridKey(kpis[0], '2026-10')}`, '');
		form.append(`value:${gridKey(kpis[1], '2026-10')}`, '');
		form.append(`comment:${gridKey(kpis[1], '2026-10')}`, 'Tal kommer senere');
		form.append('period', '2026-10');
		const cells = readEntryGridForm(form);
		expect(cells).toEqual([cell(kpis[1], '2026-10', '', 'Tal kommer senere')]);
		const result = await saveEntryGrid(database.db, lead, cells!, null);
		expect(result).toEqual({
			kind: 'rows',
			errors: { [gridKey(kpis[1], '2026-10')]: 'Skriv en værdi, eller slet kommentaren.' }
		});
		expect(await saveEntryGrid(database.db, lead, [], null)).toMatchObject({ kind: 'invalid', field: 'rows' });
	});

	test('a director’s grid shows at most 300 rows and says how many more wait; long gaps keep their newest 12 months', async () => {
		for (let i = 1; i <= 30; i++) {
			const id = await createKpi(director.organisationId, `Lang pause ${String(i).padStart(2, '0')}`, null);
			await database.db.updateTable('kpi').set({ baselinePeriod: '2016-05' }).where('id', '=', id).execute();
		}
		const grid = await loadEntryGrid(database.db, director, AS_OF);
		expect(grid.rows).toHaveLength(MAX_GRID_SHOWN);
		expect(grid.hidden).toBeGreaterThanOrEqual(30 * 12 - MAX_GRID_SHOWN);
		expect(grid.more).toContain('Lang pause 01');
		expect(grid.rows.filter((row) => row.kpiName === 'Lang pause 01').map((row) => row.period)).toEqual(
			Array.from({ length: 12 }, (_, i) => `${i < 2 ? 2025 : 2026}-${String(((i + 10) % 12) + 1).padStart(2, '0')}`)
		);
	});
});
