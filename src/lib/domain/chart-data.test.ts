import { describe, expect, it } from 'vitest';
import {
	chartObservations,
	kpiChartData,
	kpiChartSummary,
	kpiChartTable,
	recentChartRows,
	type KpiChartInput
} from './chart-data';
import { krAxisTicks } from './chart-kroner';

const NBSP = '\u00a0';

const sickLeave: KpiChartInput = {
	name: 'Sygefravær, Velfærdsområdet (år)',
	unit: 'percent',
	decimals: 1,
	frequency: 'year',
	definition: {
		direction: 'lower',
		frequency: 'year',
		baseline: { value: 7.8, period: '2022' },
		target: { value: 6.5, period: '2025' }
	},
	observations: [
		{ period: '2021', value: 8.1 },
		{ period: '2023', value: 7.5 },
		{ period: '2024', value: 7.0 },
		{ period: '2025', value: 6.7 }
	],
	budgetLines: [
		{ year: 2024, amountKr: 1_800_000 },
		{ year: 2025, amountKr: 1_800_000 }
	],
	actuals: [{ year: 2024, amountKr: 1_650_000 }],
	comparisons: []
};

const wellbeing: KpiChartInput = {
	name: 'Trivsel',
	unit: 'score',
	decimals: 1,
	frequency: 'month',
	definition: {
		direction: 'higher',
		frequency: 'month',
		baseline: { value: 17.5, period: '2016-05' },
		target: { value: 25, period: '2017-12' }
	},
	observations: [
		{ period: '2016-06', value: 18 },
		{ period: '2016-08', value: 18.5 },
		{ period: '2017-01', value: 20, seriesBreak: true },
		{ period: '2017-02', value: 21 }
	],
	budgetLines: [
		{ year: 2016, amountKr: 500_000 },
		{ year: 2017, amountKr: 250_000 },
		{ year: 2017, amountKr: 250_000 },
		{ year: 2019, amountKr: 100_000 }
	],
	actuals: [],
	comparisons: []
};

const waitingTime: KpiChartInput = {
	name: 'Ventetid på genoptræning',
	unit: 'days',
	decimals: 0,
	frequency: 'quarter',
	definition: {
		direction: 'lower',
		frequency: 'quarter',
		baseline: { value: 40, period: '2023-Q1' },
		target: { value: 28, period: '2024-Q2' }
	},
	observations: [
		{ period: '2023-Q2', value: 38 },
		{ period: '2024-Q1', value: 31 },
		{ period: '2024-Q3', value: 29 }
	],
	budgetLines: [],
	actuals: [],
	comparisons: [
		{
			name: 'Landsgennemsnit',
			values: [
				{ period: '2022-Q4', value: 41 },
				{ period: '2023-Q1', value: 39 },
				{ period: '2023-Q3', value: 37 },
				{ period: '2023', value: 36 }
			]
		}
	]
};

function series(input: KpiChartInput, key: string) {
	const found = kpiChartData(input).series.find((s) => s.key === key);
	if (!found) throw new Error(`no series ${key}`);
	return found;
}

describe('kpiChartData — yearly sick leave', () => {
	it('labels every year from baseline to target', () => {
		const data = kpiChartData(sickLeave);
		expect(data.labels).toEqual(['2022', '2023', '2024', '2025']);
		expect(data.labelsDa).toEqual(['2022', '2023', '2024', '2025']);
		expect(data.series.map((s) => s.key)).toEqual(['values', 'baseline', 'target', 'trajectory', 'budget', 'spent']);
	});

	it('places values, leaving out those before the baseline', () => {
		const values = series(sickLeave, 'values');
		expect(values).toMatchObject({ label: 'Målinger', kind: 'line', axis: 'value' });
		expect(values.data).toEqual([null, 7.5, 7.0, 6.7]);
		expect(values.breaks).toEqual([false, false, false, false]);
	});

	it('marks the baseline once and draws the target across', () => {
		expect(series(sickLeave, 'baseline').data).toEqual([7.8, null, null, null]);
		const target = series(sickLeave, 'target');
		expect(target).toMatchObject({ label: 'Mål', dashed: true, data: [6.5, 6.5, 6.5, 6.5] });
	});

	it('draws the straight-line trajectory from baseline to target', () => {
		const trajectory = series(sickLeave, 'trajectory');
		expect(trajectory).toMatchObject({ label: 'Forventet forløb', dashed: true });
		const expected = [7.8, 7.367, 6.933, 6.5];
		trajectory.data.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 3));
	});

	it('puts allocated and spent kroner on the year as bars on the kr axis', () => {
		expect(series(sickLeave, 'budget')).toMatchObject({
			label: 'Bevilget',
			kind: 'bar',
			axis: 'kr',
			data: [null, null, 1_800_000, 1_800_000]
		});
		expect(series(sickLeave, 'spent')).toMatchObject({
			label: 'Forbrugt',
			kind: 'bar',
			axis: 'kr',
			data: [null, null, 1_650_000, null]
		});
	});

	it('is plain data that survives JSON', () => {
		const data = kpiChartData(sickLeave);
		expect(JSON.parse(JSON.stringify(data))).toEqual(data);
	});
});

