import { createSign, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Provider, { type Context } from 'oidc-provider';
import { freePort } from './server';

/**
 * A real OpenID Provider (panva's oidc-provider) on 127.0.0.1 for tests: clients with secrets, users whose
 * ID tokens carry `roles` and `groups`, its own development login page (any password; the login names the
 * user), consent granted without asking, discovery, JWKS and RP-initiated logout. No part of the protocol
 * is faked: Fremdrift talks to it as it would to Entra ID.
 * @example const op = await startOidcProvider({ clients: [{ clientId: 'fremdrift', clientSecret: 's', redirectUris: [uri] }] });
 */

export interface TestOidcUser {
	/** The login typed at the provider's page; also the subject (`sub`). */
	login: string;
	email: string;
	name: string;
	roles?: string[];
	groups?: string[];
}

export interface TestOidcClient {
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
	postLogoutRedirectUris?: string[];
}

export interface TestOidcProvider {
	issuer: string;
	/** Users may be added or changed while the provider runs. */
	users: Map<string, TestOidcUser>;
	/**
	 * From now on the token endpoint's ID token has its claims changed by `change` and is signed again with the
	 * provider's own key (a mixed-up or malicious token answer that still verifies); null stops it.
	 */
	rewriteIdToken(change: ((claims: Record<string, unknown>) => Record<string, unknown>) | null): void;
	stop(): Promise<void>;
}

export async function startOidcProvider(options: {
	clients: TestOidcClient[];
	users?: TestOidcUser[];
	port?: number;
}): Promise<TestOidcProvider> {
	const port = options.port ?? (await freePort());
	const issuer = `http://127.0.0.1:${port}`;
	const users = new Map((options.users ?? []).map((u) => [u.login, u]));
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const provider = new Provider(issuer, {
		clients: options.clients.map((c) => ({
			client_id: c.clientId,
			client_secret: c.clientSecret,
			redirect_uris: c.redirectUris,
			post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
			grant_types: ['authorization_code'],
			response_types: ['code'],
			token_endpoint_auth_method: 'client_secret_post'
		})),
		jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
		cookies: { keys: ['oidc-test-cookie-key-1'] },
		pkce: { required: () => true },
		// The role claims go into the ID token itself (as Entra ID puts `roles` there), not only into userinfo.
		conformIdTokenClaims: false,
		claims: {
			openid: ['sub', 'roles', 'groups'],
			email: ['email', 'email_verified'],
			profile: ['name']
		},
		features: {
			devInteractions: { enabled: true },
			rpInitiatedLogout: { enabled: true }
		},
		findAccount: (_ctx: Context, id: string) => {
			const user = users.get(id);
			if (!user) return undefined;
			return {
				accountId: id,
				claims: () => ({
					sub: id,
					email: user.email,
					email_verified: true,
					name: user.name,
					...(user.roles ? { roles: user.roles } : {}),
					...(user.groups ? { groups: user.groups } : {})
				})
			};
		},
		// A first-party client: consent is given, so the test (and the browser) only meets the login page.
		loadExistingGrant: async (ctx: Context) => {
			const { client, session, provider: op } = ctx.oidc;
			if (!client || !session?.accountId) return undefined;
			const grant = new op.Grant({ clientId: client.clientId, accountId: session.accountId });
			grant.addOIDCScope('openid profile email');
			await grant.save();
			return grant;
		}
	});
	let rewrite: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;
	provider.use(async (ctx, next) => {
		await next();
		const body = ctx.body as { id_token?: unknown } | undefined;
		if (!rewrite || ctx.path !== '/token' || typeof body?.id_token !== 'string') return;
		const [header, payload] = body.id_token.split('.');
		const claims = rewrite(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
		const signed = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
		const signature = createSign('RSA-SHA256').update(signed).sign(privateKey).toString('base64url');
		ctx.body = { ...body, id_token: `${signed}.${signature}` };
	});
	const server: Server = await new Promise((resolve) => {
		const s = provider.listen(port, '127.0.0.1', () => resolve(s));
	});
	return {
		issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		users,
		rewriteIdToken: (change) => {
			rewrite = change;
		},
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			})
	};
}

/** A cookie jar for one origin, enough to walk the provider's pages with fetch. */
class CookieJar {
	private cookies = new Map<string, string>();
	take(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair.indexOf('=');
			const name = pair.slice(0, at).trim();
			const value = pair.slice(at + 1).trim();
			if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}
	header(): string {
		return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
	}
}

/**
 * Signs in at the provider over plain HTTP as a browser would (its login form, typed `login`), starting
 * from an authorization URL; returns the URL the provider sends the browser back to (with code and state,
 * or an error). No page of the provider is skipped or faked.
 * @example const callback = await signInAtProvider(start.location, 'anne');
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
	const issuerOrigin = new URL(authorizationUrl).origin;
	const jar = new CookieJar();
	let url = authorizationUrl;
	let init: RequestInit = {};
	for (let step = 0; step < 10; step++) {
		const response = await fetch(url, {
			...init,
			redirect: 'manual',
			headers: { ...(init.headers as Record<string, string>), cookie: jar.header() }
		});
		jar.take(response);
		const location = response.headers.get('location');
		if (location) {
			const next = new URL(location, url);
			if (next.origin !== issuerOrigin) return next;
			url = next.href;
			init = {};
			continue;
		}
		const html = await response.text();
		const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html)?.[1];
		if (!action || !html.includes('name="login"'))
			throw new Error(`The provider answered ${response.status} without a login form:\n${html.slice(0, 500)}`);
		url = new URL(action.replace(/&amp;/g, '&'), url).href;
		init = {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ prompt: 'login', login, password: 'hvad-som-helst' }).toString()
		};
	}
	throw new Error('The provider did not send the browser back within 10 steps');
}
