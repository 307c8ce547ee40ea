// Plain JavaScript on purpose: the build copies this file beside adapter-node's server (svelte.config.js),
// where it runs unbundled, and the hooks import the same list.

/** Headers every response carries, whoever answers it: SvelteKit, the static files (sirv) or a 404. */
export const BASE_HEADERS = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'strict-origin-when-cross-origin'
});

/**
 * Puts BASE_HEADERS on every response of a Node HTTP server before any handler sees the request.
 * adapter-node serves build/client with sirv ahead of SvelteKit's hooks, so the hooks cannot reach
 * those responses. Handlers that set one of these headers themselves still win (writeHead merges).
 * @example import { server } from './server.js'; addBaseHeaders(server.server);
 * @param {import('node:http').Server} httpServer
 */
export function addBaseHeaders(httpServer) {
	// Fail at start-up, not silently: a server without the headers must not run unnoticed.
	if (typeof httpServer?.prependListener !== 'function')
		throw new Error('addBaseHeaders: adapter-node did not export its HTTP server');
	httpServer.prependListener('request', (_request, response) => {
		for (const [name, value] of Object.entries(BASE_HEADERS)) response.setHeader(name, value);
	});
}