describe('kpiChartData — monthly with a series break', () => {
	const data = kpiChartData(wellbeing);

	it('labels every month from 2016-05 to 2017-12 in Danish too', () => {
		expect(data.labels).toHaveLength(20);
		expect(data.labels.slice(0, 3)).toEqual(['2016-05', '2016-06', '2016-07']);
		expect(data.labels.at(-1)).toBe('2017-12');
		expect(data.labelsDa[0]).toBe('maj 2016');
		expect(data.labelsDa.at(-1)).toBe('december 2017');
	});

	it('leaves missing months null and flags the break', () => {
		const values = series(wellbeing, 'values');
		expect(values.data.slice(0, 10)).toEqual([null, 18, null, 18.5, null, null, null, null, 20, 21]);
		expect(values.breaks?.map((b, i) => (b ? data.labels[i] : null)).filter(Boolean)).toEqual(['2017-01']);
	});

	it('holds a year budget across the months of the year, sums lines of one year and leaves out years outside', () => {
		const budget = series(wellbeing, 'budget');
		expect(budget).toMatchObject({ key: 'budget', label: 'Bevilget pr. år', kind: 'step', axis: 'kr' });
		// May 2016 (the baseline) to December 2017: every month carries its year's allocation, December no more than May.
		expect(budget.data).toEqual([...Array(8).fill(500_000), ...Array(12).fill(500_000)]);
		expect(data.series.some((s) => s.key === 'spent')).toBe(false);
	});

	it('follows the trajectory month by month', () => {
		const trajectory = series(wellbeing, 'trajectory').data;
		expect(trajectory[0]).toBe(17.5);
		expect(trajectory[9]).toBeCloseTo(17.5 + (7.5 * 9) / 19, 9);
		expect(trajectory[19]).toBe(25);
	});
});

describe('kpiChartData — quarterly with a comparison', () => {
	const data = kpiChartData(waitingTime);

	it('extends the labels to the last observation after the target', () => {
		expect(data.labels).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3']);
		expect(data.labelsDa[0]).toBe('1. kvartal 2023');
	});

	it('holds the trajectory flat after the target period', () => {
		const trajectory = series(waitingTime, 'trajectory').data;
		[40, 37.6, 35.2, 32.8, 30.4, 28, 28].forEach((v, i) => expect(trajectory[i]).toBeCloseTo(v, 9));
	});

	it('aligns the comparison, leaving out other frequencies and periods outside', () => {
		expect(series(waitingTime, 'comparison:Landsgennemsnit')).toMatchObject({
			label: 'Landsgennemsnit',
			kind: 'line',
			axis: 'value',
			data: [39, null, 37, null, null, null, null]
		});
	});

	it('has no budget series without budget lines', () => {
		expect(data.series.map((s) => s.key)).toEqual([
			'values',
			'baseline',
			'target',
			'trajectory',
			'comparison:Landsgennemsnit'
		]);
	});

	it('refuses an observation of the wrong frequency', () => {
		const wrong = { ...waitingTime, observations: [{ period: '2023-05', value: 1 }] };
		expect(() => kpiChartData(wrong)).toThrow(RangeError);
	});
});

