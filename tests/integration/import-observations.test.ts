import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql, type KyselyPlugin } from 'kysely';
import { seedDemo } from '../../db/seed/demo';
import type { Frequency } from '../../db/types';
import { t } from '../../src/lib/server/messages';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { saveObservation } from '../../src/lib/server/kpis/observations';
import {
	applyObservationImport,
	previewObservationImport,
	readTable,
	type ImportPreview,
	type ReadInput
} from '../../src/lib/server/imports';
import { periodMessage } from '../../src/lib/schemas/fields';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const firstPeriod: Record<Frequency, [string, string]> = {
	year: ['2022', '2025'],
	half: ['2022-H2', '2025-H2'],
	quarter: ['2022-Q4', '2025-Q4'],
	month: ['2022-12', '2025-12']
};

describe('importing KPI values from CSV, XLSX and Excel pastes', () => {
	let database: TestDatabase;
	const users: Record<string, SessionUser> = {};
	let lead: SessionUser;
	let organisationId: number;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		for (const u of await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.execute())
			users[u.email] = u;
		lead = users['projektleder@norddjurs.demo'];
		organisationId = lead.organisationId;
	});
	afterAll(() => database.destroy());

	/**
	 * A KPI of Norddjurs owned by the project lead (unless `owned` is false). In kroner with three decimals, so
	 * the plausibility rules (issue 14: % within 0–100, the KPI's decimals) leave the reading tests' values alone.
	 */
	async function createKpi(name: string, frequency: Frequency = 'month', owned = true): Promise<number> {
		const [baselinePeriod, targetPeriod] = firstPeriod[frequency];
		const { id } = await database.db
			.insertInto('kpi')
			.values({
				organisationId,
				name,
				unit: 'kr',
				decimals: 3,
				direction: 'lower',
				frequency,
				baselineValue: 10,
				baselinePeriod,
				targetValue: 5,
				targetPeriod
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (owned)
			await database.db.insertInto('kpiOwner').values({ organisationId, kpiId: id, userId: lead.id }).execute();
		return id;
	}

	async function preview(input: ReadInput, user: SessionUser = lead): Promise<ImportPreview> {
		const table = await readTable(input);
		if (!table.ok) throw new Error(`Unreadable in test: ${table.message}`);
		return previewObservationImport(database.db, user, table);
	}

	async function readError(input: ReadInput): Promise<string> {
		const table = await readTable(input);
		if (table.ok) throw new Error('Expected the input to be refused');
		return table.message;
	}

	const stored = (kpiId: number) =>
		database.db
			.selectFrom('observation')
			.select(['period', 'value', 'comment', 'version', 'enteredBy'])
			.where('kpiId', '=', kpiId)
			.orderBy('period')
			.execute();

	const count = async (table: 'observation' | 'audit_event') =>
		(await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)).rows[0].n;

	/** Imports the same three values through one format and checks the outcome is identical. */
	async function importThreeValues(kpiId: number, input: ReadInput) {
		const first = await preview(input);
		expect(first.counts).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, errors: 0 });
		expect(first.rows.map((r) => [r.line, r.kind, r.kpiId, r.period, r.value, r.oldValue, r.message])).toEqual([
			[2, 'new', kpiId, '2025-01', 12.5, null, null],
			[3, 'new', kpiId, '2025-02', 3_600_000, null, null],
			[4, 'new', kpiId, '2025-03', 7.4, null, null]
		]);
		expect(await applyObservationImport(database.db, lead, first, '192.0.2.1')).toEqual({
			kind: 'ok',
			created: 3,
			updated: 0,
			unchanged: 0
		});
		const rows = await stored(kpiId);
		expect(rows.map((r) => [r.period, r.value, r.version, r.enteredBy])).toEqual([
			['2025-01', '12.5', 1, lead.id],
			['2025-02', '3600000', 1, lead.id],
			['2025-03', '7.4', 1, lead.id]
		]);

		const before = { observations: await count('observation'), audit: await count('audit_event') };
		const again = await preview(input);
		expect(again.counts).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: 0 });
		expect(await applyObservationImport(database.db, lead, again, '192.0.2.1')).toEqual({
			kind: 'ok',
			created: 0,
			updated: 0,
			unchanged: 3
		});
		expect(await stored(kpiId)).toEqual(rows);
		expect({ observations: await count('observation'), audit: await count('audit_event') }).toEqual(before);
		return rows;
	}

	test('a Windows-1252, `;`-separated CSV without BOM: Danish numbers and æøå survive; a second import changes nothing', async () => {
		const kpiId = await createKpi('Import fra Excel (Windows-1252)');
		const csv = [
			'Nøgletal;Periode;Værdi;Kommentar',
			'Import fra Excel (Windows-1252);2025-01;12,5 %;Første måned – æøå ÆØÅ',
			'Import fra Excel (Windows-1252);2025-02;3.600.000 kr.;',
			'import fra excel (windows-1252);2025-03;7,4;"Ærø; Åbenrå"'
		].join('\r\n');
		const bytes = new Uint8Array(iconv.encode(csv, 'win1252'));
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const rows = await importThreeValues(kpiId, { bytes, filename: 'værdier.csv' });
		expect(rows.map((r) => r.comment)).toEqual(['Første måned – æøå ÆØÅ', '', 'Ærø; Åbenrå']);
	});

	test('UTF-8 with BOM, an English `,`-separated file with a decimal point, and XLSX give the same result', async () => {
		const bom = await createKpi('Import UTF-8 med BOM');
		const utf8 = [
			'\uFEFFNøgletal;Periode;Værdi;Kommentar',
			...[
				['2025-01', '12,5'],
				['2025-02', '3.600.000'],
				['2025-03', '7,4 %']
			].map(([p, v]) => `Import UTF-8 med BOM;${p};${v};æøå`)
		].join('\n');
		expect((await importThreeValues(bom, { bytes: new TextEncoder().encode(utf8) })).map((r) => r.comment)).toEqual([
			'æøå',
			'æøå',
			'æøå'
		]);

		const english = await createKpi('Import, English');
		const csv = [
			'KPI,Period,Value',
			'"Import, English",2025-01,12.5',
			`${english},2025-02,"3,600,000"`,
			'"Import, English",2025-03,7.4'
		].join('\n');
		await importThreeValues(english, { bytes: new TextEncoder().encode(csv), filename: 'values.csv' });

		const xlsx = await createKpi('Import fra XLSX');
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Værdier');
		sheet.addRow(['Kommentar', 'Periode', 'Nøgletal', 'Værdi', 'Ekstra']);
		sheet.addRow([
			{ richText: [{ text: 'Rig ' }, { text: 'tekst æøå' }] },
			'2025-01',
			'Import fra XLSX',
			12.5,
			'ignoreres'
		]);
		sheet.addRow([null, '2025-02', xlsx, 3_600_000]);
		sheet.addRow(['formel', '2025-03', 'Import fra XLSX', { formula: '6+1.4', result: 7.4 }]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect((await importThreeValues(xlsx, { bytes, filename: 'værdier.xlsx' })).map((r) => r.comment)).toEqual([
			'Rig tekst æøå',
			'',
			'formel'
		]);
	});

	test('XLSX: a year as a number is a period; a date cell is the KPI period that holds it, a typed date an error', async () => {
		const yearly = await createKpi('Import årlig XLSX', 'year');
		const monthly = await createKpi('Import måned med dato');
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Ark1');
		sheet.addRow(['KPI id', 'Periode', 'Værdi']);
		sheet.addRow([yearly, 2024, 1.234]);
		sheet.addRow([]);
		sheet.addRow([monthly, new Date(Date.UTC(2024, 4, 1)), '12,5']);
		sheet.addRow([monthly, '2024-06-01', '12,5']);
		const result = await preview({ bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
		expect(result.rows.map((r) => [r.line, r.kind, r.period, r.value, r.message])).toEqual([
			[2, 'new', '2024', 1.234, null],
			[4, 'new', '2024-05', 12.5, null],
			[5, 'error', null, 12.5, periodMessage('wrong_frequency', 'month')]
		]);
	});

	test('an Excel paste of 12 months with one bad cell lists that line and stores nothing; fixed, all 12 are saved', async () => {
		const kpiId = await createKpi('Import fra udklipsholder');
		const lines = ['Nøgletal\tPeriode\tVærdi'];
		for (let month = 1; month <= 12; month++) {
			lines.push(
				`Import fra udklipsholder\t2024-${String(month).padStart(2, '0')}\t${month === 7 ? '7,x' : `7,${month}`}`
			);
		}
		const bad = await preview({ text: lines.join('\r\n') + '\r\n' });
		expect(bad.counts).toEqual({ rows: 12, created: 11, updated: 0, unchanged: 0, errors: 1 });
		expect(bad.rows.filter((r) => r.kind === 'error')).toEqual([
			{
				line: 8,
				kind: 'error',
				kpiId,
				kpiName: 'Import fra udklipsholder',
				period: '2024-07',
				value: null,
				oldValue: null,
				comment: '',
				oldComment: null,
				decimals: 3,
				valueText: null,
				oldValueText: null,
				message: t('error.number_malformed'),
				warnings: [],
				unusual: null
			}
		]);
		expect(await applyObservationImport(database.db, lead, bad, null)).toMatchObject({
			kind: 'invalid',
			field: 'rows',
			message: expect.stringMatching(/^Intet er gemt/)
		});
		expect(await stored(kpiId)).toEqual([]);

		lines[7] = lines[7].replace('7,x', '7,7');
		const fixed = await preview({ text: lines.join('\n') });
		expect(fixed.counts.errors).toBe(0);
		expect(await applyObservationImport(database.db, lead, fixed, null)).toEqual({
			kind: 'ok',
			created: 12,
			updated: 0,
			unchanged: 0
		});
		expect((await stored(kpiId)).map((r) => r.value)).toEqual(
			['7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '7.7', '7.8', '7.9', '7.10', '7.11', '7.12'].map((v) =>
				String(Number(v))
			)
		);
	});

	test('every bad row is listed with its own Danish reason', async () => {
		const monthly = await createKpi('Import med fejl');
		const viaRecommendation = await createKpi('Import via anbefaling', 'quarter', false);
		const assigned = await database.db
			.selectFrom('recommendationAssignment')
			.select('recommendationId')
			.where('userId', '=', lead.id)
			.executeTakeFirstOrThrow();
		await database.db
			.insertInto('recommendationKpi')
			.values({ organisationId, recommendationId: assigned.recommendationId, kpiId: viaRecommendation })
			.execute();
		const csv = [
			'Kommentar;Nøgletal;Periode;Værdi',
			';Findes ikke;2025-01;1',
			';Import med fejl;2025;2',
			';Personaleomsætning blandt ledere, Velfærdsområdet;2026;3',
			';Import med fejl;2025-03;4',
			';Import med fejl;2025-03;5',
			';Import med fejl;2025-13;6',
			';Import med fejl;2025-04;1.000.000.000.000',
			`${'x'.repeat(2001)};Import med fejl;2025-05;5`,
			';Import via anbefaling;2025-Q1;7',
			';Sygefravær, Rudersdal;2025-01;8',
			';Findes heller ikke;januar;ti'
		].join('\n');
		const result = await preview({ text: csv });
		expect(result.rows.map((r) => [r.line, r.kind, r.message])).toEqual([
			[2, 'error', t('import.unknown_kpi', { kpi: 'Findes ikke' })],
			[3, 'error', periodMessage('wrong_frequency', 'month')],
			[4, 'error', t('import.not_allowed', { kpi: 'Personaleomsætning blandt ledere, Velfærdsområdet' })],
			[5, 'new', null],
			[6, 'error', t('import.duplicate_row', { line: 5 })],
			[7, 'error', periodMessage('malformed', 'month')],
			[8, 'error', t('observation.value_out_of_range')],
			[9, 'error', t('observation.comment_too_long')],
			[10, 'new', null],
			[11, 'error', t('import.unknown_kpi', { kpi: 'Sygefravær, Rudersdal' })],
			[
				12,
				'error',
				[
					t('import.unknown_kpi', { kpi: 'Findes heller ikke' }),
					t('error.period_malformed'),
					t('error.number_malformed')
				].join(' ')
			]
		]);
		expect(result.counts).toEqual({ rows: 11, created: 2, updated: 0, unchanged: 0, errors: 9 });
		expect(await applyObservationImport(database.db, lead, result, null)).toMatchObject({
			kind: 'invalid',
			field: 'rows',
			message: expect.stringMatching(/^Intet er gemt/)
		});
		expect(await stored(monthly)).toEqual([]);

		// A director may write every KPI of the organisation; a politician none.
		const director = await preview(
			{ text: 'Nøgletal;Periode;Værdi\nPersonaleomsætning blandt ledere, Velfærdsområdet;2026;3' },
			users['direktor@norddjurs.demo']
		);
		expect(director.rows[0].kind).toBe('new');
		const politician = await preview(
			{ text: 'Nøgletal;Periode;Værdi\nImport med fejl;2025-01;3' },
			users['politiker@norddjurs.demo']
		);
		expect(politician.rows[0].message).toBe(t('import.not_allowed', { kpi: 'Import med fejl' }));
	});

	test('missing columns, an empty or oversized file, too many rows and an unreadable workbook are refused in Danish', async () => {
		const missing = await preview({ text: 'Nøgletal;Beløb\nImport med fejl;1' });
		expect(missing.rows).toEqual([
			expect.objectContaining({
				line: 1,
				kind: 'error',
				message: t('import.missing_column_other', {
					source: t('import.source_paste'),
					columns: 'Periode og Værdi',
					headers: t('import.headers_general')
				})
			})
		]);
		expect(missing.counts.errors).toBe(1);
		expect(await applyObservationImport(database.db, lead, missing, null)).toMatchObject({
			kind: 'invalid',
			field: 'rows',
			message: expect.stringMatching(/^Intet er gemt/)
		});
		expect((await preview({ text: 'kpi_id;PERIODE; value \n1;2;3' })).rows[0].message).not.toBe(
			t('import.missing_column_one', {
				source: t('import.source_paste'),
				columns: 'Nøgletal',
				headers: t('import.headers_general')
			})
		);

		expect(await readError({ text: '' })).toBe(t('import.empty'));
		expect(await readError({ bytes: new Uint8Array(), text: '' })).toBe(t('import.empty'));
		expect(await readError({ bytes: new TextEncoder().encode('\uFEFFNøgletal;Periode;Værdi\r\n;;\r\n\r\n') })).toBe(
			t('import.empty')
		);
		expect(await readError({ bytes: new Uint8Array(5 * 1024 * 1024 + 1) })).toBe(t('import.too_large', { max: 5 }));
		expect(t('import.too_large', { max: 5 })).toBe('Filen er for stor (højst 5 MB).');
		const many = ['Nøgletal;Periode;Værdi', ...Array.from({ length: 20_001 }, () => 'x;2025-01;1')].join('\n');
		expect(await readError({ text: many })).toBe(t('import.paste_too_many_rows', { max: '20.000' }));
		expect(await readError({ bytes: new TextEncoder().encode(many) })).toBe(
			t('import.too_many_rows', { max: '20.000' })
		);
		expect(await readError({ bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), filename: 'x.xlsx' })).toBe(
			t('import.unreadable')
		);
		expect(
			await readError({
				bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
				filename: 'gammel.xls'
			})
		).toBe(t('import.unreadable'));
	});

	test('changed values get a new version, the audit trail one import event and one event per written value', async () => {
		const kpiId = await createKpi('Import med ændringer');
		for (const [period, value, comment] of [
			['2025-01', 5, 'gammel'],
			['2025-02', 6, 'behold']
		] as const) {
			await saveObservation(database.db, {
				organisationId,
				kpiId,
				period,
				value,
				comment,
				source: '',
				seriesBreak: false,
				expectedVersion: null,
				userId: users['admin@norddjurs.demo'].id,
				clientAddress: null
			});
		}
		const auditBefore = await count('audit_event');
		// No comment column: stored comments stay as they are.
		const result = await preview({
			text: 'Nøgletal;Periode;Værdi\nImport med ændringer;2025-01;5,5\nImport med ændringer;2025-02;6\nImport med ændringer;2025-03;7'
		});
		expect(result.rows.map((r) => [r.kind, r.value, r.oldValue, r.comment])).toEqual([
			['changed', 5.5, 5, 'gammel'],
			['unchanged', 6, 6, 'behold'],
			['new', 7, null, '']
		]);
		expect(await applyObservationImport(database.db, lead, result, '198.51.100.7')).toEqual({
			kind: 'ok',
			created: 1,
			updated: 1,
			unchanged: 1
		});
		expect((await stored(kpiId)).map((r) => [r.period, r.value, r.comment, r.version, r.enteredBy])).toEqual([
			['2025-01', '5.5', 'gammel', 2, lead.id],
			['2025-02', '6', 'behold', 1, users['admin@norddjurs.demo'].id],
			['2025-03', '7', '', 1, lead.id]
		]);
		const events = await database.db
			.selectFrom('auditEvent')
			.select(['action', 'entityType', 'entityId', 'before', 'after', 'actorUserId', 'clientAddress', 'organisationId'])
			.where('id', '>', sql<number>`(select max(id) - ${(await count('audit_event')) - auditBefore} from audit_event)`)
			.orderBy('id')
			.execute();
		const common = { actorUserId: lead.id, clientAddress: '198.51.100.7', organisationId };
		expect(events).toEqual([
			{
				...common,
				action: 'observation.imported',
				entityType: 'import',
				entityId: null,
				before: null,
				after: { created: 1, updated: 1, unchanged: 1, kpiIds: [kpiId] }
			},
			{
				...common,
				action: 'observation.created',
				entityType: 'observation',
				entityId: `${kpiId}/2025-03`,
				before: null,
				after: { value: 7, comment: '' }
			},
			{
				...common,
				action: 'observation.updated',
				entityType: 'observation',
				entityId: `${kpiId}/2025-01`,
				before: { value: 5, comment: 'gammel' },
				after: { value: 5.5, comment: 'gammel' }
			}
		]);
	});

	test('a value changed after the preview makes the import stale and nothing of it is stored', async () => {
		const kpiId = await createKpi('Import der bliver forældet');
		const admin = users['admin@norddjurs.demo'];
		const save = (period: string, value: number, expectedVersion: number | null) =>
			saveObservation(database.db, {
				organisationId,
				kpiId,
				period,
				value,
				comment: '',
				source: '',
				seriesBreak: false,
				expectedVersion,
				userId: admin.id,
				clientAddress: null
			});
		await save('2025-01', 5, null);
		const text =
			'Nøgletal;Periode;Værdi\nImport der bliver forældet;2025-01;6\nImport der bliver forældet;2025-02;7\nImport der bliver forældet;2025-03;8';

		const first = await preview({ text });
		expect(first.rows.map((r) => r.kind)).toEqual(['changed', 'new', 'new']);
		await save('2025-01', 5.5, 1);
		const auditBefore = await count('audit_event');
		expect(await applyObservationImport(database.db, lead, first, null)).toEqual({
			kind: 'stale',
			current: null,
			changes: []
		});
		expect((await stored(kpiId)).map((r) => [r.period, r.value, r.version])).toEqual([['2025-01', '5.5', 2]]);

		// Someone enters a period the preview saw empty: the insert meets it, and everything rolls back.
		const second = await preview({ text });
		await save('2025-03', 9, null);
		expect(await applyObservationImport(database.db, lead, second, null)).toEqual({
			kind: 'stale',
			current: null,
			changes: []
		});
		expect((await stored(kpiId)).map((r) => [r.period, r.value, r.version])).toEqual([
			['2025-01', '5.5', 2],
			['2025-03', '9', 1]
		]);
		expect(await count('audit_event')).toBe(auditBefore + 1);

		// A preview edited on its way back from the browser is checked again.
		const third = await preview({ text });
		const forged = { ...third, rows: third.rows.map((r) => ({ ...r, kpiId: r.kpiId === kpiId ? 1 : r.kpiId })) };
		const personale = await database.db
			.selectFrom('kpi')
			.select('id')
			.where('name', '=', 'Personaleomsætning blandt ledere, Velfærdsområdet')
			.executeTakeFirstOrThrow();
		forged.rows = forged.rows.map((r) => ({ ...r, kpiId: personale.id }));
		expect(await applyObservationImport(database.db, lead, forged, null)).toMatchObject({
			kind: 'invalid',
			field: 'rows',
			message: expect.stringMatching(/^Intet er gemt/)
		});
	});

	test('10,000 rows preview and apply in a fixed number of statements', async () => {
		const kpiIds: number[] = [];
		for (let i = 1; i <= 10; i++) kpiIds.push(await createKpi(`Import stor fil ${i}`));
		const build = (offset: number) => {
			const lines = ['Nøgletal\tPeriode\tVærdi\tKommentar'];
			for (const [i, kpiId] of kpiIds.entries()) {
				for (let n = 0; n < 1000; n++) {
					const year = 1900 + Math.floor(n / 12); // 1900–1983: no period after the current one
					const period = `${year}-${String((n % 12) + 1).padStart(2, '0')}`;
					lines.push(
						`${i % 2 === 0 ? kpiId : `Import stor fil ${i + 1}`}\t${period}\t${n + offset},${i}\t${n % 100 === 0 ? 'kommentar æøå' : ''}`
					);
				}
			}
			return lines.join('\n');
		};

		let statements = 0;
		// Counted per result: transformQuery would also see each subquery.
		const counter: KyselyPlugin = {
			transformQuery: ({ node }) => node,
			transformResult: async ({ result }) => (statements++, result)
		};
		const counted = database.db.withPlugin(counter);

		let started = performance.now();
		const table = await readTable({ text: build(0) });
		if (!table.ok) throw new Error(table.message);
		const created = await previewObservationImport(counted, lead, table);
		const previewMs = performance.now() - started;
		expect(created.counts).toEqual({ rows: 10_000, created: 10_000, updated: 0, unchanged: 0, errors: 0 });
		expect(statements).toBe(3); // KPIs, writable KPIs, stored values
		statements = 0;
		started = performance.now();
		expect(await applyObservationImport(counted, lead, created, null)).toEqual({
			kind: 'ok',
			created: 10_000,
			updated: 0,
			unchanged: 0
		});
		const applyMs = performance.now() - started;
		// Writable KPIs, the locking read, 10 inserts of 1,000, the import event, 10 inserts of audit events.
		expect(statements).toBe(23);
		statements = 0;

		started = performance.now();
		const changedTable = await readTable({ text: build(1) });
		if (!changedTable.ok) throw new Error(changedTable.message);
		const changed = await previewObservationImport(database.db, lead, changedTable);
		statements = 0;
		expect(changed.counts).toEqual({ rows: 10_000, created: 0, updated: 10_000, unchanged: 0, errors: 0 });
		// Each value moves 2 where the series only ever moved 1: every row is an unusual change, saved with the tick.
		expect(changed.rows.every((row) => row.unusual !== null)).toBe(true);
		expect(await applyObservationImport(counted, lead, changed, null, { confirmUnusual: true })).toEqual({
			kind: 'ok',
			created: 0,
			updated: 10_000,
			unchanged: 0
		});
		expect(statements).toBe(23);
		const updateMs = performance.now() - started;
		console.log(
			`10,000 rows on ${database.kind}: read + preview ${Math.round(previewMs)} ms, apply (insert) ${Math.round(applyMs)} ms, ` +
				`read + preview + apply (update) ${Math.round(updateMs)} ms`
		);

		const sample = await stored(kpiIds[3]);
		expect(sample).toHaveLength(1000);
		expect(sample[0]).toMatchObject({ period: '1900-01', value: '1.3', comment: 'kommentar æøå', version: 2 });
		expect(sample[999]).toMatchObject({ period: '1983-04', value: '1000.3', comment: '', version: 2 });
		const perValue = await database.db
			.selectFrom('auditEvent')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('entityType', '=', 'observation')
			.where('entityId', 'like', `${kpiIds[3]}/%`)
			.executeTakeFirstOrThrow();
		expect(Number(perValue.n)).toBe(2000);
	});
});

