import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { writeInTransaction } from '../../src/lib/server/infra/write-result';
import {
	canEditKpi,
	createKpiDefinition,
	deleteObservation,
	findKpi,
	listObservations,
	loadKpiProgress,
	saveObservation,
	updateKpiDefinition
} from '../../src/lib/server/kpis';
import { kpiDefinitionOf } from '../../src/lib/server/kpis/status';
import { computeKpiProgress } from '../../src/lib/domain/progress';
import type { KpiForm } from '../../src/lib/schemas/kpi';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * The KPI area in the shape of issue 13: writes return the one WriteResult and run in the caller's
 * transaction, the single-KPI access check asks about that KPI alone, and one as-of status loader gives
 * the same status as computing it from every stored value.
 */
describe('KPI writes, access and status as of a date', () => {
	let database: TestDatabase;
	let queries: { sql: string; parameters: readonly unknown[] }[] = [];
	const users = {} as Record<string, SessionUser>;
	let organisationId: number;
	let kpiId: number;

	beforeAll(async () => {
		database = await createTestDatabase({
			onQuery: (event) =>
				event.level === 'query' && queries.push({ sql: event.query.sql, parameters: event.query.parameters })
		});
		await seedDemo(database.db, { password: 'x' });
		for (const u of await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.execute()) {
			users[u.email] = u as SessionUser;
		}
		organisationId = users['admin@norddjurs.demo'].organisationId;
		kpiId = (
			await database.db
				.selectFrom('kpi')
				.select('id')
				.where('name', '=', 'Sygefravær, Velfærdsområdet (måned)')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(() => database.destroy());

	const input = (period: string, value: number, expectedVersion: number | null) => ({
		organisationId,
		kpiId,
		period,
		value,
		comment: 'prøve',
		expectedVersion,
		userId: users['admin@norddjurs.demo'].id,
		clientAddress: null
	});
	const save = (period: string, value: number, expectedVersion: number | null) =>
		writeInTransaction(database.db, (trx) => saveObservation(trx, input(period, value, expectedVersion)));
	const auditCount = async () =>
		Number(
			(
				await database.db
					.selectFrom('auditEvent')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	test('canEditKpi asks one query about that KPI, not for every KPI id of the organisation', async () => {
		const director = users['direktor@norddjurs.demo'];
		const lead = users['projektleder@norddjurs.demo'];
		for (const user of [director, lead]) {
			queries = [];
			await canEditKpi(database.db, user, kpiId);
			expect(queries).toHaveLength(1);
			// The KPI's id is a parameter of the one query: it reads that KPI, whatever the organisation holds.
			expect(queries[0].parameters).toContain(kpiId);
		}
		expect(await canEditKpi(database.db, director, kpiId)).toBe(true);
		expect(await canEditKpi(database.db, lead, kpiId)).toBe(true);
		expect(await canEditKpi(database.db, users['politiker@norddjurs.demo'], kpiId)).toBe(false);
		expect(await canEditKpi(database.db, users['admin@allerod.demo'], kpiId)).toBe(false);
	});

	test('saveObservation answers with WriteResult: created, unchanged, updated, and stale with the stored value', async () => {
		expect(await save('2020-01', 7.5, null)).toEqual({ kind: 'ok', change: 'created', version: 1 });
		expect(await save('2020-01', 7.5, 1)).toEqual({ kind: 'ok', change: 'unchanged', version: 1 });
		expect(await save('2020-01', 7.25, 1)).toEqual({ kind: 'ok', change: 'updated', version: 2 });
		const before = await auditCount();
		// A version the row no longer has: the stored value (a number, as the domain takes it) and its version come back.
		expect(await save('2020-01', 9, 1)).toEqual({
			kind: 'stale',
			current: { value: 7.25, comment: 'prøve', source: '', seriesBreak: false, version: 2 },
			changes: []
		});
		// Entering a period believed empty that holds a value, and updating one that is empty, are stale too.
		expect(await save('2020-01', 9, null)).toMatchObject({ kind: 'stale', current: { version: 2 } });
		expect(await save('2020-02', 9, 3)).toEqual({ kind: 'stale', current: null, changes: [] });
		expect(await auditCount()).toBe(before);
		const stored = (await listObservations(database.db, organisationId, [kpiId])).find((o) => o.period === '2020-01');
		expect(stored).toMatchObject({ value: 7.25, version: 2 });
	});

	test('deleteObservation: stale for an old or impossible version, ok (and audited) for the current one', async () => {
		const remove = (expectedVersion: number) =>
			writeInTransaction(database.db, (trx) =>
				deleteObservation(trx, {
					organisationId,
					kpiId,
					period: '2020-01',
					expectedVersion,
					userId: users['admin@norddjurs.demo'].id,
					clientAddress: null
				})
			);
		expect(await remove(1)).toEqual({ kind: 'stale', current: null, changes: [] });
		expect(await remove(2 ** 40)).toEqual({ kind: 'stale', current: null, changes: [] });
		const before = await auditCount();
		expect(await remove(2)).toEqual({ kind: 'ok' });
		expect(await auditCount()).toBe(before + 1);
	});

	test("KPI definitions: a taken name and a locked frequency are invalid at their field, an old version stale, another organisation's KPI not found", async () => {
		const admin = users['admin@norddjurs.demo'];
		const kpi = (await findKpi(database.db, organisationId, kpiId))!;
		const form: KpiForm = {
			name: kpi.name,
			description: '',
			unit: kpi.unit,
			decimals: kpi.decimals,
			direction: kpi.direction,
			frequency: kpi.frequency,
			scope: '',
			dataSource: '',
			baselineValue: Number(kpi.baselineValue),
			baselinePeriod: kpi.baselinePeriod,
			targetValue: Number(kpi.targetValue),
			targetPeriod: kpi.targetPeriod,
			assessment: kpi.assessment,
			minValue: null,
			maxValue: null,
			illustrative: false,
			recommendationId: [],
			primaryId: [],
			ownerId: [],
			version: kpi.version
		};
		const update = (changes: Partial<KpiForm>, id = kpiId) =>
			writeInTransaction(database.db, (trx) =>
				updateKpiDefinition(trx, organisationId, admin.id, id, { ...form, ...changes })
			);
		const create = (changes: Partial<KpiForm>) =>
			writeInTransaction(database.db, (trx) =>
				createKpiDefinition(trx, organisationId, admin.id, { ...form, ...changes, version: null })
			);

		expect(await create({})).toEqual({
			kind: 'invalid',
			field: 'name',
			message: 'Der findes allerede et nøgletal med det navn.'
		});
		const other = await database.db
			.selectFrom('kpi')
			.select('name')
			.where('organisationId', '=', organisationId)
			.where('id', '!=', kpiId)
			.executeTakeFirstOrThrow();
		expect(await update({ name: other.name })).toMatchObject({ kind: 'invalid', field: 'name' });
		expect(await update({ frequency: 'year', baselinePeriod: '2022', targetPeriod: '2025' })).toMatchObject({
			kind: 'invalid',
			field: 'frequency'
		});
		expect(await update({ version: kpi.version + 5 })).toEqual({
			kind: 'stale',
			current: { name: kpi.name, version: kpi.version },
			changes: []
		});
		const foreign = (
			await database.db
				.selectFrom('kpi')
				.select('id')
				.where('organisationId', '!=', organisationId)
				.executeTakeFirstOrThrow()
		).id;
		expect(await update({}, foreign)).toEqual({ kind: 'not_found' });
		// Nothing of the refused writes stayed.
		expect((await findKpi(database.db, organisationId, kpiId))!.version).toBe(kpi.version);

		const created = await create({ name: 'Et nyt nøgletal' });
		expect(created).toMatchObject({ kind: 'ok', change: 'created' });
	});

	test('the one as-of status loader gives, for every KPI and date, the status computed from all of its values', async () => {
		const kpis = await database.db.selectFrom('kpi').selectAll().where('organisationId', '=', organisationId).execute();
		const all = await listObservations(
			database.db,
			organisationId,
			kpis.map((k) => k.id)
		);
		for (const asOf of ['2023-06-30', '2025-01-31', '2026-11-22']) {
			for (const scope of ['these', 'organisation'] as const) {
				const progress = await loadKpiProgress(database.db, organisationId, asOf, kpis, scope);
				for (const kpi of kpis) {
					const points = all.filter((o) => o.kpiId === kpi.id).map((o) => ({ period: o.period, value: o.value }));
					expect(progress.get(kpi.id), `${kpi.name} as of ${asOf}`).toEqual(
						computeKpiProgress(kpiDefinitionOf(kpi), points, asOf)
					);
				}
			}
		}
	});
});
