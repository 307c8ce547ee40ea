/**
 * The municipality's logo for the Word documents' header (issue 16): a PNG as it is, an SVG (already sanitised on
 * upload) rasterised by resvg; with the height it is shown at and the width that keeps its proportions.
 */
import { Resvg } from '@resvg/resvg-js';
import type { LogoFile } from '../auth/logo-file';

/** The logo's height in the header, in pixels as Word's image size counts them (96 per inch: about 1 cm). */
export const LOGO_HEIGHT_PX = 38;
/** Never wider than this in the header. */
const LOGO_MAX_WIDTH_PX = 200;

/**
 * The logo as PNG with the size to show it at, or null when it cannot be read.
 * @example const logo = logoForDocument(await loadOrganisationLogo(db, organisationId));
 */
export function logoForDocument(
	logo: LogoFile | null | undefined
): { png: Uint8Array; width: number; height: number } | null {
	if (!logo) return null;
	try {
		const png =
			logo.mime === 'image/svg+xml'
				? new Uint8Array(
						new Resvg(Buffer.from(logo.bytes), { fitTo: { mode: 'height', value: LOGO_HEIGHT_PX * 4 } })
							.render()
							.asPng()
					)
				: new Uint8Array(logo.bytes);
		const size = pngSize(png);
		if (!size) return null;
		const width = Math.min(LOGO_MAX_WIDTH_PX, (size.width / size.height) * LOGO_HEIGHT_PX);
		return { png, width: Math.round(width), height: Math.round((width / size.width) * size.height) };
	} catch {
		// A logo that passed the upload check but will not render leaves the header without it, never the download.
		return null;
	}
}

/** Width and height from a PNG's IHDR chunk; null if the bytes are no PNG. */
function pngSize(png: Uint8Array): { width: number; height: number } | null {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (png.length < 24 || signature.some((byte, i) => png[i] !== byte)) return null;
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const width = view.getUint32(16);
	const height = view.getUint32(20);
	return width > 0 && height > 0 ? { width, height } : null;
}
