import { describe, expect, test } from 'vitest';
import { rollUpBudgets } from './budget-rollup';
import { matchesOverviewFilters } from './overview-filters';

const row = (
	id: number,
	programmeId: number,
	allocatedKr: number,
	spentKr: number,
	extra: { themeId?: number | null; assignees?: number[]; status?: string | null } = {}
) => ({
	id,
	programmeId,
	programmeName: `Program ${programmeId}`,
	themeId: extra.themeId ?? null,
	assignees: (extra.assignees ?? []).map((a) => ({ id: a })),
	status: { status: extra.status === undefined ? 'on_track' : extra.status },
	budget: { allocatedKr, spentKr }
});

const rows = [
	row(1, 10, 200_000, 188_000, { themeId: 1, assignees: [7], status: 'achieved' }),
	row(2, 10, 1_000_000, 959_500, { themeId: 1, status: null }),
	row(3, 20, 3_600_000, 3_305_000, { themeId: 2, assignees: [7, 8], status: 'at_risk' }),
	row(4, 10, 0, 0, { themeId: 2, status: 'at_risk' }),
	row(5, 20, 900_000, 859_000, { themeId: 3, assignees: [8], status: 'off_track' })
];

describe('rollUpBudgets', () => {
	test('sums allocated and spent over every row, and per programme in the order programmes appear', () => {
		expect(rollUpBudgets(rows)).toEqual({
			total: { recommendations: 5, allocatedKr: 5_700_000, spentKr: 5_311_500 },
			byProgramme: [
				{
					programmeId: 10,
					programmeName: 'Program 10',
					recommendations: 3,
					allocatedKr: 1_200_000,
					spentKr: 1_147_500
				},
				{ programmeId: 20, programmeName: 'Program 20', recommendations: 2, allocatedKr: 4_500_000, spentKr: 4_164_000 }
			]
		});
	});

	test('the per-programme sums add up to the total', () => {
		const { total, byProgramme } = rollUpBudgets(rows);
		expect(byProgramme.reduce((sum, p) => sum + p.allocatedKr, 0)).toBe(total.allocatedKr);
		expect(byProgramme.reduce((sum, p) => sum + p.spentKr, 0)).toBe(total.spentKr);
		expect(byProgramme.reduce((sum, p) => sum + p.recommendations, 0)).toBe(total.recommendations);
	});

	test('sums only the filtered set the overview shows', () => {
		const atRisk = rows.filter((r) => matchesOverviewFilters(r, { status: 'at_risk' }));
		expect(rollUpBudgets(atRisk)).toEqual({
			total: { recommendations: 2, allocatedKr: 3_600_000, spentKr: 3_305_000 },
			byProgramme: [
				{
					programmeId: 20,
					programmeName: 'Program 20',
					recommendations: 1,
					allocatedKr: 3_600_000,
					spentKr: 3_305_000
				},
				{ programmeId: 10, programmeName: 'Program 10', recommendations: 1, allocatedKr: 0, spentKr: 0 }
			]
		});
		const person8InProgramme20 = rows.filter((r) => matchesOverviewFilters(r, { program: 20, ansvarlig: 8 }));
		expect(rollUpBudgets(person8InProgramme20).total).toEqual({
			recommendations: 2,
			allocatedKr: 4_500_000,
			spentKr: 4_164_000
		});
	});

	test('no rows give zero totals and no programmes', () => {
		expect(rollUpBudgets([])).toEqual({
			total: { recommendations: 0, allocatedKr: 0, spentKr: 0 },
			byProgramme: []
		});
	});

	test('amounts are whole kroner (the database stores bigint kroner, no øre): a fraction is refused, not rounded', () => {
		expect(() => rollUpBudgets([row(1, 10, 100.5, 0)])).toThrow(RangeError);
		// Large sums stay exact: 1.000 bevillinger of 999.999.999 kr.
		const big = Array.from({ length: 1000 }, (_, i) => row(i, 1, 999_999_999, 1));
		expect(rollUpBudgets(big).total).toEqual({ recommendations: 1000, allocatedKr: 999_999_999_000, spentKr: 1000 });
	});
});

describe('matchesOverviewFilters', () => {
	const ids = (filters: Parameters<typeof matchesOverviewFilters>[1]) =>
		rows.filter((r) => matchesOverviewFilters(r, filters)).map((r) => r.id);

	test('no filter lets every row through; each filter narrows; filters combine', () => {
		expect(ids({})).toEqual([1, 2, 3, 4, 5]);
		expect(ids({ program: 10 })).toEqual([1, 2, 4]);
		expect(ids({ tema: 2 })).toEqual([3, 4]);
		expect(ids({ ansvarlig: 7 })).toEqual([1, 3]);
		expect(ids({ status: 'follow_up' })).toEqual([2]);
		expect(ids({ program: 10, tema: 2, status: 'at_risk' })).toEqual([4]);
		expect(ids({ program: 30 })).toEqual([]);
	});
});
