import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { writeInTransaction } from '../../src/lib/server/infra/write-result';
import {
	createKpiDefinition,
	loadApiKpis,
	parseKpiForm,
	saveObservation,
	updateKpiDefinition
} from '../../src/lib/server/kpis';
import { kpiShape } from '../../src/lib/schemas/api';
import { overrideFormSchema } from '../../src/lib/schemas/register';
import { setStatusOverride } from '../../src/lib/server/register/recommendation-writes';
import { POST as postKpi } from '../../src/routes/api/v1/kpis/+server';
import { actions as newKpiActions } from '../../src/routes/(app)/noegletal/ny/+page.server';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const ROLLING_YEAR_REFUSAL =
	'Gennemsnittet af de seneste 12 måneder (4 kvartaler) kan kun vælges for nøgletal, der måles hver måned eller hvert kvartal.';

/** The KPI form as a browser posts it: Danish numbers, radio and checkboxes as text. */
function kpiFormData(fields: Record<string, string>): FormData {
	const data = new FormData();
	const defaults = {
		unit: 'percent',
		decimals: '1',
		direction: 'lower',
		baselineValue: '7,8',
		targetValue: '6,5'
	};
	for (const [key, value] of Object.entries({ ...defaults, ...fields })) data.set(key, value);
	return data;
}

/**
 * Issue 15 item 1 on the write and read paths: the API's KPI names its assessment and the revised status
 * (missed once the target period has a value short of the target), a KPI created on the rolling year is judged
 * on the mean, and a yearly KPI on the rolling year is refused in Danish at its field (form and API), never
 * by the database's check constraint.
 */
