import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { seedDemo } from '../../db/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { writeInTransaction } from '../../src/lib/server/infra/write-result';
import {
	findKpi,
	loadApiKpis,
	loadApiKpisCached,
	saveObservation,
	updateKpiDefinition
} from '../../src/lib/server/kpis';
import { loadOverview } from '../../src/lib/server/kpis/status';
import { loadOverviewCached, readDataVersion } from '../../src/lib/server/kpis/overview-cache';
import { applyObservationImport, previewObservationImport, readTable } from '../../src/lib/server/imports';
import { addBudgetActual, addBudgetLine, addFollowUpItem, setStatusOverride } from '../../src/lib/server/register';
import { listTasks, listTasksCached } from '../../src/lib/server/tasks';
import { recordAudit } from '../../src/lib/server/audit/record';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const AS_OF = '2026-11-22';
const KPI_NAME = 'Sygefravær, Velfærdsområdet (måned)';

/**
 * Issue 20 goal 1: every write the overview shows changes the organisation's data version (triggers, same
 * transaction), and only that organisation's; the cached overview is the uncached one until the next write, and
 * the new figures right after it.
 */
describe('the organisation data version behind the cached overview', () => {
	let database: TestDatabase;
	const users: Record<string, SessionUser> = {};
	let organisationId: number;
	let otherOrganisationId: number;
	let kpiId: number;
	let recommendationId: number;

	let recorded: string[] | null = null;

	beforeAll(async () => {
		database = await createTestDatabase({
			onQuery: (event) => event.level === 'query' && recorded?.push(event.query.sql)
		});
		await seedDemo(database.db, { password: 'x' });
		for (const u of await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.execute())
			users[u.email] = u as SessionUser;
		organisationId = users['admin@norddjurs.demo'].organisationId;
		otherOrganisationId = (
			await database.db
				.insertInto('organisation')
				.values({ slug: 'anden', name: 'Anden kommune' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		kpiId = (await database.db.selectFrom('kpi').select('id').where('name', '=', KPI_NAME).executeTakeFirstOrThrow())
			.id;
		recommendationId = (
			await database.db
				.selectFrom('recommendationKpi')
				.select('recommendationId')
				.where('kpiId', '=', kpiId)
				.executeTakeFirstOrThrow()
		).recommendationId;
	});
	afterAll(() => database.destroy());

	const admin = () => users['admin@norddjurs.demo'];
	const db = () => database.db;

	/** Runs the write and expects this organisation's version to have grown and the other's to be unchanged. */
	async function expectBump(write: () => Promise<unknown>) {
		const [before, otherBefore] = await Promise.all([
			readDataVersion(db(), organisationId),
			readDataVersion(db(), otherOrganisationId)
		]);
		const result = await write();
		if (result && typeof result === 'object' && 'kind' in result) expect(result).toMatchObject({ kind: 'ok' });
		expect(await readDataVersion(db(), organisationId)).toBeGreaterThan(before);
		expect(await readDataVersion(db(), otherOrganisationId)).toBe(otherBefore);
	}

	test('every table the overview and "Mine opgaver" read has the triggers that bump the version', async () => {
		recorded = [];
		await loadOverview(db(), organisationId, AS_OF);
		for (const email of ['projektleder@norddjurs.demo', 'direktor@norddjurs.demo', 'admin@norddjurs.demo'])
			await listTasks(db(), users[email], AS_OF);
		const read = new Set(
			recorded.flatMap((query) => [...query.matchAll(/\b(?:from|join)\s+"(\w+)"/gi)].map((m) => m[1]))
		);
		recorded = null;
		const { rows } = await sql<{ table: string; events: number }>`
			select tgrelid::regclass::text as table, count(*)::int as events from pg_trigger
			where tgname in (tgrelid::regclass::text || '_data_insert', tgrelid::regclass::text || '_data_update',
				tgrelid::regclass::text || '_data_delete', tgrelid::regclass::text || '_data_truncate')
			group by tgrelid`.execute(db());
		const covered = new Set(rows.filter((r) => r.events === 4).map((r) => r.table));
		expect(read.size).toBeGreaterThanOrEqual(12);
		// Not data: the version itself, and the session counts that listUsers adds and no task uses.
		const exempt = new Set(['organisation_data_version', 'session']);
		expect([...read].filter((table) => !covered.has(table) && !exempt.has(table))).toEqual([]);
	});

	test('every organisation has a version from the start, and reading does not change it', async () => {
		const version = await readDataVersion(db(), organisationId);
		expect(version).toBeGreaterThan(0);
		expect(await readDataVersion(db(), otherOrganisationId)).toBeGreaterThan(0);
		await loadOverview(db(), organisationId, AS_OF);
		expect(await readDataVersion(db(), organisationId)).toBe(version);
	});

	test('saving a value through the entry form’s write', async () => {
		const stored = await db()
			.selectFrom('observation')
			.select('version')
			.where('kpiId', '=', kpiId)
			.where('period', '=', '2026-06')
			.executeTakeFirst();
		await expectBump(() =>
			writeInTransaction(db(), (trx) =>
				saveObservation(trx, {
					organisationId,
					kpiId,
					period: '2026-06',
					value: 6.1,
					expectedVersion: stored?.version ?? null,
					userId: admin().id,
					clientAddress: null
				})
			)
		);
	});

	test('an import of values', async () => {
		const table = await readTable({ text: `Nøgletal\tPeriode\tVærdi\n${KPI_NAME}\t2026-05\t6,3\n` });
		if (!table.ok) throw new Error(table.message);
		const preview = await previewObservationImport(db(), admin(), table);
		expect(preview.counts.errors).toBe(0);
		await expectBump(() => applyObservationImport(db(), admin(), preview, null, { confirmUnusual: true }));
	});

	test('a KPI’s target', async () => {
		const kpi = (await findKpi(db(), organisationId, kpiId))!;
		const links = await db().selectFrom('recommendationKpi').selectAll().where('kpiId', '=', kpiId).execute();
		const owners = await db().selectFrom('kpiOwner').select('userId').where('kpiId', '=', kpiId).execute();
		await expectBump(() =>
			writeInTransaction(db(), (trx) =>
				updateKpiDefinition(trx, organisationId, admin().id, kpiId, {
					name: kpi.name,
					description: kpi.description,
					unit: kpi.unit,
					decimals: kpi.decimals,
					direction: kpi.direction,
					frequency: kpi.frequency,
					scope: kpi.scope,
					dataSource: kpi.dataSource,
					baselineValue: Number(kpi.baselineValue),
					baselinePeriod: kpi.baselinePeriod,
					targetValue: Number(kpi.targetValue) - 0.1,
					targetPeriod: kpi.targetPeriod,
					assessment: kpi.assessment,
					minValue: null,
					maxValue: null,
					illustrative: kpi.illustrative,
					recommendationId: links.map((l) => l.recommendationId),
					primaryId: links.filter((l) => l.isPrimary).map((l) => l.recommendationId),
					ownerId: owners.map((o) => o.userId),
					version: kpi.version
				})
			)
		);
	});

	test('a director’s status override', async () => {
		const { version } = await db()
			.selectFrom('recommendation')
			.select('version')
			.where('id', '=', recommendationId)
			.executeTakeFirstOrThrow();
		await expectBump(() =>
			writeInTransaction(db(), (trx) =>
				setStatusOverride(trx, users['direktor@norddjurs.demo'], recommendationId, {
					status: 'at_risk',
					reason: 'Prøve',
					version
				})
			)
		);
	});

	test('budget lines, actual spend and follow-up items', async () => {
		await expectBump(() =>
			writeInTransaction(db(), (trx) =>
				addBudgetLine(trx, admin(), recommendationId, {
					year: 2031,
					amountKr: 125_000,
					category: 'activities',
					funding: 'own_budget',
					note: ''
				})
			)
		);
		await expectBump(() =>
			writeInTransaction(db(), (trx) =>
				addBudgetActual(trx, admin(), recommendationId, { year: 2031, amountKr: 5_000, note: '' })
			)
		);
		await expectBump(() =>
			writeInTransaction(db(), (trx) =>
				addFollowUpItem(trx, admin(), recommendationId, {
					title: 'Opfølgning',
					description: '',
					duePeriod: '2027',
					state: 'not_started'
				})
			)
		);
	});

	test('the rows around them: recommendation text, programme, theme, links, owners, assignees, names, settings', async () => {
		const org = organisationId;
		const rec = await db()
			.selectFrom('recommendation')
			.select(['programmeId', 'themeId'])
			.where('id', '=', recommendationId)
			.executeTakeFirstOrThrow();
		const lead = users['projektleder@norddjurs.demo'];
		const where = { recommendationId, kpiId };
		await expectBump(() =>
			db().updateTable('recommendation').set({ title: 'Ny titel' }).where('id', '=', recommendationId).execute()
		);
		await expectBump(() =>
			db().updateTable('programme').set({ name: 'Nyt navn' }).where('id', '=', rec.programmeId).execute()
		);
		if (rec.themeId !== null)
			await expectBump(() =>
				db().updateTable('theme').set({ name: 'Nyt tema' }).where('id', '=', rec.themeId!).execute()
			);
		await expectBump(() =>
			db()
				.updateTable('recommendationKpi')
				.set({ isPrimary: false })
				.where('recommendationId', '=', where.recommendationId)
				.where('kpiId', '=', where.kpiId)
				.execute()
		);
		await expectBump(() => db().deleteFrom('kpiOwner').where('kpiId', '=', kpiId).execute());
		await expectBump(() =>
			db().insertInto('kpiOwner').values({ organisationId: org, kpiId, userId: lead.id }).execute()
		);
		await expectBump(() =>
			db().deleteFrom('recommendationAssignment').where('recommendationId', '=', recommendationId).execute()
		);
		await expectBump(() =>
			db()
				.insertInto('recommendationAssignment')
				.values({ organisationId: org, recommendationId, userId: lead.id })
				.execute()
		);
		await expectBump(() => db().updateTable('appUser').set({ name: 'Ny Leder' }).where('id', '=', lead.id).execute());
		await expectBump(() => db().updateTable('organisation').set({ name: 'Norddjurs' }).where('id', '=', org).execute());
		await expectBump(() =>
			db().deleteFrom('observation').where('kpiId', '=', kpiId).where('period', '=', '2026-06').execute()
		);
	});

	test('what "Mine opgaver" beside the overview reads: status notes and annual reports', async () => {
		await expectBump(() =>
			db()
				.insertInto('statusUpdate')
				.values({ organisationId, recommendationId, period: '2031', body: 'Status', authorId: admin().id })
				.execute()
		);
		await expectBump(() =>
			db().insertInto('annualReport').values({ organisationId, year: 2031, asOf: '2031-12-31' }).execute()
		);
	});

	test('what the recommendation page (kept whole, http/page-cache.ts) reads besides: history and comparison series', async () => {
		await expectBump(() =>
			recordAudit(db(), {
				organisationId,
				actorUserId: admin().id,
				action: 'recommendation.updated',
				entityType: 'recommendation',
				entityId: String(recommendationId),
				before: { title: 'a' },
				after: { title: 'b' }
			})
		);
		const comparison = () =>
			db()
				.insertInto('kpiComparison')
				.values({ organisationId, kpiId, name: 'Landsgennemsnit' })
				.returning('id')
				.executeTakeFirstOrThrow();
		let comparisonId = 0;
		await expectBump(async () => ({ id: comparisonId } = await comparison()));
		await expectBump(() =>
			db()
				.insertInto('kpiComparisonValue')
				.values({ organisationId, comparisonId, period: '2026-01', value: 5 })
				.execute()
		);
		await expectBump(() => db().deleteFrom('kpiComparison').where('id', '=', comparisonId).execute());
	});

	test('a write that rolls back leaves the version as it was', async () => {
		const before = await readDataVersion(db(), organisationId);
		await expect(
			db()
				.transaction()
				.execute(async (trx) => {
					await trx.updateTable('kpi').set({ name: 'Rulles tilbage' }).where('id', '=', kpiId).execute();
					throw new Error('rollback');
				})
		).rejects.toThrow('rollback');
		expect(await readDataVersion(db(), organisationId)).toBe(before);
	});

	test('the cached overview is the uncached one, the same object until a write, and the new figure right after', async () => {
		const first = await loadOverviewCached(db(), organisationId, AS_OF);
		expect(first).toEqual(await loadOverview(db(), organisationId, AS_OF));
		expect(await loadOverviewCached(db(), organisationId, AS_OF)).toBe(first);
		expect(Object.isFrozen(first[0].kpis[0].progress)).toBe(true);

		const saved = await writeInTransaction(db(), (trx) =>
			saveObservation(trx, {
				organisationId,
				kpiId,
				period: '2026-10',
				value: 4.2,
				expectedVersion: null,
				userId: admin().id,
				clientAddress: null
			})
		);
		expect(saved).toMatchObject({ kind: 'ok' });
		const after = await loadOverviewCached(db(), organisationId, AS_OF);
		expect(after).not.toBe(first);
		expect(after).toEqual(await loadOverview(db(), organisationId, AS_OF));
		const kpi = after.flatMap((row) => row.kpis).find((k) => k.id === kpiId)!;
		expect(kpi.progress.latest).toMatchObject({ period: '2026-10', value: 4.2 });
	});

	test("the API's KPI list is kept the same way: the uncached list until a write, then the new value", async () => {
		const first = await loadApiKpisCached(db(), organisationId, AS_OF);
		expect(first).toEqual(await loadApiKpis(db(), organisationId, AS_OF));
		expect(await loadApiKpisCached(db(), organisationId, AS_OF)).toBe(first);
		const saved = await writeInTransaction(db(), (trx) =>
			saveObservation(trx, {
				organisationId,
				kpiId,
				period: '2026-09',
				value: 3.7,
				expectedVersion: null,
				userId: admin().id,
				clientAddress: null
			})
		);
		expect(saved).toMatchObject({ kind: 'ok' });
		const after = await loadApiKpisCached(db(), organisationId, AS_OF);
		expect(after).not.toBe(first);
		expect(after).toEqual(await loadApiKpis(db(), organisationId, AS_OF));
	});

	test('"Mine opgaver" is kept per user and version: the same list until a write, then the new one', async () => {
		const lead = users['projektleder@norddjurs.demo'];
		const tasksOf = async (user: SessionUser) => {
			const version = await readDataVersion(db(), organisationId);
			return listTasksCached(
				db(),
				user,
				AS_OF,
				version,
				await loadOverviewCached(db(), organisationId, AS_OF, version)
			);
		};
		// A draft report for 2032 asks the lead for a status note on each of their recommendations.
		await db().insertInto('annualReport').values({ organisationId, year: 2032, asOf: '2032-12-31' }).execute();
		const first = await tasksOf(lead);
		expect(await tasksOf(lead)).toBe(first);
		expect(await tasksOf(users['direktor@norddjurs.demo'])).not.toEqual(first);
		expect(first.some((task) => task.subjectKey.endsWith(':2032'))).toBe(true);
		// Writing the status notes the lead is asked for takes those tasks off the list at once.
		const asked = first.filter((task) => task.subjectKey.startsWith('status-note:'));
		await db()
			.insertInto('statusUpdate')
			.values(
				asked.map((task) => ({
					organisationId,
					recommendationId: Number(task.subjectKey.split(':')[1]),
					period: task.subjectKey.split(':')[2],
					body: 'Skrevet',
					authorId: lead.id
				}))
			)
			.execute();
		const after = await tasksOf(lead);
		expect(after.filter((task) => task.subjectKey.startsWith('status-note:'))).toEqual([]);
	});
});
