import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startDemoServer, type RunningServer } from './server';

/**
 * Starts a demo server and Chromium for the describe block it is called in, and stops both after it.
 * @example const demo = useDemoBrowser(); test('…', async () => { const page = await signInPage(await demo.browser.newContext(), demo.server.url, …) });
 */
export function useDemoBrowser(options: Parameters<typeof startDemoServer>[0] = {}) {
	const state: { server: RunningServer; browser: Browser } = {} as never;
	beforeAll(async () => {
		[state.server, state.browser] = await Promise.all([startDemoServer(options), launchChromium()]);
	});
	afterAll(async () => {
		await state.browser?.close();
		await state.server?.stop();
	});
	return state;
}
