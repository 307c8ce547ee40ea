import { describe, expect, test } from 'vitest';
import { t as pageT } from '../../messages';
import { chooseLocale, currentLocale, t, translate, withLocale } from './index';

describe('chooseLocale (Accept-Language)', () => {
	test.each([
		[null, 'da'],
		['', 'da'],
		['*', 'da'],
		['da', 'da'],
		['da-DK,da;q=0.9,en-US;q=0.8,en;q=0.7', 'da'],
		['en-GB,en;q=0.9,da;q=0.8', 'en'],
		['en-US,en;q=0.9', 'en'],
		['EN', 'en'],
		['da;q=0.5, en;q=0.8', 'en'],
		['en;q=0.5, da;q=0.5', 'en'],
		['da, en', 'da'],
		['fr-FR,fr;q=0.9', 'da'],
		['fr, en;q=0.3', 'en'],
		['en;q=0, da;q=0.1', 'da'],
		['en;q=0', 'da'],
		['en;q=abc', 'da'],
		['en;q=2', 'da'],
		['english', 'da'],
		['nb-NO,da;q=0.9', 'da'],
		[' en-gb ; q=0.9 , da ; q=0.8', 'en']
	] as const)('%j → %s', (header, locale) => {
		expect(chooseLocale(header)).toBe(locale);
	});
});

describe('server wording follows the request', () => {
	test('Danish outside a request; inside withLocale("en") both the server t() and the pages\' t() speak English', async () => {
		expect(currentLocale()).toBe('da');
		expect(t('api.not_found')).toBe('Findes ikke.');
		const inside = await withLocale('en', async () => {
			await new Promise((r) => setTimeout(r, 1)); // the locale survives an await, as in a load or action
			return {
				locale: currentLocale(),
				api: t('api.not_found'),
				page: pageT('nav.overview'),
				max: t('import.too_many_rows', { max: 5 })
			};
		});
		expect(inside).toEqual({
			locale: 'en',
			api: 'Not found.',
			page: 'Overview',
			max: 'The file has more than 5 rows.'
		});
		expect(pageT('nav.overview')).toBe('Oversigt');
	});

	test('two requests at once keep their own language', async () => {
		const answer = (locale: 'da' | 'en', wait: number) =>
			withLocale(locale, async () => {
				await new Promise((r) => setTimeout(r, wait));
				return pageT('nav.overview');
			});
		await expect(Promise.all([answer('en', 20), answer('da', 5), answer('en', 1)])).resolves.toEqual([
			'Overview',
			'Oversigt',
			'Overview'
		]);
	});

	test('translate() names the language itself', () => {
		expect(translate('en', 'status.override_reason', { reason: 'x' })).toBe('Reason: x');
		expect(translate('da', 'status.override_reason', { reason: 'x' })).toBe('Begrundelse: x');
	});
});
