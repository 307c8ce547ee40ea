import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { getConfig } from '$lib/server/infra/config';
import { findOrganisationBySlug, homeFor, safeRedirectTarget, setSessionCookie } from '$lib/server/auth';
import { deleteSamlFlowCookie, findIdentityProvider, finishSamlSignIn, SAML_FLOW_COOKIE } from '$lib/server/sso';

/** The organisation with an enabled SAML provider, or 404 (nothing to finish, nothing worth an audit event). */
async function samlOrganisation(slug: string) {
	const db = await getDb();
	const found = await findOrganisationBySlug(db, slug);
	if (!found || !(await findIdentityProvider(db, found.id, 'saml'))?.enabled) error(404);
	return { db, organisation: { id: found.id, slug } };
}

// The ACS only answers the IdP's POST; a GET has nothing to show.
export const load: PageServerLoad = async ({ request }) => {
	if (request.method !== 'POST') error(404);
	return {};
};

// The Assertion Consumer Service: the IdP's browser POST (HTTP-POST binding). It comes from the IdP's origin;
// hooks.server.ts lets exactly this path through the cross-site form check (see handleFormOrigin).
export const actions: Actions = {
	default: async (event) => {
		const { params, url, cookies, request } = event;
		const { db, organisation } = await samlOrganisation(params.organisation);
		const form = await request.formData();
		const meta = { clientAddress: event.getClientAddress(), userAgent: request.headers.get('user-agent') };
		const result = await finishSamlSignIn(
			db,
			organisation,
			url.origin,
			{ SAMLResponse: form.get('SAMLResponse') ?? undefined },
			cookies.get(SAML_FLOW_COOKIE),
			meta
		);
		// One response per started sign-in: a second try starts again at the login page.
		deleteSamlFlowCookie(cookies, organisation.slug, url.protocol === 'https:');
		if (!result.ok) return { refusal: result.message, reason: result.reason };
		setSessionCookie(cookies, result.token, url.protocol === 'https:', getConfig().session);
		const relayState = form.get('RelayState');
		const target = typeof relayState === 'string' && relayState ? safeRedirectTarget(relayState, url.origin) : null;
		redirect(303, target ?? homeFor(result.user.role));
	}
};
