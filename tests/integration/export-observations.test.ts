import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { seedDemo } from '../../db/seed/demo';
import { t } from '../../src/lib/server/messages';
import {
	exportFileName,
	listObservationsForExport,
	observationTable,
	toDanishCsv,
	toXlsx,
	type ObservationExportRow,
	type ObservationExportScope
} from '../../src/lib/server/exports';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const MONTHLY_ABSENCE = 'Sygefravær, Velfærdsområdet (måned)';
const INTERNS = 'Elever i erhvervspraktik på Velfærdsområdet';
const MULTILINE_COMMENT = 'Ny opgørelse; "foreløbig"\nRettes i oktober';
const FORMULA_COMMENT = '=1+1';

/** Copenhagen wall clock 'YYYY-MM-DD HH:MM', computed independently of the code under test. */
const copenhagenMinute = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Copenhagen',
	dateStyle: 'short',
	timeStyle: 'short'
});

interface CsvRecord {
	[heading: string]: string;
}

describe('observation export', () => {
	let database: TestDatabase;
	let norddjursId: number;
	let allerodId: number;
	const kpiIds = new Map<string, number>();

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'x' });
		const orgs = await database.db.selectFrom('organisation').select(['id', 'slug']).execute();
		norddjursId = orgs.find((o) => o.slug === 'norddjurs')!.id;
		allerodId = orgs.find((o) => o.slug === 'allerod')!.id;
		for (const kpi of await database.db
			.selectFrom('kpi')
			.select(['id', 'name'])
			.where('organisationId', '=', norddjursId)
			.execute()) {
			kpiIds.set(kpi.name, kpi.id);
		}
		// Values the demo lacks: quoting, a series break, summer time, no author, a large number, a formula.
		await database.db
			.insertInto('observation')
			.values([
				{
					organisationId: norddjursId,
					kpiId: kpiIds.get(MONTHLY_ABSENCE)!,
					period: '2026-09',
					value: '7.45',
					comment: MULTILINE_COMMENT,
					seriesBreak: true,
					enteredBy: null,
					enteredAt: new Date('2026-07-01T10:30:00Z')
				},
				{
					organisationId: norddjursId,
					kpiId: kpiIds.get(INTERNS)!,
					period: '2026',
					value: 3600000,
					comment: FORMULA_COMMENT,
					enteredAt: new Date('2026-11-22T07:15:00Z')
				}
			])
			.execute();
	});
	afterAll(() => database.destroy());

	const list = (organisationId: number, scope: ObservationExportScope) =>
		listObservationsForExport(database.db, organisationId, scope);

	async function countObservations(organisationId: number, where: ReturnType<typeof sql<boolean>>): Promise<number> {
		const result = await sql<{ n: number }>`
			select count(*)::int8 as n from observation o join kpi k on k.id = o.kpi_id
			where o.organisation_id = ${organisationId} and ${where}`.execute(database.db);
		return result.rows[0].n;
	}

	test('all observations of the organisation, in KPI name then period order', async () => {
		for (const organisationId of [norddjursId, allerodId]) {
			const rows = await list(organisationId, { kind: 'all' });
			expect(rows.length).toBeGreaterThan(0);
			expect(rows.length).toBe(await countObservations(organisationId, sql<boolean>`k.archived_at is null`));
		}
		const rows = await list(norddjursId, { kind: 'all' });
		const collator = new Intl.Collator('da', { numeric: true });
		for (let i = 1; i < rows.length; i++) {
			const order = collator.compare(rows[i - 1].kpiName, rows[i].kpiName);
			expect(order).toBeLessThanOrEqual(0);
			if (rows[i - 1].kpiId === rows[i].kpiId) expect(rows[i - 1].period < rows[i].period).toBe(true);
		}
		const added = rows.find((r) => r.kpiName === MONTHLY_ABSENCE && r.period === '2026-09')!;
		expect(added).toMatchObject({ value: 7.45, unit: 'percent', decimals: 1, seriesBreak: true, enteredBy: null });
		expect(added.enteredAt).toEqual(new Date('2026-07-01T10:30:00Z'));
		expect(rows.find((r) => r.kpiName === MONTHLY_ABSENCE && r.period === '2024-01')).toMatchObject({
			value: 7.8,
			enteredBy: 'Peter Projektleder'
		});
	});

	test('per KPI and per recommendation, counts match the database', async () => {
		for (const [name, kpiId] of kpiIds) {
			const rows = await list(norddjursId, { kind: 'kpi', kpiId });
			expect(rows.every((r) => r.kpiId === kpiId && r.kpiName === name)).toBe(true);
			expect(rows.length).toBe(await countObservations(norddjursId, sql<boolean>`k.id = ${kpiId}`));
		}
		const recommendations = await database.db
			.selectFrom('recommendation')
			.select('id')
			.where('organisationId', '=', norddjursId)
			.execute();
		let linked = 0;
		for (const { id } of recommendations) {
			const rows = await list(norddjursId, { kind: 'recommendation', recommendationId: id });
			const expected = await countObservations(
				norddjursId,
				sql<boolean>`k.archived_at is null and k.id in (select kpi_id from recommendation_kpi where recommendation_id = ${id})`
			);
			expect(rows.length).toBe(expected);
			linked += expected;
		}
		expect(linked).toBeGreaterThan(0);
	});

	test("another organisation's KPI or recommendation id yields no rows", async () => {
		const allerodKpi = await database.db
			.selectFrom('kpi')
			.select('id')
			.where('organisationId', '=', allerodId)
			.executeTakeFirstOrThrow();
		const allerodRecommendation = await database.db
			.selectFrom('recommendation as r')
			.innerJoin('recommendationKpi as rk', 'rk.recommendationId', 'r.id')
			.select('r.id')
			.where('r.organisationId', '=', allerodId)
			.executeTakeFirstOrThrow();
		expect((await list(allerodId, { kind: 'kpi', kpiId: allerodKpi.id })).length).toBeGreaterThan(0);
		expect(await list(norddjursId, { kind: 'kpi', kpiId: allerodKpi.id })).toEqual([]);
		expect(await list(norddjursId, { kind: 'recommendation', recommendationId: allerodRecommendation.id })).toEqual([]);
		expect(await list(allerodId, { kind: 'kpi', kpiId: kpiIds.get(MONTHLY_ABSENCE)! })).toEqual([]);
	});

	test('CSV is Danish Excel: BOM, semicolons, CRLF, decimal comma, Ja/Nej, æøå intact', async () => {
		const rows = await list(norddjursId, { kind: 'all' });
		const bytes = toDanishCsv(observationTable(rows));
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
		expect(
			text.startsWith('Nøgletal-id;Nøgletal;Periode;Værdi;Enhed;Kommentar;Kilde;Databrud;Indtastet af;Indtastet\r\n')
		).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
		// Outside quoted fields every line ends CRLF.
		expect(text.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[^\r]\n/);
		expect(text).toContain(`;${MONTHLY_ABSENCE};2024-01;7,8;%;`);
		expect(text).toContain(`;${INTERNS};2026;3600000;antal;`);
		expect(text).toContain(';"Ny opgørelse; ""foreløbig""\nRettes i oktober";');
		expect(text).toContain(';Ja;;2026-07-01 12:30\r\n');
		expect(text).toContain(';Nej;Peter Projektleder;');
		expect(text).toContain("'=1+1");
		expect(text).toContain('Personaleomsætning blandt ledere, Velfærdsområdet');

		const records = parse(Buffer.from(bytes), { delimiter: ';', bom: true, columns: true }) as CsvRecord[];
		expect(records).toHaveLength(rows.length);
		records.forEach((record, i) => {
			expect(record).toEqual(expectedCsvRecord(rows[i]));
			expect(Number(record['Værdi'].replace(',', '.'))).toBe(rows[i].value);
		});
	});

	test('XLSX has Danish headings, real numbers with the KPI decimals, real dates, a frozen filtered header', async () => {
		const rows = await list(norddjursId, { kind: 'all' });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(await toXlsx(observationTable(rows))) as unknown as ArrayBuffer);
		const sheet = workbook.getWorksheet(t('export.sheet'))!;
		expect(sheet).toBeDefined();
		expect(sheet.rowCount).toBe(rows.length + 1);
		const headings = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(headings).toEqual([
			'Nøgletal-id',
			'Nøgletal',
			'Periode',
			'Værdi',
			'Enhed',
			'Kommentar',
			'Kilde',
			'Databrud',
			'Indtastet af',
			'Indtastet'
		]);
		expect(sheet.getRow(1).font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.autoFilter).toBeTruthy();

		rows.forEach((row, i) => {
			const cells = sheet.getRow(i + 2);
			const value = cells.getCell(4);
			expect(typeof value.value).toBe('number');
			expect(value.value).toBe(row.value);
			expect(value.numFmt).toBe(row.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(row.decimals)}`);
			expect(cells.getCell(1).value).toBe(row.kpiId);
			expect(cells.getCell(2).value).toBe(row.kpiName);
			expect(cells.getCell(3).value).toBe(row.period);
			expect(cells.getCell(5).value).toBe(t(`unit.${row.unit}`));
			expect(cells.getCell(8).value).toBe(t(row.seriesBreak ? 'export.yes' : 'export.no'));
			const enteredAt = cells.getCell(10).value;
			expect(enteredAt).toBeInstanceOf(Date);
			expect((enteredAt as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(
				copenhagenMinute.format(row.enteredAt)
			);
		});
		const multiline = rows.findIndex((r) => r.comment === MULTILINE_COMMENT);
		expect(sheet.getRow(multiline + 2).getCell(6).value).toBe(MULTILINE_COMMENT);
		expect(sheet.getRow(multiline + 2).getCell(9).value).toBeNull();
	});

	test('an archived KPI leaves the full export but can still be exported on its own', async () => {
		const kpiId = kpiIds.get(INTERNS)!;
		const before = await list(norddjursId, { kind: 'all' });
		const own = await list(norddjursId, { kind: 'kpi', kpiId });
		await database.db.updateTable('kpi').set({ archivedAt: new Date() }).where('id', '=', kpiId).execute();
		const after = await list(norddjursId, { kind: 'all' });
		expect(after).toHaveLength(before.length - own.length);
		expect(after.some((r) => r.kpiId === kpiId)).toBe(false);
		expect(await list(norddjursId, { kind: 'kpi', kpiId })).toHaveLength(own.length);
	});

	test('exportFileName is plain ASCII', () => {
		expect(exportFileName('fremdrift-målinger', 'csv', '2026-11-22')).toBe('fremdrift-maalinger-2026-11-22.csv');
		expect(exportFileName('Sygefravær, Velfærdsområdet (år)', 'xlsx', '2026-11-22')).toBe(
			'sygefravaer-velfaerdsomraadet-aar-2026-11-22.xlsx'
		);
		expect(exportFileName('ÆØÅ Café "x"/../y', 'csv', '2026-01-02')).toBe('aeoeaa-cafe-x-y-2026-01-02.csv');
	});
});

function expectedCsvRecord(row: ObservationExportRow): CsvRecord {
	const guard = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
	return {
		'Nøgletal-id': String(row.kpiId),
		Nøgletal: row.kpiName,
		Periode: row.period,
		Værdi: String(row.value).replace('.', ','),
		Enhed: t(`unit.${row.unit}`),
		Kommentar: guard(row.comment),
		Kilde: guard(row.source),
		Databrud: row.seriesBreak ? 'Ja' : 'Nej',
		'Indtastet af': row.enteredBy ?? '',
		Indtastet: copenhagenMinute.format(row.enteredAt)
	};
}
