import { describe, expect, it } from 'vitest';
import { kpiChartData, type KpiChartInput } from '$lib/domain/chart-data';
import { buildChartConfig, krTickCallback } from './chart-config';

const NBSP = '\u00a0';

const monthly: KpiChartInput = {
	name: 'Sygefravær (måned)',
	unit: 'percent',
	decimals: 1,
	frequency: 'month',
	definition: {
		direction: 'lower',
		frequency: 'month',
		baseline: { value: 7.9, period: '2024-12' },
		target: { value: 6.5, period: '2026-12' }
	},
	observations: [{ period: '2025-03', value: 7.6 }],
	budgetLines: [
		{ year: 2025, amountKr: 800_000 },
		{ year: 2026, amountKr: 1_200_000 }
	],
	actuals: [],
	comparisons: []
};

const ticks = (values: number[]) => values.map((value) => ({ value }));

describe('the Chart.js configuration of the kroner (issue 17)', () => {
	it('draws a monthly budget as a step held across each year, behind the lines, filled down to zero', () => {
		const config = buildChartConfig(kpiChartData(monthly), { unit: 'percent', decimals: 1 });
		const budget = config.data.datasets.find((d) => d.label === 'Bevilget pr. år')!;
		expect(budget).toMatchObject({ type: 'line', stepped: 'middle', spanGaps: false, fill: 'origin', yAxisID: 'kr' });
		expect(budget.data).toEqual([null, ...Array(12).fill(800_000), ...Array(12).fill(1_200_000)]);
		// No bars, so the months are not offset into slots.
		expect(config.data.datasets.some((d) => d.type === 'bar')).toBe(false);
		expect(config.options?.scales?.x).toMatchObject({ offset: false });
	});

	it('labels the kroner axis with short ticks on one scale; the title says "kr."', () => {
		const config = buildChartConfig(kpiChartData(monthly), { unit: 'percent', decimals: 1 });
		expect(config.options?.scales?.kr?.title).toMatchObject({ display: true, text: 'kr.' });
		const shown = (values: number[]) => values.map((v, i) => krTickCallback(v, i, ticks(values)));
		expect(shown([0, 400_000, 800_000, 1_200_000])).toEqual([
			'0',
			`0,4${NBSP}mio.`,
			`0,8${NBSP}mio.`,
			`1,2${NBSP}mio.`
		]);
		expect(shown([0, 200_000, 400_000, 600_000, 800_000])).toEqual(['0', '200.000', '400.000', '600.000', '800.000']);
		// Short enough for a phone's side axis at any size a budget reaches.
		for (const label of shown([0, 25_000_000, 50_000_000, 75_000_000, 100_000_000, 125_000_000]))
			expect(label.length).toBeLessThanOrEqual(9);
	});
});
