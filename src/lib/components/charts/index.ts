/** Charts: the one Chart.js wrapper, the KPI chart with summary and table, and the SVG sparkline. */
export { default as Chart } from './chart.svelte';
export { default as KpiChart } from './kpi-chart.svelte';
export { default as Sparkline } from './sparkline.svelte';
export { buildChartConfig } from './chart-config';
export { CHART_COLOURS, seriesLooks, type SeriesLook } from './series-look';
