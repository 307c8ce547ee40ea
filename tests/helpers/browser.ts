import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when Debian's Chromium is installed. With CI=true a missing browser is a failure, not a skip. */
export const hasChromium = existsSync(chromiumPath);

if (!hasChromium) {
	const message = `Chromium findes ikke på ${chromiumPath}: browsertestene springes over (installér med: apt-get install -y chromium).`;
	if (process.env.CI === 'true') throw new Error(`${message} CI=true kræver browseren.`);
	console.warn(message);
}

/**
 * Launches the machine's Chromium headless with the flags that work in this sandbox. It asks for Danish pages
 * (`--accept-lang`) like the users' browsers; headless Chromium would send en-US and get English pages.
 * A test that wants another language says so with `newContext({ locale })`.
 */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--accept-lang=da-DK,da'
		]
	});
}
