import { describe, expect, test } from 'vitest';
import { t } from '../messages';
import { checkLogoFile, LOGO_MAX_BYTES } from './logo-file';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PLAIN_SVG =
	'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#0b4f8a"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><text x="1" y="8">Norddjurs</text></svg>';

describe('an uploaded logo is checked by its bytes', () => {
	test('a PNG is kept as it is', async () => {
		expect(await checkLogoFile(PNG)).toEqual({ ok: true, logo: { mime: 'image/png', bytes: PNG } });
	});

	test('a plain SVG is stored as sanitised markup: shapes, gradients and text stay, editor metadata goes', async () => {
		const inkscape = PLAIN_SVG.replace(
			'<defs>',
			'<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/><defs>'
		);
		const checked = await checkLogoFile(bytes(inkscape));
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.logo.mime).toBe('image/svg+xml');
		const stored = text(checked.logo.bytes);
		expect(stored).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		for (const kept of ['viewBox="0 0 10 10"', 'fill="url(#g)"', '<linearGradient id="g">', '>Norddjurs</text>'])
			expect(stored).toContain(kept);
		expect(stored).not.toMatch(/sodipodi|rdf/);
		// Standalone XML: it parses again as an SVG.
		expect((await checkLogoFile(checked.logo.bytes)).ok).toBe(true);
	});

	test('an SVG without the namespace gets it, so it shows as an image on its own', async () => {
		const checked = await checkLogoFile(bytes('<svg viewBox="0 0 4 4"><circle cx="2" cy="2" r="2"/></svg>'));
		expect(checked.ok && text(checked.logo.bytes)).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	});

	test.each([
		[
			'a script element',
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>'
		],
		[
			'an event attribute',
			'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'
		],
		[
			'an event attribute on a shape',
			'<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()" width="1" height="1"/></svg>'
		],
		[
			'an external image',
			'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>'
		],
		[
			'a javascript link',
			'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect width="1" height="1"/></a></svg>'
		],
		['an external use', '<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/s.svg#x"/></svg>'],
		[
			'an external url in style',
			'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/f)"/></svg>'
		],
		[
			'a style sheet import',
			'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://evil.example/x.css";</style></svg>'
		],
		[
			'foreign HTML',
			'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe src="https://evil.example"></iframe></foreignObject></svg>'
		]
	])('an SVG with %s is refused, not stored', async (_what, svg) => {
		expect(await checkLogoFile(bytes(svg))).toEqual({ ok: false, message: t('admin.logo_unsafe_svg') });
	});

	test('too large, empty, or neither PNG nor SVG: refused with a Danish message', async () => {
		const big = new Uint8Array(LOGO_MAX_BYTES + 1);
		big.set(PNG);
		expect(await checkLogoFile(big)).toEqual({
			ok: false,
			message: 'Logoet må højst fylde 200 kB; filen fylder 201 kB.'
		});
		expect(await checkLogoFile(new Uint8Array())).toEqual({ ok: false, message: t('admin.logo_missing') });
		const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
		for (const other of [jpeg, bytes('<html><body>logo</body></html>'), bytes('GIF89a')])
			expect(await checkLogoFile(other)).toEqual({ ok: false, message: t('admin.logo_wrong_type') });
	});
});
