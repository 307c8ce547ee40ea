/**
 * The annual status as a committee agenda item (dagsordenspunkt) in Word, laid out like the minutes
 * politicians read (seeds/002: Sagsnr., Punkttype, Tema, Sagsbeskrivelse, Administrationens forslag,
 * Afledte konsekvenser, Økonomi og finansiering, Dialog/høring, Bilag, Beslutning), with the status
 * per recommendation as Bilag 1: KPI tables, chart images (PNG, see png-chart.ts) and their values.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	ImageRun,
	Packer,
	PageBreak,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { t } from '$lib/server/messages';
import { formatDateDa, formatKpiValue } from '../../domain/format';
import { formatKr } from '../../domain/money';
import { formatPeriodDa } from '../../domain/periods';
import { kpiStatusText, recommendationStatusText, reportForecastLine } from '../../domain/status-text';
import type { ReportContent, ReportKpi, ReportRecommendation } from './content';
import { CHART_HEIGHT, CHART_WIDTH, renderKpiChartPng } from './png-chart';

/** A recommendation's status in words (the one wording of src/lib/domain/status-text.ts). */
export const statusInWords = recommendationStatusText;

/** A report KPI's status in words; a snapshot from before the missing run was kept says only that a value is missing. */
export function reportKpiStatusText(k: ReportKpi): string {
	if (k.missingRun !== undefined) return kpiStatusText({ status: k.status, missingRun: k.missingRun });
	return t(`status.${k.status}`) + (k.overdue ? ` · ${t('status.overdue')}` : '');
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, options: { bold?: boolean; right?: boolean } = {}): TableCell {
	return new TableCell({
		borders,
		margins: { top: 40, bottom: 40, left: 80, right: 80 },
		children: [
			new Paragraph({
				alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
				children: [new TextRun({ text, bold: options.bold })]
			})
		]
	});
}

/** A bordered table with a bold header row; `right` marks the number columns. */
function table(headings: string[], rows: string[][], right: boolean[] = []): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, children: headings.map((h, i) => cell(h, { bold: true, right: right[i] })) }),
			...rows.map(
				(row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, { right: right[i] })) })
			)
		]
	});
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
	new Paragraph({ heading: level, children: [new TextRun(text)] });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const labelled = (label: string, text: string) =>
	new Paragraph({ children: [new TextRun({ text: `${label} `, bold: true }), new TextRun(text)] });

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

