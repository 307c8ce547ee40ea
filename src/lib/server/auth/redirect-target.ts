/**
 * The one place that decides where a user-supplied "return to" address may send someone (the
 * `redirectTo` of sign-in). Browsers are forgiving parsers: they drop tabs and newlines inside a
 * URL (`/\t/evil.example` becomes `//evil.example`), treat `\` as `/`, and `Location` headers refuse
 * control characters outright (a 500). So the target is resolved the way a browser would, and only
 * a plain path on our own origin survives; anything else means "go home".
 */

// Control and format characters, every kind of Unicode space (tab, U+3000 …) and backslashes.
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Z}\s\\]/u;

/** Longest target kept: the sign-in form carries it along in a hidden field. */
const MAX_TARGET_LENGTH = 2000;

/**
 * The path (with query and fragment) to send someone to after sign-in, or null to send them home:
 * only a path that resolves to `origin` itself, written without control characters, spaces or
 * backslashes, and never one a browser could read as `//other-host`.
 * @example safeRedirectTarget('/noegletal?x=1', 'https://fremdrift.kommune.dk') // '/noegletal?x=1'
 * @example safeRedirectTarget('/\t/evil.example', 'https://fremdrift.kommune.dk') // null
 */
export function safeRedirectTarget(target: string | null | undefined, origin: string): string | null {
	if (!target || target.length > MAX_TARGET_LENGTH || !target.startsWith('/') || UNSAFE_CHARACTERS.test(target))
		return null;
	let resolved: URL;
	try {
		resolved = new URL(target, origin);
	} catch {
		return null;
	}
	if (resolved.origin !== new URL(origin).origin) return null;
	// Dot segments can leave a path such as '/..//evil.example' as '//evil.example': protocol-relative.
	if (resolved.pathname.startsWith('//')) return null;
	// The serialised URL is percent-encoded ASCII, so it is always a valid Location header.
	return resolved.pathname + resolved.search + resolved.hash;
}

/**
 * The sign-in page that brings the user back to `url` afterwards (for anonymous visitors of a closed page).
 * @example signInPathFor(new URL('https://x.dk/noegletal?a=1')) // '/login?redirectTo=%2Fnoegletal%3Fa%3D1'
 */
export function signInPathFor(url: URL): string {
	return `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}
