import type { Locale } from '../../messages';

/**
 * The page language for an `Accept-Language` header: English only when the browser ranks English above
 * Danish (a Danish-less `en-US` list counts, as Danish then has no rank); otherwise, and without a header,
 * Danish — the product's language. `*` and other languages do not change that.
 * @example chooseLocale('en-GB,en;q=0.9,da;q=0.8') // 'en'
 */
export function chooseLocale(acceptLanguage: string | null): Locale {
	if (!acceptLanguage) return 'da';
	let best: { locale: Locale; q: number } | null = null;
	for (const part of acceptLanguage.split(',')) {
		const [range, ...parameters] = part.trim().toLowerCase().split(';');
		const locale = /^(da|en)(-|$)/.exec(range.trim())?.[1] as Locale | undefined;
		if (!locale) continue;
		const weight = parameters.map((p) => /^\s*q\s*=\s*(.*?)\s*$/.exec(p)?.[1]).find((q) => q !== undefined);
		// RFC 9110 §12.4.2 weights; a malformed or zero one means "not acceptable". Equal weights: the browser's order.
		if (weight !== undefined && !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(weight)) continue;
		const q = weight === undefined ? 1 : Number(weight);
		if (q === 0) continue;
		if (!best || q > best.q) best = { locale, q };
	}
	return best?.locale ?? 'da';
}
