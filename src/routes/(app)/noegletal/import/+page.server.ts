import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import {
	applyObservationImport,
	previewObservationImport,
	readTable,
	MAX_IMPORT_ROWS,
	type ImportPreview,
	type ImportTable
} from '$lib/server/imports';
import { t } from '$lib/server/messages';

/** The table as the preview form sends it back for saving (it is validated again from scratch). */
const tableSchema = z.object({
	decimalSeparator: z.enum([',', '.', 'auto']),
	rows: z
		.array(
			z.object({
				line: z.number().int().positive(),
				cells: z.array(z.string().max(5000)).max(100),
				numeric: z.array(z.boolean()).max(100).optional()
			})
		)
		.max(MAX_IMPORT_ROWS + 1)
});

/** A short digest of what the preview showed, so a save can tell that the data changed in between. */
function fingerprint(preview: ImportPreview): string {
	const seen = preview.rows.map((r) => [r.line, r.kind, r.kpiId, r.period, r.value, r.oldValue]);
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(seen))));
}

/** What the page shows of a preview: counts, every error, and the first rows of the rest. */
function shown(preview: ImportPreview, table: ImportTable) {
	const errors = preview.rows.filter((r) => r.kind === 'error');
	const others = preview.rows.filter((r) => r.kind !== 'error').slice(0, Math.max(0, 500 - errors.length));
	return {
		counts: preview.counts,
		rows: [...errors, ...others],
		hidden: preview.rows.length - errors.length - others.length,
		table: JSON.stringify(table),
		fingerprint: fingerprint(preview)
	};
}

export const load: PageServerLoad = async (event) => {
	requireCan(event, 'live.read');
	return {};
};

export const actions: Actions = {
	preview: async (event) => {
		const user = requireCan(event, 'live.read');
		const formData = await event.request.formData();
		const file = formData.get('file');
		const paste = formData.get('paste');
		const hasFile = file instanceof File && file.size > 0;
		const table = await readTable(
			hasFile
				? { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, contentType: file.type }
				: { text: typeof paste === 'string' ? paste : '' }
		);
		if (!table.ok)
			return fail(table.busy ? 503 : 400, {
				message: table.message,
				paste: hasFile ? '' : String(paste ?? '').slice(0, 200_000)
			});
		const { ok: _ok, ...plain } = table;
		const preview = await previewObservationImport(await getDb(), user, plain);
		return { preview: shown(preview, plain) };
	},
	save: async (event) => {
		const user = requireCan(event, 'live.read');
		const formData = await event.request.formData();
		let raw: unknown;
		try {
			raw = JSON.parse(String(formData.get('table') ?? ''));
		} catch {
			return fail(400, { message: t('import.unreadable') });
		}
		const table = tableSchema.safeParse(raw);
		if (!table.success) return fail(400, { message: t('import.unreadable') });
		const db = await getDb();
		const preview = await previewObservationImport(db, user, table.data);
		if (fingerprint(preview) !== formData.get('fingerprint')) {
			return fail(409, { message: t('import.stale'), preview: shown(preview, table.data) });
		}
		const result = await applyObservationImport(db, user, preview, event.getClientAddress());
		if (result.kind !== 'ok') {
			// The preview had errors (or rows no longer the user's): 400; a stored value moved since: 409.
			return fail(result.kind === 'invalid' ? 400 : 409, {
				message: result.kind === 'invalid' ? result.message : t('import.stale'),
				preview: shown(await previewObservationImport(db, user, table.data), table.data)
			});
		}
		return {
			saved: t('import.saved', { created: result.created, updated: result.updated, unchanged: result.unchanged })
		};
	}
};
