import { ssoStartHandler, startOidcSignIn } from '$lib/server/sso';

// Starts OpenID Connect sign-in for the organisation: a sealed flow cookie, then off to its provider.
export const GET = ssoStartHandler('oidc', startOidcSignIn);
