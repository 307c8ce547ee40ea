import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { DEMO_PASSWORD } from '../helpers/sign-in';

/**
 * Behind a TLS proxy the app is told its public https address with ORIGIN; the session cookie must then
 * use the __Host- prefix with Secure, and HSTS must be sent. (Plain http is covered by auth.test.ts.)
 */
describe('served as https (ORIGIN=https://…)', () => {
	let server: RunningServer;
	let publicOrigin: string;

	beforeAll(async () => {
		server = await startDemoServer({ env: { ORIGIN: 'https://fremdrift.kommune.test' } });
		publicOrigin = 'https://fremdrift.kommune.test';
	});
	afterAll(() => server?.stop());

	test('the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, Path=/; HSTS is on', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: publicOrigin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'direktor@norddjurs.demo', password: DEMO_PASSWORD })
		});
		expect(response.status).toBe(303);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-fremdrift_session='));
		expect(cookie).toBeDefined();
		const flags = cookie!.split(';').map((part) => part.trim().toLowerCase());
		expect(flags).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/', 'max-age=43200']));
		expect(flags.some((f) => f.startsWith('domain='))).toBe(false);
		expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');

		const signedIn = await fetch(`${server.url}/status`, {
			headers: { cookie: cookie!.split(';')[0] },
			redirect: 'manual'
		});
		expect(signedIn.status).toBe(200);
	});
});
