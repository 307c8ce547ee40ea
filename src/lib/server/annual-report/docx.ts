/**
 * The annual status as a committee agenda item (dagsordenspunkt) in Word, one to two pages, laid out like
 * the minutes politicians read (seeds/002: Sagsnr., Punkttype, Tema, Sagsbeskrivelse, Administrationens
 * forslag, Afledte konsekvenser, Økonomi og finansiering, Dialog/høring, Bilag, Beslutning). The status per
 * recommendation is its own document, the bilag (docx-bilag.ts): agenda systems take them separately.
 */
import { HeadingLevel, Packer } from 'docx';
import { t } from '$lib/server/messages';
import { plural } from '$lib/domain/plural';
import { formatDateDa, formatNumber } from '../../domain/format';
import { formatKrAlike } from '../../domain/money';
import { kpiStatusText, recommendationStatusText } from '../../domain/status-text';
import type { ReportContent, ReportKpi } from './content';
import { logoForDocument } from './logo-png';
import type { LogoFile } from '../auth/logo-file';
import { heading, houseDocument, labelled, para, table, type Block, type DocumentMeta } from './docx-parts';

/** A recommendation's status in words (the one wording of src/lib/domain/status-text.ts). */
export const statusInWords = recommendationStatusText;

/** A report KPI's status in words; a snapshot from before the missing run was kept says only that a value is missing. */
export function reportKpiStatusText(k: ReportKpi): string {
	if (k.missingRun !== undefined) return kpiStatusText({ status: k.status, missingRun: k.missingRun });
	return t(`status.${k.status}`) + (k.overdue ? ` · ${t('status.overdue')}` : '');
}

/** The agenda's meeting fields (Sagsnr., udvalg, mødedato); each may still be empty. */
export interface ReportMeeting {
	caseNumber: string;
	committee: string;
	meetingDate: string | null;
}

/** Which version a download is, and the agenda's meeting fields when they are filled in. */
export interface DocxMeta {
	edition: number;
	approvedAt: Date | null;
	changeNote: string;
	meeting?: ReportMeeting | null;
	/** The municipality's logo (auth/organisations `loadOrganisationLogo`); shown in the header. */
	logo?: LogoFile | null;
}

/**
 * The document title, e.g. 'Årlig status 2025 for Norddjurs Kommune'.
 * @example reportTitle(content) // 'Årlig status 2025 for §17, stk. 4-udvalget om …'
 */
export function reportTitle(content: ReportContent): string {
	return t('annual.docx_title', { year: content.year, scope: content.programme?.name ?? content.organisation.name });
}

/** The properties of a report's document: title, subject, version. */
export function documentMeta(content: ReportContent, meta: DocxMeta, subject: string): DocumentMeta {
	return {
		title: reportTitle(content),
		subject,
		organisation: content.organisation.name,
		edition: meta.edition,
		approvedAt: meta.approvedAt,
		changeNote: meta.changeNote,
		logo: logoForDocument(meta.logo)
	};
}

/** The opening of the Sagsbeskrivelse: which programme, adopted by whom and when (from the register). */
function programmeSentences(content: ReportContent): string[] {
	return (content.programmes ?? []).map((p) => {
		const params = { count: p.recommendations, programme: p.name, body: p.body };
		if (p.adoptedOn && p.body)
			return t('annual.docx_programme_adopted', { ...params, date: formatDateDa(p.adoptedOn) });
		return t('annual.docx_programme', params);
	});
}

/** The economy sentence's four amounts, on one scale (issue 17). */
function economyAmounts(budget: ReportContent['summary']['budget']) {
	const [allocated, spent, allocatedTotal, spentTotal] = formatKrAlike([
		budget.yearAllocatedKr,
		budget.yearSpentKr,
		budget.totalAllocatedKr,
		budget.totalSpentKr
	]);
	return { allocated, spent, allocatedTotal, spentTotal };
}

/** The agenda item's blocks. */
function agendaBlocks(content: ReportContent, meeting: ReportMeeting | null): Block[] {
	const { summary, year } = content;
	const date = formatDateDa(content.asOf);
	const counts = summary.statusCounts
		.map(
			(g) =>
				`${formatNumber(g.count)} ${g.key === 'follow_up' ? t('status_lower.follow_up') : t(`status_lower.${g.key}`)}`
		)
		.join(', ');
	const meetingText = [meeting?.committee, meeting?.meetingDate ? formatDateDa(meeting.meetingDate) : '']
		.filter(Boolean)
		.join(', ');
	return [
		heading(reportTitle(content), HeadingLevel.HEADING_1),
		labelled(t('annual.docx_case_number'), meeting?.caseNumber ?? ''),
		labelled(t('annual.docx_meeting'), meetingText),
		labelled(t('annual.docx_item_type'), t('annual.docx_item_type_value')),
		labelled(
			t('annual.docx_theme'),
			t(plural(summary.recommendations, { one: 'annual.docx_theme_text_one', other: 'annual.docx_theme_text_other' }), {
				count: summary.recommendations,
				date
			})
		),
		heading(t('annual.docx_description')),
		...programmeSentences(content).map(para),
		para(
			`${t(plural(summary.recommendations, { one: 'annual.summary_count_one', other: 'annual.summary_count_other' }), { count: summary.recommendations })} ${t('annual.as_of', { date })}`
		),
		...(counts ? [para(`${t('annual.status_counts')}: ${counts}.`)] : []),
		table(
			[t('annual.export_title'), t('annual.status')],
			content.recommendations.map((r) => [
				t('annual.recommendation_heading', { number: r.number, title: r.title }),
				statusInWords(r.status)
			])
		),
		para(t('annual.docx_description_bilag')),
		heading(t('annual.docx_proposal')),
		para(t('annual.docx_proposal_text')),
		heading(t('annual.docx_consequences')),
		para(t('annual.docx_none')),
		heading(t('annual.docx_economy')),
		para(t('annual.docx_economy_text', { year, ...economyAmounts(summary.budget) })),
		heading(t('annual.docx_hearing')),
		para(t('annual.docx_none')),
		heading(t('annual.docx_attachments')),
		para(t('annual.docx_attachments_text', { title: reportTitle(content) })),
		// Left for the meeting to fill in.
		heading(t('annual.docx_decision'))
	];
}

/**
 * The agenda item as a .docx file (bytes). `meta` says which version it is (in the document properties).
 * @example const bytes = await reportDocx(content, { edition: 1, approvedAt: new Date(), changeNote: '' });
 */
export async function reportDocx(content: ReportContent, meta: DocxMeta): Promise<Uint8Array> {
	const document = houseDocument(
		documentMeta(content, meta, t('annual.docx_subject_agenda')),
		agendaBlocks(content, meta.meeting ?? null)
	);
	return new Uint8Array(await Packer.toArrayBuffer(document));
}
