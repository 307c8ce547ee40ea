import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** One part of a hand-made archive: its bytes, or a deflate stream made elsewhere with its true size and CRC. */
export type ZipPart =
	{ name: string; body: string | Uint8Array } | { name: string; deflated: Uint8Array; size: number; crc: number };

/**
 * A ZIP archive written byte by byte, so a test can make what no spreadsheet program would: a part whose
 * directory entry claims another size (`claim`), or one that unpacks to hundreds of megabytes.
 * @example zipArchive([{ name: 'xl/workbook.xml', body: '<workbook/>' }], { claim: { 'xl/sharedStrings.xml': 100 } })
 */
export function zipArchive(
	parts: ZipPart[],
	options: { claim?: Record<string, number> } = {}
): Uint8Array<ArrayBuffer> {
	const locals: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const name = Buffer.from(part.name);
		let deflated: Uint8Array, size: number, crc: number;
		if ('body' in part) {
			const raw = typeof part.body === 'string' ? Buffer.from(part.body) : Buffer.from(part.body);
			deflated = deflateRawSync(raw);
			size = raw.byteLength;
			crc = crc32(raw);
		} else {
			({ deflated, size, crc } = part);
		}
		const claimed = options.claim?.[part.name] ?? size;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(deflated.byteLength, 18);
		local.writeUInt32LE(claimed, 22);
		local.writeUInt16LE(name.byteLength, 26);
		locals.push(local, name, Buffer.from(deflated));
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(8, 10);
		entry.writeUInt32LE(crc, 16);
		entry.writeUInt32LE(deflated.byteLength, 20);
		entry.writeUInt32LE(claimed, 24);
		entry.writeUInt16LE(name.byteLength, 28);
		entry.writeUInt32LE(offset, 42);
		directory.push(entry, name);
		offset += 30 + name.byteLength + deflated.byteLength;
	}
	const directorySize = directory.reduce((sum, b) => sum + b.byteLength, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(directorySize, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, ...directory, end]));
}

/**
 * Deflates `head`, then `unit` repeated `count` times, then `tail`, a megabyte at a time: a part that
 * unpacks to hundreds of megabytes without the test ever holding them.
 * @example const part = await repeatedPart('xl/sharedStrings.xml', '<sst><si><t>', 'a', 300 * 1024 * 1024, '</t></si></sst>');
 */
export async function repeatedPart(
	name: string,
	head: string,
	unit: string,
	count: number,
	tail: string
): Promise<ZipPart> {
	const deflater = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
	const output: Buffer[] = [];
	deflater.on('data', (chunk: Buffer) => output.push(chunk));
	const finished = new Promise((resolve) => deflater.on('end', resolve));
	let crc = 0;
	let size = 0;
	const write = async (text: string) => {
		const bytes = Buffer.from(text);
		crc = crc32(bytes, crc);
		size += bytes.byteLength;
		if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
	};
	await write(head);
	const perChunk = Math.max(1, Math.floor((1024 * 1024) / Math.max(1, Buffer.byteLength(unit))));
	for (let done = 0; done < count; done += perChunk) await write(unit.repeat(Math.min(perChunk, count - done)));
	await write(tail);
	deflater.end();
	await finished;
	return { name, deflated: new Uint8Array(Buffer.concat(output)), size, crc };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The workbook parts around one sheet: content types, relationships, the workbook itself. */
function workbookParts(options: { date1904?: boolean; sheetTarget?: string }): ZipPart[] {
	return [
		{
			name: '[Content_Types].xml',
			body: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`
		},
		{
			name: '_rels/.rels',
			body: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
		},
		{
			name: 'xl/workbook.xml',
			body: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Ark1" sheetId="1" r:id="rId7"/></sheets></workbook>`
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			body: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${RELS}/worksheet" Target="${options.sheetTarget ?? 'worksheets/sheet1.xml'}"/></Relationships>`
		}
	];
}

/** A sheet part from its `<sheetData>` rows, with an optional `<dimension ref>`. */
export function sheetXml(rows: string, dimension?: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
}

/**
 * An XLSX made of the given sheet (and shared strings, styles), as small as a real one.
 * @example xlsxFile({ sheet: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Nøgletal</t></is></c></row>') })
 */
export function xlsxFile(options: {
	sheet: string | ZipPart;
	sharedStrings?: string | ZipPart;
	styles?: string;
	date1904?: boolean;
	claim?: Record<string, number>;
}): Uint8Array<ArrayBuffer> {
	const part = (name: string, body: string | ZipPart): ZipPart => (typeof body === 'string' ? { name, body } : body);
	const parts = [...workbookParts({ date1904: options.date1904 }), part('xl/worksheets/sheet1.xml', options.sheet)];
	if (options.sharedStrings !== undefined) parts.push(part('xl/sharedStrings.xml', options.sharedStrings));
	if (options.styles !== undefined) parts.push({ name: 'xl/styles.xml', body: options.styles });
	return zipArchive(parts, { claim: options.claim });
}

/** The attack files of issue 12: each must be refused quickly, whatever its size unpacked. */
export async function xlsxBombs(): Promise<Record<string, Uint8Array<ArrayBuffer>>> {
	const lastColumnRows = (rows: number) =>
		Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
	const sharedString = await repeatedPart(
		'xl/sharedStrings.xml',
		`<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>`,
		'a',
		300 * 1024 * 1024,
		'</t></si></sst>'
	);
	const oneCell = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
	return {
		'200 rows, a cell in XFD each': xlsxFile({ sheet: sheetXml(lastColumnRows(200), 'A1:XFD200') }),
		'2,000 rows, a cell in XFD each, no dimension': xlsxFile({ sheet: sheetXml(lastColumnRows(2000)) }),
		'one 300 MB shared string': xlsxFile({ sheet: oneCell, sharedStrings: sharedString }),
		'a 300 MB shared string whose directory claims 100 bytes': xlsxFile({
			sheet: oneCell,
			sharedStrings: sharedString,
			claim: { 'xl/sharedStrings.xml': 100 }
		}),
		'a million rows (49 MB unpacked)': xlsxFile({
			sheet: await repeatedPart(
				'xl/worksheets/sheet1.xml',
				`<worksheet xmlns="${MAIN}"><sheetData>`,
				'<row><c t="inlineStr"><is><t>x</t></is></c></row>',
				1_048_576,
				'</sheetData></worksheet>'
			)
		}),
		'30,000 rows of one cell': xlsxFile({
			sheet: await repeatedPart(
				'xl/worksheets/sheet1.xml',
				`<worksheet xmlns="${MAIN}"><sheetData>`,
				'<row><c t="inlineStr"><is><t>x</t></is></c></row>',
				30_000,
				'</sheetData></worksheet>'
			)
		}),
		'30 MB of inline text in one cell': xlsxFile({
			sheet: await repeatedPart(
				'xl/worksheets/sheet1.xml',
				`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
				'b',
				30 * 1024 * 1024,
				'</t></is></c></row></sheetData></worksheet>'
			)
		})
	};
}
