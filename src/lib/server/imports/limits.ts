/**
 * What one import may hold. Every reader enforces these while it reads, so no file — however it is
 * made — takes more than a bounded amount of memory or time (README "Nøgletal, indtastning, import").
 */

/** The largest accepted file or paste, in megabytes (a paste counts its UTF-8 bytes). */
export const MAX_IMPORT_MEGABYTES = 5;
/** The most data rows (header not counted) one import may hold. */
export const MAX_IMPORT_ROWS = 20_000;
/** The most columns read: the import uses four, an export of ours has a dozen. */
export const MAX_IMPORT_COLUMNS = 50;

const MB = 1024 * 1024;

/** XLSX: the most each part of the archive may unpack to, checked against the archive's directory before reading and enforced while inflating. */
export const XLSX_PART_LIMITS = {
	sheet: 40 * MB,
	sharedStrings: 16 * MB,
	/** workbook.xml, its relationships and styles.xml. */
	other: 2 * MB
} as const;

/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARACTERS = 32_767;
/** All cell text of one import together, shared texts counted once per cell that uses them. */
export const MAX_TABLE_CHARACTERS = 10_000_000;
/** How many XLSX files are unpacked at once by one server; more wait for a slot. */
export const XLSX_CONCURRENT_READS = 2;
/** How many may wait for a slot before further uploads are told to try again. */
export const XLSX_WAITING_READS = 8;
