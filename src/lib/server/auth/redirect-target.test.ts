import { describe, expect, it } from 'vitest';
import { safeRedirectTarget, signInPathFor } from './redirect-target';

const origin = 'http://127.0.0.1:3000';

describe('safeRedirectTarget', () => {
	it('keeps a path on our own site, with its query and fragment', () => {
		expect(safeRedirectTarget('/noegletal/4?periode=2025-H1#graf', origin)).toBe('/noegletal/4?periode=2025-H1#graf');
		expect(safeRedirectTarget('/', origin)).toBe('/');
		expect(safeRedirectTarget('/status?x=%C3%A6', origin)).toBe('/status?x=%C3%A6');
	});

	it('gives a percent-encoded path, so the Location header is plain ASCII', () => {
		expect(safeRedirectTarget('/anbefalinger/æøå', origin)).toBe('/anbefalinger/%C3%A6%C3%B8%C3%A5');
	});

	// The forms of the attack report (issue 12, item 3): the browser drops the tab and leaves the site,
	// and control characters in a Location header were a 500.
	it.each([
		'/\t/127.0.0.1:3399/phish',
		'/\n/127.0.0.1:3399/phish',
		'/\r/127.0.0.1:3399/phish',
		'/\u0000/127.0.0.1:3399/phish',
		'/\u000b/127.0.0.1:3399/phish',
		'/\u000c/127.0.0.1:3399/phish',
		'/\u001f/127.0.0.1:3399/phish',
		'/\u007f/127.0.0.1:3399/phish',
		'/\u3000/127.0.0.1:3399/phish',
		'/\u0085/x',
		'/\u200e/x',
		'/\u2028/x',
		'/\u00a0/x',
		'/ /x'
	])('refuses a target with a control character or space: %j', (target) => {
		expect(safeRedirectTarget(target, origin)).toBeNull();
	});

	it.each([
		'//127.0.0.1:3399/phish',
		'/\\127.0.0.1:3399/phish',
		'/\\/127.0.0.1:3399/phish',
		'http://127.0.0.1:3399/phish',
		'https://127.0.0.1:3000/',
		'javascript:alert(1)',
		'/..//127.0.0.1:3399/phish',
		'/.//127.0.0.1:3399/phish',
		'/%2e%2e//127.0.0.1:3399/phish',
		'noegletal',
		'',
		null,
		undefined,
		`/${'a'.repeat(2000)}`
	])('refuses anything that is not a plain path on our origin: %j', (target) => {
		expect(safeRedirectTarget(target, origin)).toBeNull();
	});

	it('keeps encoded slashes and backslashes encoded: they stay one path segment on our site', () => {
		expect(safeRedirectTarget('/%2F%2F127.0.0.1:3399/phish', origin)).toBe('/%2F%2F127.0.0.1:3399/phish');
		expect(safeRedirectTarget('/%5C127.0.0.1:3399', origin)).toBe('/%5C127.0.0.1:3399');
	});

	it('compares with the origin, not with a path or trailing slash of it', () => {
		expect(safeRedirectTarget('/status', 'https://fremdrift.kommune.dk/')).toBe('/status');
	});
});

describe('signInPathFor', () => {
	it('encodes the page to come back to, query included', () => {
		expect(signInPathFor(new URL('http://x.dk/noegletal?a=1&b=2'))).toBe(
			'/login?redirectTo=%2Fnoegletal%3Fa%3D1%26b%3D2'
		);
	});

	it('gives a target that safeRedirectTarget accepts as it is', () => {
		const url = new URL('http://x.dk/anbefalinger/3?notat=2025#statusnotater');
		const target = new URL(signInPathFor(url), url).searchParams.get('redirectTo');
		expect(safeRedirectTarget(target, url.origin)).toBe('/anbefalinger/3?notat=2025');
	});
});
