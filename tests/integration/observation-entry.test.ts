import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { inTransaction } from '../../src/lib/server/infra/db';
import { writeInTransaction } from '../../src/lib/server/infra/write-result';
import {
	createKpiDefinition,
	findKpi,
	listObservations,
	loadApiKpis,
	saveEnteredObservation,
	saveObservation,
	type EnteredObservation
} from '../../src/lib/server/kpis';
import { previewObservationImport, readTable } from '../../src/lib/server/imports';
import { kpiFormSchema } from '../../src/lib/schemas/kpi';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Entering one value (issue 14, items 6 and 7): the plausibility rules refuse or round before anything is
 * stored, a stored value is replaced only after the user has seen it, and "changed by someone else" is said
 * only when it changed after the form was loaded. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
describe('entering a KPI value: plausibility, overwrite and conflict', () => {
	let database: TestDatabase;
	const users: Record<string, SessionUser> = {};
	let lead: SessionUser;
	let admin: SessionUser;
	const today = '2026-11-22';

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'x' });
		for (const u of await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.execute())
			users[u.email] = u;
		lead = users['projektleder@norddjurs.demo'];
		admin = users['admin@norddjurs.demo'];
	});
	afterAll(() => database.destroy());

	/** A monthly sick-leave KPI (percent, one decimal) with values 2026-01 … 2026-06 that move by ±0,1–0,2. */
	async function createSickLeave(name: string, bounds: { min?: string; max?: string } = {}) {
		const form = kpiFormSchema.parse({
			name,
			unit: 'percent',
			decimals: '1',
			direction: 'lower',
			frequency: 'month',
			baselineValue: '7,9',
			baselinePeriod: '2025-12',
			targetValue: '6,5',
			targetPeriod: '2027-12',
			minValue: bounds.min ?? '',
			maxValue: bounds.max ?? '',
			ownerId: String(lead.id)
		});
		const created = await writeInTransaction(database.db, (trx) =>
			createKpiDefinition(trx, lead.organisationId, admin.id, form)
		);
		if (created.kind !== 'ok') throw new Error(created.kind);
		const values = [7.0, 7.1, 7.0, 7.2, 7.0, 7.1];
		for (const [i, value] of values.entries())
			await writeInTransaction(database.db, (trx) =>
				saveObservation(trx, {
					organisationId: lead.organisationId,
					kpiId: created.id,
					period: `2026-0${i + 1}`,
					value,
					expectedVersion: null,
					userId: admin.id,
					clientAddress: null
				})
			);
		return (await findKpi(database.db, lead.organisationId, created.id))!;
	}

	const entry = (fields: Partial<EnteredObservation> & { period: string; value: number }): EnteredObservation => ({
		organisationId: lead.organisationId,
		userId: lead.id,
		clientAddress: null,
		comment: '',
		source: '',
		seriesBreak: false,
		version: null,
		versionOf: '',
		replace: false,
		confirmUnusual: false,
		loadedAt: new Date(),
		today,
		...fields
	});
	const enter = (kpi: Awaited<ReturnType<typeof createSickLeave>>, fields: Parameters<typeof entry>[0]) =>
		inTransaction(database.db, (trx) => saveEnteredObservation(trx, kpi, entry(fields)));
	const stored = async (kpiId: number, period: string) =>
		(await listObservations(database.db, lead.organisationId, [kpiId])).find((o) => o.period === period);

	test('150 %, −0,4 % and a period after the current month are refused with the reason, and nothing is stored', async () => {
		const kpi = await createSickLeave('Plausibel 1');
		expect(await enter(kpi, { period: '2026-07', value: 150 })).toEqual({
			kind: 'invalid',
			errors: [
				{
					field: 'value',
					message: 'Værdien 150,0\u00a0% er over 100,0\u00a0%, den højeste værdi for enheden procent (%).'
				}
			]
		});
		expect(await enter(kpi, { period: '2026-07', value: -0.4 })).toMatchObject({
			kind: 'invalid',
			errors: [{ field: 'value', message: expect.stringContaining('under 0,0\u00a0%') }]
		});
		expect(await enter(kpi, { period: '2027-01', value: 7 })).toEqual({
			kind: 'invalid',
			errors: [
				{
					field: 'period',
					message:
						'Perioden januar 2027 er ikke begyndt endnu. Den seneste periode, der kan indtastes, er november 2026.'
				}
			]
		});
		expect(await stored(kpi.id, '2026-07')).toBeUndefined();
		expect(await stored(kpi.id, '2027-01')).toBeUndefined();
		// The current month itself may be entered.
		expect(await enter(kpi, { period: '2026-11', value: 7.1 })).toMatchObject({ kind: 'saved', change: 'created' });
	});

	test("a KPI's own min/max is stored, shown by the API and replaces the unit's bound", async () => {
		const kpi = await createSickLeave('Plausibel 2', { min: '5', max: '9,5' });
		expect([kpi.minValue, kpi.maxValue].map(Number)).toEqual([5, 9.5]);
		const [api] = await loadApiKpis(database.db, lead.organisationId, today, kpi.id);
		expect([api.minValue, api.maxValue]).toEqual([5, 9.5]);
		expect(await enter(kpi, { period: '2026-07', value: 9.6 })).toMatchObject({
			kind: 'invalid',
			errors: [{ message: 'Værdien 9,6\u00a0% er over 9,5\u00a0%, nøgletallets højeste tilladte værdi.' }]
		});
		expect(await enter(kpi, { period: '2026-07', value: 4.9 })).toMatchObject({
			errors: [{ message: 'Værdien 4,9\u00a0% er under 5,0\u00a0%, nøgletallets mindste tilladte værdi.' }]
		});
		// A range the wrong way round is refused by the form and by the database.
		expect(kpiFormSchema.safeParse({ ...validForm(), minValue: '10', maxValue: '5' }).error?.issues[0]).toMatchObject({
			path: ['maxValue'],
			message: 'Den højeste tilladte værdi skal være større end den mindste.'
		});
		await expect(
			database.db.updateTable('kpi').set({ minValue: 10, maxValue: 5 }).where('id', '=', kpi.id).execute()
		).rejects.toThrow();
	});

	test('6,85 on a one-decimal KPI is stored as 6,9 and the answer says it was rounded', async () => {
		const kpi = await createSickLeave('Plausibel 3');
		expect(await enter(kpi, { period: '2026-07', value: 6.85 })).toEqual({
			kind: 'saved',
			change: 'created',
			value: 6.9,
			rounded: 'Værdien 6,85 er afrundet til 6,9\u00a0%, fordi nøgletallet har 1 decimal.'
		});
		expect((await stored(kpi.id, '2026-07'))?.value).toBe(6.9);
	});

	test('an unusual jump is saved only once the user says the value is right', async () => {
		const kpi = await createSickLeave('Plausibel 4');
		const jump = await enter(kpi, { period: '2026-07', value: 9.9 });
		expect(jump).toMatchObject({
			kind: 'unusual',
			message: expect.stringMatching(/^Usædvanlig ændring: 9,9\u00a0% er 2,8\u00a0%-point fra 7,1\u00a0% \(juni 2026\)/)
		});
		expect(await stored(kpi.id, '2026-07')).toBeUndefined();
		expect(await enter(kpi, { period: '2026-07', value: 9.9, confirmUnusual: true })).toMatchObject({ kind: 'saved' });
		expect((await stored(kpi.id, '2026-07'))?.value).toBe(9.9);
		// An ordinary step needs no tick.
		expect(await enter(kpi, { period: '2026-08', value: 9.8 })).toMatchObject({ kind: 'saved' });
	});

	test('a period that has a value asks first (not "changed by someone else"), then replaces exactly what was shown', async () => {
		const kpi = await createSickLeave('Plausibel 5');
		const before = await stored(kpi.id, '2026-03');
		// The form was opened for the next missing month (2026-07) and the user typed 2026-03 instead: the version the
		// form held belonged to another period — before issue 14 it was sent as if it were 2026-03's, a false conflict.
		const asked = await enter(kpi, { period: '2026-03', value: 6.9, version: null, versionOf: '2026-07' });
		expect(asked).toMatchObject({
			kind: 'replace',
			stored: { value: 7.0, version: before!.version, enteredBy: admin.name }
		});
		expect((await stored(kpi.id, '2026-03'))?.value).toBe(7.0);
		// Not ticked yet: asked again, nothing stored.
		const notTicked = { period: '2026-03', value: 6.9, version: before!.version, versionOf: '2026-03' };
		expect(await enter(kpi, notTicked)).toMatchObject({ kind: 'replace' });
		expect(await enter(kpi, { ...notTicked, replace: true })).toMatchObject({ kind: 'saved', change: 'updated' });
		expect((await stored(kpi.id, '2026-03'))?.value).toBe(6.9);
	});

	test('the conflict is reported only when the stored value changed after the form was loaded', async () => {
		const kpi = await createSickLeave('Plausibel 6');
		const loadedAt = new Date(Date.now() - 1000);
		const mine = await stored(kpi.id, '2026-04');
		// Someone else corrects 2026-04 while the lead has it open ("Ret" → version known for that period).
		await writeInTransaction(database.db, (trx) =>
			saveObservation(trx, {
				organisationId: lead.organisationId,
				kpiId: kpi.id,
				period: '2026-04',
				value: 7.3,
				expectedVersion: mine!.version,
				userId: admin.id,
				clientAddress: null
			})
		);
		expect(
			await enter(kpi, {
				period: '2026-04',
				value: 7.1,
				version: mine!.version,
				versionOf: '2026-04',
				replace: true,
				loadedAt
			})
		).toMatchObject({ kind: 'conflict', stored: { value: 7.3, version: mine!.version + 1 } });
		// And someone else fills the empty month the lead's form was opened for after it was loaded.
		await writeInTransaction(database.db, (trx) =>
			saveObservation(trx, {
				organisationId: lead.organisationId,
				kpiId: kpi.id,
				period: '2026-07',
				value: 7.2,
				expectedVersion: null,
				userId: admin.id,
				clientAddress: null
			})
		);
		expect(await enter(kpi, { period: '2026-07', value: 7.0, versionOf: '2026-07', loadedAt })).toMatchObject({
			kind: 'conflict',
			stored: { value: 7.2 }
		});
		// A value stored before the form was loaded is no conflict: the user is asked whether to replace it.
		expect(
			await enter(kpi, { period: '2026-07', value: 7.0, versionOf: '2026-08', loadedAt: new Date(Date.now() + 1000) })
		).toMatchObject({ kind: 'replace', stored: { value: 7.2 } });
		expect((await stored(kpi.id, '2026-07'))?.value).toBe(7.2);
	});

	test('the import preview refuses a row by the same rules and rounds with a warning', async () => {
		const kpi = await createSickLeave('Plausibel 7');
		const table = await readTable({
			text: [
				'Nøgletal;Periode;Værdi',
				`${kpi.name};2026-07;150`,
				`${kpi.name};2027-01;7`,
				`${kpi.name};2026-08;6,85`
			].join('\n')
		});
		if (!table.ok) throw new Error(table.message);
		const preview = await previewObservationImport(database.db, lead, table);
		expect(preview.rows.map((r) => [r.line, r.kind, r.value, r.message ?? r.warnings.join(' ')])).toEqual([
			[2, 'error', 150, 'Værdien 150,0\u00a0% er over 100,0\u00a0%, den højeste værdi for enheden procent (%).'],
			[3, 'error', 7, expect.stringMatching(/^Perioden januar 2027 er ikke begyndt endnu/)],
			[4, 'new', 6.9, 'Værdien 6,85 er afrundet til 6,9\u00a0%, fordi nøgletallet har 1 decimal.']
		]);
	});
});

function validForm() {
	return {
		name: 'x',
		unit: 'percent',
		decimals: '1',
		direction: 'lower',
		frequency: 'month',
		baselineValue: '7,9',
		baselinePeriod: '2025-12',
		targetValue: '6,5',
		targetPeriod: '2027-12'
	};
}
