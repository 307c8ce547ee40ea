import type { BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'fremdrift-demo';

/**
 * Signs in through the real form in a fresh page and waits for the landing page.
 * @example const page = await signInPage(context, server.url, 'direktor@norddjurs.demo');
 */
export async function signInPage(
	context: BrowserContext,
	baseUrl: string,
	email: string,
	password = DEMO_PASSWORD
): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${baseUrl}/login`);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill(password);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/login'),
		page.getByRole('button', { name: 'Log ind' }).click()
	]);
	return page;
}

/**
 * Signs in with a plain HTTP form post (as a hand-made request would) and returns the session cookie header.
 * @example const cookie = await signInCookie(server.url, 'admin@norddjurs.demo');
 */
export async function signInCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email, password })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.includes('fremdrift_session='));
	if (response.status !== 303 || !cookie) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
	return cookie.split(';')[0];
}
