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
	ImageRun,
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
/** About one character of the tables' 10 pt Calibri, in twips. */
const CHAR = 95;
const CELL_PADDING = 2 * 80;
/** How much more of its width the first column keeps when a table must give way. */
const FIRST_COLUMN_WEIGHT = 1.6;
/** Tables of up to this many rows are kept on one page. */
const KEEP_TOGETHER_ROWS = 12;

/**
 * Column widths (twips) from the content: each column as wide as its longest line (up to 40 characters),
 * never narrower than its longest word. When they do not fit in `total`, the widest columns give way first,
 * the first (the name) keeping 1.6 times as much as the others; when they fit, the table is stretched to `total`
 * unless `compact`, where it keeps its natural width.
 * @example columnWidths(['Navn', 'Mål'], [['Personaleomsætning', '40 %']], 9638) // name column widest
 */
export function columnWidths(
	headings: readonly string[],
	rows: readonly string[][],
	total = TEXT_WIDTH,
	compact = false
): number[] {
	const columns = headings.map((h, i) => [h, ...rows.map((row) => row[i] ?? '')]);
	// One character to spare: bold headings and the renderer's own rounding.
	const twips = (chars: number) => (chars + 1) * CHAR + CELL_PADDING;
	const minimum = columns.map((texts) => twips(Math.max(...texts.flatMap((s) => s.split(/\s+/).map((w) => w.length)))));
	const natural = columns.map((texts, i) =>
		Math.max(twips(Math.min(Math.max(...texts.map((s) => s.length)), 40)), minimum[i])
	);
	const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);
	let widths: number[];
	if (sum(natural) <= total) {
		const target = compact ? sum(natural) : total;
		widths = natural.map((w) => (w * target) / sum(natural));
	} else {
		// The cap c with Σ min(natural, max(c·weight, minimum)) = total, found by bisection; the first column
		// (the name) may keep more of its width than the others.
		const weight = (i: number) => (i === 0 ? FIRST_COLUMN_WEIGHT : 1);
		const fitted = (cap: number) => natural.map((w, i) => Math.min(w, Math.max(cap * weight(i), minimum[i])));
		let [lo, hi] = [0, Math.max(...natural)];
		for (let k = 0; k < 40; k++) {
			const mid = (lo + hi) / 2;
			if (sum(fitted(mid)) > total) hi = mid;
			else lo = mid;
		}
		widths = fitted(lo);
		// Words longer than the block allows: scale everything down to fit.
		if (sum(widths) > total) widths = widths.map((w) => (w * total) / sum(widths));
	}
	const rounded = widths.map((w) => Math.floor(w));
	const widest = rounded.indexOf(Math.max(...rounded));
	rounded[widest] += Math.min(total, Math.round(sum(widths))) - sum(rounded);
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
				children: [new TextRun({ text, bold: options.bold, size: 20 })]
			})
		]
	});
}

/**
 * A bordered table with a repeated bold header row, columns sized from the content (columnWidths), never
 * wider than the text block; `right` marks the number columns.
 * @example table(['Periode', 'Værdi'], [['2024', '7,0 %']], [false, true])
 */
export function table(
	headings: string[],
	rows: string[][],
	right: boolean[] = [],
	options: { compact?: boolean } = {}
): Table {
	const widths = columnWidths(headings, rows, TEXT_WIDTH, options.compact);
	// A short table stays on one page: every row but the last kept with the next.
	const together = rows.length <= KEEP_TOGETHER_ROWS;
	return new Table({
		width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
		columnWidths: widths,
		layout: TableLayoutType.FIXED,
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				keepNext: rows.length > 0,
				children: headings.map((h, i) => cell(h, widths[i], { bold: true, right: right[i] }))
			}),
			...rows.map(
				(row, r) =>
					new TableRow({
						cantSplit: true,
						keepNext: together && r < rows.length - 1,
						children: row.map((text, i) => cell(text, widths[i], { right: right[i] }))
					})
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
	/** The municipality's logo for the header (logo-png.ts); absent or null: the name alone. */
	logo?: { png: Uint8Array; width: number; height: number } | null;
}

/** 'Version 2, godkendt 3. februar 2026. Ændring …': for the document properties. */
function versionLine(meta: DocumentMeta): string {
	const edition = meta.approvedAt
		? t('annual.docx_edition_note', {
				edition: meta.edition,
				date: formatDateDa(meta.approvedAt.toISOString().slice(0, 10))
			})
		: t('annual.docx_version_note', { edition: meta.edition });
	return meta.changeNote ? `${edition} ${t('annual.change_note', { note: meta.changeNote })}` : edition;
}

/** The running header: the municipality and the title, the municipality once when the title names it. */
function runningHead(meta: DocumentMeta): string {
	return meta.title.includes(meta.organisation) ? meta.title : `${meta.organisation} · ${meta.title}`;
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
				document: {
					run: { font: FONT, size: 22, language: LANGUAGE },
					paragraph: { spacing: { before: 60, after: 100 } }
				},
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
					default: new Header({
						children: [
							...(meta.logo
								? [
										new Paragraph({
											children: [
												new ImageRun({
													type: 'png',
													data: meta.logo.png,
													transformation: { width: meta.logo.width, height: meta.logo.height },
													altText: { name: meta.organisation, title: meta.organisation, description: meta.organisation }
												})
											]
										})
									]
								: []),
							running(runningHead(meta), AlignmentType.LEFT)
						]
					})
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