describe('kpiChartData — budget placement for half-years', () => {
	it('holds a year across its half-years in range, as a step named per year', () => {
		const input: KpiChartInput = {
			...waitingTime,
			frequency: 'half',
			definition: {
				direction: 'lower',
				frequency: 'half',
				baseline: { value: 40, period: '2023-H1' },
				target: { value: 30, period: '2024-H1' }
			},
			observations: [],
			budgetLines: [
				{ year: 2022, amountKr: 100_000 },
				{ year: 2023, amountKr: 200_000 },
				{ year: 2024, amountKr: 300_000 }
			],
			actuals: [{ year: 2023, amountKr: 150_000 }],
			comparisons: []
		};
		const data = kpiChartData(input);
		expect(data.labels).toEqual(['2023-H1', '2023-H2', '2024-H1']);
		expect(data.labelsDa).toEqual(['1. halvår 2023', '2. halvår 2023', '1. halvår 2024']);
		expect(series(input, 'budget')).toMatchObject({ kind: 'step', data: [200_000, 200_000, 300_000] });
		expect(series(input, 'spent')).toMatchObject({
			kind: 'step',
			label: 'Forbrugt pr. år',
			data: [150_000, 150_000, null]
		});
		expect(kpiChartSummary(input)).toBe(
			`Der er endnu ingen målinger af Ventetid på genoptræning efter baseline (40${NBSP}dage i ` +
				`1. halvår 2023); målet er 30${NBSP}dage i 1. halvår 2024. ` +
				`Der er bevilget 600.000${NBSP}kr. i alt, og 150.000${NBSP}kr. er forbrugt. ` +
				`Bevillingen er 100.000${NBSP}kr. pr. år i 2022, 200.000${NBSP}kr. pr. år i 2023 og 300.000${NBSP}kr. pr. år i 2024.`
		);
	});
});

describe("a year's kroner on monthly and quarterly charts (issue 17)", () => {
	const monthly: KpiChartInput = {
		name: 'Sygefravær (måned)',
		unit: 'percent',
		decimals: 1,
		frequency: 'month',
		definition: {
			direction: 'lower',
			frequency: 'month',
			baseline: { value: 7.9, period: '2025-01' },
			target: { value: 6.5, period: '2026-12' }
		},
		observations: [
			{ period: '2025-02', value: 7.7 },
			{ period: '2026-06', value: 7.0 }
		],
		budgetLines: [
			{ year: 2025, amountKr: 800_000 },
			{ year: 2026, amountKr: 700_000 },
			{ year: 2026, amountKr: 500_000 }
		],
		actuals: [{ year: 2025, amountKr: 750_000 }],
		comparisons: []
	};
	const quarterly: KpiChartInput = {
		...monthly,
		frequency: 'quarter',
		definition: {
			...monthly.definition,
			frequency: 'quarter',
			baseline: { value: 7.9, period: '2025-Q1' },
			target: { value: 6.5, period: '2026-Q4' }
		},
		observations: [{ period: '2025-Q3', value: 7.4 }]
	};

	it("holds each year's allocation on every month of that year, not as a bar in December", () => {
		const data = kpiChartData(monthly);
		expect(data.labels).toHaveLength(24);
		const budget = series(monthly, 'budget');
		expect(budget).toMatchObject({ label: 'Bevilget pr. år', kind: 'step', axis: 'kr' });
		data.labels.forEach((label, i) =>
			expect([label, budget.data[i]]).toEqual([label, label.startsWith('2025') ? 800_000 : 1_200_000])
		);
		expect(series(monthly, 'spent')).toMatchObject({
			label: 'Forbrugt pr. år',
			kind: 'step',
			data: [...Array(12).fill(750_000), ...Array(12).fill(null)]
		});
		expect(data.series.some((s) => s.kind === 'bar')).toBe(false);
	});

	it("holds each year's allocation on every quarter of that year", () => {
		const data = kpiChartData(quarterly);
		expect(data.labels).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4',
			'2026-Q1',
			'2026-Q2',
			'2026-Q3',
			'2026-Q4'
		]);
		expect(series(quarterly, 'budget')).toMatchObject({
			kind: 'step',
			data: [800_000, 800_000, 800_000, 800_000, 1_200_000, 1_200_000, 1_200_000, 1_200_000]
		});
	});

	it('says "pr. år" in the summary and names the table\'s column so, on one scale', () => {
		for (const input of [monthly, quarterly]) {
			expect(kpiChartSummary(input)).toMatch(
				new RegExp(
					`Der er bevilget 2${NBSP}mio.${NBSP}kr. i alt, og 0,75${NBSP}mio.${NBSP}kr. er forbrugt. ` +
						`Bevillingen er 0,8${NBSP}mio.${NBSP}kr. pr. år i 2025 og 1,2${NBSP}mio.${NBSP}kr. pr. år i 2026.$`
				)
			);
			// The table's column heading is the series' label; every row carries its year's amount on one scale.
			const rows = kpiChartTable(input);
			expect(rows.map((row) => row.budget)).toEqual(
				kpiChartData(input).labels.map((label) =>
					label.startsWith('2025') ? `0,8${NBSP}mio.${NBSP}kr.` : `1,2${NBSP}mio.${NBSP}kr.`
				)
			);
		}
	});

	it('keeps one bar per year on a yearly chart', () => {
		expect(series(sickLeave, 'budget')).toMatchObject({ kind: 'bar', label: 'Bevilget' });
	});
});

