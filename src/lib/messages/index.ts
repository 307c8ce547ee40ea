import { da, type MessageKey } from './da';

export type { MessageKey };
export type Locale = 'da' | 'en';

/** The `{name}` parameters of a message template, as a union of names (never when it has none). */
export type ParamNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
	? Name | ParamNames<Rest>
	: never;
/** What follows the key in t(): nothing for a plain message, else exactly its parameters — a missing or misspelt one does not compile. */
export type ParamsArg<T extends string> = [ParamNames<T>] extends [never]
	? []
	: [params: Record<ParamNames<T>, string | number>];
/** The keys of a catalogue whose message takes no parameters: the only ones safe to build from data. */
export type PlainKey<C extends Record<string, string>> = {
	[K in keyof C]: [ParamNames<C[K]>] extends [never] ? K : never;
}[keyof C];

type Catalogue = Readonly<Record<string, string>>;

/**
 * Fills the `{name}` parameters of a template; a name without a value stays as written. A value that ends
 * with a full stop ('5.683.500 kr.') ends the sentence itself: the template's own stop after it is dropped.
 * @example fill('{done} af {total}', { done: 2, total: 5 }) // '2 af 5'; fill('Forbrugt {kr}.', { kr: '5 kr.' }) // 'Forbrugt 5 kr.'
 */
export function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, stop: string) => {
		if (!(name in params)) return whole;
		const value = String(params[name]);
		return value.endsWith('.') ? value : value + stop;
	});
}

/** The browser's catalogue: Danish until useLocale says otherwise. */
let active: Catalogue = da;
/** Set by the server (setCatalogueSource): the catalogue of the request being answered. */
let source: (() => Catalogue) | null = null;

/**
 * Server only, once at start: t() then follows the locale of the request it runs in (pages render on the
 * server with this very module, for many requests at once, so a module-level choice would leak between them).
 * @example setCatalogueSource(() => catalogues[currentLocale()])
 */
export function setCatalogueSource(pick: () => Catalogue): void {
	source = pick;
}

/**
 * Browser: the language of the page the server rendered, set before hydration (root +layout.ts) so both
 * render the same words. English is a separate chunk, downloaded only here.
 * @example await useLocale(data.locale)
 */
export async function useLocale(locale: Locale): Promise<void> {
	active = locale === 'en' ? (await import('./en')).en : da;
}

/** Whether `key` names a message without parameters (for keys built from data, such as audit actions). */
export function isMessageKey(key: string): key is PlainKey<typeof da> {
	return Object.hasOwn(da, key) && !/\{\w+\}/.test(da[key as MessageKey]);
}

/**
 * The message for `key` in the page's language (Danish unless the user chose English), parameters filled.
 * @example t('status.on_track') // 'På sporet'
 * @example t(plural(total, { one: 'status.follow_up_progress_one', other: 'status.follow_up_progress_other' }), { done: 2, total })
 */
export function t<K extends MessageKey>(key: K, ...params: ParamsArg<(typeof da)[K]>): string {
	return fill((source?.() ?? active)[key], params[0] as Record<string, string | number> | undefined);
}
