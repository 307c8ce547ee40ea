import { t } from '$lib/server/messages';
import type { OverviewRow } from '../kpis';
import { formatPeriodDa } from '../../domain/periods';
import { formatDateDa } from '../../domain/format';
import type { Table } from './table';
import { recommendationStatusText } from '../../domain/status-text';

/**
 * The recommendation list as a table with Danish headings: register fields, status as of a date, and
 * budget totals — the list a director takes into a spreadsheet.
 */
export function recommendationTable(rows: readonly OverviewRow[]): Table {
	return {
		sheetName: t('register.recommendations'),
		columns: [
			{ key: 'programme', heading: t('register.field.programme'), kind: 'text' },
			{ key: 'theme', heading: t('register.field.theme'), kind: 'text' },
			{ key: 'number', heading: t('register.field.number'), kind: 'number' },
			{ key: 'title', heading: t('register.field.title'), kind: 'text' },
			{ key: 'shortName', heading: t('register.field.short_name'), kind: 'text' },
			{ key: 'lifecycle', heading: t('recommendation.lifecycle'), kind: 'text' },
			{ key: 'status', heading: t('recommendation.status'), kind: 'text' },
			{ key: 'followUp', heading: t('recommendation.follow_up_time'), kind: 'text' },
			{ key: 'responsible', heading: t('recommendation.responsible'), kind: 'text' },
			{ key: 'allocated', heading: t('register.export_allocated'), kind: 'number' },
			{ key: 'spent', heading: t('register.export_spent'), kind: 'number' },
			{ key: 'decision', heading: t('register.decision'), kind: 'text' },
			{ key: 'dissent', heading: t('decision.dissent_heading'), kind: 'text' }
		],
		rows: rows.map((row) => {
			const d = row;
			return {
				programme: row.programmeName,
				theme: row.themeName ?? '',
				number: row.number,
				title: row.title,
				shortName: row.shortName,
				lifecycle: t(`lifecycle.${row.lifecycle}`),
				status: recommendationStatusText(row.status),
				followUp: row.followUpPeriod ? formatPeriodDa(row.followUpPeriod) : '',
				responsible: row.responsible,
				allocated: row.budget.allocatedKr,
				spent: row.budget.spentKr,
				decision:
					d.decisionDate && d.decisionKind
						? `${t(`decision.${d.decisionKind as 'consensus'}`)}: ${d.decisionBody}, ${formatDateDa(d.decisionDate)}`
						: '',
				dissent: d.decisionKind === 'dissent' ? d.dissentText : ''
			};
		})
	};
}
