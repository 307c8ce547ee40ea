import { ssoStartHandler, startSamlSignIn } from '$lib/server/sso';

// Starts SAML sign-in for the organisation: a signed AuthnRequest (its ID stored), then off to the IdP.
export const GET = ssoStartHandler('saml', startSamlSignIn);
