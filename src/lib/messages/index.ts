import { da, type MessageKey } from './da';
import { en } from './en';

export type { MessageKey };
export type Locale = 'da' | 'en';
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { da, en };

/**
 * Looks up a message and fills its `{name}` parameters.
 * @example translate('en', 'status.follow_up_progress', { done: 2, total: 5 })
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
	const template = catalogues[locale][key];
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** Whether `key` names a message (for keys built from data, such as audit actions). */
export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(da, key);
}

/**
 * The Danish message for `key` — the product's language.
 * @example t('status.on_track') // 'På sporet'
 */
export function t(key: MessageKey, params?: MessageParams): string {
	return translate('da', key, params);
}