describe('KPI assessment and the revised status in the API', () => {
	let database: TestDatabase;
	let admin: SessionUser;
	let organisationId: number;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'x' });
		admin = (await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.where('email', '=', 'admin@norddjurs.demo')
			.executeTakeFirstOrThrow()) as SessionUser;
		organisationId = admin.organisationId;
	});
	afterAll(() => database.destroy());

	const apiKpi = async (name: string, asOf: string) => {
		const kpi = (await loadApiKpis(database.db, organisationId, asOf)).find((k) => k.name === name);
		if (!kpi) throw new Error(`no KPI ${name}`);
		// What the endpoint sends is what the OpenAPI document promises.
		expect(kpiShape.safeParse(kpi).success).toBe(true);
		return kpi;
	};

	test('the demo yearly sick leave is on track as of the day before its target year 2025, and missed from the day its 2025 value counts (6,7 % against 6,5 % in 2025)', async () => {
		const name = 'Sygefravær, Velfærdsområdet (år)';
		const before = await apiKpi(name, '2024-12-31');
		expect(before).toMatchObject({
			status: 'on_track',
			assessment: 'latest',
			assessedValue: 7,
			rollingYear: null,
			latest: { period: '2024', value: 7 }
		});
		const after = await apiKpi(name, '2025-01-01');
		expect(after).toMatchObject({
			status: 'missed',
			assessment: 'latest',
			assessedValue: 6.7,
			rollingYear: null,
			latest: { period: '2025', value: 6.7 }
		});
		expect(after.achievedShare).toBeCloseTo(0.846, 3);
	});

	test('the demo monthly sick leave names its rolling year: the mean of the 12 months to August 2026 is judged', async () => {
		const kpi = await apiKpi('Sygefravær, Velfærdsområdet (måned)', '2026-11-22');
		expect(kpi.assessment).toBe('rolling_year');
		expect(kpi.latest?.period).toBe('2026-08');
		expect(kpi.rollingYear).toEqual({ valueCount: 12, window: 12, fellBackToLatest: false });
		// The README's example: the mean of 2025-09 … 2026-08 is 6,68 % (the latest value 6,6 %), on track.
		expect(kpi.status).toBe('on_track');
		expect(kpi.latest?.value).toBe(6.6);
		expect(kpi.assessedValue).toBeCloseTo(6.6833, 4);
	});

	test('a monthly KPI created on the rolling year through the form is judged on the mean (DESIGN §3 vector), audited; with 5 of 12 months it falls back to the latest value', async () => {
		const form = parseKpiForm(
			kpiFormData({
				name: 'Sygefravær, rullende år',
				frequency: 'month',
				baselinePeriod: '2022-12',
				targetPeriod: '2025-12',
				assessment: 'rolling_year'
			})
		);
		if (!form.ok) throw new Error(JSON.stringify(form.errors));
		expect(form.data.assessment).toBe('rolling_year');
		const created = await writeInTransaction(database.db, (trx) =>
			createKpiDefinition(trx, organisationId, admin.id, form.data)
		);
		if (created.kind !== 'ok') throw new Error(created.kind);
		const kpiId = created.id;
		const save = (period: string, value: number) =>
			writeInTransaction(database.db, (trx) =>
				saveObservation(trx, {
					organisationId,
					kpiId,
					period,
					value,
					expectedVersion: null,
					userId: admin.id,
					clientAddress: null
				})
			);
		for (let month = 1; month <= 5; month++) await save(`2024-${String(month).padStart(2, '0')}`, 7);
		// 5 of 12 months: too few for the mean, so the latest value is judged — and the API says so.
		const early = await apiKpi('Sygefravær, rullende år', '2024-06-15');
		expect(early).toMatchObject({
			assessment: 'rolling_year',
			assessedValue: 7,
			rollingYear: { valueCount: 5, window: 12, fellBackToLatest: true }
		});
		for (let month = 6; month <= 11; month++) await save(`2024-${String(month).padStart(2, '0')}`, 7);
		await save('2024-12', 8.4);
		const judged = await apiKpi('Sygefravær, rullende år', '2025-01-15');
		// Latest value 8,4 would be off track (A = −0,462); the mean 7,1167 is at risk (A = 0,526, E = 0,667).
		expect(judged).toMatchObject({
			status: 'at_risk',
			assessment: 'rolling_year',
			latest: { period: '2024-12', value: 8.4 },
			rollingYear: { valueCount: 12, window: 12, fellBackToLatest: false }
		});
		expect(judged.assessedValue).toBeCloseTo(7.1167, 4);
		expect(judged.achievedShare).toBeCloseTo(0.526, 3);

		// Back to the latest value through the edit form: the status follows, and the audit has before and after.
		const stored = await database.db.selectFrom('kpi').selectAll().where('id', '=', kpiId).executeTakeFirstOrThrow();
		const updated = await writeInTransaction(database.db, (trx) =>
			updateKpiDefinition(trx, organisationId, admin.id, kpiId, {
				...form.data,
				assessment: 'latest',
				version: stored.version
			})
		);
		expect(updated.kind).toBe('ok');
		expect(await apiKpi('Sygefravær, rullende år', '2025-01-15')).toMatchObject({
			status: 'off_track',
			assessment: 'latest',
			assessedValue: 8.4,
			rollingYear: null
		});
		const audits = await database.db
			.selectFrom('auditEvent')
			.select(['action', 'before', 'after'])
			.where('entityType', '=', 'kpi')
			.where('entityId', '=', String(kpiId))
			.orderBy('id')
			.execute();
		expect(audits.map((a) => a.action)).toEqual(['kpi.created', 'kpi.updated']);
		expect(audits[0].after).toMatchObject({ assessment: 'rolling_year' });
		expect(audits[1].before).toMatchObject({ assessment: 'rolling_year' });
		expect(audits[1].after).toMatchObject({ assessment: 'latest' });
	});

	test('a director may override a recommendation as missed (Ikke nået), with a reason; the database takes it', async () => {
		const rec = await database.db
			.selectFrom('recommendation')
			.select(['id', 'version'])
			.where('organisationId', '=', organisationId)
			.where('number', '=', 6)
			.executeTakeFirstOrThrow();
		const form = overrideFormSchema.parse({
			status: 'missed',
			reason: 'Målet for 2027 kan ikke nås med de afsatte midler.',
			version: String(rec.version)
		});
		const result = await writeInTransaction(database.db, (trx) => setStatusOverride(trx, admin, rec.id, form));
		expect(result).toMatchObject({ kind: 'ok', change: 'updated' });
		const stored = await database.db
			.selectFrom('recommendation')
			.select(['statusOverride', 'statusOverrideReason'])
			.where('id', '=', rec.id)
			.executeTakeFirstOrThrow();
		expect(stored).toEqual({
			statusOverride: 'missed',
			statusOverrideReason: 'Målet for 2027 kan ikke nås med de afsatte midler.'
		});
	});

	test('a form without the choice means the latest value', () => {
		const form = parseKpiForm(
			kpiFormData({ name: 'Uden valg', frequency: 'month', baselinePeriod: '2022-12', targetPeriod: '2025-12' })
		);
		expect(form.ok && form.data.assessment).toBe('latest');
	});

	test('a yearly KPI on the rolling year: the form answers 400 with a Danish message at the field, the API 422, nothing is stored', async () => {
		const countKpis = async () =>
			Number(
				(
					await database.db
						.selectFrom('kpi')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		const before = await countKpis();
		const url = new URL('http://localhost/noegletal/ny');
		const formEvent = {
			locals: { user: admin },
			url,
			request: new Request(url, {
				method: 'POST',
				body: kpiFormData({
					name: 'Årligt på rullende år',
					frequency: 'year',
					baselinePeriod: '2022',
					targetPeriod: '2025',
					assessment: 'rolling_year'
				})
			}),
			getClientAddress: () => '127.0.0.1'
		} as unknown as RequestEvent;
		const refused = (await newKpiActions.default(formEvent as never)) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(refused.status).toBe(400);
		expect(refused.data.errors.assessment).toBe(ROLLING_YEAR_REFUSAL);

		const apiEvent = {
			locals: { user: { ...admin, role: 'director' } },
			url: new URL('http://localhost/api/v1/kpis'),
			request: new Request('http://localhost/api/v1/kpis', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					name: 'Halvårligt på rullende år',
					unit: 'percent',
					direction: 'lower',
					frequency: 'half',
					baseline: { value: 7.8, period: '2022-H2' },
					target: { value: 6.5, period: '2025-H2' },
					assessment: 'rolling_year'
				})
			}),
			getClientAddress: () => '127.0.0.1'
		} as unknown as Parameters<typeof postKpi>[0];
		const response = await postKpi(apiEvent);
		expect(response.status).toBe(422);
		expect((await response.json()).error.fields).toEqual({ assessment: ROLLING_YEAR_REFUSAL });
		expect(await countKpis()).toBe(before);
	});
});
