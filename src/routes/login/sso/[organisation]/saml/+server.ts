import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { findOrganisationBySlug, safeRedirectTarget } from '$lib/server/auth';
import { refuseSso, startSamlSignIn } from '$lib/server/sso';

// Starts SAML sign-in for the organisation: a signed AuthnRequest (its ID stored), then off to the IdP.
export const GET: RequestHandler = async (event) => {
	const { params, url } = event;
	const db = await getDb();
	const found = await findOrganisationBySlug(db, params.organisation);
	if (!found) error(404);
	const organisation = { id: found.id, slug: params.organisation };
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin);
	const start = await startSamlSignIn(db, organisation, url.origin, redirectTo);
	if (!start.ok && start.reason === 'not_configured') error(404);
	if (!start.ok) {
		const meta = { clientAddress: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') };
		const refusal = await refuseSso(
			db,
			{ organisationId: organisation.id, protocol: 'saml', reason: start.reason },
			meta
		);
		error(503, refusal.message);
	}
	redirect(303, start.url);
};
