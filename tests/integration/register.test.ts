import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { seedDemo } from '../../db/seed/demo';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import * as register from '../../src/lib/server/register';
import { exportProgramme, readProgrammeDocument, recommendationValues } from '../../src/lib/server/register';
import { inTransaction, type Db } from '../../src/lib/server/infra/db';
import { writeInTransaction, type WriteResult } from '../../src/lib/server/infra/write-result';
import { budgetLineFormSchema, lifecycleFormSchema, recommendationFormSchema } from '../../src/lib/schemas/register';
import { listAuditEvents } from '../../src/lib/server/audit/audit-events';
import { loadOverview } from '../../src/lib/server/kpis/status';
import { recommendationTable, toDanishCsv } from '../../src/lib/server/exports';

/** The register's writes and the programme document, against the real database (PGlite or PostgreSQL). */

const registerTables = [
	'programme',
	'theme',
	'recommendation',
	'recommendation_lifecycle_event',
	'follow_up_item',
	'budget_line',
	'budget_actual',
	'status_update'
] as const;

async function counts(database: TestDatabase): Promise<Record<string, number>> {
	const result: Record<string, number> = {};
	for (const table of registerTables)
		result[table] = (
			await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)
		).rows[0].n;
	return result;
}

/** A register write as the pages run it: in a transaction of its own that commits only an ok result. */
function inOwnTransaction<A extends unknown[], R extends object>(
	write: (trx: Db, ...args: A) => Promise<WriteResult<R>>
) {
	return (db: Db, ...args: A) => writeInTransaction(db, (trx) => write(trx, ...args));
}
const addBudgetActual = inOwnTransaction(register.addBudgetActual);
const addBudgetLine = inOwnTransaction(register.addBudgetLine);
const setProgrammeArchived = inOwnTransaction(register.setProgrammeArchived);
const changeLifecycle = inOwnTransaction(register.changeLifecycle);
const createProgramme = inOwnTransaction(register.createProgramme);
const createRecommendation = inOwnTransaction(register.createRecommendation);
const setFollowUpState = inOwnTransaction(register.setFollowUpState);
const updateBudgetLine = inOwnTransaction(register.updateBudgetLine);
const updateRecommendation = inOwnTransaction(register.updateRecommendation);
const importProgramme = (
	db: Db,
	...args: [{ id: number; organisationId: number }, Parameters<typeof register.importProgramme>[2]]
) => inTransaction(db, (trx) => register.importProgramme(trx, ...args));

function ok(result: WriteResult<{ id: number }>): number {
	if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
	return result.id;
}

