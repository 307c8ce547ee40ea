import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Answers smaller than this go out as they are: compressing them costs more than it saves. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Brotli quality 4 and gzip level 5: most of the saving for a fraction of the CPU of the maximum levels. */
const BROTLI_QUALITY = 4;
const GZIP_LEVEL = 5;

export type Encoding = 'br' | 'gzip';

/** HTML, JSON (also `application/problem+json` and the like), CSV and plain text; never DOCX, XLSX or images. */
const COMPRESSIBLE = /^(?:text\/(?:html|csv|plain)|application\/(?:[\w.+-]+\+)?json)\s*(?:;|$)/i;

/**
 * The encoding the client prefers of those we offer (RFC 9110 §12.5.3): the highest q wins, Brotli on a tie;
 * `*` stands for any coding not named; q=0 refuses. Null when neither is acceptable.
 * @example chooseEncoding('gzip, deflate, br') // 'br'
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...parameters] = part.split(';').map((s) => s.trim().toLowerCase());
		if (!name) continue;
		const q = parameters.find((p) => p.startsWith('q='));
		const weight = q === undefined ? 1 : Number(q.slice(2));
		weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	const br = weightOf('br');
	const gz = weightOf('gzip');
	if (br <= 0 && gz <= 0) return null;
	return br >= gz ? 'br' : 'gzip';
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The body in the given encoding (zlib runs on libuv's thread pool, off the event loop). */
export function encodeBody(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
	return encoding === 'br'
		? brotli(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
					[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gzipAsync(body, { level: GZIP_LEVEL });
}

/** True when the response's media type is one we compress. */
export function isCompressible(contentType: string | null): boolean {
	return contentType !== null && COMPRESSIBLE.test(contentType);
}

/**
 * The response compressed for the request when it is HTML, JSON or CSV of at least MIN_COMPRESSED_BYTES and
 * the client accepts Brotli or gzip; otherwise the same answer. Every answer that could be compressed says
 * `Vary: Accept-Encoding`. The body is read whole: no route streams its answer, and the size decides. A HEAD
 * gets the GET's headers (SvelteKit renders the body; Node drops it).
 * @example return compressResponse(event.request, await resolve(event));
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	const { headers, status } = response;
	const compressible = isCompressible(headers.get('content-type'));
	// A 304 stands for the 200 it revalidates, which varies too.
	if (compressible || status === 304) appendVary(headers, 'Accept-Encoding');
	if (
		!compressible ||
		!response.body ||
		[204, 206, 304].includes(status) ||
		headers.has('content-encoding') ||
		/\bno-transform\b/i.test(headers.get('cache-control') ?? '')
	)
		return response;
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	if (!encoding) return response;
	const raw = new Uint8Array(await response.arrayBuffer());
	const init = { status, statusText: response.statusText, headers: new Headers(headers) };
	if (raw.byteLength < MIN_COMPRESSED_BYTES) return new Response(raw, init);
	const encoded = await encodeBody(raw, encoding);
	init.headers.set('content-encoding', encoding);
	init.headers.set('content-length', String(encoded.byteLength));
	// The compressed bytes differ from the identity ones, so a strong validator may not be shared.
	const etag = init.headers.get('etag');
	if (etag && !etag.startsWith('W/')) init.headers.set('etag', `W/${etag}`);
	return new Response(new Uint8Array(encoded), init);
}

function appendVary(headers: Headers, name: string): void {
	const vary = headers.get('vary');
	if (vary === '*' || vary?.split(',').some((v) => v.trim().toLowerCase() === name.toLowerCase())) return;
	headers.append('vary', name);
}
