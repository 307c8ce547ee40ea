import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { apiError, apiUser, requireContentType } from '$lib/server/http/api';
import {
	applyObservationImport,
	previewObservationImport,
	readTable,
	IMPORT_CONTENT_TYPES,
	MAX_IMPORT_MEGABYTES,
	type ImportPreview
} from '$lib/server/imports';
import { t } from '$lib/server/messages';

function summary(preview: ImportPreview) {
	const rows = preview.rows;
	return {
		rows: preview.counts.rows,
		created: preview.counts.created,
		updated: preview.counts.updated,
		unchanged: preview.counts.unchanged,
		errors: rows.filter((r) => r.kind === 'error').map((r) => ({ line: r.line, message: r.message })),
		warnings: rows.flatMap((r) => r.warnings.map((message) => ({ line: r.line, message }))),
		unusual: rows.flatMap((r) => (r.unusual === null ? [] : [{ line: r.line, message: r.unusual }]))
	};
}

/**
 * POST /api/v1/imports/observations[?dryRun=true][&confirmUnusual=true] with a CSV (text/csv) or XLSX body: all
 * or nothing; 415 for any other Content-Type. 200 with the counts and each row's warnings (dry run: what would
 * happen); 422 when any row is bad (every bad line listed, nothing saved); 422 `unusual` naming the lines whose
 * change is unusual unless confirmUnusual=true; 409 when values changed during the import.
 */
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event.locals, 'live.read');
	if (user instanceof Response) return user;
	const contentType = requireContentType(event.request, IMPORT_CONTENT_TYPES);
	if (contentType instanceof Response) return contentType;
	const limit = MAX_IMPORT_MEGABYTES * 1024 * 1024;
	if (Number(event.request.headers.get('content-length') ?? '0') > limit)
		return apiError(413, 'too_large', t('import.too_large', { max: MAX_IMPORT_MEGABYTES }));
	const bytes = new Uint8Array(await event.request.arrayBuffer());
	const table = await readTable({ bytes, contentType });
	if (!table.ok)
		return table.busy
			? apiError(503, 'busy', table.message, undefined, { 'retry-after': '5' })
			: apiError(422, 'unreadable', table.message);
	const { ok: _ok, ...plain } = table;
	const db = await getDb();
	const preview = await previewObservationImport(db, user, plain);
	const dryRun = event.url.searchParams.get('dryRun') === 'true';
	if (dryRun) return json(summary(preview));
	if (preview.counts.errors > 0) return json(summary(preview), { status: 422 });
	const confirmUnusual = event.url.searchParams.get('confirmUnusual') === 'true';
	const result = await applyObservationImport(db, user, preview, event.getClientAddress(), { confirmUnusual });
	if (result.kind === 'invalid' && result.field === 'unusual') {
		// Each unusual line at its number, as the single-value API puts its reason at the field.
		const fields = Object.fromEntries(summary(preview).unusual.map((row) => [String(row.line), row.message]));
		return apiError(422, 'unusual', t('api.unusual_import', { message: result.message }), fields);
	}
	if (result.kind !== 'ok')
		return result.kind === 'stale'
			? apiError(409, 'conflict', t('import.stale'))
			: json(summary(preview), { status: 422 });
	return json({ ...summary(preview), created: result.created, updated: result.updated, unchanged: result.unchanged });
};
