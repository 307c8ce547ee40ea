import type { Page } from 'playwright-core';

/**
 * The page's keyboard, counting the keys it presses (a typed text counts one key per character): a keyboard
 * journey's length in keys is what a person's time depends on, unlike the time a loaded test machine takes.
 * @example const keys = countingKeyboard(page); await keys.type('7,1'); await keys.press('Enter'); keys.count // 4
 */
export function countingKeyboard(page: Page) {
	const keys = {
		count: 0,
		press(key: string) {
			keys.count++;
			return page.keyboard.press(key);
		},
		type(text: string) {
			keys.count += [...text].length;
			return page.keyboard.type(text);
		}
	};
	return keys;
}
