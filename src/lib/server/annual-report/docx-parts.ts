/**
 * The page layout both Word documents share (issue 16): A4 with the text block of TEXT_WIDTH, Danish
 * language on the defaults and every style, headings and captions kept with what follows, a header with
 * the municipality and the report's title, page numbers in the footer, tables sized from their content
 * and never wider than the text block, and the version in the document properties, not in the text.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	Header,
	HeadingLevel,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
	type IParagraphStyleOptions
} from 'docx';
import { t } from '$lib/server/messages';
import { formatDateDa } from '../../domain/format';

const A4 = { width: 11906, height: 16838 };
/** 2 cm margins. */
const MARGIN = 1134;
/** The text block's width in twentieths of a point. */
export const TEXT_WIDTH = A4.width - 2 * MARGIN;
const LANGUAGE = { value: 'da-DK' };
const FONT = 'Calibri';

export type Block = Paragraph | Table;

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

/**
 * A heading; kept with the next paragraph (by its style), on a new page when `newPage`.
 * @example heading('Sagsbeskrivelse')
 */
export function heading(text: string, level: Level = HeadingLevel.HEADING_2, newPage = false): Paragraph {
	return new Paragraph({ heading: level, pageBreakBefore: newPage || undefined, children: [new TextRun(text)] });
}

/** A caption above a chart or table: kept with it. */
export function caption(text: string): Paragraph {
	return new Paragraph({ style: 'Caption', keepNext: true, keepLines: true, children: [new TextRun(text)] });
}

/** A plain paragraph. */
export function para(text: string): Paragraph {
	return new Paragraph({ children: [new TextRun(text)] });
}

/** A bold label and its text on one line ('Sagsnr. 27.00.00-A00-1-25'). */
export function labelled(label: string, text: string): Paragraph {
	return new Paragraph({ children: [new TextRun({ text: `${label} `, bold: true }), new TextRun(text)] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
/** About one character of 10–11 pt Calibri, in twips. */
const CHAR = 105;
const CELL_PADDING = 2 * 80;

/**
 * Column widths (twips) from the content: each column as wide as its longest line wants (up to 40
 * characters) and never narrower than its longest word, scaled to fill exactly `total`.
 * @example columnWidths(['Navn', 'Mål'], [['Personaleomsætning', '40 %']], 9638) // name column widest
 */
export function columnWidths(headings: readonly string[], rows: readonly string[][], total = TEXT_WIDTH): number[] {
	const columns = headings.map((h, i) => [h, ...rows.map((row) => row[i] ?? '')]);
	const longestWord = columns.map((texts) => Math.max(...texts.flatMap((s) => s.split(/\s+/).map((w) => w.length))));
	const wanted = columns.map((texts, i) =>
		Math.max(Math.min(Math.max(...texts.map((s) => s.length)), 40), longestWord[i])
	);
	const minimum = longestWord.map((n) => n * CHAR + CELL_PADDING);
	const natural = wanted.map((n) => n * CHAR + CELL_PADDING);
	const naturalSum = natural.reduce((a, b) => a + b, 0);
	// Share out the block in proportion to what each column wants, but give no column less than its longest word.
	let widths = natural.map((w) => (w * total) / naturalSum);
	const short = widths.map((w, i) => Math.max(minimum[i] - w, 0));
	const missing = short.reduce((a, b) => a + b, 0);
	if (missing > 0) {
		const slack = widths.map((w, i) => Math.max(w - minimum[i], 0));
		const slackSum = slack.reduce((a, b) => a + b, 0);
		widths = widths.map((w, i) =>
			short[i] > 0 ? minimum[i] : w - (slackSum > 0 ? (missing * slack[i]) / slackSum : 0)
		);
	}
	const rounded = widths.map((w) => Math.max(Math.floor(w), 400));
	rounded[0] += total - rounded.reduce((a, b) => a + b, 0);
	return rounded;
}

function cell(text: string, width: number, options: { bold?: boolean; right?: boolean } = {}): TableCell {
	return new TableCell({
		borders,
		width: { size: width, type: WidthType.DXA },
		margins: { top: 40, bottom: 40, left: 80, right: 80 },
		children: [
			new Paragraph({
				alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
				children: [new TextRun({ text, bold: options.bold })]
			})
		]
	});
}

/**
 * A bordered table with a repeated bold header row, fixed to the text block, columns sized from the
 * content; `right` marks the number columns.
 * @example table(['Periode', 'Værdi'], [['2024', '7,0 %']], [false, true])
 */
export function table(headings: string[], rows: string[][], right: boolean[] = []): Table {
	const widths = columnWidths(headings, rows);
	return new Table({
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: widths,
		layout: TableLayoutType.FIXED,
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: headings.map((h, i) => cell(h, widths[i], { bold: true, right: right[i] }))
			}),
			...rows.map(
				(row) =>
					new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, widths[i], { right: right[i] })) })
			)
		]
	});
}