describe('krAxisTicks', () => {
	it('gives short ticks on one scale, the unit left to the axis title', () => {
		expect(krAxisTicks([0, 400_000, 800_000, 1_200_000])).toEqual([
			'0',
			`0,4${NBSP}mio.`,
			`0,8${NBSP}mio.`,
			`1,2${NBSP}mio.`
		]);
		expect(krAxisTicks([0, 250_000, 500_000, 750_000])).toEqual(['0', '250.000', '500.000', '750.000']);
		expect(krAxisTicks([0, 1_000_000, 2_000_000])).toEqual(['0', `1${NBSP}mio.`, `2${NBSP}mio.`]);
		for (const tick of krAxisTicks([0, 2_500_000, 5_000_000, 7_500_000, 10_000_000, 12_500_000]))
			expect(tick.length).toBeLessThanOrEqual(9);
	});
});

describe('kpiChartSummary', () => {
	it('tells the fall and the budget', () => {
		expect(kpiChartSummary(sickLeave)).toBe(
			`Sygefravær, Velfærdsområdet (år) er faldet fra 7,8${NBSP}% i 2022 til 6,7${NBSP}% i 2025; ` +
				`målet er 6,5${NBSP}% i 2025. ` +
				`Der er bevilget 3,6${NBSP}mio.${NBSP}kr. i alt, og 1,7${NBSP}mio.${NBSP}kr. er forbrugt. ` +
				`Bevillingen er 1,8${NBSP}mio.${NBSP}kr. pr. år i 2024–2025.`
		);
	});

	it('tells a rise, in Danish month names, with nothing spent', () => {
		expect(kpiChartSummary(wellbeing)).toBe(
			'Trivsel er steget fra 17,5 i maj 2016 til 21,0 i februar 2017; målet er 25,0 i december 2017. ' +
				`Der er bevilget 1,1${NBSP}mio.${NBSP}kr. i alt, og 0${NBSP}kr. er forbrugt. ` +
				`Bevillingen er 500.000${NBSP}kr. pr. år i 2016–2017 og 100.000${NBSP}kr. pr. år i 2019.`
		);
	});

	it('tells a fall without a budget sentence when there is no budget', () => {
		expect(kpiChartSummary(waitingTime)).toBe(
			`Ventetid på genoptræning er faldet fra 40${NBSP}dage i 1. kvartal 2023 til 29${NBSP}dage i ` +
				`3. kvartal 2024; målet er 28${NBSP}dage i 2. kvartal 2024.`
		);
	});

	it('calls a change too small to show unchanged', () => {
		const input = { ...sickLeave, budgetLines: [], observations: [{ period: '2024', value: 7.81 }] };
		expect(kpiChartSummary(input)).toBe(
			`Sygefravær, Velfærdsområdet (år) er uændret på 7,8${NBSP}% fra 2022 til 2024; målet er 6,5${NBSP}% i 2025.`
		);
	});

	it('says so when there is no observation after the baseline', () => {
		const input = { ...sickLeave, budgetLines: [], observations: [{ period: '2022', value: 7.8 }] };
		expect(kpiChartSummary(input)).toBe(
			'Der er endnu ingen målinger af Sygefravær, Velfærdsområdet (år) efter baseline ' +
				`(7,8${NBSP}% i 2022); målet er 6,5${NBSP}% i 2025.`
		);
	});
});

