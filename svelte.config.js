import adapter from '@sveltejs/adapter-node';
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * adapter-node, with the base headers (src/lib/server/http/base-headers.js) on every response — static files,
 * robots.txt and 404s under /_app too, which its static server (sirv) answers before SvelteKit's hooks.
 * adapter-node's start-up (PORT, HOST, ORIGIN, BODY_SIZE_LIMIT, graceful shutdown …) moves unchanged
 * to build/server.js; build/index.js imports it and adds the headers, so `node build`, `npm start`, the
 * demo and the tests all get them.
 * @param {import('@sveltejs/adapter-node').AdapterOptions} [options]
 * @returns {import('@sveltejs/kit').Adapter}
 */
function nodeWithBaseHeaders(options = {}) {
	const node = adapter(options);
	const out = options.out ?? 'build';
	return {
		...node,
		name: 'adapter-node-with-base-headers',
		async adapt(builder) {
			await node.adapt(builder);
			renameSync(`${out}/index.js.map`, `${out}/server.js.map`);
			const server = readFileSync(`${out}/index.js`, 'utf8').replace(
				/sourceMappingURL=index\.js\.map\s*$/,
				'sourceMappingURL=server.js.map\n'
			);
			writeFileSync(`${out}/server.js`, server);
			copyFileSync('src/lib/server/http/base-headers.js', `${out}/base-headers.js`);
			writeFileSync(
				`${out}/index.js`,
				[
					"// Written by svelte.config.js: adapter-node's server, with the base headers on every response.",
					"import { addBaseHeaders } from './base-headers.js';",
					"import { server } from './server.js';",
					'addBaseHeaders(server.server);',
					"export * from './server.js';",
					''
				].join('\n')
			);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our own code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// Static files (/_app, static/) are written beside .br and .gz copies at build, which adapter-node's
		// static server sends when the browser accepts them (adapter-node's default, stated here on purpose);
		// pages and API answers are compressed per request in src/hooks.server.ts.
		adapter: nodeWithBaseHeaders({ precompress: true }),
		csrf: {
			// The same check runs in src/hooks.server.ts (handleFormOrigin) for every page, but not for
			// /api, where token calls carry no Origin and cookie-signed writes are checked by handleApiOrigin.
			trustedOrigins: ['*']
		},
		csp: {
			// Hashes of SvelteKit's own inline script (not nonces): the same page is the same bytes, so a page kept in
			// memory (src/lib/server/http/page-cache.ts) can be sent, and compressed, once for many answers. Nothing
			// else inline, nothing from elsewhere.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// SvelteKit's route announcer carries a style attribute; allow attributes only, never <style>.
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			// Type-check the database layer and the tests with the app (svelte-check, editors).
			config: (config) => {
				config.include.push('../db/**/*.ts');
				return config;
			}
		}
	}
};

export default config;
