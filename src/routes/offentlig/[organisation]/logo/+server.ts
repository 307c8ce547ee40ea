import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { findOrganisationBySlug, loadOrganisationLogo } from '$lib/server/auth';
import { publicReportParams } from '$lib/schemas/annual-report';
import { t } from '$lib/server/messages';

/**
 * An organisation's logo, public like its published reports (a logo is no secret). Served so that even
 * opened on its own it can run nothing: a sandboxing CSP, and no type sniffing.
 */
export const GET: RequestHandler = async ({ params }) => {
	const slug = publicReportParams.shape.organisation.safeParse(params.organisation);
	if (!slug.success) error(404, t('annual.not_found'));
	const db = await getDb();
	const organisation = await findOrganisationBySlug(db, slug.data);
	const logo = organisation ? await loadOrganisationLogo(db, organisation.id) : null;
	if (!logo) error(404, t('annual.not_found'));
	return new Response(logo.bytes as BodyInit, {
		headers: {
			'content-type': logo.mime,
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
			'x-content-type-options': 'nosniff',
			'cache-control': 'public, max-age=300'
		}
	});
};