describe('the recommendation register', () => {
	let database: TestDatabase;
	let norddjurs: { id: number; directorId: number; adminId: number; leadId: number; programmeId: number };
	let emptyOrgAdmin: { id: number; organisationId: number };

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		const db = database.db;
		const org = await db
			.selectFrom('organisation')
			.select('id')
			.where('slug', '=', 'norddjurs')
			.executeTakeFirstOrThrow();
		const user = (role: string) =>
			db
				.selectFrom('appUser')
				.select('id')
				.where('organisationId', '=', org.id)
				.where('role', '=', role as 'admin')
				.executeTakeFirstOrThrow();
		const programme = await db
			.selectFrom('programme')
			.select('id')
			.where('organisationId', '=', org.id)
			.executeTakeFirstOrThrow();
		norddjurs = {
			id: org.id,
			directorId: (await user('director')).id,
			adminId: (await user('admin')).id,
			leadId: (await user('project_lead')).id,
			programmeId: programme.id
		};
		const empty = await db
			.insertInto('organisation')
			.values({ slug: 'tom', name: 'Tom Kommune', municipalityCode: 999 })
			.returning('id')
			.executeTakeFirstOrThrow();
		const admin = await db
			.insertInto('appUser')
			.values({ organisationId: empty.id, email: 'admin@tom.test', name: 'Tom Admin', role: 'admin' })
			.returning('id')
			.executeTakeFirstOrThrow();
		emptyOrgAdmin = { id: admin.id, organisationId: empty.id };
	});
	afterAll(() => database.destroy());

	const director = () => ({ id: norddjurs.directorId, organisationId: norddjurs.id });

	test('export of the Norddjurs programme, imported into an empty organisation, reproduces it exactly', async () => {
		const original = await exportProgramme(database.db, norddjurs.id, norddjurs.programmeId);
		expect(original?.recommendations).toHaveLength(8);
		expect(original?.themes?.length).toBeGreaterThanOrEqual(5);
		// The document passes the same checks as the forms: the seed's real texts are valid register content.
		const read = readProgrammeDocument(JSON.stringify(original));
		expect(read.ok ? [] : read.problems).toEqual([]);
		if (!read.ok) return;
		const imported = await importProgramme(database.db, emptyOrgAdmin, read.document);
		expect(imported.kind).toBe('ok');
		if (imported.kind !== 'ok') return;
		const copy = await exportProgramme(database.db, emptyOrgAdmin.organisationId, imported.programmeId);
		const { exportedAt: _a, ...originalBody } = original!;
		const { exportedAt: _b, ...copyBody } = copy!;
		expect(copyBody).toEqual(originalBody);
		// Budgets, follow-up items and decisions came along, not just the headings.
		const lines = original!.recommendations!.flatMap((r) => r.budgetLines ?? []);
		expect(lines.length).toBeGreaterThan(0);
		expect(original!.recommendations!.some((r) => (r.followUpItems ?? []).length > 0)).toBe(true);
		// A second import of the same document is refused by name, and writes nothing.
		const before = await counts(database);
		const again = await importProgramme(database.db, emptyOrgAdmin, read.document);
		expect(again.kind).toBe('invalid');
		expect(await counts(database)).toEqual(before);
	});

	test('a bad document lists every problem with its place, and nothing is written', async () => {
		const original = (await exportProgramme(database.db, norddjurs.id, norddjurs.programmeId))!;
		const broken = structuredClone(original) as unknown as {
			programme: { name: string };
			recommendations: {
				number: number;
				title: string;
				theme: string | null;
				budgetLines: { amountKr: unknown }[];
				followUpPeriod: string | null;
			}[];
		};
		broken.programme.name = 'Kopi med fejl';
		broken.recommendations[0].title = '';
		broken.recommendations[1].budgetLines = [
			{ year: 2025, amountKr: '-5.000', category: 'salary', funding: 'central_pool', note: '' } as never
		];
		broken.recommendations[2].theme = 'Findes ikke';
		broken.recommendations[3].followUpPeriod = '2025-13';
		broken.recommendations[4].title = '<script>alert(1)</script>';
		broken.recommendations[5].number = broken.recommendations[6].number;
		const before = await counts(database);
		const read = readProgrammeDocument(JSON.stringify(broken));
		expect(read.ok).toBe(false);
		if (read.ok) return;
		const text = read.problems.map((p) => `${p.where}: ${p.message}`);
		expect(text).toEqual(
			expect.arrayContaining([
				`Anbefaling nr. ${broken.recommendations[0].number} › Titel: Skal udfyldes.`,
				`Anbefaling nr. ${broken.recommendations[1].number} › Bevillinger › række 1 › Beløb: Beløbet kan ikke være negativt.`,
				`Anbefaling nr. ${broken.recommendations[2].number} › Hovedtema: Hovedtemaet »Findes ikke« findes ikke i filens liste over hovedtemaer.`,
				`Anbefaling nr. ${broken.recommendations[4].number} › Titel: Må ikke indeholde HTML-koder som <script>. Skriv almindelig tekst.`
			])
		);
		expect(text).toContainEqual(
			expect.stringMatching(
				new RegExp(
					`^Anbefaling nr. ${broken.recommendations[3].number} › Opfølgningstidspunkt: Perioden skal skrives`,
					'i'
				)
			)
		);
		expect(text.some((l) => l.endsWith('Nummeret er allerede brugt i programmet.'))).toBe(true);
		expect(read.problems.length).toBe(6);
		expect(readProgrammeDocument('{ikke json').ok).toBe(false);
		expect(readProgrammeDocument(JSON.stringify({ format: 'andet' })).ok).toBe(false);
		expect(await counts(database)).toEqual(before);
	});

	test('a stale save of a recommendation is refused with what the other person changed; their save stands', async () => {
		const row = await database.db
			.selectFrom('recommendation')
			.selectAll()
			.where('organisationId', '=', norddjurs.id)
			.where('number', '=', 7)
			.executeTakeFirstOrThrow();
		const values = recommendationValues(row);
		const form = (patch: Record<string, string>) => {
			const parsed = recommendationFormSchema.safeParse({ ...values, ...patch });
			if (!parsed.success) throw new Error(parsed.error.message);
			return parsed.data;
		};
		// The admin saves first…
		ok(
			await updateRecommendation(
				database.db,
				{ id: norddjurs.adminId, organisationId: norddjurs.id },
				row.id,
				form({ shortName: 'Trivselsteamet' }),
				row.version
			)
		);
		// …then the director saves from the same version.
		const second = await updateRecommendation(
			database.db,
			director(),
			row.id,
			form({ title: 'En anden titel' }),
			row.version
		);
		expect(second.kind).toBe('stale');
		if (second.kind !== 'stale') return;
		expect(second.changes).toEqual([
			expect.objectContaining({ field: 'shortName', before: row.shortName, after: 'Trivselsteamet' })
		]);
		expect(second.changes[0].by).toMatch(/\S/);
		const stored = await database.db
			.selectFrom('recommendation')
			.select(['title', 'shortName', 'version'])
			.where('id', '=', row.id)
			.executeTakeFirstOrThrow();
		expect(stored).toEqual({ title: row.title, shortName: 'Trivselsteamet', version: row.version + 1 });
		// Only the changed field is in the audit trail.
		const [event] = await listAuditEvents(database.db, norddjurs.id, 'recommendation', row.id, 1);
		expect(event.action).toBe('recommendation.updated');
		expect(event.after).toEqual({ shortName: 'Trivselsteamet', version: row.version + 1 });
		// Another organisation cannot reach it at all.
		const foreign = await updateRecommendation(
			database.db,
			emptyOrgAdmin,
			row.id,
			form({ title: 'X' }),
			row.version + 1
		);
		expect(foreign.kind).toBe('not_found');
	});

	test('a new recommendation is proposed, adopted with dissent (the text is required), then paused with a reason', async () => {
		const programmeId = ok(
			await createProgramme(database.db, director(), {
				name: 'Testprogram',
				body: 'Byrådet',
				description: '',
				adoptedOn: '2025-03-01',
				minutesReference: ''
			})
		);
		const form = recommendationFormSchema.parse({
			programmeId: String(programmeId),
			number: '1',
			title: 'Mentorordning',
			followUpPeriod: '2026-h1'
		});
		expect(form.followUpPeriod).toBe('2026-H1');
		const id = ok(await createRecommendation(database.db, director(), form));
		expect(await createRecommendation(database.db, director(), form)).toEqual({
			kind: 'invalid',
			field: 'number',
			message: 'Nummeret er allerede brugt i programmet.'
		});

		const noText = lifecycleFormSchema.safeParse({
			lifecycle: 'adopted',
			changedOn: '2025-03-01',
			reason: '',
			decisionDate: '2025-03-01',
			decisionBody: 'Byrådet',
			decisionKind: 'dissent',
			dissentText: '',
			version: '1'
		});
		expect(noText.success).toBe(false);
		expect(noText.error?.issues.map((i) => i.path.join('.'))).toEqual(['dissentText']);
		const adopt = lifecycleFormSchema.parse({
			lifecycle: 'adopted',
			changedOn: '2025-03-01',
			reason: '',
			decisionDate: '2025-03-01',
			decisionBody: 'Byrådet',
			decisionKind: 'dissent',
			dissentText: 'V og K stemte imod.',
			version: '1'
		});
		ok(await changeLifecycle(database.db, director(), id, adopt));
		// Straight from adopted back to proposed is not a step the lifecycle has.
		const back = lifecycleFormSchema.parse({
			lifecycle: 'proposed',
			changedOn: '2025-04-01',
			reason: '',
			version: '2'
		});
		expect(await changeLifecycle(database.db, director(), id, back)).toEqual({
			kind: 'invalid',
			field: 'lifecycle',
			message: 'Anbefalingen kan ikke skifte til dette forløb herfra.'
		});
		expect(
			lifecycleFormSchema.safeParse({ lifecycle: 'paused', changedOn: '2025-06-01', reason: '', version: '2' }).success
		).toBe(false);
		ok(
			await changeLifecycle(
				database.db,
				director(),
				id,
				lifecycleFormSchema.parse({
					lifecycle: 'paused',
					changedOn: '2025-06-01',
					reason: 'Afventer budget',
					version: '2'
				})
			)
		);
		const stored = await database.db
			.selectFrom('recommendation')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(stored).toMatchObject({
			lifecycle: 'paused',
			lifecycleReason: 'Afventer budget',
			decisionKind: 'dissent',
			dissentText: 'V og K stemte imod.',
			decisionDate: '2025-03-01',
			version: 3
		});
		const events = await database.db
			.selectFrom('recommendationLifecycleEvent')
			.select(['fromLifecycle', 'toLifecycle'])
			.where('recommendationId', '=', id)
			.orderBy('id')
			.execute();
		expect(events).toEqual([
			{ fromLifecycle: 'proposed', toLifecycle: 'adopted' },
			{ fromLifecycle: 'adopted', toLifecycle: 'paused' }
		]);
	});

	test('budget amounts are read as Danes write them; a negative one is refused; a stale line edit is refused', async () => {
		expect(
			budgetLineFormSchema.parse({
				year: '2025',
				amountKr: '3,6 mio.',
				category: 'salary',
				funding: 'central_pool',
				note: ''
			}).amountKr
		).toBe(3_600_000);
		expect(
			budgetLineFormSchema.parse({
				year: '2025',
				amountKr: '3.600.000 kr.',
				category: 'salary',
				funding: 'central_pool',
				note: ''
			}).amountKr
		).toBe(3_600_000);
		const negative = budgetLineFormSchema.safeParse({
			year: '2025',
			amountKr: '-3.600.000',
			category: 'salary',
			funding: 'central_pool',
			note: ''
		});
		expect(negative.error?.issues[0].message).toBe('Beløbet kan ikke være negativt.');
		const rec = await database.db
			.selectFrom('recommendation')
			.select('id')
			.where('organisationId', '=', norddjurs.id)
			.where('number', '=', 3)
			.executeTakeFirstOrThrow();
		const line = budgetLineFormSchema.parse({
			year: '2027',
			amountKr: '250.000',
			category: 'activities',
			funding: 'own_budget',
			note: 'Kurser'
		});
		const lineId = ok(await addBudgetLine(database.db, director(), rec.id, line));
		ok(
			await updateBudgetLine(
				database.db,
				director(),
				rec.id,
				{ id: lineId, version: 1 },
				{ ...line, amountKr: 300_000 }
			)
		);
		const stale = await updateBudgetLine(
			database.db,
			director(),
			rec.id,
			{ id: lineId, version: 1 },
			{ ...line, amountKr: 1 }
		);
		expect(stale.kind).toBe('stale');
		expect(stale.kind === 'stale' && stale.current?.amountKr).toBe(300_000);
		// One actual per year: a second for the same year is refused, not added.
		ok(await addBudgetActual(database.db, director(), rec.id, { year: 2027, amountKr: 10_000, note: '' }));
		expect(await addBudgetActual(database.db, director(), rec.id, { year: 2027, amountKr: 20_000, note: '' })).toEqual({
			kind: 'invalid',
			field: 'year',
			message: 'Der er allerede registreret forbrug for dette år.'
		});
		const history = await listAuditEvents(database.db, norddjurs.id, 'recommendation', rec.id, 5);
		expect(history.map((e) => e.action)).toEqual(
			expect.arrayContaining([
				'recommendation.budget_line_added',
				'recommendation.budget_line_changed',
				'recommendation.budget_actual_added'
			])
		);
	});

	test('the caller owns the transaction: a programme created and then refused in the same write is not kept, nor its audit event', async () => {
		const otherTheme = await database.db
			.selectFrom('theme')
			.select('id')
			.where('programmeId', '=', norddjurs.programmeId)
			.executeTakeFirstOrThrow();
		const audited = async () =>
			(await sql<{ n: number }>`select count(*) as n from audit_event`.execute(database.db)).rows[0].n;
		const [before, auditBefore] = [await counts(database), await audited()];
		const result = await writeInTransaction(database.db, async (trx) => {
			const created = await register.createProgramme(trx, director(), {
				name: 'Halvt program',
				body: '',
				description: '',
				adoptedOn: null,
				minutesReference: ''
			});
			if (created.kind !== 'ok') return created;
			const form = recommendationFormSchema.parse({
				programmeId: String(created.id),
				themeId: String(otherTheme.id),
				number: '1',
				title: 'Forkert tema'
			});
			return register.createRecommendation(trx, director(), form);
		});
		expect(result).toEqual({
			kind: 'invalid',
			field: 'themeId',
			message: 'Hovedtemaet hører ikke til det valgte program.'
		});
		expect(await counts(database)).toEqual(before);
		expect(await audited()).toBe(auditBefore);
	});

	test('a follow-up state change is versioned like any edit', async () => {
		const item = await database.db
			.selectFrom('followUpItem')
			.selectAll()
			.where('organisationId', '=', norddjurs.id)
			.where('state', '!=', 'done')
			.executeTakeFirstOrThrow();
		ok(
			await setFollowUpState(
				database.db,
				director(),
				item.recommendationId,
				{ id: item.id, version: item.version },
				'done'
			)
		);
		expect(
			(
				await setFollowUpState(
					database.db,
					director(),
					item.recommendationId,
					{ id: item.id, version: item.version },
					'postponed'
				)
			).kind
		).toBe('stale');
		const stored = await database.db
			.selectFrom('followUpItem')
			.select(['state', 'version'])
			.where('id', '=', item.id)
			.executeTakeFirstOrThrow();
		expect(stored).toEqual({ state: 'done', version: item.version + 1 });
	});

	test('the recommendation list exports as Danish Excel CSV: one row per recommendation, status, totals and the dissent', async () => {
		const rec = await database.db
			.selectFrom('recommendation')
			.select('id')
			.where('organisationId', '=', norddjurs.id)
			.where('number', '=', 8)
			.executeTakeFirstOrThrow();
		await database.db
			.updateTable('recommendation')
			.set({ decisionKind: 'dissent', dissentText: 'Mindretallet; ønskede "mere"' })
			.where('id', '=', rec.id)
			.execute();
		const rows = await loadOverview(database.db, norddjurs.id, '2026-11-22');
		const csv = new TextDecoder().decode(toDanishCsv(recommendationTable(rows)));
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r?\n/);
		expect(lines[0]).toBe(
			'Program;Hovedtema;Nummer;Titel;Kort navn;Fase;Status;Opfølgningstidspunkt;Ansvarlig;Bevilget i alt (kr.);Forbrugt i alt (kr.);Beslutning;Mindretalsudtalelse'
		);
		expect(lines).toHaveLength(1 + rows.length);
		const eight = lines.find((line) => line.split(';')[2] === '8')!;
		expect(eight).toContain('"Mindretallet; ønskede ""mere"""');
		expect(eight).toContain(';I risiko;');
	});

	test('an archived programme leaves the overview whole, takes no new recommendations, and comes back when reopened', async () => {
		const programmeId = ok(
			await createProgramme(database.db, director(), {
				name: 'Arkivprogram',
				body: '',
				description: '',
				adoptedOn: null,
				minutesReference: ''
			})
		);
		const id = ok(
			await createRecommendation(
				database.db,
				director(),
				recommendationFormSchema.parse({ programmeId: String(programmeId), number: '1', title: 'Gammel anbefaling' })
			)
		);
		const shown = async () =>
			(await loadOverview(database.db, norddjurs.id, '2026-11-22')).some((row) => row.id === id);
		expect(await shown()).toBe(true);
		ok(await setProgrammeArchived(database.db, director(), programmeId, true, 1));
		expect(await shown()).toBe(false);
		const more = recommendationFormSchema.parse({
			programmeId: String(programmeId),
			number: '2',
			title: 'Ny anbefaling'
		});
		expect(await createRecommendation(database.db, director(), more)).toEqual({
			kind: 'invalid',
			field: 'programmeId',
			message: 'Programmet er arkiveret. Genåbn det først.'
		});
		// Its own recommendations can still be corrected in place.
		const row = await database.db
			.selectFrom('recommendation')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		ok(
			await updateRecommendation(
				database.db,
				director(),
				id,
				recommendationFormSchema.parse({ ...recommendationValues(row), title: 'Gammel anbefaling, rettet' }),
				row.version
			)
		);
		expect((await setProgrammeArchived(database.db, director(), programmeId, false, 1)).kind).toBe('stale');
		ok(await setProgrammeArchived(database.db, director(), programmeId, false, 2));
		expect(await shown()).toBe(true);
	});
});
