import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { saveObservation } from '../../src/lib/server/kpis/observations';
import { applyObservationImport, previewObservationImport, readTable } from '../../src/lib/server/imports';
import {
	listObservationAuditEvents,
	listValueAuditEventsOfKpis,
	valueChangeOf
} from '../../src/lib/server/audit/audit-events';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/** Issue 15, item 5: a KPI's value history (who, when, old → new, comment), also on its recommendation. */
describe('the value history of a KPI and of its recommendation', () => {
	let database: TestDatabase;
	let lead: SessionUser;
	let kpiId: number;
	let recommendationKpiIds: number[];

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		lead = await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.where('email', '=', 'projektleder@norddjurs.demo')
			.executeTakeFirstOrThrow();
		const { organisationId } = lead;
		({ id: kpiId } = await database.db
			.insertInto('kpi')
			.values({
				organisationId,
				name: 'Historikfravær',
				unit: 'percent',
				decimals: 1,
				direction: 'lower',
				frequency: 'month',
				baselineValue: 7,
				baselinePeriod: '2024-12',
				targetValue: 6,
				targetPeriod: '2026-12'
			})
			.returning('id')
			.executeTakeFirstOrThrow());
		await database.db.insertInto('kpiOwner').values({ organisationId, kpiId, userId: lead.id }).execute();
		const recommendation = await database.db
			.selectFrom('recommendation')
			.select('id')
			.where('organisationId', '=', organisationId)
			.orderBy('id')
			.executeTakeFirstOrThrow();
		await database.db
			.insertInto('recommendationKpi')
			.values({ organisationId, recommendationId: recommendation.id, kpiId, position: 99 })
			.execute();
		recommendationKpiIds = (
			await database.db
				.selectFrom('recommendationKpi')
				.select('kpiId')
				.where('recommendationId', '=', recommendation.id)
				.execute()
		).map((r) => r.kpiId);

		// Entered, then edited, then imported (one edit of the same month and a new month).
		const save = (value: number, comment: string, expectedVersion: number | null) =>
			database.db.transaction().execute((trx) =>
				saveObservation(trx, {
					organisationId,
					kpiId,
					period: '2025-01',
					value,
					comment,
					expectedVersion,
					userId: lead.id,
					clientAddress: null
				})
			);
		expect(await save(6.6, 'Første tal', null)).toMatchObject({ kind: 'ok', change: 'created' });
		expect(await save(6.9, 'Rettet efter HR', 1)).toMatchObject({ kind: 'ok', change: 'updated' });
		const table = await readTable({
			bytes: new TextEncoder().encode(
				[
					'Nøgletal;Periode;Værdi;Kommentar',
					'Historikfravær;2025-01;7,1;Fra lønsystemet',
					'Historikfravær;2025-02;6,8;'
				].join('\r\n')
			),
			filename: 'fravær.csv'
		});
		if (!table.ok) throw new Error(table.message);
		const preview = await previewObservationImport(database.db, lead, table);
		expect(await applyObservationImport(database.db, lead, preview, null, { confirmUnusual: true })).toMatchObject({
			kind: 'ok',
			created: 1,
			updated: 1
		});

		// Another organisation's event about the same entity id must never show.
		const other = await database.db
			.insertInto('organisation')
			.values({ slug: 'anden-historik', name: 'Anden Kommune', municipalityCode: 998 })
			.returning('id')
			.executeTakeFirstOrThrow();
		await database.db
			.insertInto('auditEvent')
			.values({
				organisationId: other.id,
				action: 'observation.updated',
				actorLabel: 'Fremmed',
				entityType: 'observation',
				entityId: `${kpiId}/2025-01`,
				before: JSON.stringify({ value: 1, comment: '' }),
				after: JSON.stringify({ value: 99, comment: 'fremmed' })
			})
			.execute();
	});
	afterAll(() => database.destroy());

	const rows = (events: Awaited<ReturnType<typeof listObservationAuditEvents>>) =>
		events
			.filter((e) => e.entityId?.startsWith(`${kpiId}/`))
			.map((e) => {
				const { period, change, comment } = valueChangeOf(e, { unit: 'percent', decimals: 1 });
				return [e.action, e.actorName ?? e.actorLabel, period, change, comment];
			});

	const expected = () => [
		// The import's two values share its moment; its update was recorded after its creation.
		['observation.updated', lead.name, 'januar 2025', '6,9\u00a0% → 7,1\u00a0%', 'Fra lønsystemet'],
		['observation.created', lead.name, 'februar 2025', '– → 6,8\u00a0%', null],
		['observation.updated', lead.name, 'januar 2025', '6,6\u00a0% → 6,9\u00a0%', 'Rettet efter HR'],
		['observation.created', lead.name, 'januar 2025', '– → 6,6\u00a0%', 'Første tal']
	];

	test("the KPI's history: entered, edited and imported values, newest first, with who, when, old → new and comment", async () => {
		const events = await listObservationAuditEvents(database.db, lead.organisationId, kpiId);
		expect(rows(events)).toEqual(expected());
		expect(events.every((e) => e.occurredAt instanceof Date)).toBe(true);
		expect(events.some((e) => e.actorLabel === 'Fremmed')).toBe(false);
	});

	test("the recommendation's history includes its KPIs' value changes in one query, with a limit", async () => {
		expect(recommendationKpiIds).toContain(kpiId);
		const events = await listValueAuditEventsOfKpis(database.db, lead.organisationId, recommendationKpiIds);
		expect(rows(events)).toEqual(expected());
		expect(events.some((e) => e.actorLabel === 'Fremmed')).toBe(false);
		expect(events.every((e) => recommendationKpiIds.includes(Number(e.entityId?.split('/')[0])))).toBe(true);
		const times = events.map((e) => e.occurredAt.getTime());
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(await listValueAuditEventsOfKpis(database.db, lead.organisationId, recommendationKpiIds, 2)).toHaveLength(2);
		expect(await listValueAuditEventsOfKpis(database.db, lead.organisationId, [])).toEqual([]);
	});
});
