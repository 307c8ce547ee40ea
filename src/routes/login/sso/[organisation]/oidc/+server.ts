import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { findOrganisationBySlug, safeRedirectTarget } from '$lib/server/auth';
import { refuseSso, setFlowCookie, startOidcSignIn } from '$lib/server/sso';

// Starts OpenID Connect sign-in for the organisation: a sealed flow cookie, then off to its provider.
export const GET: RequestHandler = async (event) => {
	const { params, url } = event;
	const db = await getDb();
	const found = await findOrganisationBySlug(db, params.organisation);
	if (!found) error(404);
	const organisation = { id: found.id, slug: params.organisation };
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin);
	const start = await startOidcSignIn(db, organisation, url.origin, redirectTo);
	if (!start.ok && start.reason === 'not_configured') error(404);
	if (!start.ok) {
		const meta = { clientAddress: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') };
		const refusal = await refuseSso(
			db,
			{ organisationId: organisation.id, protocol: 'oidc', reason: start.reason },
			meta
		);
		error(503, refusal.message);
	}
	setFlowCookie(event.cookies, start.flowCookie, url.protocol === 'https:');
	redirect(303, start.authorizationUrl);
};