describe('kpiChartTable', () => {
	it('formats one row per period in Danish', () => {
		const rows = kpiChartTable(sickLeave);
		expect(rows).toHaveLength(4);
		expect(rows[0]).toEqual({
			period: '2022',
			year: 2022,
			value: null,
			seriesBreak: false,
			rolling: null,
			forecast: null,
			target: `6,5${NBSP}%`,
			trajectory: `7,8${NBSP}%`,
			budget: null,
			spent: null,
			comparisons: []
		});
		expect(rows[2]).toEqual({
			period: '2024',
			year: 2024,
			value: `7,0${NBSP}%`,
			seriesBreak: false,
			rolling: null,
			forecast: null,
			target: `6,5${NBSP}%`,
			trajectory: `6,9${NBSP}%`,
			// Each column on one scale, in millions from 1 mio. (formatKrAlike).
			budget: `1,8${NBSP}mio.${NBSP}kr.`,
			spent: `1,7${NBSP}mio.${NBSP}kr.`,
			comparisons: []
		});
	});

	it('carries series breaks and comparison columns', () => {
		const monthly = kpiChartTable(wellbeing);
		expect(monthly[8]).toMatchObject({ period: 'januar 2017', value: '20,0', seriesBreak: true });
		const quarterly = kpiChartTable(waitingTime);
		expect(quarterly[0].comparisons).toEqual([`39${NBSP}dage`]);
		expect(quarterly[1]).toMatchObject({ value: `38${NBSP}dage`, comparisons: [null] });
	});
});

describe('kpiChartData — the rolling-year line', () => {
	// DESIGN §3's rolling-year vector: monthly, lower is better, B = 7,8 (2022-12), T = 6,5 (2025-12).
	const rolling: KpiChartInput = {
		name: 'Sygefravær (måned)',
		unit: 'percent',
		decimals: 1,
		frequency: 'month',
		definition: {
			direction: 'lower',
			frequency: 'month',
			baseline: { value: 7.8, period: '2022-12' },
			target: { value: 6.5, period: '2025-12' },
			assessment: 'rolling_year'
		},
		observations: [
			...Array.from({ length: 11 }, (_, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, value: 7 })),
			{ period: '2024-12', value: 8.4 }
		],
		budgetLines: [],
		actuals: [],
		comparisons: []
	};
	const at = (period: string) => kpiChartData(rolling).labels.indexOf(period);

	it('draws the mean the rule judges, from the sixth month of the window on, labelled in the legend', () => {
		const line = series(rolling, 'rolling');
		expect(line.label).toBe('Gennemsnit af de seneste 12 måneder');
		expect(line).toMatchObject({ kind: 'line', axis: 'value' });
		// Fewer than 6 of 12 months: the rule falls back to the latest value, so the line has no point there.
		expect(line.data.slice(at('2024-01'), at('2024-06'))).toEqual([null, null, null, null, null]);
		expect(line.data[at('2024-06')]).toBeCloseTo(7, 10);
		expect(line.data[at('2024-12')]).toBeCloseTo(7.1167, 4);
		// No values, no point: before 2024 and after the last value.
		expect(line.data[at('2023-06')]).toBeNull();
		expect(line.data[at('2025-01')]).toBeNull();
		// Right after the values, so the legend reads Målinger, then the mean.
		expect(
			kpiChartData(rolling)
				.series.map((s) => s.key)
				.slice(0, 2)
		).toEqual(['values', 'rolling']);
	});

	it('puts the mean in the data table beside the value', () => {
		const rows = kpiChartTable(rolling);
		expect(rows[at('2024-12')]).toMatchObject({
			period: 'december 2024',
			value: `8,4${NBSP}%`,
			rolling: `7,1${NBSP}%`
		});
		expect(rows[at('2024-05')].rolling).toBeNull();
	});

	it('is absent for a KPI judged on its latest value, and for a yearly KPI whatever it says', () => {
		const latest = { ...rolling, definition: { ...rolling.definition, assessment: 'latest' as const } };
		expect(kpiChartData(latest).series.some((s) => s.key === 'rolling')).toBe(false);
		expect(kpiChartTable(latest).every((row) => row.rolling === null)).toBe(true);
		const yearly = { ...sickLeave, definition: { ...sickLeave.definition, assessment: 'rolling_year' as const } };
		expect(kpiChartData(yearly).series.some((s) => s.key === 'rolling')).toBe(false);
	});

	it('averages 4 quarters, from 2 of them on, under its own label', () => {
		const quarterly: KpiChartInput = {
			...rolling,
			frequency: 'quarter',
			definition: {
				...rolling.definition,
				frequency: 'quarter',
				baseline: { value: 7.8, period: '2022-Q4' },
				target: { value: 6.5, period: '2025-Q4' }
			},
			observations: [
				{ period: '2023-Q1', value: 8 },
				{ period: '2023-Q2', value: 7 },
				{ period: '2023-Q4', value: 6 },
				{ period: '2024-Q2', value: 9 }
			]
		};
		const line = series(quarterly, 'rolling');
		expect(line.label).toBe('Gennemsnit af de seneste 4 kvartaler');
		const labels = kpiChartData(quarterly).labels;
		const q = (period: string) => line.data[labels.indexOf(period)];
		expect(q('2023-Q1')).toBeNull();
		expect(q('2023-Q2')).toBeCloseTo(7.5, 10);
		expect(q('2023-Q4')).toBeCloseTo(7, 10);
		// 2023-Q3 … 2024-Q2 holds 2023-Q4 and 2024-Q2: (6 + 9) / 2.
		expect(q('2024-Q2')).toBeCloseTo(7.5, 10);
	});
});

