import type { RequestEvent } from '@sveltejs/kit';
import type { Db } from '../infra/db';
import { readDataVersion, versionedCache } from '../kpis/overview-cache';
import { chooseEncoding, encodeBody, MIN_COMPRESSED_BYTES, type Encoding } from './compress';
import { todayInCopenhagen } from '../../domain/dates';

/**
 * Whole rendered pages kept in process memory (issue 20): a page whose every read is covered by the organisation's
 * data version (overview-cache.ts) renders once per (organisation, version, user, role, language, address, day)
 * and is answered from memory until the next write, on any instance. Rendering and serialising the overview was most
 * of its CPU (SvelteKit's render, its hydration data, its ETag hash).
 *
 * Only pages listed here, only GET of the page itself (not its __data.json), only for a signed-in user, only a 200
 * HTML answer that sets no cookie and carries no CSP nonce (svelte.config.js uses script hashes, which stay true for
 * the same bytes; a nonce must be new in every answer). The page is kept with its Brotli and gzip bytes, each made
 * on first demand, so an answer from memory is not compressed again.
 *
 * A page joins the list only when each table its loads read bumps the data version (the version triggers'
 * migrations, 2026-12-01T1100 and T1110: the history and comparison series too) and nothing on it depends on the
 * time of day. The KPI page's `loadedAt` (the entry form's conflict check) may then be older
 * than the answer, which changes nothing: no value was written in between, or the version would differ. The
 * annual report page reads the report, its steps and the live figures of a draft, all under the version.
 */
export const WHOLE_PAGE_ROUTES: ReadonlySet<string> = new Set([
	'/(app)',
	'/(app)/anbefalinger/[id]',
	'/(app)/noegletal/[id]',
	'/status/[id]'
]);

/** How many pages an instance keeps (an overview is ~110 kB): the most recently used. */
export const PAGE_CACHE_ENTRIES = 64;

interface StoredPage {
	body: Uint8Array<ArrayBuffer>;
	headers: [string, string][];
	/** The body in each encoding, compressed once when first asked for. */
	encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>>;
}

/** A rendered answer that is not kept (an error, a redirect, a cookie): the request that rendered it sends it as it is. */
class NotStored extends Error {}

const pages = versionedCache<StoredPage>(PAGE_CACHE_ENTRIES);

/** Headers that belong to one answer, not to the page: the body's hash, its length, the time. */
const PER_ANSWER = new Set(['etag', 'content-length', 'date']);

async function store(response: Response): Promise<StoredPage> {
	const { headers } = response;
	if (
		response.status !== 200 ||
		!(headers.get('content-type') ?? '').startsWith('text/html') ||
		headers.has('set-cookie') ||
		/'nonce-/.test(headers.get('content-security-policy') ?? '')
	)
		throw new NotStored();
	const kept = [...headers].filter(([name]) => !PER_ANSWER.has(name));
	return { body: new Uint8Array(await response.arrayBuffer()), headers: kept, encoded: {} };
}

/** The stored page as an answer, in the encoding the client prefers (http/compress.ts leaves an encoded answer be). */
async function answer(page: StoredPage, acceptEncoding: string | null): Promise<Response> {
	const headers = new Headers(page.headers);
	const encoding = page.body.byteLength >= MIN_COMPRESSED_BYTES ? chooseEncoding(acceptEncoding) : null;
	if (!encoding) return new Response(page.body, { status: 200, headers });
	const pending = (page.encoded[encoding] ??= encodeBody(page.body, encoding).then((b) => new Uint8Array(b)));
	// A failed compression is not kept: the next answer tries again.
	pending.catch(() => page.encoded[encoding] === pending && delete page.encoded[encoding]);
	const bytes = await pending;
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(bytes.byteLength));
	return new Response(bytes, { status: 200, headers });
}

/**
 * The page from memory when it may be kept and is there, else rendered by `render` (and kept when it can be).
 * One query (the data version) when the page is eligible; none otherwise.
 * @example return servePage(event, db, () => resolve(event));
 */
export async function servePage(event: RequestEvent, db: Db, render: () => Promise<Response>): Promise<Response> {
	const user = event.locals.user;
	if (event.request.method !== 'GET' || event.isDataRequest || !user || !WHOLE_PAGE_ROUTES.has(event.route.id ?? ''))
		return render();
	const version = await readDataVersion(db, user.organisationId);
	const key = JSON.stringify([
		user.id,
		user.role,
		event.locals.locale,
		event.url.pathname + event.url.search,
		todayInCopenhagen()
	]);
	// The loads read the same version (one query per request either way).
	event.locals.dataVersion = version;
	let renderedHere = false;
	let rendered: Response | undefined;
	try {
		const page = await pages(db).get(user.organisationId, version, key, async () => {
			renderedHere = true;
			rendered = await render();
			return store(rendered);
		});
		return await answer(page, event.request.headers.get('accept-encoding'));
	} catch (error) {
		// Not kept: the renderer sends its answer; requests that waited for it render their own.
		if (!renderedHere) return render();
		if (error instanceof NotStored && rendered) return rendered;
		throw error;
	}
}
