import type { Cookies } from '@sveltejs/kit';
import { openSecret, sealSecret } from './secret-box';
import { ssoKey } from './key';

/** A sign-in under way: what the callback must see again (kept sealed in a short-lived httpOnly cookie). */
export interface SsoFlow {
	providerId: number;
	state: string;
	nonce: string;
	verifier: string;
	/** Where to go after signing in (already checked to be one of ours). */
	redirectTo: string | null;
	/** Set by sealFlow: ms since epoch. */
	expiresAt: number;
}

/** The flow cookie lives 10 minutes: long enough to type a password and do MFA at the provider. */
export const FLOW_MINUTES = 10;
export const FLOW_COOKIE = 'fremdrift_sso_flow';
/** After an SSO sign-in: which provider and the ID token, for RP-initiated logout. */
export const SIGNED_IN_COOKIE = 'fremdrift_sso';

const FLOW_CONTEXT = 'sso_flow';
const SAML_FLOW_CONTEXT = 'saml_flow';
/** Binds a SAML sign-in to the browser that started it: the AuthnRequest ID, sealed, sent only to the ACS. */
export const SAML_FLOW_COOKIE = 'fremdrift_saml_flow';
const SIGNED_IN_CONTEXT = 'sso_signed_in';

/** Seals a flow (with its expiry) for the cookie; null without a usable FREMDRIFT_SECRET_KEY. */
export function sealFlow(flow: SsoFlow, now = Date.now()): string | null {
	const key = ssoKey();
	if (!key.ok) return null;
	return sealSecret(key.key, JSON.stringify({ ...flow, expiresAt: now + FLOW_MINUTES * 60_000 }), FLOW_CONTEXT);
}

/** The flow in a cookie, or null when it is not ours, altered or expired. */
export function readFlow(sealed: string, now = Date.now()): SsoFlow | null {
	const key = ssoKey();
	const text = key.ok ? openSecret(key.key, sealed, FLOW_CONTEXT) : null;
	if (!text) return null;
	const flow = JSON.parse(text) as SsoFlow;
	return flow.expiresAt > now ? flow : null;
}

const cookieOptions = (secure: boolean, path: string) => ({ path, httpOnly: true, sameSite: 'lax' as const, secure });

/**
 * Sets the flow cookie, only sent back to the SSO routes. SameSite=Lax: the provider's redirect back is a
 * top-level GET, which carries it.
 */
export function setFlowCookie(cookies: Cookies, sealed: string, secure: boolean): void {
	cookies.set(FLOW_COOKIE, sealed, { ...cookieOptions(secure, '/login/sso'), maxAge: FLOW_MINUTES * 60 });
}

export function deleteFlowCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(FLOW_COOKIE, cookieOptions(secure, '/login/sso'));
}

/** Seals the ID of the AuthnRequest this browser sent (with its expiry); null without a usable key. */
export function sealSamlFlow(requestId: string, now = Date.now()): string | null {
	const key = ssoKey();
	if (!key.ok) return null;
	return sealSecret(key.key, JSON.stringify({ requestId, expiresAt: now + FLOW_MINUTES * 60_000 }), SAML_FLOW_CONTEXT);
}

/** The AuthnRequest ID in a SAML flow cookie, or null when the cookie is missing, not ours, altered or expired. */
export function readSamlFlow(sealed: string | undefined, now = Date.now()): string | null {
	const key = ssoKey();
	const text = sealed && key.ok ? openSecret(key.key, sealed, SAML_FLOW_CONTEXT) : null;
	if (!text) return null;
	const flow = JSON.parse(text) as { requestId: string; expiresAt: number };
	return flow.expiresAt > now ? flow.requestId : null;
}

const samlFlowOptions = (slug: string, secure: boolean) => ({
	path: `/sso/saml/${slug}/acs`,
	httpOnly: true,
	// The IdP's answer is a cross-site form POST: over HTTPS only SameSite=None comes along with it. Plain HTTP
	// (development, tests on one host) cannot use None, and there the IdP is on the same site anyway.
	sameSite: secure ? ('none' as const) : ('lax' as const),
	secure
});

/** Sets the SAML flow cookie, sent back only with the POST to this organisation's ACS. */
export function setSamlFlowCookie(cookies: Cookies, sealed: string, slug: string, secure: boolean): void {
	cookies.set(SAML_FLOW_COOKIE, sealed, { ...samlFlowOptions(slug, secure), maxAge: FLOW_MINUTES * 60 });
}

export function deleteSamlFlowCookie(cookies: Cookies, slug: string, secure: boolean): void {
	cookies.delete(SAML_FLOW_COOKIE, samlFlowOptions(slug, secure));
}

/** Remembers, sealed, which organisation's provider signed the user in and its ID token (for logout there). */
export function setSignedInCookie(
	cookies: Cookies,
	value: { organisationId: number; idToken: string },
	secure: boolean,
	maxAgeSeconds: number
): void {
	const key = ssoKey();
	if (!key.ok) return;
	const sealed = sealSecret(key.key, JSON.stringify(value), SIGNED_IN_CONTEXT);
	cookies.set(SIGNED_IN_COOKIE, sealed, { ...cookieOptions(secure, '/'), maxAge: maxAgeSeconds });
}

/** Takes the signed-in cookie (deleting it): what RP-initiated logout needs, or null. */
export function takeSignedInCookie(
	cookies: Cookies,
	secure: boolean
): { organisationId: number; idToken: string } | null {
	const sealed = cookies.get(SIGNED_IN_COOKIE);
	if (!sealed) return null;
	cookies.delete(SIGNED_IN_COOKIE, cookieOptions(secure, '/'));
	const key = ssoKey();
	const text = key.ok ? openSecret(key.key, sealed, SIGNED_IN_CONTEXT) : null;
	return text ? (JSON.parse(text) as { organisationId: number; idToken: string }) : null;
}

/** True when the browser carries the signed-in cookie (the logout action then goes by the provider). */
export function hasSignedInCookie(cookies: Cookies): boolean {
	return Boolean(cookies.get(SIGNED_IN_COOKIE));
}
