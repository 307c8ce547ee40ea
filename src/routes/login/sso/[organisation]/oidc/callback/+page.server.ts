import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { getConfig } from '$lib/server/infra/config';
import { findOrganisationBySlug, homeFor, setSessionCookie } from '$lib/server/auth';
import {
	FLOW_COOKIE,
	deleteFlowCookie,
	findIdentityProvider,
	finishOidcSignIn,
	setSignedInCookie
} from '$lib/server/sso';

// The provider sends the browser back here: finish the flow, then sign in (or say in Danish why not).
export const load: PageServerLoad = async (event) => {
	const { params, url, cookies } = event;
	const db = await getDb();
	const found = await findOrganisationBySlug(db, params.organisation);
	// Without an enabled provider there is nothing to finish (and nothing worth an audit event).
	if (!found || !(await findIdentityProvider(db, found.id, 'oidc'))?.enabled) error(404);
	const secure = url.protocol === 'https:';
	const meta = { clientAddress: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') };
	const organisation = { id: found.id, slug: params.organisation };
	const result = await finishOidcSignIn(db, organisation, url, cookies.get(FLOW_COOKIE), meta);
	deleteFlowCookie(cookies, secure);
	if (!result.ok) return { refusal: result.message, reason: result.reason };
	const session = getConfig().session;
	setSessionCookie(cookies, result.token, secure, session);
	if (result.idToken)
		setSignedInCookie(
			cookies,
			{ organisationId: found.id, idToken: result.idToken },
			secure,
			session.absoluteHours * 3600
		);
	redirect(303, result.redirectTo ?? homeFor(result.user.role));
};
