import type { Role } from '../../../../db/types';
import { can, type Action } from '../../domain/policy';

/** Who may open a route: anyone, any signed-in user, or those the policy lets take an action. */
export type Audience = 'public' | 'signed_in' | Action;

/**
 * The one table of route access, checked in hooks.server.ts for every request. The longest matching
 * prefix wins; `exact` matches only the path itself. A path no rule matches is answered 404, so a new
 * route must be added here (the access-matrix test fails otherwise). Loads, actions and endpoints still
 * check their own objects (guards.ts): this table only keeps whole areas from the wrong roles.
 */
export const routeAccess: readonly { path: string; audience: Audience; exact?: boolean }[] = [
	{ path: '/', exact: true, audience: 'live.read' },
	{ path: '/anbefalinger', audience: 'live.read' },
	{ path: '/anbefalinger/ny', exact: true, audience: 'register.edit' },
	{ path: '/programmer', audience: 'register.edit' },
	{ path: '/noegletal', audience: 'live.read' },
	{ path: '/mine-noegletal', audience: 'live.read' },
	{ path: '/eksport', audience: 'live.read' },
	{ path: '/api/v1', audience: 'live.read' },
	{ path: '/api/v1/openapi.json', audience: 'public' },
	{ path: '/status', audience: 'signed_in' },
	// Each user's own settings (reminders, issue 19).
	{ path: '/indstillinger', audience: 'signed_in' },
	// The signed unsubscribe link of reminder mails: the token is the authority, no session.
	{ path: '/afmeld', audience: 'public' },
	{ path: '/offentlig', audience: 'public' },
	{ path: '/admin', audience: 'users.manage' },
	{ path: '/login', audience: 'public' },
	// SAML SP metadata and the ACS the IdP posts to (issue 18).
	{ path: '/sso', audience: 'public' },
	{ path: '/glemt-adgangskode', audience: 'public' },
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
 * @example audienceFor('/anbefalinger/7') // 'live.read'
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
	return audience === 'signed_in' || can({ role }, audience);
}

/** Where a signed-in user starts: who reads no live data the annual status, who enters values for assigned KPIs those, others the overview. */
export function homeFor(role: Role): string {
	if (!can({ role }, 'live.read')) return '/status';
	return can({ role }, 'values.assignee') ? '/mine-noegletal' : '/';
}