describe('export then import', () => {
	test('a CSV exported by Fremdrift imports back unchanged, formula-guarded comments included', async () => {
		const { createTestDatabase } = await import('../helpers/test-db');
		const { seedDemo } = await import('../../db/seed/demo');
		const { listObservationsForExport, observationTable, toDanishCsv } = await import('../../src/lib/server/exports');
		const { readTable, previewObservationImport } = await import('../../src/lib/server/imports');
		const database = await createTestDatabase();
		try {
			await seedDemo(database.db, { password: 'x' });
			const director = await database.db
				.selectFrom('appUser')
				.select(['id', 'organisationId', 'email', 'name', 'role'])
				.where('email', '=', 'direktor@norddjurs.demo')
				.executeTakeFirstOrThrow();
			await database.db
				.updateTable('observation')
				.set({ comment: '=1+1 er ikke en formel; men æøå er' })
				.where('organisationId', '=', director.organisationId)
				.where('period', '=', '2024')
				.execute();
			const rows = await listObservationsForExport(database.db, director.organisationId, { kind: 'all' });
			const table = await readTable({ bytes: toDanishCsv(observationTable(rows)), filename: 'eksport.csv' });
			if (!table.ok) throw new Error(table.message);
			const preview = await previewObservationImport(database.db, director, table);
			expect(preview.counts).toMatchObject({
				rows: rows.length,
				created: 0,
				updated: 0,
				errors: 0,
				unchanged: rows.length
			});
		} finally {
			await database.destroy();
		}
	});
});
