import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	applyObservationImport,
	gridKey,
	previewObservationImport,
	readEntryGridForm,
	readTable,
	saveEntryGrid,
	type ImportPreview
} from '../../src/lib/server/imports';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/** Six months of sick leave that moves a tenth at a time: a jump to 12,4 is unusual, 7,2 is not. */
const HISTORY: [string, number][] = [
	['2026-01', 7.0],
	['2026-02', 7.1],
	['2026-03', 7.0],
	['2026-04', 7.2],
	['2026-05', 7.1],
	['2026-06', 7.0]
];

describe('unusual changes in the import and the entry grid: marked on the row, saved only after one tick', () => {
	let database: TestDatabase;
	let lead: SessionUser;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		lead = await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.where('email', '=', 'projektleder@norddjurs.demo')
			.executeTakeFirstOrThrow();
	});
	afterAll(() => database.destroy());

	/** A monthly % KPI with one decimal owned by the project lead, with HISTORY stored. */
	async function createKpi(name: string): Promise<number> {
		const { organisationId } = lead;
		const { id } = await database.db
			.insertInto('kpi')
			.values({
				organisationId,
				name,
				unit: 'percent',
				decimals: 1,
				direction: 'lower',
				frequency: 'month',
				baselineValue: 7,
				baselinePeriod: '2026-01',
				targetValue: 6,
				targetPeriod: '2027-12'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await database.db.insertInto('kpiOwner').values({ organisationId, kpiId: id, userId: lead.id }).execute();
		await database.db
			.insertInto('observation')
			.values(HISTORY.map(([period, value]) => ({ organisationId, kpiId: id, period, value, enteredBy: lead.id })))
			.execute();
		return id;
	}

	const stored = async (kpiId: number) =>
		(
			await database.db
				.selectFrom('observation')
				.select(['period', 'value', 'comment'])
				.where('kpiId', '=', kpiId)
				.where('period', '>', '2026-06')
				.orderBy('period')
				.execute()
		).map((r) => [r.period, Number(r.value), r.comment]);

	async function preview(text: string): Promise<ImportPreview> {
		const table = await readTable({ text });
		if (!table.ok) throw new Error(table.message);
		return previewObservationImport(database.db, lead, table);
	}

	test('the import marks an unusual change as a question, not a warning; rounding stays a plain warning', async () => {
		const kpi = await createKpi('Usædvanlig import');
		const first = await preview(
			[
				'Nøgletal\tPeriode\tVærdi',
				'Usædvanlig import\t2026-07\t7,1',
				'Usædvanlig import\t2026-08\t12,4',
				'Usædvanlig import\t2026-09\t7,15'
			].join('\n')
		);
		expect(first.counts).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, errors: 0 });
		const [plain, jump, rounded] = first.rows;
		expect([plain.unusual, plain.warnings]).toEqual([null, []]);
		expect(jump.unusual).toContain('12,4');
		expect(jump.unusual).toContain('juni 2026');
		expect(jump.warnings).toEqual([]);
		expect(rounded.value).toBe(7.2);
		expect(rounded.unusual).toBeNull();
		expect(rounded.warnings).toEqual(['Værdien 7,15 er afrundet til 7,2\u00a0%, fordi nøgletallet har 1 decimal.']);

		// Without the tick: refused, naming the line, and nothing is saved — not even the plain rows.
		expect(await applyObservationImport(database.db, lead, first, null)).toEqual({
			kind: 'invalid',
			field: 'unusual',
			message: 'Intet er gemt, fordi linje 3 har en usædvanlig ændring.'
		});
		expect(await applyObservationImport(database.db, lead, first, null, { confirmUnusual: false })).toMatchObject({
			kind: 'invalid',
			field: 'unusual'
		});
		expect(await stored(kpi)).toEqual([]);

		// With the tick: all three are saved.
		expect(await applyObservationImport(database.db, lead, first, null, { confirmUnusual: true })).toEqual({
			kind: 'ok',
			created: 3,
			updated: 0,
			unchanged: 0
		});
		expect(await stored(kpi)).toEqual([
			['2026-07', 7.1, ''],
			['2026-08', 12.4, ''],
			['2026-09', 7.2, '']
		]);

		// The confirmed value again, with only a new comment: nothing new to confirm.
		const again = await preview(
			['Nøgletal;Periode;Værdi;Kommentar', 'Usædvanlig import;2026-08;12,4;Influenza'].join('\r\n')
		);
		expect(again.rows.map((r) => [r.kind, r.unusual])).toEqual([['changed', null]]);
		expect(await applyObservationImport(database.db, lead, again, null)).toMatchObject({ kind: 'ok', updated: 1 });
	});

	test('several unusual rows are named together; a rounding warning alone needs no tick', async () => {
		const kpi = await createKpi('Usædvanlig import 2');
		const rows = (values: string[]) =>
			[
				'Nøgletal;Periode;Værdi',
				...values.map((v, i) => `Usædvanlig import 2;2026-${String(7 + i).padStart(2, '0')};${v}`)
			].join('\r\n');
		const two = await preview(rows(['1,0', '7,1', '20,0']));
		expect(two.rows.map((r) => r.unusual !== null)).toEqual([true, false, true]);
		expect(await applyObservationImport(database.db, lead, two, null)).toMatchObject({
			field: 'unusual',
			message: 'Intet er gemt, fordi linje 2 og 4 har usædvanlige ændringer.'
		});
		expect(await stored(kpi)).toEqual([]);
		const plain = await preview(rows(['7,04', '7,1']));
		expect(plain.rows.map((r) => [r.warnings.length, r.unusual])).toEqual([
			[1, null],
			[0, null]
		]);
		expect(await applyObservationImport(database.db, lead, plain, null)).toMatchObject({ kind: 'ok', created: 2 });
	});

	test('the entry grid asks about an unusual value on its row; one tick saves it, a value changed since is asked again', async () => {
		const kpi = await createKpi('Usædvanlig gitter');
		const other = await createKpi('Usædvanlig gitter, rolig');
		const jump = gridKey(kpi, '2026-07');
		const calm = gridKey(other, '2026-07');
		const form = (value: string, tick: { asked?: string; confirm?: boolean } = {}) => {
			const data = new FormData();
			data.append(`value:${jump}`, value);
			data.append(`comment:${jump}`, '');
			data.append(`value:${calm}`, '7,1');
			data.append(`comment:${calm}`, '');
			if (tick.asked !== undefined) data.append(`asked:${jump}`, tick.asked);
			if (tick.confirm) data.append('confirmUnusual', 'on');
			return readEntryGridForm(data)!;
		};

		const asked = await saveEntryGrid(database.db, lead, form('12,4'), null);
		expect(asked.kind).toBe('rows');
		if (asked.kind !== 'rows') return;
		expect(asked.errors).toEqual({});
		expect(Object.keys(asked.questions ?? {})).toEqual([jump]);
		expect(asked.questions![jump]).toContain('12,4');
		expect([await stored(kpi), await stored(other)]).toEqual([[], []]);

		// The marked value without the tick, or the tick for another value than the one marked: asked again.
		for (const again of [form('12,4', { asked: '12,4' }), form('13,0', { asked: '12,4', confirm: true })]) {
			const result = await saveEntryGrid(database.db, lead, again, null);
			expect(result.kind === 'rows' && Object.keys(result.questions ?? {})).toEqual([jump]);
		}
		expect([await stored(kpi), await stored(other)]).toEqual([[], []]);

		// The tick with another row wrong: nothing saved, the marked row stays marked for the save that follows.
		const withError = form('12,4', { asked: '12,4', confirm: true }).map((cell) =>
			cell.key === calm ? { ...cell, value: '7,x' } : cell
		);
		const refused = await saveEntryGrid(database.db, lead, withError, null);
		expect(refused.kind === 'rows' && [Object.keys(refused.errors), Object.keys(refused.questions ?? {})]).toEqual([
			[calm],
			[jump]
		]);

		// The tick with the value that was marked: both rows are saved.
		const confirmed = form('12,4', { asked: '12,4', confirm: true });
		expect(confirmed.find((cell) => cell.key === jump)?.confirmed).toBe(true);
		expect(await saveEntryGrid(database.db, lead, confirmed, null)).toEqual({
			kind: 'ok',
			created: 2,
			updated: 0,
			unchanged: 0
		});
		expect([await stored(kpi), await stored(other)]).toEqual([[['2026-07', 12.4, '']], [['2026-07', 7.1, '']]]);
	});
});
