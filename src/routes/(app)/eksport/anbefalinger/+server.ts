import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import { exportFileName, recommendationTable, toDanishCsv, toXlsx } from '$lib/server/exports';
import { loadOverviewCached } from '$lib/server/kpis';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';

const querySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** GET /eksport/anbefalinger?format=csv|xlsx — the recommendation list with status and budget, as Danish Excel CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	const user = requireCan(event, 'live.read');
	const query = querySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, t('api.invalid_input'));
	const db = await getDb();
	const asOf = todayInCopenhagen();
	const table = recommendationTable(await loadOverviewCached(db, user.organisationId, asOf));
	const format = query.data.format;
	const body = format === 'csv' ? toDanishCsv(table) : await toXlsx(table);
	return new Response(body as BodyInit, {
		headers: {
			'content-type':
				format === 'csv'
					? 'text/csv; charset=utf-8'
					: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${exportFileName('fremdrift-anbefalinger', format, asOf)}"`
		}
	});
};
