import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { exportProgramme, programmeTarget } from '$lib/server/register';
import { t } from '$lib/server/messages';

/** The whole programme as one JSON document, as a download (admins and directors). */
export const GET: RequestHandler = async (event) => {
	const { user, db, programme } = await programmeTarget(event);
	const document = await exportProgramme(db, user.organisationId, programme.id);
	if (!document) error(404, t('programme.not_found'));
	const slug =
		programme.name
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60) || 'program';
	return new Response(JSON.stringify(document, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="fremdrift-program-${slug}.json"`,
			'cache-control': 'no-store'
		}
	});
};
