const TRANSLITERATION: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

/**
 * A download file name in plain ASCII (safe in a Content-Disposition header): æ→ae, ø→oe, å→aa,
 * other accents dropped, anything else outside [a-z0-9-] becomes '-'.
 * @example exportFileName('Fremdrift målinger', 'csv', '2026-11-22') // 'fremdrift-maalinger-2026-11-22.csv'
 */
export function exportFileName(base: string, ext: 'csv' | 'xlsx' | 'docx', date: string): string {
	const stem = `${base}-${date}`
		.normalize('NFC')
		.toLowerCase()
		.replace(/[æøå]/g, (letter) => TRANSLITERATION[letter])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^-|-$/g, '');
	return `${stem || 'export'}.${ext}`;
}
