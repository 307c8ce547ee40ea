import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { homeFor } from '$lib/server/auth';
import { oidcLogoutUrl, takeSignedInCookie } from '$lib/server/sso';

// After signing out of Fremdrift: on to the provider's end_session_endpoint (RP-initiated logout), which
// sends the browser back here; without the SSO cookie (then, or never signed in by SSO) to the login page.
// A page, not a redirect from /logout's form: the CSP's form-action 'self' forbids a form's redirect elsewhere.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	const signedIn = takeSignedInCookie(cookies, url.protocol === 'https:');
	const logoutUrl = signedIn
		? await oidcLogoutUrl(await getDb(), signedIn.organisationId, signedIn.idToken, url.origin)
		: null;
	if (!logoutUrl) redirect(303, '/login?logget-ud');
	return { logoutUrl };
};
