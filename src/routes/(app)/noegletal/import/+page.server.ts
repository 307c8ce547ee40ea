import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import { findKpi } from '$lib/server/kpis';
import {
	applyCellEdits,
	applyObservationImport,
	previewObservationImport,
	readCellEdits,
	readTable,
	tableAsText,
	MAX_IMPORT_ROWS,
	type ImportPreview,
	type ImportTable,
	type ReadResult
} from '$lib/server/imports';
import { parseId } from '$lib/schemas/fields';
import { pluralCategory } from '$lib/domain/plural';
import { formatNumber } from '$lib/domain/format';
import { t } from '$lib/server/messages';

/** The table as the preview form sends it back for saving or previewing again (it is validated again from scratch). */
const tableSchema = z.object({
	decimalSeparator: z.enum([',', '.', 'auto']),
	source: z.enum(['file', 'paste']).optional(),
	rows: z
		.array(
			z.object({
				line: z.number().int().positive(),
				cells: z.array(z.string().max(5000)).max(100),
				numeric: z.array(z.boolean()).max(100).optional(),
				format: z
					.array(z.enum(['percent', 'date']).nullable())
					.max(100)
					.optional()
			})
		)
		.max(MAX_IMPORT_ROWS + 1)
});

/** The longest paste given back to the paste box (the largest accepted paste is 5 MB). */
const MAX_PASTE_KEPT = 5 * 1024 * 1024;

/** A short digest of what the preview showed, so a save can tell that the data changed in between. */
function fingerprint(preview: ImportPreview): string {
	// The unusual-change questions too: the tick confirms the rows the user saw marked, no others.
	const seen = preview.rows.map((r) => [r.line, r.kind, r.kpiId, r.period, r.value, r.oldValue, r.comment, r.unusual]);
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(seen))));
}

/** What the page shows of a preview: counts, every error (with the cells as read), every unusual change, and the first rows of the rest. */
function shown(preview: ImportPreview, table: ImportTable) {
	const errors = preview.rows.filter((r) => r.kind === 'error');
	// Every row the tick is about is shown, so each marked row is seen before it is confirmed; then the first of the rest.
	const unusual = preview.rows.filter((r) => r.kind !== 'error' && r.unusual !== null);
	const rest = preview.rows.filter((r) => r.kind !== 'error' && r.unusual === null);
	const others = [...unusual, ...rest.slice(0, Math.max(0, 500 - errors.length - unusual.length))].sort(
		(a, b) => a.line - b.line
	);
	const cellsByLine = new Map(errors.map((r) => [r.line, [] as string[]]));
	for (const row of table.rows) if (cellsByLine.has(row.line)) cellsByLine.set(row.line, row.cells);
	return {
		counts: preview.counts,
		rows: [...errors, ...others].map((row) => ({ ...row, cells: cellsByLine.get(row.line) ?? null })),
		columns: preview.columns,
		hidden: preview.rows.length - errors.length - others.length,
		/** Rows with an unusual change: saved only with the tick "Ja, de markerede værdier er rigtige". */
		unusual: preview.rows.filter((r) => r.unusual !== null).length,
		table: JSON.stringify(table),
		source: table.source ?? 'file',
		fingerprint: fingerprint(preview)
	};
}

/** The KPI the page was opened for (`?noegletal=ID`), or null for the general import; 404 for one that is not there. */
async function fixedKpi(event: RequestEvent, organisationId: number) {
	const param = event.url.searchParams.get('noegletal');
	if (param === null) return null;
	const id = parseId(param);
	const kpi = id === null ? undefined : await findKpi(await getDb(), organisationId, id);
	if (!kpi) error(404, t('kpi.not_found'));
	return { id: kpi.id, name: kpi.name };
}

/** The table sent back with the last preview, or null when there is none (or it is not one of ours). */
function previousTable(formData: FormData): ImportTable | null {
	try {
		const table = tableSchema.safeParse(JSON.parse(String(formData.get('table') ?? '')));
		return table.success ? table.data : null;
	} catch {
		return null;
	}
}

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	return { kpi: await fixedKpi(event, user.organisationId) };
};

