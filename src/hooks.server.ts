import { type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { closeSharedDb, countingQueries, getDb, isDatabaseUnavailable } from '$lib/server/infra/db';
import { getConfig } from '$lib/server/infra/config';
import { migrateToLatest } from '$lib/server/infra/migrate';
import { StartupError } from '$lib/server/infra/startup-error';
import { apiError } from '$lib/server/http/api';
import {
	admits,
	audienceFor,
	deleteSessionCookie,
	findOrganisation,
	homeFor,
	sessionCookieName,
	signInPathFor,
	validateApiToken,
	validateSessionToken
} from '$lib/server/auth';
import { BASE_HEADERS } from '$lib/server/http/base-headers';
import { compressResponse } from '$lib/server/http/compress';
import { escapeHtml } from '$lib/server/http/escape-html';
import { servePage } from '$lib/server/http/page-cache';
import { withApiTokenAudit } from '$lib/server/audit';
import { chooseLocale, currentLocale, t, withLocale } from '$lib/server/messages';
import { startReminderScheduler, stopReminderScheduler } from '$lib/server/reminders';

/** Migrates on start; a database that cannot be reached stops the server with a plain message. */
export const init: ServerInit = async () => {
	// adapter-node closes the HTTP server on SIGTERM/SIGINT, then emits this: release the pool so the process can exit.
	process.once('sveltekit:shutdown', () => {
		stopReminderScheduler();
		void closeSharedDb();
	});
	try {
		getConfig();
		await migrateToLatest(await getDb());
		// Reminder mails (issue 19): only with FREMDRIFT_REMINDERS=on, SMTP_URL and ORIGIN.
		startReminderScheduler();
	} catch (error) {
		if (error instanceof StartupError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
};

/**
 * The answer's language: English when the browser's Accept-Language ranks it above Danish, else Danish.
 * Everything after this runs inside withLocale, so t() on the server (actions, API errors, server-rendered
 * pages) speaks it; the page's <html lang> says it, and the browser reads it from the root layout's data.
 */
const handleLocale: Handle = async ({ event, resolve }) => {
	const locale = chooseLocale(event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	const response = await withLocale(locale, () =>
		resolve(event, {
			transformPageChunk:
				locale === 'da' ? undefined : ({ html }) => html.replace('<html lang="da">', `<html lang="${locale}">`)
		})
	);
	// Caches must keep the Danish and the English answer apart.
	response.headers.append('vary', 'Accept-Language');
	return response;
};

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');
/** Methods that may change something, so a request from another site must not trigger them. */
const isUnsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

/** The token of `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 9110 §11.1). */
function bearerToken(authorization: string): string | null {
	return /^bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization)?.[1] ?? null;
}

/** The content types a browser form can post to another site without asking (SvelteKit's own CSRF list). */
const FORM_CONTENT_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

/**
 * SvelteKit's CSRF check, done here because svelte.config.js turns the built-in one off: it also refused
 * API calls with a bearer token and a text/plain or form body, in plain English text. A form post from
 * another origin (or with none) is still refused on every page, before any action runs. The API is left
 * to handleApiOrigin, which refuses every cookie-signed write from another origin whatever its content
 * type; a bearer token is a header no foreign form can send, so token calls need no Origin (servers send
 * none) and each endpoint answers a wrong content type with its JSON 415.
 * One exception: the SAML Assertion Consumer Service, where the IdP's page POSTs the response from the IdP's
 * origin by design (HTTP-POST binding). It is safe to let that one path through: the action reads nothing
 * but the SAMLResponse (and RelayState, checked to be one of our paths), and accepts it only when it is
 * signed by the IdP in the organisation's metadata, addressed to this ACS and SP, answers an AuthnRequest this
 * SP issued within 10 minutes (once), and carries an assertion ID never seen before.
 * And one more: a reminder mail's unsubscribe link, which mail clients POST from nowhere (RFC 8058 one-click,
 * `List-Unsubscribe=One-Click`). That action only turns the signed token's user's reminders off.
 */
/** The SAML ACS (exactly `/sso/saml/<organisation>/acs`, its default action, no query). */
const isSamlAcs = (url: URL) => /^\/sso\/saml\/[a-z0-9-]+\/acs$/.test(url.pathname) && url.search === '';

/** The one-click unsubscribe link (exactly `/afmeld/<user id>.<signature>`, its default action, no query). */
const isUnsubscribe = (url: URL) =>
	/^\/afmeld\/[1-9]\d{0,15}\.[A-Za-z0-9_-]{43}$/.test(url.pathname) && url.search === '';

const handleFormOrigin: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (!isUnsafe(request.method) || isApi(url.pathname) || request.headers.get('origin') === url.origin)
		return resolve(event);
	if (request.method === 'POST' && (isSamlAcs(url) || isUnsubscribe(url))) return resolve(event);
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (!FORM_CONTENT_TYPES.includes(type)) return resolve(event);
	const message = t('error.cross_site_form');
	if (request.headers.get('accept') === 'application/json') return Response.json({ message }, { status: 403 });
	return new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};

/** Who is asking: a Bearer token on the API, else the session cookie. Fills locals.user/session/organisation. */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.authMethod = null;
	event.locals.organisation = null;
	const db = await getDb();
	const secure = event.url.protocol === 'https:';
	const authorization = event.request.headers.get('authorization');
	let apiTokenId: number | null = null;
	if (isApi(event.url.pathname) && authorization) {
		const token = bearerToken(authorization);
		const valid = token ? await validateApiToken(db, token) : null;
		if (!valid)
			return apiError(401, 'unauthorized', t('api.token_invalid'), undefined, { 'www-authenticate': 'Bearer' });
		event.locals.user = valid.user;
		event.locals.authMethod = 'token';
		apiTokenId = valid.tokenId;
	} else {
		const token = event.cookies.get(sessionCookieName(secure));
		if (token) {
			const result = await validateSessionToken(db, token, getConfig().session);
			if (result) {
				event.locals.user = result.user;
				event.locals.session = result.session;
				event.locals.organisation = result.organisation;
				event.locals.authMethod = 'session';
			} else {
				deleteSessionCookie(event.cookies, secure);
			}
		}
	}
	if (event.locals.user && !event.locals.organisation) {
		// API tokens: the organisation is read here (sessions bring it along from their one query).
		event.locals.organisation = await findOrganisation(db, event.locals.user.organisationId);
	}
	// Audit events written while serving a token's request name the token (audit.ts).
	return apiTokenId === null ? resolve(event) : withApiTokenAudit(apiTokenId, () => resolve(event));
};

/** The route table (auth/access.ts): whole areas closed to the wrong roles before any load runs. */
const handleAccess: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	const audience = audienceFor(pathname);
	const user = event.locals.user;
	const api = isApi(pathname);
	if (audience === null) {
		if (api) return apiError(404, 'not_found', t('api.not_found'));
		// An unknown path gets SvelteKit's 404 page; a real route that the table forgot is closed.
		return event.route.id === null ? resolve(event) : new Response(t('error.not_found'), { status: 404 });
	}
	// A path under /api that no endpoint serves: JSON like every other API answer, not the HTML 404 page.
	if (api && event.route.id === null) return apiError(404, 'not_found', t('api.not_found'));
	if (admits(audience, user?.role ?? null)) return api ? jsonMethodNotAllowed(await resolve(event)) : resolve(event);
	if (!user) {
		if (api) return apiError(401, 'unauthorized', t('api.unauthorized'), undefined, { 'www-authenticate': 'Bearer' });
		return seeOther(signInPathFor(event.url));
	}
	if (api) return apiError(403, 'forbidden', t('auth.forbidden'));
	if (pathname === '/') return seeOther(homeFor(user.role));
	return forbiddenPage();
};

