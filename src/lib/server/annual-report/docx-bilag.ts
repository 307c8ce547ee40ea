/**
 * The bilag to the agenda item: a first page with every recommendation and its status, then one section per
 * recommendation, each on a new page — status, KPI table with the reasons and forecasts (the report page's
 * own sentences), charts drawn as on the web (chart-png.ts) with a caption, a summary and their values,
 * budget, follow-up items, the year's narrative and the next step.
 */
import { HeadingLevel, ImageRun, Packer, Paragraph } from 'docx';
import { t } from '$lib/server/messages';
import { kpiChartSummary } from '../../domain/chart-data';
import { formatDateDa, formatKpiValue } from '../../domain/format';
import { formatKrAlike } from '../../domain/money';
import { formatPeriodDa } from '../../domain/periods';
import { reportForecastLine } from '../../domain/status-text';
import type { ReportContent, ReportRecommendation } from './content';
import { renderKpiChartPng } from './chart-png';
import { documentMeta, reportKpiStatusText, statusInWords, type DocxMeta } from './docx';
import { caption, heading, houseDocument, labelled, para, table, TEXT_WIDTH, type Block } from './docx-parts';

/** Markdown source as plain paragraphs: list items keep a bullet, emphasis marks are dropped. */
function markdownParagraphs(source: string): Paragraph[] {
	return source
		.split(/\n{2,}|\n(?=\s*[-*] )/)
		.map((block) => block.trim())
		.filter(Boolean)
		.map((block) =>
			para(
				block
					.replace(/^[-*] /, '• ')
					.replace(/\*\*|__|\*|_/g, '')
					.replace(/\s*\n\s*/g, ' ')
			)
		);
}

/** The decision line, as the report page words it. */
function decisionText(rec: ReportRecommendation): string {
	if (!rec.decision) return t('annual.no_decision');
	return [
		rec.decision.date
			? t('decision.adopted_by', { body: rec.decision.body, date: formatDateDa(rec.decision.date) }) + '.'
			: '',
		rec.decision.kind ? t(`decision.${rec.decision.kind}`) : ''
	]
		.filter(Boolean)
		.join(' ');
}

/**
 * A KPI's reason and forecast as the report page shows them: one paragraph per KPI with a reason.
 * @example kpiSentences(rec) // ['Sygefravær: 6,9 % (2025) mod målet … Prognose for 2027: …']
 */
export function kpiSentences(rec: ReportRecommendation): string[] {
	return rec.kpis.flatMap((k) => {
		if (!k.reason) return [];
		const forecast = reportForecastLine(k);
		return [forecast ? `${k.reason} ${forecast}` : k.reason];
	});
}

/** The image width in twips' pixels (1 px = 15 twips): the text block's width. */
const IMAGE_WIDTH = Math.floor(TEXT_WIDTH / 15);

function chartBlocks(rec: ReportRecommendation, content: ReportContent): Block[] {
	return rec.charts.flatMap((chart) => {
		const { png, width, height } = renderKpiChartPng(chart);
		const blocks: Block[] = [
			caption(t('annual.chart_heading', { name: chart.name })),
			new Paragraph({
				keepNext: true,
				children: [
					new ImageRun({
						type: 'png',
						data: png,
						transformation: { width: IMAGE_WIDTH, height: Math.round((IMAGE_WIDTH * height) / width) },
						altText: { name: chart.name, title: chart.name, description: kpiChartSummary(chart) }
					})
				]
			}),
			para(kpiChartSummary(chart))
		];
		if (chart.observations.length > 0) {
			blocks.push(
				caption(t('annual.values_caption', { name: chart.name, date: formatDateDa(content.asOf) })),
				table(
					[t('kpi.period'), t('kpi.value')],
					chart.observations.map((o) => [
						formatPeriodDa(o.period),
						formatKpiValue(o.value, chart.unit, chart.decimals)
					]),
					[false, true],
					{ compact: true }
				)
			);
		}
		return blocks;
	});
}