const headingStyle = (size: number) => ({
	run: { font: FONT, size, bold: true, color: '1b1f24', language: LANGUAGE },
	paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 80 } }
});

const CAPTION_STYLE: IParagraphStyleOptions = {
	id: 'Caption',
	name: 'caption',
	basedOn: 'Normal',
	next: 'Normal',
	quickFormat: true,
	run: { font: FONT, size: 20, italics: true, language: LANGUAGE },
	paragraph: { keepNext: true, keepLines: true, spacing: { before: 160, after: 60 } }
};

export interface DocumentMeta {
	/** The report's title, for the running header and the properties. */
	title: string;
	/** 'Dagsordenspunkt' or 'Bilag 1'. */
	subject: string;
	organisation: string;
	edition: number;
	approvedAt: Date | null;
	changeNote: string;
}

/** 'Version 2, godkendt 3. februar 2026. Ændring …': for the document properties. */
function versionLine(meta: DocumentMeta): string {
	const edition = meta.approvedAt
		? t('annual.docx_edition_note', {
				edition: meta.edition,
				date: formatDateDa(meta.approvedAt.toISOString().slice(0, 10))
			})
		: t('annual.docx_draft_note', { edition: meta.edition });
	return meta.changeNote ? `${edition} ${t('annual.change_note', { note: meta.changeNote })}` : edition;
}

/**
 * A Word document of the house layout around the given blocks.
 * @example const doc = houseDocument(meta, [heading('Sagsbeskrivelse'), para('…')]);
 */
export function houseDocument(meta: DocumentMeta, children: Block[]): Document {
	const running = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
		new Paragraph({ alignment, children: [new TextRun({ text, size: 18, color: '5b6470' })] });
	return new Document({
		creator: 'Fremdrift',
		lastModifiedBy: 'Fremdrift',
		title: meta.title,
		subject: meta.subject,
		description: versionLine(meta),
		keywords: meta.organisation,
		revision: meta.edition,
		styles: {
			default: {
				document: { run: { font: FONT, size: 22, language: LANGUAGE }, paragraph: { spacing: { after: 100 } } },
				title: headingStyle(36),
				heading1: headingStyle(32),
				heading2: headingStyle(26),
				heading3: headingStyle(23),
				heading4: headingStyle(22)
			},
			paragraphStyles: [CAPTION_STYLE]
		},
		sections: [
			{
				properties: {
					page: {
						size: A4,
						margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 }
					}
				},
				headers: {
					default: new Header({ children: [running(`${meta.organisation} · ${meta.title}`, AlignmentType.LEFT)] })
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({
										size: 18,
										color: '5b6470',
										children: [
											`${t('annual.docx_page')} `,
											PageNumber.CURRENT,
											` ${t('annual.docx_page_of')} `,
											PageNumber.TOTAL_PAGES
										]
									})
								]
							})
						]
					})
				},
				children
			}
		]
	});
}
