import { createInflateRaw } from 'node:zlib';

/** One file in a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
	name: string;
	/** 0 stored, 8 deflated; anything else is refused when read. */
	method: number;
	compressedSize: number;
	/** What the archive claims; `streamZipEntry` never lets more than this through. */
	uncompressedSize: number;
	localHeaderOffset: number;
}

/** Why an archive or one of its parts cannot be read. */
export class ZipError extends Error {
	constructor(readonly reason: 'unreadable' | 'too_large' | 'larger_than_claimed') {
		super(reason);
	}
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** An XLSX written by Excel or LibreOffice has a dozen parts; a thousand is generous. */
const MAX_ENTRIES = 1000;

/**
 * Reads the central directory of a ZIP archive without inflating anything, so the sizes an XLSX
 * claims can be checked before a byte of it is parsed. ZIP64 archives (parts over 4 GB) are refused.
 * @example const entries = readZipDirectory(bytes); entries.get('xl/workbook.xml')?.uncompressedSize
 */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end record sits in the last 22 bytes plus an archive comment of at most 65,535.
	let end = -1;
	for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
		if (view.getUint32(at, true) === END_OF_DIRECTORY) {
			end = at;
			break;
		}
	}
	if (end < 0) throw new ZipError('unreadable');
	const count = view.getUint16(end + 10, true);
	const directoryOffset = view.getUint32(end + 16, true);
	if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('too_large');
	if (count > MAX_ENTRIES) throw new ZipError('too_large');
	const entries = new Map<string, ZipEntry>();
	let at = directoryOffset;
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipError('unreadable');
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		if (at + 46 + nameLength > bytes.byteLength) throw new ZipError('unreadable');
		const entry: ZipEntry = {
			name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			method: view.getUint16(at + 10, true),
			compressedSize: view.getUint32(at + 20, true),
			uncompressedSize: view.getUint32(at + 24, true),
			localHeaderOffset: view.getUint32(at + 42, true)
		};
		if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff) throw new ZipError('too_large');
		entries.set(entry.name, entry);
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/**
 * The inflated bytes of one entry, chunk by chunk: ZipError('too_large') when the entry claims more
 * than `limit`, ZipError('larger_than_claimed') as soon as more than it claims comes out, so a lying
 * archive cannot take memory.
 * @example for await (const chunk of streamZipEntry(bytes, entry, 1024 * 1024)) parser.write(decoder.decode(chunk, { stream: true }));
 */
export async function* streamZipEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): AsyncGenerator<Uint8Array> {
	if (entry.uncompressedSize > limit) throw new ZipError('too_large');
	const at = entry.localHeaderOffset;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipError('unreadable');
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	const data = bytes.subarray(start, start + entry.compressedSize);
	if (data.byteLength !== entry.compressedSize) throw new ZipError('unreadable');
	if (entry.method === 0) {
		if (entry.compressedSize !== entry.uncompressedSize) throw new ZipError('unreadable');
		yield data;
		return;
	}
	if (entry.method !== 8) throw new ZipError('unreadable');
	const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
	inflater.end(data);
	let total = 0;
	try {
		for await (const chunk of inflater as AsyncIterable<Buffer>) {
			total += chunk.byteLength;
			if (total > entry.uncompressedSize) throw new ZipError('larger_than_claimed');
			yield chunk;
		}
	} catch (error) {
		if (error instanceof ZipError) throw error;
		throw new ZipError('unreadable');
	} finally {
		inflater.destroy();
	}
}

/**
 * The whole of a small entry as text (workbook, relationships, styles), at most `limit` bytes.
 * @example const xml = await readZipText(bytes, entries.get('xl/workbook.xml')!, 1024 * 1024);
 */
export async function readZipText(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<string> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of streamZipEntry(bytes, entry, limit)) chunks.push(chunk);
	return new TextDecoder().decode(Buffer.concat(chunks));
}