/** SvelteKit answers a method an endpoint lacks with plain text: on the API, the Danish JSON error instead. */
function jsonMethodNotAllowed(response: Response): Response {
	if (response.status !== 405 || response.headers.get('content-type')?.includes('application/json')) return response;
	const allow = response.headers.get('allow');
	return apiError(405, 'method_not_allowed', t('api.method_not_allowed'), undefined, allow ? { allow } : undefined);
}

function seeOther(location: string): Response {
	return new Response(null, { status: 303, headers: { location } });
}

function forbiddenPage(): Response {
	const body = `<!doctype html><html lang="${currentLocale()}"><head><meta charset="utf-8"><title>${t('auth.forbidden_title')}</title></head><body><main><h1>${t('auth.forbidden_title')}</h1><p>${t('auth.forbidden')}</p><p><a href="/">${t('error.back_home')}</a></p></main></body></html>`;
	return new Response(body, { status: 403, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** Cookie-signed JSON writes must come from our own pages (SvelteKit's CSRF check covers only form posts). */
const handleApiOrigin: Handle = async ({ event, resolve }) => {
	if (isUnsafe(event.request.method) && isApi(event.url.pathname) && event.locals.authMethod === 'session') {
		if (event.request.headers.get('origin') !== event.url.origin) {
			return apiError(403, 'cross_origin', t('api.cross_origin'));
		}
	}
	return resolve(event);
};

/** Seconds a client is asked to wait while the database is away. */
const RETRY_AFTER_SECONDS = 5;

/** The answer while the database cannot be reached: Danish JSON on the API and to SvelteKit's data/action requests, else a Danish page. */
function unavailableResponse(event: Parameters<Handle>[0]['event']): Response {
	const message = t('error.database_unavailable');
	const headers = { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
	if (isApi(event.url.pathname)) return apiError(503, 'unavailable', message, undefined, headers);
	if (event.isDataRequest) return Response.json({ message }, { status: 503, headers });
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return Response.json({ type: 'error', status: 503, error: { message } }, { status: 503, headers });
	}
	const title = escapeHtml(t('error.title_503'));
	const body = `<!doctype html><html lang="${currentLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${escapeHtml(t('app.name'))}</title></head><body><main><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(event.url.pathname + event.url.search)}">${escapeHtml(t('error.try_again'))}</a></p></main></body></html>`;
	return new Response(body, { status: 503, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * A database that is down or restarting is not a bug: the request gets 503 with a Danish message, and the
 * next request after it is back works (postgres.js reconnects). Thrown here by the hooks below, or flagged
 * by handleError for loads, actions and endpoints. Every other error stays a 500.
 */
const handleDatabaseDown: Handle = async ({ event, resolve }) => {
	try {
		const response = await resolve(event);
		return event.locals.databaseDown ? unavailableResponse(event) : response;
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		console.error(`Databasen kan ikke nås (${event.request.method} ${event.url.pathname}):`, (error as Error).message);
		return unavailableResponse(event);
	}
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	// The built server also sets these on static files (svelte.config.js); here they cover `vite dev` too.
	for (const [name, value] of Object.entries(BASE_HEADERS)) headers.set(name, value);
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	if (event.locals.user && !headers.has('cache-control')) headers.set('Cache-Control', 'no-store');
	return response;
};

/** Pages whose every read is covered by the organisation's data version, answered from memory until a write (http/page-cache.ts). */
const handlePageCache: Handle = async ({ event, resolve }) =>
	servePage(event, await getDb(), () => Promise.resolve(resolve(event)));

/** FREMDRIFT_QUERY_COUNT_HEADER=1 (benchmark only): `x-query-count` tells how many SQL queries a response took. */
const handleQueryCount: Handle = async ({ event, resolve }) => {
	if (!getConfig().queryCountHeader) return resolve(event);
	const { result, queries } = await countingQueries(() => Promise.resolve(resolve(event)));
	result.headers.set('x-query-count', String(queries));
	return result;
};

/**
 * HTML, JSON and CSV answers over ~1 kB in Brotli or gzip, as the client prefers (http/compress.ts). Here, not
 * in the node wrapper of svelte.config.js: the Response is whole, its type known, `vite dev` does it too, and
 * the static files under /_app are precompressed at build instead (adapter-node's `precompress`). Outermost, so
 * it compresses what every other hook left.
 */
const handleCompression: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

export const handle = sequence(
	handleCompression,
	handleQueryCount,
	handleLocale,
	handleSecurityHeaders,
	handleFormOrigin,
	handleDatabaseDown,
	handleSession,
	handleAccess,
	handleApiOrigin,
	handlePageCache
);

/** Unexpected errors are logged in full and shown as a plain Danish sentence; unknown pages as 404. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: t('error.not_found') };
	if (isDatabaseUnavailable(error)) {
		// handleDatabaseDown turns the response into a 503.
		event.locals.databaseDown = true;
		console.error(`Databasen kan ikke nås (${event.request.method} ${event.url.pathname}):`, (error as Error).message);
		return { message: t('error.database_unavailable') };
	}
	console.error(error);
	return { message: t('error.generic') };
};
