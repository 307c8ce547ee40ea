/**
 * The forecast (DESIGN §3, issue 15) where people read it: the API's KPIs and the overview, on the demo data,
 * on PGlite and PostgreSQL. The statistics themselves are checked against the textbook formula in
 * src/lib/domain/forecast.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { loadApiKpis, loadOverview } from '../../src/lib/server/kpis';
import { createTestDatabase, type TestDatabase, organisationIdOf } from '../helpers/test-db';

describe('forecasts of the demo KPIs', () => {
	let database: TestDatabase;
	let norddjursId: number;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { password: 'fremdrift-demo' });
		norddjursId = await organisationIdOf(database, 'norddjurs');
	});
	afterAll(() => database.destroy());

	const byName = async (asOf: string) =>
		new Map((await loadApiKpis(database.db, norddjursId, asOf)).map((kpi) => [kpi.name, kpi]));

	test('the API gives each KPI with enough values a forecast at its target period, and none once it is settled', async () => {
		const kpis = await byName('2026-11-22');
		const monthly = kpis.get('Sygefravær, Velfærdsområdet (måned)')!;
		// 44 monthly values from 2023-01 to 2026-08, judged on the rolling year: trend and season, of the 12-month mean.
		expect(monthly.forecast).toMatchObject({ period: '2027-12', model: 'seasonal_trend', observations: 44 });
		const f = monthly.forecast!;
		expect(f.lower80).toBeLessThan(f.value);
		expect(f.value).toBeLessThan(f.upper80);
		expect(f.probability).toBeGreaterThan(0);
		expect(f.probability).toBeLessThan(1);
		expect(monthly.status).toBe('on_track');
		expect(monthly.missingRun).toEqual({ from: '2026-09', to: '2026-09', count: 1 });

		// Ten quarters (≥ 8): trend and season too; six half-years: a linear trend.
		expect(kpis.get('Ledige i job eller uddannelse på Velfærdsområdet')!.forecast).toMatchObject({
			period: '2027-Q4',
			model: 'seasonal_trend',
			observations: 10
		});
		expect(kpis.get('Ansøgere pr. stillingsopslag, Velfærdsområdet')!.forecast).toMatchObject({
			period: '2027-H2',
			model: 'linear_trend',
			observations: 6
		});

		// The yearly sick leave's target year 2025 has its value: missed, and no forecast.
		const yearly = kpis.get('Sygefravær, Velfærdsområdet (år)')!;
		expect(yearly.status).toBe('missed');
		expect(yearly.forecast).toBeNull();
	});

	test('as of before the target year the yearly KPI has a status on the way and a forecast; after, missed and none', async () => {
		// 2023 and 2024 are the only values after the 2022 baseline by 2024-12-31: too few for a forecast (6).
		const before = (await byName('2024-12-31')).get('Sygefravær, Velfærdsområdet (år)')!;
		expect(before.status).toBe('on_track');
		expect(before.forecast).toBeNull();
		const after = (await byName('2025-01-01')).get('Sygefravær, Velfærdsområdet (år)')!;
		expect(after.status).toBe('missed');
	});

	test('the overview carries the same forecast for a recommendation whose primary KPI has one', async () => {
		const rows = await loadOverview(database.db, norddjursId, '2026-11-22');
		const kpis = await byName('2026-11-22');
		const eight = rows.find((row) => row.number === 8)!;
		expect(eight.status.status).toBe('at_risk');
		expect(eight.forecast).toEqual({
			kind: 'forecast',
			forecast: kpis.get('Ansøgere pr. stillingsopslag, Velfærdsområdet')!.forecast
		});
		const seven = rows.find((row) => row.number === 7)!;
		expect(seven.forecast).toEqual({ kind: 'settled' });
	});
});
