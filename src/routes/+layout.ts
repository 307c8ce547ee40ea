import { browser } from '$app/environment';
import { useLocale } from '$lib/messages';
import type { LayoutLoad } from './$types';

/** The browser speaks the language the server rendered in before it hydrates (English is fetched only then). */
export const load: LayoutLoad = async ({ data }) => {
	if (browser) await useLocale(data.locale);
	return data;
};
