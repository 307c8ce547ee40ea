import type { Cookies } from '@sveltejs/kit';
import type { Db } from './db';
import { listOrganisations } from './repositories/organisations';

const COOKIE = 'fremdrift_org';

/**
 * Which organisation a request sees. Until sign-in exists, this is the organisation picked with
 * `?org=slug` (remembered in a cookie), else the first one; sign-in will replace it with the
 * signed-in user's organisation.
 */
export async function resolveOrganisation(db: Db, cookies: Cookies, url: URL) {
	const organisations = await listOrganisations(db);
	const wanted = url.searchParams.get('org') ?? cookies.get(COOKIE);
	const chosen = organisations.find((o) => o.slug === wanted) ?? organisations[0] ?? null;
	if (chosen && url.searchParams.has('org')) {
		cookies.set(COOKIE, chosen.slug, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
	}
	return chosen ? { id: chosen.id, slug: chosen.slug, name: chosen.name } : null;
}
