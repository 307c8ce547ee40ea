import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import {
	exportFileName,
	listObservationsForExport,
	observationTable,
	toDanishCsv,
	toXlsx,
	type ObservationExportScope
} from '$lib/server/exports';
import { todayInCopenhagen } from '$lib/domain/dates';
import { idParam } from '$lib/schemas/fields';
import { t } from '$lib/server/messages';

const querySchema = z.object({
	format: z.enum(['csv', 'xlsx']).default('csv'),
	noegletal: idParam.optional(),
	anbefaling: idParam.optional()
});

/**
 * GET /eksport/maalinger?format=csv|xlsx[&noegletal=ID|&anbefaling=ID] — the organisation's values as
 * Danish Excel CSV or XLSX: all of them, one KPI's, or one recommendation's.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireCan(event, 'live.read');
	const query = querySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, t('api.invalid_input'));
	const { format, noegletal, anbefaling } = query.data;
	const scope: ObservationExportScope =
		noegletal !== undefined
			? { kind: 'kpi', kpiId: noegletal }
			: anbefaling !== undefined
				? { kind: 'recommendation', recommendationId: anbefaling }
				: { kind: 'all' };
	const table = observationTable(await listObservationsForExport(await getDb(), user.organisationId, scope));
	const body = format === 'csv' ? toDanishCsv(table) : await toXlsx(table);
	const name = exportFileName(`fremdrift-maalinger`, format, todayInCopenhagen());
	return new Response(body as BodyInit, {
		headers: {
			'content-type':
				format === 'csv'
					? 'text/csv; charset=utf-8'
					: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}"`
		}
	});
};
