// Server-side wording: every message (the browser's and the server-only ones) in the request's language.
import { AsyncLocalStorage } from 'node:async_hooks';
import { da } from '../../messages/da';
import { en } from '../../messages/en';
import { fill, setCatalogueSource, type Locale, type ParamsArg, type PlainKey } from '../../messages';
import { daServer, type ServerMessageKey } from './da';
import { enServer } from './en';

export type { Locale };
export { chooseLocale } from './locale';

type AllDa = typeof da & typeof daServer;
/** Every message key: those the browser shows and those only the server words. */
export type MessageKey = keyof AllDa;

const catalogues: Record<Locale, Readonly<Record<MessageKey, string>>> = {
	da: { ...da, ...daServer },
	en: { ...en, ...enServer }
};

const requestLocale = new AsyncLocalStorage<Locale>();

/**
 * Answers a request in `locale`: t() here and in pages rendered inside follows it (hooks.server.ts).
 * @example return withLocale(chooseLocale(request.headers.get('accept-language')), () => resolve(event));
 */
export function withLocale<T>(locale: Locale, answer: () => T): T {
	return requestLocale.run(locale, answer);
}

/** The locale of the request being answered; Danish outside one (CLI, tests, start-up). */
export function currentLocale(): Locale {
	return requestLocale.getStore() ?? 'da';
}

// Components rendered on the server call $lib/messages' t(): let it follow the request too.
setCatalogueSource(() => catalogues[currentLocale()]);

/**
 * Looks up a message in a given language and fills its parameters.
 * @example translate('en', 'import.too_many_rows', { max: 5000 }) // 'The file has more than 5000 rows.'
 */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...params: ParamsArg<AllDa[K]>): string {
	return fill(catalogues[locale][key], params[0] as Record<string, string | number> | undefined);
}

/**
 * The message for `key` in the language of the request being answered (Danish unless the user chose English).
 * @example t('api.not_found') // 'Findes ikke.'
 */
export function t<K extends MessageKey>(key: K, ...params: ParamsArg<AllDa[K]>): string {
	return translate(currentLocale(), key, ...params);
}

/** The keys whose message takes no parameters: the only ones a key built from data or a label table may name. */
export type PlainMessageKey = PlainKey<AllDa>;
/** What follows `key` in t(): exactly its parameters (for wrappers such as an import's refusal). */
export type MessageArgs<K extends MessageKey> = ParamsArg<AllDa[K]>;

/** Whether `key` names a message without parameters (for keys built from data, such as enum values). */
export function isMessageKey(key: string): key is PlainMessageKey {
	return Object.hasOwn(catalogues.da, key) && !/\{\w+\}/.test(catalogues.da[key as MessageKey]);
}

export type { ServerMessageKey };
