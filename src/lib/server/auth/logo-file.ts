import type { Config, UponSanitizeAttributeHookEvent, UponSanitizeElementHookEvent } from 'dompurify';
import { t } from '../messages';

/** The largest logo stored, in bytes (200 kB: a logo, not a photograph). */
export const LOGO_MAX_BYTES = 200 * 1024;

export type LogoMime = 'image/png' | 'image/svg+xml';
export interface LogoFile {
	mime: LogoMime;
	bytes: Uint8Array;
}
export type LogoCheck = { ok: true; logo: LogoFile } | { ok: false; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Elements that run code or pull in other documents: an SVG holding one is refused, not quietly trimmed. */
const UNSAFE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'audio', 'video', 'handler']);
/** A CSS or attribute reference to anything but a fragment of the same file (url(#gradient) is fine). */
const EXTERNAL_URL = /url\s*\(\s*['"]?\s*(?!#)|@import/i;
const SVG_CONFIG: Config = {
	USE_PROFILES: { svg: true, svgFilters: true },
	FORBID_TAGS: [...UNSAFE_ELEMENTS, 'a', 'image', 'feimage'],
	RETURN_DOM: true
};

/**
 * Checks an uploaded logo by its bytes (not its name or the browser's type): a PNG, or an SVG that is
 * sanitised with DOMPurify (no scripts, event attributes or references outside the file; editors'
 * metadata is dropped) and stored as the cleaned markup. Anything else, too large, or an SVG that tried
 * to run or load something is refused with a Danish message.
 * @example const checked = await checkLogoFile(new Uint8Array(await file.arrayBuffer()));
 */
export async function checkLogoFile(bytes: Uint8Array): Promise<LogoCheck> {
	if (bytes.length === 0) return { ok: false, message: t('admin.logo_missing') };
	if (bytes.length > LOGO_MAX_BYTES)
		return { ok: false, message: t('admin.logo_too_large', { size: Math.ceil(bytes.length / 1024) }) };
	if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return { ok: true, logo: { mime: 'image/png', bytes } };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, message: t('admin.logo_wrong_type') };
	}
	if (!/<svg[\s>]/i.test(text)) return { ok: false, message: t('admin.logo_wrong_type') };
	const cleaned = await sanitiseSvg(text);
	if (cleaned === 'unsafe') return { ok: false, message: t('admin.logo_unsafe_svg') };
	if (cleaned === null) return { ok: false, message: t('admin.logo_wrong_type') };
	return { ok: true, logo: { mime: 'image/svg+xml', bytes: new TextEncoder().encode(cleaned) } };
}

/** The sanitised SVG document, 'unsafe' when it held code or outside references, null when there is no SVG. */
async function sanitiseSvg(text: string): Promise<string | 'unsafe' | null> {
	const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')]);
	const { window } = new JSDOM('');
	const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
	let unsafe = false;
	purify.addHook('uponSanitizeElement', (node: Node, data: UponSanitizeElementHookEvent) => {
		const name = data.tagName.toLowerCase();
		if (UNSAFE_ELEMENTS.has(name) || name.includes('script')) unsafe = true;
		if (name === 'style' && EXTERNAL_URL.test(node.textContent ?? '')) unsafe = true;
		if (hasOutsideReference(node as Element)) unsafe = true;
	});
	purify.addHook('uponSanitizeAttribute', (_node: Element, data: UponSanitizeAttributeHookEvent) => {
		const name = data.attrName.toLowerCase();
		const value = data.attrValue.trim();
		const outside =
			name.startsWith('on') ||
			((name === 'href' || name === 'xlink:href' || name === 'src') && !value.startsWith('#')) ||
			EXTERNAL_URL.test(value);
		if (outside) {
			unsafe = true;
			data.keepAttr = false;
		}
	});
	const body = purify.sanitize(text, SVG_CONFIG) as unknown as HTMLElement;
	if (unsafe) return 'unsafe';
	const svg = body.querySelector('svg');
	if (!svg) return null;
	if (!svg.getAttribute('xmlns')) svg.setAttribute('xmlns', SVG_NS);
	const markup = new window.XMLSerializer().serializeToString(svg);
	window.close();
	return markup;
}

function hasOutsideReference(element: Element): boolean {
	return ['href', 'xlink:href', 'src'].some((name) => {
		const value = element.getAttribute?.(name)?.trim();
		return value !== undefined && value !== '' && !value.startsWith('#');
	});
}
