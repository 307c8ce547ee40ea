/**
 * A form post to a page's action as a browser without JavaScript sends it (same origin, redirects not followed).
 * @example const response = await postPageForm(`${server.url}/admin/brugere?/invite`, cookie, { email });
 */
export function postPageForm(url: string, cookie: string, fields: Record<string, string>): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin: new URL(url).origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});
}