function recommendationSection(rec: ReportRecommendation, content: ReportContent): (Paragraph | Table)[] {
	const year = content.year;
	const out: (Paragraph | Table)[] = [
		heading(t('annual.recommendation_heading', { number: rec.number, title: rec.title })),
		labelled(`${t('annual.status')}:`, statusInWords(rec.status)),
		labelled(
			`${t('annual.lifecycle')}:`,
			rec.lifecycleChangedOn
				? `${t(`lifecycle.${rec.lifecycle}`)} (${formatDateDa(rec.lifecycleChangedOn)})`
				: t(`lifecycle.${rec.lifecycle}`)
		)
	];
	if (rec.decision) {
		const text = [
			rec.decision.date
				? t('decision.adopted_by', { body: rec.decision.body, date: formatDateDa(rec.decision.date) }) + '.'
				: '',
			rec.decision.kind ? t(`decision.${rec.decision.kind}`) : ''
		]
			.filter(Boolean)
			.join(' ');
		out.push(labelled(`${t('annual.decision')}:`, text));
		if (rec.decision.kind === 'dissent' && rec.decision.dissentText)
			out.push(labelled(`${t('annual.dissent')}:`, rec.decision.dissentText));
	}
	out.push(heading(t('annual.kpis'), HeadingLevel.HEADING_3));
	if (rec.kpis.length === 0) out.push(para(t('annual.no_kpis')));
	else {
		out.push(
			table(
				[t('kpi.name'), t('kpi.baseline'), t('kpi.latest'), t('kpi.target'), t('kpi.status')],
				rec.kpis.map((k) => [
					k.name,
					t('kpi.value_at', {
						value: formatKpiValue(k.baseline.value, k.unit, k.decimals),
						period: formatPeriodDa(k.baseline.period)
					}),
					k.latest
						? t('kpi.value_at', {
								value: formatKpiValue(k.latest.value, k.unit, k.decimals),
								period: formatPeriodDa(k.latest.period)
							})
						: t('kpi.no_value'),
					t('kpi.value_at', {
						value: formatKpiValue(k.target.value, k.unit, k.decimals),
						period: formatPeriodDa(k.target.period)
					}),
					reportKpiStatusText(k)
				]),
				[false, true, true, true, false]
			)
		);
		// The same reason and forecast sentences as the report page (src/lib/domain/status-text.ts).
		for (const k of rec.kpis) {
			const sentences = [k.reason, reportForecastLine(k)].filter((text): text is string => Boolean(text));
			if (sentences.length > 0) out.push(para(sentences.join(' ')));
		}
	}
	for (const chart of rec.charts) {
		const width = 600;
		out.push(heading(t('annual.chart_heading', { name: chart.name }), HeadingLevel.HEADING_4));
		out.push(
			new Paragraph({
				children: [
					new ImageRun({
						type: 'png',
						data: renderKpiChartPng(chart),
						transformation: { width, height: Math.round((width * CHART_HEIGHT) / CHART_WIDTH) },
						altText: {
							name: chart.name,
							title: chart.name,
							description: t('annual.docx_chart_alt', { name: chart.name })
						}
					})
				]
			})
		);
		out.push(para(t('annual.docx_chart_legend')));
		if (chart.observations.length > 0) {
			out.push(
				table(
					[t('kpi.period'), t('kpi.value')],
					chart.observations.map((o) => [
						formatPeriodDa(o.period),
						formatKpiValue(o.value, chart.unit, chart.decimals)
					]),
					[false, true]
				)
			);
		}
	}
	out.push(heading(t('annual.budget'), HeadingLevel.HEADING_3));
	out.push(
		table(
			[
				t('annual.allocated_year', { year }),
				t('annual.spent_year', { year }),
				t('annual.allocated_total', { year }),
				t('annual.spent_total', { year })
			],
			[
				[
					formatKr(rec.budget.yearAllocatedKr),
					formatKr(rec.budget.yearSpentKr),
					formatKr(rec.budget.totalAllocatedKr),
					formatKr(rec.budget.totalSpentKr)
				]
			],
			[true, true, true, true]
		)
	);
	out.push(heading(t('annual.follow_up_items'), HeadingLevel.HEADING_3));
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
 * The report as a .docx file (bytes). `edition` and `approvedAt` say which version it is.
 * @example const bytes = await reportDocx(content, { edition: 1, approvedAt: new Date() });
 */
export async function reportDocx(
	content: ReportContent,
	meta: { edition: number; approvedAt: Date | null; changeNote: string }
): Promise<Uint8Array> {
	const scope = content.programme?.name ?? content.organisation.name;
	const { summary, year } = content;
	const date = formatDateDa(content.asOf);
	const counts = summary.statusCounts
		.map((g) => `${g.count} ${g.key === 'follow_up' ? t('status_lower.follow_up') : t(`status_lower.${g.key}`)}`)
		.join(', ');
	const children: (Paragraph | Table)[] = [
		heading(t('annual.docx_title', { year, scope }), HeadingLevel.HEADING_1),
		...(meta.approvedAt
			? [
					para(
						t('annual.docx_edition_note', {
							edition: meta.edition,
							date: formatDateDa(meta.approvedAt.toISOString().slice(0, 10))
						})
					)
				]
			: []),
		...(meta.changeNote ? [para(t('annual.change_note', { note: meta.changeNote }))] : []),
		labelled(t('annual.docx_case_number'), ''),
		labelled(t('annual.docx_item_type'), t('annual.docx_item_type_value')),
		labelled(t('annual.docx_theme'), t('annual.docx_theme_text', { count: summary.recommendations, date })),
		heading(t('annual.docx_description')),
		para(`${t('annual.summary_count', { count: summary.recommendations })} ${t('annual.as_of', { date })}`),
		...(counts ? [para(`${t('annual.status_counts')}: ${counts}.`)] : []),
		table(
			[t('annual.export_title'), t('annual.status')],
			content.recommendations.map((r) => [
				t('annual.recommendation_heading', { number: r.number, title: r.title }),
				statusInWords(r.status)
			])
		),
		heading(t('annual.docx_proposal')),
		para(t('annual.docx_proposal_text')),
		heading(t('annual.docx_consequences')),
		para(t('annual.docx_none')),
		heading(t('annual.docx_economy')),
		para(
			t('annual.docx_economy_text', {
				year,
				allocated: formatKr(summary.budget.yearAllocatedKr),
				spent: formatKr(summary.budget.yearSpentKr),
				allocatedTotal: formatKr(summary.budget.totalAllocatedKr),
				spentTotal: formatKr(summary.budget.totalSpentKr)
			})
		),
		heading(t('annual.docx_hearing')),
		para(t('annual.docx_none')),
		heading(t('annual.docx_attachments')),
		para(t('annual.docx_attachments_text')),
		heading(t('annual.docx_decision')),
		para(''),
		new Paragraph({ children: [new PageBreak()] }),
		heading(t('annual.docx_attachment_heading'), HeadingLevel.HEADING_1)
	];
	content.recommendations.forEach((rec, i) => {
		if (i > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
		children.push(...recommendationSection(rec, content));
	});
	const document = new Document({
		creator: 'Fremdrift',
		title: t('annual.docx_title', { year, scope }),
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }]
	} as ConstructorParameters<typeof Document>[0]);
	return new Uint8Array(await Packer.toArrayBuffer(document));
}
