import type { Role } from '../../../../db/types';

/** Who may open a route: anyone, any signed-in user, or the listed roles. */
export type Audience = 'public' | 'signed_in' | readonly Role[];

/** Roles that read live data (dashboards, recommendation and KPI pages, the API) — DESIGN §5. */
export const LIVE_DATA_ROLES: readonly Role[] = ['admin', 'director', 'project_lead'];

/** Roles that keep the register: programmes, recommendations, budgets (DESIGN §5). */
export const REGISTER_ROLES: readonly Role[] = ['admin', 'director'];

/**
 * The one table of route access, checked in hooks.server.ts for every request. The longest matching
 * prefix wins; `exact` matches only the path itself. A path no rule matches is answered 404, so a new
 * route must be added here (the access-matrix test fails otherwise). Loads, actions and endpoints still
 * check their own objects (guards.ts): this table only keeps whole areas from the wrong roles.
 */
export const routeAccess: readonly { path: string; audience: Audience; exact?: boolean }[] = [
	{ path: '/', exact: true, audience: LIVE_DATA_ROLES },
	{ path: '/anbefalinger', audience: LIVE_DATA_ROLES },
	{ path: '/anbefalinger/ny', exact: true, audience: REGISTER_ROLES },
	{ path: '/programmer', audience: REGISTER_ROLES },
	{ path: '/noegletal', audience: LIVE_DATA_ROLES },
	{ path: '/mine-noegletal', audience: LIVE_DATA_ROLES },
	{ path: '/eksport', audience: LIVE_DATA_ROLES },
	{ path: '/api/v1', audience: LIVE_DATA_ROLES },
	{ path: '/api/v1/openapi.json', audience: 'public' },
	{ path: '/status', audience: 'signed_in' },
	{ path: '/offentlig', audience: 'public' },
	{ path: '/admin', audience: ['admin'] },
	{ path: '/login', audience: 'public' },
	{ path: '/logout', audience: 'public' },
	{ path: '/opsaetning', audience: 'public' },
	{ path: '/invitation', audience: 'public' },
	{ path: '/hjaelp', audience: 'public' },
	{ path: '/tilgaengelighed', audience: 'public' }
];

function matches(rule: { path: string; exact?: boolean }, pathname: string): boolean {
	if (rule.exact || rule.path === '/') return pathname === rule.path;
	return pathname === rule.path || pathname.startsWith(rule.path + '/');
}

/**
 * The audience of a path, or null when no rule covers it.
 * @example audienceFor('/anbefalinger/7') // ['admin', 'director', 'project_lead']
 */
export function audienceFor(pathname: string): Audience | null {
	let best: (typeof routeAccess)[number] | null = null;
	for (const rule of routeAccess) {
		if (matches(rule, pathname) && (!best || rule.path.length > best.path.length)) best = rule;
	}
	return best?.audience ?? null;
}

/** True when a user with `role` (or nobody, for null) is in the audience. */
export function admits(audience: Audience, role: Role | null): boolean {
	if (audience === 'public') return true;
	if (role === null) return false;
	return audience === 'signed_in' || audience.includes(role);
}

/** Where a signed-in user starts: politicians read the annual status, project leads their KPIs, others the overview. */
export function homeFor(role: Role): string {
	if (role === 'politician') return '/status';
	return role === 'project_lead' ? '/mine-noegletal' : '/';
}
