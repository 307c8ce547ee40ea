import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../db/cli/build';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { signInCookie } from '../helpers/sign-in';

interface RawAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** The bytes as they came over the wire (fetch would decode them). */
	body: Buffer;
}

function rawRequest(url: string, headers: Record<string, string>, method = 'GET'): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(url, { method, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) })
			);
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end();
	});
}

function decode(answer: RawAnswer): Buffer {
	const encoding = answer.headers['content-encoding'];
	if (encoding === 'br') return brotliDecompressSync(answer.body);
	if (encoding === 'gzip') return gunzipSync(answer.body);
	expect(encoding).toBeUndefined();
	return answer.body;
}

/** Issue 20, goal 5: HTML, JSON and CSV over ~1 kB go out in Brotli or gzip as the client asks; static files precompressed. */
describe('compression', () => {
	let server: RunningServer;
	let cookie: string;

	beforeAll(async () => {
		server = await startDemoServer();
		cookie = await signInCookie(server.url, 'direktor@norddjurs.demo');
	});
	afterAll(async () => {
		await server?.stop();
	});

	const compressed = [
		{ what: 'the overview (HTML)', path: '/', type: 'text/html' },
		{ what: 'a JSON API answer', path: '/api/v1/recommendations', type: 'application/json' },
		{ what: 'a CSV export', path: '/eksport/maalinger?format=csv', type: 'text/csv' }
	];

	for (const { what, path, type } of compressed) {
		test(`${what} comes in br and gzip, and decodes to the uncompressed bytes`, async () => {
			const plain = await rawRequest(server.url + path, { cookie });
			expect(plain.status).toBe(200);
			expect(plain.headers['content-type']).toContain(type);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(plain.body.length).toBeGreaterThan(1024);
			expect(plain.headers.vary).toMatch(/accept-encoding/i);
			for (const [accept, encoding] of [
				['br, gzip', 'br'],
				['gzip, deflate', 'gzip'],
				['br;q=0.5, gzip', 'gzip']
			]) {
				const answer = await rawRequest(server.url + path, { cookie, 'accept-encoding': accept });
				expect(answer.status).toBe(200);
				expect(answer.headers['content-encoding'], accept).toBe(encoding);
				expect(answer.headers.vary).toMatch(/accept-encoding/i);
				expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
				expect(answer.body.length).toBeLessThan(plain.body.length);
				// Pages carry a fresh CSP nonce each time: compare them with the nonces taken out.
				const same = (b: Buffer) => b.toString('utf8').replace(/nonce-[^']+|nonce="[^"]+"/g, 'nonce');
				expect(same(decode(answer))).toBe(same(plain.body));
			}
			// HEAD: the GET's headers, no body.
			const head = await rawRequest(server.url + path, { cookie, 'accept-encoding': 'br' }, 'HEAD');
			expect(head.status).toBe(200);
			expect(head.headers['content-encoding']).toBe('br');
			expect(head.body.length).toBe(0);
		});
	}

	test('small answers, refused encodings and DOCX go out as they are', async () => {
		const small = await rawRequest(`${server.url}/api/v1/ingen-saadan`, { cookie, 'accept-encoding': 'br, gzip' });
		expect(small.status).toBe(404);
		expect(small.body.length).toBeLessThan(1024);
		expect(small.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(small.body.toString('utf8')).error.code).toBe('not_found');

		const refused = await rawRequest(server.url, { cookie, 'accept-encoding': 'br;q=0, gzip;q=0, identity' });
		expect(refused.status).toBe(200);
		expect(refused.headers['content-encoding']).toBeUndefined();
		expect(refused.body.toString('utf8')).toContain('<html');

		const docx = await rawRequest(`${server.url}/offentlig/norddjurs/status/2024/download/docx`, {
			'accept-encoding': 'br, gzip'
		});
		expect(docx.status).toBe(200);
		expect(docx.headers['content-type']).toContain('wordprocessingml');
		expect(docx.headers['content-encoding']).toBeUndefined();
		// A DOCX is a ZIP: it starts with PK.
		expect(docx.body.subarray(0, 2).toString('latin1')).toBe('PK');
	});

	test('static files under /_app come precompressed when the browser accepts it', async () => {
		const entry = readdirSync(join(projectRoot, 'build/client/_app/immutable/entry')).find((f) =>
			/^start\..+\.js$/.test(f)
		);
		expect(entry).toBeDefined();
		const asset = `/_app/immutable/entry/${entry}`;
		const plain = await rawRequest(server.url + asset, {});
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		for (const encoding of ['br', 'gzip']) {
			const answer = await rawRequest(server.url + asset, { 'accept-encoding': encoding });
			expect(answer.status).toBe(200);
			expect(answer.headers['content-encoding']).toBe(encoding);
			// The base headers reach precompressed files too.
			expect(answer.headers['x-content-type-options']).toBe('nosniff');
			expect(decode(answer).equals(plain.body)).toBe(true);
		}
	});
});
