import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { findOrganisationBySlug } from '$lib/server/auth';
import { samlSpConfig, spMetadataXml } from '$lib/server/sso';

// The SP metadata (public, signed) for the IdP administrator: there as soon as the SAML settings are saved once.
export const GET: RequestHandler = async ({ params, url }) => {
	const db = await getDb();
	const found = await findOrganisationBySlug(db, params.organisation);
	if (!found) error(404);
	const ready = await samlSpConfig(db, { id: found.id, slug: params.organisation }, url.origin, { enabledOnly: false });
	if (!ready.ok) error(404);
	return new Response(spMetadataXml(ready.config), {
		headers: { 'content-type': 'application/samlmetadata+xml; charset=utf-8' }
	});
};
