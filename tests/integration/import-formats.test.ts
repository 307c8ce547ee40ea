import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { seedDemo } from '../../db/seed/demo';
import type { Frequency, Unit } from '../../db/types';
import { t } from '../../src/lib/server/messages';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	applyCellEdits,
	applyObservationImport,
	previewObservationImport,
	readTable,
	tableAsText,
	type ImportPreview,
	type ImportTable,
	type ReadInput
} from '../../src/lib/server/imports';
import { periodMessage } from '../../src/lib/schemas/fields';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * The inputs people were seen importing (issue 14): spreadsheets saved the way Excel and LibreOffice
 * save them (percent and date cell formats), every Danish period wording, numbers with thousands
 * separators and minus signs, blank rows, and two columns pasted for one KPI — each read, previewed and
 * (where it says so) saved on this run's database.
 */
describe('importing the formats real spreadsheets and pastes come in', () => {
	let database: TestDatabase;
	let lead: SessionUser;
	let organisationId: number;
	let kpiCount = 0;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		lead = await database.db
			.selectFrom('appUser')
			.select(['id', 'organisationId', 'email', 'name', 'role'])
			.where('email', '=', 'projektleder@norddjurs.demo')
			.executeTakeFirstOrThrow();
		organisationId = lead.organisationId;
	});
	afterAll(() => database.destroy());

	const baseline: Record<Frequency, [string, string]> = {
		year: ['2020', '2030'],
		half: ['2020-H1', '2030-H2'],
		quarter: ['2020-Q1', '2030-Q4'],
		month: ['2020-01', '2030-12']
	};

	/** A KPI the project lead owns, with a unique name. */
	async function createKpi(frequency: Frequency = 'month', unit: Unit = 'percent', decimals = 1) {
		const name = `Format ${++kpiCount} (${frequency}, ${unit})`;
		const { id } = await database.db
			.insertInto('kpi')
			.values({
				organisationId,
				name,
				unit,
				decimals,
				direction: 'lower',
				frequency,
				baselineValue: 10,
				baselinePeriod: baseline[frequency][0],
				targetValue: 5,
				targetPeriod: baseline[frequency][1]
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await database.db.insertInto('kpiOwner').values({ organisationId, kpiId: id, userId: lead.id }).execute();
		return { id, name };
	}

	async function read(input: ReadInput): Promise<ImportTable> {
		const table = await readTable(input);
		if (!table.ok) throw new Error(`Unreadable in test: ${table.message}`);
		const { ok: _ok, ...plain } = table;
		return plain;
	}

	async function preview(input: ReadInput, kpiId?: number): Promise<ImportPreview> {
		return previewObservationImport(database.db, lead, await read(input), { kpiId });
	}

	const stored = (kpiId: number) =>
		database.db
			.selectFrom('observation')
			.select(['period', 'value', 'comment'])
			.where('kpiId', '=', kpiId)
			.orderBy('period')
			.execute();

	/** A workbook as Excel and LibreOffice write it, one row per array; `formats` sets a column's number format. */
	async function workbook(rows: unknown[][], formats: Record<number, string> = {}): Promise<Uint8Array> {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Ark1');
		for (const values of rows) {
			const row = sheet.addRow(values);
			if (row.number === 1) continue;
			for (const [column, numFmt] of Object.entries(formats)) row.getCell(Number(column)).numFmt = numFmt;
		}
		return new Uint8Array(await book.xlsx.writeBuffer());
	}

	test('XLSX percent cells (0.0%, 0%, 0.00%) are percentages for a % KPI: 0,069 is 6,9, saved as 6.9', async () => {
		const kpi = await createKpi('month', 'percent');
		for (const [format, period] of [
			['0.0%', '2024-01'],
			['0%', '2024-02'],
			['0.00%', '2024-03']
		]) {
			const bytes = await workbook(
				[
					['Nøgletal', 'Periode', 'Værdi'],
					[kpi.name, period, 0.069]
				],
				{ 3: format }
			);
			const result = await preview({ bytes, filename: 'sygefravær.xlsx' });
			expect(result.rows.map((r) => [r.kind, r.period, r.value, r.warnings])).toEqual([['new', period, 6.9, []]]);
			expect(await applyObservationImport(database.db, lead, result, null)).toMatchObject({ kind: 'ok', created: 1 });
		}
		expect((await stored(kpi.id)).map((r) => [r.period, Number(r.value)])).toEqual([
			['2024-01', 6.9],
			['2024-02', 6.9],
			['2024-03', 6.9]
		]);
	});

	test('the preview shows values as the KPI does: its unit and its decimals, both sides of a change alike (issue 17)', async () => {
		const percent = await createKpi('month', 'percent', 1);
		await applyObservationImport(
			database.db,
			lead,
			await preview({ text: 'Periode;Værdi\n2024-01;7' }, percent.id),
			null
		);
		const changed = await preview({ text: 'Periode;Værdi\n2024-01;6,6\n2024-02;7\n2024-03;71,5' }, percent.id);
		expect(changed.rows.map((r) => [r.kind, r.oldValueText, r.valueText])).toEqual([
			['changed', '7,0\u00a0%', '6,6\u00a0%'],
			['new', null, '7,0\u00a0%'],
			['new', null, '71,5\u00a0%']
		]);
		const days = await createKpi('month', 'days', 0);
		const count = await createKpi('month', 'count', 0);
		const both = await preview({ text: `Nøgletal;Periode;Værdi\n${days.name};2024-01;12\n${count.name};2024-01;1234` });
		expect(both.rows.map((r) => r.valueText)).toEqual(['12\u00a0dage', '1.234']);
		// A row that cannot be read shows its cell for editing, not a number.
		const bad = await preview({ text: 'Periode;Værdi\n2024-04;7,x' }, percent.id);
		expect(bad.rows.map((r) => [r.kind, r.valueText])).toEqual([['error', null]]);
	});

	test('a percent cell for a KPI not in % keeps its number, with a Danish warning on its line; still importable', async () => {
		// One decimal, so the plausibility rules (issue 14) keep 0,5 as it is instead of rounding it to a whole count.
		const kpi = await createKpi('month', 'count', 1);
		const bytes = await workbook(
			[
				['Nøgletal', 'Periode', 'Værdi'],
				[kpi.name, '2024-01', 0.5],
				[kpi.name, '2024-02', 12]
			],
			{ 3: '0.0%' }
		);
		const result = await preview({ bytes });
		expect(result.counts.errors).toBe(0);
		expect(result.rows[0]).toMatchObject({ line: 2, kind: 'new', value: 0.5 });
		expect(result.rows[0].warnings).toEqual([
			t('import.percent_cell_not_percent', { shown: '50,0\u00a0%', value: '0,5' })
		]);
		expect(await applyObservationImport(database.db, lead, result, null)).toMatchObject({ kind: 'ok', created: 2 });
	});

	test('a plain 0,069 for a % KPI whose values are around 7 is flagged on its line, not rescaled; a fraction cell is not', async () => {
		// Three decimals, so the plausibility rules (issue 14) do not round 0,069 to 0,1.
		const kpi = await createKpi('month', 'percent', 3);
		await applyObservationImport(
			database.db,
			lead,
			await preview({ text: `Nøgletal;Periode;Værdi\n${kpi.name};2024-01;7,1\n${kpi.name};2024-02;6,8` }),
			null
		);
		const result = await preview({
			text: [
				'Nøgletal;Periode;Værdi',
				`${kpi.name};2024-03;7,2`,
				`${kpi.name};2024-04;0,069`,
				`${kpi.name};2024-05;0,5 %`
			].join('\n')
		});
		expect(result.rows.map((r) => [r.line, r.kind, r.value, r.warnings.length])).toEqual([
			[2, 'new', 7.2, 0],
			[3, 'new', 0.069, 1],
			// 0,5 against values around 7 is not a hundredth of them: no guess.
			[4, 'new', 0.5, 0]
		]);
		expect(result.rows[1].warnings[0]).toBe(
			t('import.percent_scale_doubt', { value: '0,069\u00a0%', typical: '7,100\u00a0%' })
		);
	});

	test('date cells shown as `mmm yyyy` are the period of the KPI that holds the date', async () => {
		const monthly = await createKpi('month');
		const quarterly = await createKpi('quarter');
		const halfYearly = await createKpi('half');
		const yearly = await createKpi('year');
		const october = new Date(Date.UTC(2024, 9, 1));
		const bytes = await workbook(
			[
				['Nøgletal', 'Periode', 'Værdi'],
				[monthly.name, october, 6.9],
				[quarterly.name, october, 6.9],
				[halfYearly.name, october, 6.9],
				[yearly.name, october, 6.9],
				[monthly.name, new Date(Date.UTC(2024, 10, 30)), 7]
			],
			{ 2: 'mmm yyyy' }
		);
		const result = await preview({ bytes, filename: 'datoer.xlsx' });
		expect(result.rows.map((r) => [r.line, r.kind, r.period])).toEqual([
			[2, 'new', '2024-10'],
			[3, 'new', '2024-Q4'],
			[4, 'new', '2024-H2'],
			[5, 'new', '2024'],
			[6, 'new', '2024-11']
		]);
		expect(await applyObservationImport(database.db, lead, result, null)).toMatchObject({ kind: 'ok', created: 5 });
		expect((await stored(monthly.id)).map((r) => r.period)).toEqual(['2024-10', '2024-11']);
	});

	const wordings: [Frequency, string, string][] = [
		['month', 'okt 2024', '2024-10'],
		['month', 'oktober 2024', '2024-10'],
		['month', 'Okt. 2024', '2024-10'],
		['month', '10-2024', '2024-10'],
		['month', '2024-10', '2024-10'],
		['month', '10/2024', '2024-10'],
		['month', 'nov-25', '2025-11'],
		['month', 'maj 2025', '2025-05'],
		['half', '1. halvår 2025', '2025-H1'],
		['half', '2025 H1', '2025-H1'],
		['half', 'H2 2025', '2025-H2'],
		['half', '2025-H2', '2025-H2'],
		['quarter', '3. kvt. 2024', '2024-Q3'],
		['quarter', '3. kvartal 2024', '2024-Q3'],
		['quarter', '2. kvartal 2024', '2024-Q2'],
		['quarter', 'Q3 2024', '2024-Q3'],
		['quarter', '2024 Q4', '2024-Q4'],
		['year', '2024', '2024']
	];

	test.each(wordings)(
		'a %s KPI reads the period %j as %s, in a paste, a CSV and an XLSX text cell',
		async (frequency, text, canonical) => {
			const kpi = await createKpi(frequency);
			const paste = await preview({ text: `Nøgletal\tPeriode\tVærdi\n${kpi.name}\t${text}\t6,9` });
			const csv = await preview({
				bytes: new TextEncoder().encode(`Nøgletal;Periode;Værdi\r\n${kpi.name};${text};6,9\r\n`)
			});
			const xlsx = await preview({
				bytes: await workbook([
					['Nøgletal', 'Periode', 'Værdi'],
					[kpi.name, text, 6.9]
				])
			});
			for (const result of [paste, csv, xlsx]) {
				expect(result.rows.map((r) => [r.kind, r.period, r.value, r.message])).toEqual([['new', canonical, 6.9, null]]);
			}
			expect(await applyObservationImport(database.db, lead, paste, null)).toMatchObject({ kind: 'ok', created: 1 });
			expect((await stored(kpi.id)).map((r) => r.period)).toEqual([canonical]);
		}
	);

	test('another frequency is refused, never converted, and the message names only the forms of the KPI frequency', async () => {
		const monthly = await createKpi('month');
		const halfYearly = await createKpi('half');
		const result = await preview({
			text: [
				'Nøgletal;Periode;Værdi',
				`${monthly.name};H1 2025;1`,
				`${monthly.name};3. kvt. 2024;1`,
				`${monthly.name};2024-10-15;1`,
				`${monthly.name};oktbr 2024;1`,
				`${halfYearly.name};oktober 2024;1`
			].join('\n')
		});
		expect(result.rows.map((r) => [r.line, r.message])).toEqual([
			[2, periodMessage('wrong_frequency', 'month')],
			[3, periodMessage('wrong_frequency', 'month')],
			[4, periodMessage('wrong_frequency', 'month')],
			[5, periodMessage('malformed', 'month')],
			[6, periodMessage('wrong_frequency', 'half')]
		]);
		expect(result.rows[0].message).toContain('oktober 2024');
		expect(result.rows[0].message).not.toMatch(/H1|Q3|kvt/);
		expect(result.rows[4].message).toContain('1. halvår 2025');
		expect(result.rows[4].message).not.toMatch(/okt|Q3/);
	});

	test('thousands separators, negative numbers and blank rows: Danish, English and Excel writings', async () => {
		// In kroner: a count may not be negative (the plausibility rules, issue 14).
		const kpi = await createKpi('month', 'kr', 1);
		const danish = await preview({
			text: [
				'Nøgletal;Periode;Værdi',
				'',
				`${kpi.name};2024-01;1.234,5`,
				';;',
				`${kpi.name};2024-02;-0,4`,
				`${kpi.name};2024-03;\u22121.000`,
				'',
				`${kpi.name};2024-04;12\u00a0345,6`
			].join('\r\n')
		});
		expect(danish.rows.map((r) => [r.line, r.kind, r.value])).toEqual([
			[3, 'new', 1234.5],
			[5, 'new', -0.4],
			[6, 'new', -1000],
			[8, 'new', 12345.6]
		]);
		const english = await preview({
			bytes: new TextEncoder().encode(
				[`KPI,Period,Value`, `"${kpi.name}",2024-05,"1,234.5"`, '', `"${kpi.name}",2024-06,-0.4`].join('\n')
			)
		});
		expect(english.rows.map((r) => [r.line, r.value])).toEqual([
			[2, 1234.5],
			[4, -0.4]
		]);
		const xlsx = await preview({
			bytes: await workbook(
				[['Nøgletal', 'Periode', 'Værdi'], [kpi.name, '2024-07', 1234.5], [], [kpi.name, '2024-08', -0.4]],
				{ 3: '#,##0.0' }
			)
		});
		expect(xlsx.rows.map((r) => [r.line, r.value])).toEqual([
			[2, 1234.5],
			[4, -0.4]
		]);
	});

	test('two columns pasted for one KPI, with a header, without one, and with a comment column', async () => {
		const kpi = await createKpi('month');
		const withHeader = await preview({ text: 'Periode\tVærdi\nokt 2024\t6,9\nnov 2024\t7,1' }, kpi.id);
		expect(withHeader.rows.map((r) => [r.line, r.kind, r.kpiId, r.period, r.value])).toEqual([
			[2, 'new', kpi.id, '2024-10', 6.9],
			[3, 'new', kpi.id, '2024-11', 7.1]
		]);
		const withoutHeader = await preview({ text: 'okt 2024\t6,9\r\nnov 2024\t7,1\r\n' }, kpi.id);
		expect(withoutHeader.rows.map((r) => [r.line, r.kind, r.period, r.value, r.comment])).toEqual([
			[1, 'new', '2024-10', 6.9, ''],
			[2, 'new', '2024-11', 7.1, '']
		]);
		expect(withoutHeader.columns).toEqual({ kpi: null, period: 0, value: 1, comment: null });
		const oneValue = await preview({ text: 'okt 2024\t6,9' }, kpi.id);
		expect(oneValue.rows.map((r) => [r.line, r.kind, r.period, r.value])).toEqual([[1, 'new', '2024-10', 6.9]]);

		const commented = await preview({ text: 'okt 2024\t6,9\tFørste måling\nnov 2024\t7,1' }, kpi.id);
		expect(commented.rows.map((r) => [r.period, r.comment])).toEqual([
			['2024-10', 'Første måling'],
			['2024-11', '']
		]);
		expect(await applyObservationImport(database.db, lead, commented, null)).toMatchObject({ kind: 'ok', created: 2 });

		// A comment-only change is a change, shown with the old comment.
		const comment = await preview({ text: 'Periode;Værdi;Kommentar\nokt 2024;6,9;Rettet kommentar' }, kpi.id);
		expect(comment.rows.map((r) => [r.kind, r.oldValue, r.value, r.oldComment, r.comment, r.decimals])).toEqual([
			['changed', 6.9, 6.9, 'Første måling', 'Rettet kommentar', 1]
		]);

		// An error says its line; a bad value shows as the cell read.
		const bad = await preview({ text: 'okt 2024\t6,9\n\nnov 2024\t7,x' }, kpi.id);
		expect(bad.rows.map((r) => [r.line, r.kind, r.message])).toEqual([
			[1, 'unchanged', null],
			[3, 'error', t('error.number_malformed')]
		]);
	});

	test('the general import understands a paste without header when its columns are recognisable', async () => {
		const kpi = await createKpi('month');
		const headerless = await preview({ text: `${kpi.name}\tokt 2024\t6,9\n${kpi.name}\tnov 2024\t7,1` });
		expect(headerless.rows.map((r) => [r.line, r.kind, r.kpiId, r.period])).toEqual([
			[1, 'new', kpi.id, '2024-10'],
			[2, 'new', kpi.id, '2024-11']
		]);
		// Two columns without a KPI belong on the KPI's own page: the general import names what is missing, for "teksten".
		const twoColumns = await preview({ text: 'Periode\tVærdi\nokt 2024\t6,9' });
		expect(twoColumns.rows[0].message).toBe(
			t('import.missing_column_one', {
				source: t('import.source_paste'),
				columns: 'Nøgletal',
				headers: t('import.headers_general')
			})
		);
		expect(twoColumns.rows[0].message).toMatch(/^Teksten mangler kolonnen Nøgletal\./);
		const file = await preview({ bytes: new TextEncoder().encode('Beløb;Tekst\n1;x') });
		expect(file.rows[0].message).toMatch(/^Filen mangler kolonnerne Nøgletal, Periode og Værdi\./);
	});

	test('a paste for one KPI whose KPI column names another KPI is refused on that line', async () => {
		const kpi = await createKpi('month');
		const other = await createKpi('month');
		const result = await preview(
			{ text: `Nøgletal;Periode;Værdi\n${kpi.name};okt 2024;1\n${other.name};nov 2024;2` },
			kpi.id
		);
		expect(result.rows.map((r) => [r.line, r.kind, r.kpiId, r.message])).toEqual([
			[2, 'new', kpi.id, null],
			[3, 'error', kpi.id, t('import.not_this_kpi', { kpi: other.name, expected: kpi.name })]
		]);
	});

	test('a cell corrected in the preview table is previewed again; the paste is written back with its line numbers', async () => {
		const kpi = await createKpi('month');
		const table = await read({ text: 'Periode\tVærdi\nokt 2024\t6,9\n\nnov 2024\t7,x' });
		const bad = await previewObservationImport(database.db, lead, table, { kpiId: kpi.id });
		expect(bad.rows.map((r) => [r.line, r.kind])).toEqual([
			[2, 'new'],
			[4, 'error']
		]);
		const edited = applyCellEdits(table, [
			{ line: 4, column: 1, original: '7,x', text: '7,1' },
			// A correction of a cell that has changed since is not applied over it.
			{ line: 2, column: 1, original: '6,8', text: '1' }
		]);
		expect(edited.changed).toBe(1);
		expect(tableAsText(edited.table)).toBe('Periode\tVærdi\nokt 2024\t6,9\n\nnov 2024\t7,1');
		const fixed = await previewObservationImport(database.db, lead, edited.table, { kpiId: kpi.id });
		expect(fixed.rows.map((r) => [r.line, r.kind, r.value])).toEqual([
			[2, 'new', 6.9],
			[4, 'new', 7.1]
		]);
		expect(await applyObservationImport(database.db, lead, fixed, null)).toMatchObject({ kind: 'ok', created: 2 });
	});

	test('Danish plurals in the messages a count is part of', async () => {
		const kpi = await createKpi('month');
		const one = await preview({ text: 'okt 2024\t6,x' }, kpi.id);
		expect(await applyObservationImport(database.db, lead, one, null)).toMatchObject({
			kind: 'invalid',
			message: 'Intet er gemt, fordi 1 række har fejl. Ret den, og prøv igen.'
		});
		const two = await preview({ text: 'okt 2024\t6,x\nnov 2024\t7,x' }, kpi.id);
		expect(await applyObservationImport(database.db, lead, two, null)).toMatchObject({
			kind: 'invalid',
			message: 'Intet er gemt, fordi 2 rækker har fejl. Ret dem, og prøv igen.'
		});
	});
});
