import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { Db } from '../infra/db';
import { findIdentityProvider, secretContext, type IdentityProvider } from './providers';
import { openSecret } from './secret-box';
import { isLoopbackHttp, readOidcSettings, type OidcSettings } from './oidc-settings';
import { refuseSso, signInExternal, type RequestMeta, type SsoResult, type SsoRefusalReason } from './jit';
import { ssoKey } from './key';
import { readFlow, sealFlow, type SsoFlow } from './cookies';

/** Discovery answers are kept this long per provider (an IdP's keys and endpoints change rarely). */
const DISCOVERY_TTL_MS = 10 * 60_000;
const configurations = new Map<string, { config: client.Configuration; at: number }>();

/** The redirect URI the IdP administrator registers for the organisation. */
export function oidcRedirectUri(origin: string, organisationSlug: string): string {
	return `${origin}/login/sso/${organisationSlug}/oidc/callback`;
}

/** Where the provider sends the browser back after signing out there (RP-initiated logout). */
export function postLogoutRedirectUri(origin: string): string {
	return `${origin}/login/sso/log-ud`;
}

/** An enabled OIDC provider with complete settings and its opened secret, or why there is none. */
type Ready =
	| { ok: true; provider: IdentityProvider; settings: OidcSettings; secret: string }
	| { ok: false; reason: SsoRefusalReason };

async function readyProvider(db: Db, organisationId: number): Promise<Ready> {
	const provider = await findIdentityProvider(db, organisationId, 'oidc');
	const settings = provider ? readOidcSettings(provider.settings) : null;
	if (!provider?.enabled || !settings || !provider.sealedSecret) return { ok: false, reason: 'not_configured' };
	const key = ssoKey();
	if (!key.ok) return { ok: false, reason: 'secret_key' };
	const secret = openSecret(key.key, provider.sealedSecret, secretContext(organisationId, 'oidc'));
	if (secret === null) return { ok: false, reason: 'secret_key' };
	return { ok: true, provider, settings, secret };
}

/**
 * The provider's configuration from discovery (openid-client), cached per provider, issuer, client and secret.
 * @example const config = await oidcConfiguration(provider.id, settings, secret);
 */
export async function oidcConfiguration(
	providerId: number,
	settings: OidcSettings,
	secret: string
): Promise<client.Configuration> {
	const fingerprint = createHash('sha256').update(secret).digest('hex');
	const cacheKey = `${providerId}|${settings.issuerUrl}|${settings.clientId}|${fingerprint}`;
	const cached = configurations.get(cacheKey);
	if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
	const issuer = new URL(settings.issuerUrl);
	const config = await client.discovery(issuer, settings.clientId, undefined, client.ClientSecretPost(secret), {
		execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [],
		timeout: 10
	});
	configurations.set(cacheKey, { config, at: Date.now() });
	return config;
}

export type OidcStart = { ok: true; location: string; flowCookie: string } | { ok: false; reason: SsoRefusalReason };

/**
 * Starts the authorization code flow with PKCE, state and nonce: the URL to send the browser to, and the
 * sealed flow (state, nonce, verifier) for a short-lived httpOnly cookie.
 * @example const start = await startOidcSignIn(db, organisation, url.origin, redirectTo);
 */
export async function startOidcSignIn(
	db: Db,
	organisation: { id: number; slug: string },
	origin: string,
	redirectTo: string | null
): Promise<OidcStart> {
	const ready = await readyProvider(db, organisation.id);
	if (!ready.ok) return ready;
	let config: client.Configuration;
	try {
		config = await oidcConfiguration(ready.provider.id, ready.settings, ready.secret);
	} catch {
		return { ok: false, reason: 'provider_unreachable' };
	}
	const verifier = client.randomPKCECodeVerifier();
	const flow: SsoFlow = {
		providerId: ready.provider.id,
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier,
		redirectTo,
		expiresAt: 0
	};
	const authorizationUrl = client.buildAuthorizationUrl(config, {
		redirect_uri: oidcRedirectUri(origin, organisation.slug),
		scope: 'openid profile email',
		response_type: 'code',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state: flow.state,
		nonce: flow.nonce
	});
	const sealed = sealFlow(flow);
	if (!sealed) return { ok: false, reason: 'secret_key' };
	return { ok: true, location: authorizationUrl.href, flowCookie: sealed };
}