export const actions: Actions = {
	preview: async (event) => {
		const user = requireCan(event, 'live.read');
		const kpi = await fixedKpi(event, user.organisationId);
		const formData = await event.request.formData();
		const file = formData.get('file');
		const paste = String(formData.get('paste') ?? '');
		const previous = previousTable(formData);
		const hasFile = file instanceof File && file.size > 0;
		const fileName = hasFile ? file.name : String(formData.get('filename') ?? '').slice(0, 255);
		// A new file or paste is read afresh; with neither, the rows of the last file's preview are used again.
		let read: ReadResult;
		if (hasFile) {
			read = await readTable({
				bytes: new Uint8Array(await file.arrayBuffer()),
				filename: file.name,
				contentType: file.type
			});
		} else if (paste.trim() === '' && previous?.source === 'file') {
			read = { ok: true, ...previous };
		} else {
			read = await readTable({ text: paste });
		}
		const kept = hasFile || read.ok ? '' : paste.slice(0, MAX_PASTE_KEPT);
		if (!read.ok) return fail(read.busy ? 503 : 400, { message: read.message, paste: kept, filename: '' });
		const { ok: _ok, ...plain } = read;
		// Corrections typed into the preview table; a paste is shown again as corrected.
		const { table, changed } = applyCellEdits(plain, readCellEdits(formData));
		const pasteShown = table.source === 'paste' ? (changed > 0 ? tableAsText(table) : paste) : '';
		const preview = await previewObservationImport(await getDb(), user, table, { kpiId: kpi?.id });
		return {
			preview: shown(preview, table),
			paste: pasteShown.slice(0, MAX_PASTE_KEPT),
			filename: table.source === 'file' ? fileName : ''
		};
	},
	save: async (event) => {
		const user = requireCan(event, 'live.read');
		const kpi = await fixedKpi(event, user.organisationId);
		const formData = await event.request.formData();
		const table = previousTable(formData);
		if (!table) return fail(400, { message: t('import.unreadable') });
		const db = await getDb();
		const options = { kpiId: kpi?.id };
		const preview = await previewObservationImport(db, user, table, options);
		if (fingerprint(preview) !== formData.get('fingerprint')) {
			const paste = table.source === 'paste' ? tableAsText(table) : '';
			return fail(409, { message: t('import.stale'), preview: shown(preview, table), paste });
		}
		// "Ja, de markerede værdier er rigtige": the apply refuses unusual changes without it.
		const confirmUnusual = formData.get('confirmUnusual') !== null;
		const result = await applyObservationImport(db, user, preview, event.getClientAddress(), { confirmUnusual });
		if (result.kind !== 'ok') {
			// The preview had errors (or rows no longer the user's) or unconfirmed unusual changes: 400; a stored value moved since: 409.
			const unusual = result.kind === 'invalid' && result.field === 'unusual';
			return fail(result.kind === 'invalid' ? 400 : 409, {
				message:
					result.kind !== 'invalid'
						? t('import.stale')
						: unusual
							? `${result.message} ${t('import.unusual_tick_hint')}`
							: result.message,
				preview: shown(await previewObservationImport(db, user, table, options), table),
				paste: table.source === 'paste' ? tableAsText(table) : ''
			});
		}
		return { saved: savedMessage(result) };
	}
};

/** 'Importen er gemt: 1 ny værdi og 2 ændrede værdier (0 var uændrede).' */
function savedMessage(counts: { created: number; updated: number; unchanged: number }): string {
	const count = (n: number, kind: 'new' | 'changed' | 'unchanged') =>
		t(`import.saved_${kind}_${pluralCategory(n)}`, { count: formatNumber(n) });
	return t('import.saved_summary', {
		created: count(counts.created, 'new'),
		updated: count(counts.updated, 'changed'),
		unchanged: count(counts.unchanged, 'unchanged')
	});
}