describe('the forecast fan', () => {
	const upTo2024: KpiChartInput = {
		...sickLeave,
		observations: sickLeave.observations.filter((o) => o.period !== '2025'),
		forecast: {
			period: '2025',
			value: 6.8,
			lower80: 6.4,
			upper80: 7.2,
			probability: 0.23,
			model: 'linear_trend',
			observations: 2
		}
	};
	const series = (key: string) => kpiChartData(upTo2024).series.find((s) => s.key === key);

	it('runs from the latest value to the forecast and both ends of its interval at the target period', () => {
		expect(series('forecast')?.data).toEqual([null, null, 7.0, 6.8]);
		expect(series('forecast_low')?.data).toEqual([null, null, 7.0, 6.4]);
		expect(series('forecast_high')?.data).toEqual([null, null, 7.0, 7.2]);
		expect(series('forecast_low')?.band).toBe('lower');
		expect(series('forecast_high')?.band).toBe('upper');
		expect(series('forecast_high')?.label).toBe(`Prognosens 80${NBSP}%-interval`);
	});

	it('the table shows the forecast and its interval at the target period only', () => {
		expect(kpiChartTable(upTo2024).map((row) => row.forecast)).toEqual([null, null, null, `6,8${NBSP}% (6,4–7,2)`]);
	});

	it('no fan without a forecast, or once the target period has a value', () => {
		expect(kpiChartData(sickLeave).series.some((s) => s.key.startsWith('forecast'))).toBe(false);
		const settled = { ...upTo2024, observations: sickLeave.observations };
		expect(kpiChartData(settled).series.some((s) => s.key.startsWith('forecast'))).toBe(false);
	});
});

describe('recentChartRows', () => {
	// Ten years of months from 2016-11, the newest October 2026, the target December 2027 (the bench's shape).
	const tenYears: KpiChartInput = {
		...wellbeing,
		definition: {
			...wellbeing.definition,
			baseline: { value: 17.5, period: '2016-11' },
			target: { value: 25, period: '2027-12' }
		},
		observations: Array.from({ length: 120 }, (_, i) => ({
			period: `${2016 + Math.floor((i + 10) / 12)}-${String(((i + 10) % 12) + 1).padStart(2, '0')}`,
			value: 18 + i / 20
		})),
		budgetLines: [],
		actuals: []
	};

	it('keeps the latest years up to the newest value, and the target period', () => {
		const rows = recentChartRows(kpiChartTable(tenYears), 3);
		expect(rows).toHaveLength(36 + 1);
		expect(rows[0].period).toBe('januar 2024');
		expect(rows.at(-2)?.period).toBe('december 2026');
		expect(rows.at(-1)?.period).toBe('december 2027');
		// November 2026 has no value yet, but is in the newest value's year.
		expect(rows.find((row) => row.period === 'november 2026')?.value).toBeNull();
	});

	it('keeps a table of up to 40 rows whole; one without values ends at its last row’s year', () => {
		expect(recentChartRows(kpiChartTable(sickLeave), 1)).toHaveLength(4);
		const forty = kpiChartTable(tenYears).slice(0, 40);
		expect(recentChartRows(forty, 1)).toEqual(forty);
		const none = recentChartRows(kpiChartTable({ ...tenYears, observations: [] }), 1);
		expect(none.map((row) => row.period)).toEqual(
			kpiChartTable(tenYears)
				.slice(-12)
				.map((row) => row.period)
		);
	});
});

describe('chartObservations', () => {
	it('keeps period and value, and a series break only where one starts', () => {
		const rows = [
			{ id: 1, period: '2024', value: 7.1, seriesBreak: false, comment: 'x', version: 2 },
			{ id: 2, period: '2025', value: 6.9, seriesBreak: true, comment: '', version: 1 }
		];
		expect(chartObservations(rows)).toEqual([
			{ period: '2024', value: 7.1 },
			{ period: '2025', value: 6.9, seriesBreak: true }
		]);
	});
});