/** Which check an openid-client error stands for, for the audit trail (its cause chain holds oauth4webapi's detail). */
function reasonOf(error: unknown): SsoRefusalReason {
	type Detail = { message?: string; cause?: unknown; claim?: string; code?: string; name?: string };
	const chain: Detail[] = [];
	for (let e = error as Detail | undefined; e && typeof e === 'object' && chain.length < 5; e = e.cause as Detail)
		chain.push(e);
	if (chain.some((e) => e.message?.includes('"state"'))) return 'state';
	if (chain.some((e) => e.claim === 'nonce')) return 'nonce';
	if (chain.some((e) => e.name === 'AuthorizationResponseError' || e.name === 'ResponseBodyError'))
		return 'provider_error';
	if (chain[0]?.name === 'TypeError' || chain[0]?.code === 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN')
		return 'provider_unreachable';
	return 'token';
}

/** The claim's values as a list of strings (a provider may send one value as a string). */
function claimValues(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The address to show for a person: `email`, else a `preferred_username`/`upn` that is one (Entra). */
function emailOf(claims: Record<string, unknown>): string {
	for (const name of ['email', 'preferred_username', 'upn']) {
		const value = claims[name];
		if (typeof value === 'string' && value.includes('@')) return value;
	}
	return '';
}

export type OidcFinish = SsoResult & { idToken?: string; providerId?: number; redirectTo?: string | null };

/**
 * Finishes the flow at the callback: openid-client checks state, PKCE and the ID token (signature, issuer,
 * audience, expiry, nonce); the claims then go through just-in-time sign-in. Every refusal is audited.
 * @example const result = await finishOidcSignIn(db, organisation, url, cookies.get(FLOW_COOKIE), meta);
 */
export async function finishOidcSignIn(
	db: Db,
	organisation: { id: number; slug: string },
	currentUrl: URL,
	flowCookie: string | undefined,
	meta: RequestMeta
): Promise<OidcFinish> {
	const refuse = (reason: SsoRefusalReason, subject?: string) =>
		refuseSso(db, { organisationId: organisation.id, protocol: 'oidc', reason, subject }, meta);
	const ready = await readyProvider(db, organisation.id);
	if (!ready.ok) return refuse(ready.reason);
	const flow = flowCookie ? readFlow(flowCookie) : null;
	if (!flow || flow.providerId !== ready.provider.id) return refuse('flow_missing');
	let claims: Record<string, unknown>;
	let idToken: string | undefined;
	try {
		const config = await oidcConfiguration(ready.provider.id, ready.settings, ready.secret);
		// The callback URL as the provider was told it (behind a proxy the request's own may differ).
		const callback = new URL(oidcRedirectUri(currentUrl.origin, organisation.slug));
		callback.search = currentUrl.search;
		const tokens = await client.authorizationCodeGrant(config, callback, {
			pkceCodeVerifier: flow.verifier,
			expectedState: flow.state,
			expectedNonce: flow.nonce,
			idTokenExpected: true
		});
		claims = (tokens.claims() ?? {}) as Record<string, unknown>;
		idToken = tokens.id_token;
	} catch (error) {
		return refuse(reasonOf(error));
	}
	const result = await signInExternal(
		db,
		{
			organisationId: organisation.id,
			providerId: ready.provider.id,
			protocol: 'oidc',
			subject: String(claims.sub),
			email: emailOf(claims),
			name: typeof claims.name === 'string' ? claims.name : '',
			roleValues: claimValues(claims[ready.settings.roleClaim])
		},
		meta
	);
	return { ...result, idToken, providerId: ready.provider.id, redirectTo: flow.redirectTo };
}

/**
 * Where to send the browser to sign out at the provider too (RP-initiated logout), or null when the
 * provider offers no end_session_endpoint (or cannot be reached).
 * @example const url = await oidcLogoutUrl(db, providerId, idToken, url.origin);
 */
export async function oidcLogoutUrl(
	db: Db,
	organisationId: number,
	idToken: string,
	origin: string
): Promise<string | null> {
	const ready = await readyProvider(db, organisationId);
	if (!ready.ok) return null;
	try {
		const config = await oidcConfiguration(ready.provider.id, ready.settings, ready.secret);
		if (!config.serverMetadata().end_session_endpoint) return null;
		return client.buildEndSessionUrl(config, {
			id_token_hint: idToken,
			post_logout_redirect_uri: postLogoutRedirectUri(origin)
		}).href;
	} catch {
		return null;
	}
}
