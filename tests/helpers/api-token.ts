import type { RunningServer } from './server';
import { signInCookie } from './sign-in';

/**
 * An API token made through the admin page (as admin@norddjurs.demo), as an integration would get one.
 * @example const lead = { authorization: `Bearer ${await apiToken(server, 'projektleder@norddjurs.demo')}` };
 */
export async function apiToken(server: Pick<RunningServer, 'url'>, forEmail: string): Promise<string> {
	const admin = await signInCookie(server.url, 'admin@norddjurs.demo');
	const users = await (await fetch(`${server.url}/admin/api-noegler`, { headers: { cookie: admin } })).text();
	const userId = new RegExp(
		`<option value="(\\d+)"[^>]*>[^<]*\\(${forEmail === 'projektleder@norddjurs.demo' ? 'projektleder' : 'direktør'}\\)`
	).exec(users)![1];
	const created = await fetch(`${server.url}/admin/api-noegler?/create`, {
		method: 'POST',
		headers: {
			cookie: admin,
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ name: `Test ${forEmail}`, userId })
	});
	return /data-secret="api-token">([^<]+)</.exec(await created.text())![1];
}
