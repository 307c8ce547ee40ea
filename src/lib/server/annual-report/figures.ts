import { t } from '$lib/server/messages';
import type { Table } from '../exports/table';
import type { ReportContent } from './content';
import { reportKpiStatusText } from './docx';

/**
 * Every figure of a report as one long table (for CSV and XLSX): per recommendation its KPIs'
 * baseline, latest value and target with status, each value behind its charts, and the budget
 * allocated and spent in the year and in total. Read from the report content, so an approved
 * report's download has exactly the approved numbers.
 * @example const bytes = toDanishCsv(reportFiguresTable(content));
 */
export function reportFiguresTable(content: ReportContent): Table {
	const rows: Record<string, unknown>[] = [];
	const kr = t('unit.kr');
	for (const rec of content.recommendations) {
		const base = { number: rec.number, title: rec.title };
		for (const kpi of rec.kpis) {
			const unit = t(`unit.${kpi.unit}`);
			const kpiRow = { ...base, kpi: kpi.name, unit, decimals: kpi.decimals };
			rows.push({
				...kpiRow,
				figure: t('annual.export_baseline'),
				period: kpi.baseline.period,
				value: kpi.baseline.value
			});
			rows.push({ ...kpiRow, figure: t('annual.export_target'), period: kpi.target.period, value: kpi.target.value });
			rows.push({
				...kpiRow,
				figure: t('annual.export_latest'),
				period: kpi.latest?.period ?? null,
				value: kpi.latest?.value ?? null,
				status: reportKpiStatusText(kpi)
			});
		}
		for (const chart of rec.charts) {
			for (const point of chart.observations) {
				rows.push({
					...base,
					figure: t('annual.export_observation'),
					kpi: chart.name,
					period: point.period,
					value: point.value,
					unit: t(`unit.${chart.unit}`),
					decimals: chart.decimals
				});
			}
		}
		const money = { ...base, unit: kr, decimals: 0 };
		const year = String(content.year);
		rows.push({ ...money, figure: t('annual.export_allocated'), period: year, value: rec.budget.yearAllocatedKr });
		rows.push({ ...money, figure: t('annual.export_spent'), period: year, value: rec.budget.yearSpentKr });
		rows.push({
			...money,
			figure: t('annual.allocated_total', { year }),
			period: null,
			value: rec.budget.totalAllocatedKr
		});
		rows.push({ ...money, figure: t('annual.spent_total', { year }), period: null, value: rec.budget.totalSpentKr });
		for (const item of rec.followUpItems) {
			rows.push({
				...base,
				figure: t('annual.export_follow_up'),
				kpi: item.title,
				period: item.duePeriod,
				status: t(`follow_up_state.${item.state}`)
			});
		}
	}
	return {
		sheetName: t('annual.export_sheet'),
		columns: [
			{ key: 'number', heading: t('annual.export_number'), kind: 'number' },
			{ key: 'title', heading: t('annual.export_title'), kind: 'text' },
			{ key: 'figure', heading: t('annual.export_figure'), kind: 'text' },
			{ key: 'kpi', heading: t('annual.export_kpi'), kind: 'text' },
			{ key: 'period', heading: t('annual.export_period'), kind: 'text' },
			{ key: 'value', heading: t('annual.export_value'), kind: 'number', decimalsKey: 'decimals' },
			{ key: 'unit', heading: t('annual.export_unit'), kind: 'text' },
			{ key: 'status', heading: t('annual.export_status'), kind: 'text' }
		],
		rows
	};
}