function recommendationSection(rec: ReportRecommendation, content: ReportContent): Block[] {
	const year = content.year;
	const out: Block[] = [
		heading(t('annual.recommendation_heading', { number: rec.number, title: rec.title }), HeadingLevel.HEADING_2, true),
		labelled(`${t('annual.status')}:`, statusInWords(rec.status)),
		labelled(
			`${t('annual.lifecycle')}:`,
			rec.lifecycleChangedOn
				? `${t(`lifecycle.${rec.lifecycle}`)} (${formatDateDa(rec.lifecycleChangedOn)})`
				: t(`lifecycle.${rec.lifecycle}`)
		),
		labelled(`${t('annual.decision')}:`, decisionText(rec))
	];
	if (rec.decision?.kind === 'dissent' && rec.decision.dissentText)
		out.push(labelled(`${t('annual.dissent')}:`, rec.decision.dissentText));
	out.push(heading(t('annual.kpis'), HeadingLevel.HEADING_3));
	if (rec.kpis.length === 0) out.push(para(t('annual.no_kpis')));
	else {
		const value = (
			v: { value: number; period: string },
			k: { unit: (typeof rec.kpis)[number]['unit']; decimals: number }
		) => t('kpi.value_at', { value: formatKpiValue(v.value, k.unit, k.decimals), period: formatPeriodDa(v.period) });
		out.push(
			table(
				[t('kpi.name'), t('kpi.baseline'), t('kpi.latest'), t('kpi.target'), t('kpi.status')],
				rec.kpis.map((k) => [
					k.name,
					value(k.baseline, k),
					k.latest ? value(k.latest, k) : t('kpi.no_value'),
					value(k.target, k),
					reportKpiStatusText(k)
				]),
				[false, true, true, true, false]
			),
			...kpiSentences(rec).map(para),
			...chartBlocks(rec, content)
		);
	}
	out.push(
		heading(t('annual.budget'), HeadingLevel.HEADING_3),
		table(
			[
				t('annual.allocated_year', { year }),
				t('annual.spent_year', { year }),
				t('annual.allocated_total', { year }),
				t('annual.spent_total', { year })
			],
			[
				// One scale across the row's four amounts (issue 17).
				formatKrAlike([
					rec.budget.yearAllocatedKr,
					rec.budget.yearSpentKr,
					rec.budget.totalAllocatedKr,
					rec.budget.totalSpentKr
				])
			],
			[true, true, true, true]
		),
		heading(t('annual.follow_up_items'), HeadingLevel.HEADING_3)
	);
	if (rec.followUpItems.length === 0) out.push(para(t('annual.no_follow_up_items')));
	else
		out.push(
			table(
				[t('follow_up.title'), t('follow_up.due'), t('follow_up.state')],
				rec.followUpItems.map((i) => [i.title, formatPeriodDa(i.duePeriod), t(`follow_up_state.${i.state}`)])
			)
		);
	out.push(heading(t('annual.narrative', { year }), HeadingLevel.HEADING_3));
	out.push(...(rec.narrative ? markdownParagraphs(rec.narrative.body) : [para(t('annual.no_narrative', { year }))]));
	out.push(heading(t('annual.next_step'), HeadingLevel.HEADING_3));
	out.push(...(rec.nextStep.body.trim() ? markdownParagraphs(rec.nextStep.body) : [para(t('annual.no_next_step'))]));
	return out;
}

/**
 * The bilag as a .docx file (bytes): the first page lists the recommendations, then one page (or more) each.
 * @example const bytes = await reportBilagDocx(content, { edition: 1, approvedAt: new Date(), changeNote: '' });
 */
export async function reportBilagDocx(content: ReportContent, meta: DocxMeta): Promise<Uint8Array> {
	const date = formatDateDa(content.asOf);
	const children: Block[] = [
		heading(t('annual.docx_attachment_heading'), HeadingLevel.HEADING_1),
		para(t('annual.docx_attachment_intro', { title: documentMeta(content, meta, '').title, date })),
		table(
			[t('annual.export_title'), t('annual.status')],
			content.recommendations.map((r) => [
				t('annual.recommendation_heading', { number: r.number, title: r.title }),
				statusInWords(r.status)
			])
		)
	];
	for (const rec of content.recommendations) children.push(...recommendationSection(rec, content));
	const document = houseDocument(documentMeta(content, meta, t('annual.docx_subject_bilag')), children);
	return new Uint8Array(await Packer.toArrayBuffer(document));
}
