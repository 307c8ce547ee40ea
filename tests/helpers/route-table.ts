import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The route table shared by the access matrix and the reflow sweep: every page and endpoint in src/routes
 * with the status each kind of visitor gets from a GET. Statuses: 200 ok, 303 redirect (to sign-in, or home),
 * 400 reached the action (bad input), 401/403/404 refused.
 */
export const visitors = ['anonymous', 'politician', 'projectLead', 'director', 'admin', 'otherOrgAdmin'] as const;
export type Visitor = (typeof visitors)[number];
export type Row = Record<Visitor, number>;

export const row = (
	anonymous: number,
	politician: number,
	projectLead: number,
	director: number,
	admin: number,
	otherOrgAdmin: number
): Row => ({
	anonymous,
	politician,
	projectLead,
	director,
	admin,
	otherOrgAdmin
});

/** GET of each route (by route id; a Norddjurs object where the route takes one). */
export const pages: Record<string, Row> = {
	'/': row(303, 303, 200, 200, 200, 200),
	'/anbefalinger/[id]': row(303, 403, 200, 200, 200, 404),
	// The register: admins and directors edit; a project lead assigned to the recommendation (sample: no. 1) sets follow-up states.
	'/anbefalinger/ny': row(303, 403, 403, 200, 200, 200),
	'/anbefalinger/[id]/rediger': row(303, 403, 403, 200, 200, 404),
	'/anbefalinger/[id]/forloeb': row(303, 403, 403, 200, 200, 404),
	'/anbefalinger/[id]/budget': row(303, 403, 403, 200, 200, 404),
	'/anbefalinger/[id]/opfoelgning': row(303, 403, 200, 200, 200, 404),
	'/programmer': row(303, 403, 403, 200, 200, 200),
	'/programmer/import': row(303, 403, 403, 200, 200, 200),
	'/programmer/[id]': row(303, 403, 403, 200, 200, 404),
	'/programmer/[id]/eksport': row(303, 403, 403, 200, 200, 404),
	'/eksport/anbefalinger': row(303, 403, 200, 200, 200, 200),
	'/noegletal': row(303, 403, 200, 200, 200, 200),
	'/noegletal/ny': row(303, 403, 403, 200, 200, 200),
	'/noegletal/import': row(303, 403, 200, 200, 200, 200),
	'/noegletal/[id]': row(303, 403, 200, 200, 200, 404),
	'/noegletal/[id]/rediger': row(303, 403, 403, 200, 200, 404),
	'/mine-noegletal': row(303, 403, 200, 200, 200, 200),
	'/status': row(303, 200, 200, 200, 200, 200),
	// The sample report is the demo's 2025 draft: a politician is refused by the server, not just not shown a link.
	'/status/[id]': row(303, 404, 200, 200, 200, 404),
	'/status/[id]/download/[format]': row(303, 404, 200, 200, 200, 404),
	// Not published publicly (a draft): nobody, signed in or not, reaches it from the public link.
	'/offentlig/[organisation]/status/[year]': row(404, 404, 404, 404, 404, 404),
	'/offentlig/[organisation]/status/[year]/download/[format]': row(404, 404, 404, 404, 404, 404),
	// A municipality's logo is public like its published reports; the demo has none: 404 for everyone.
	'/offentlig/[organisation]/logo': row(404, 404, 404, 404, 404, 404),
	'/eksport/maalinger': row(303, 403, 200, 200, 200, 200),
	'/admin/brugere': row(303, 403, 403, 403, 200, 200),
	'/admin/brugere/[id]': row(303, 403, 403, 403, 200, 404),
	'/admin/api-noegler': row(303, 403, 403, 403, 200, 200),
	'/admin/logo': row(303, 403, 403, 403, 200, 200),
	'/admin/log-ind': row(303, 403, 403, 403, 200, 200),
	'/api/v1/recommendations': row(401, 403, 200, 200, 200, 200),
	'/api/v1/recommendations/[id]': row(401, 403, 200, 200, 200, 404),
	'/api/v1/kpis': row(401, 403, 200, 200, 200, 200),
	'/api/v1/kpis/[id]': row(401, 403, 200, 200, 200, 404),
	'/api/v1/kpis/[id]/observations': row(401, 403, 200, 200, 200, 404),
	'/api/v1/kpis/[id]/observations/[period]': row(401, 403, 405, 405, 405, 405),
	'/api/v1/openapi.json': row(200, 200, 200, 200, 200, 200),
	'/api/v1/imports/observations': row(401, 403, 405, 405, 405, 405),
	'/login': row(200, 303, 303, 303, 303, 303),
	// SSO (issue 18): the demo has no identity provider, so there is nothing to start or finish; the logout
	// page sends on to the login page (no SSO cookie) or home (signed in).
	'/login/sso/[organisation]/oidc': row(404, 404, 404, 404, 404, 404),
	'/login/sso/[organisation]/oidc/callback': row(404, 404, 404, 404, 404, 404),
	'/login/sso/[organisation]/saml': row(404, 404, 404, 404, 404, 404),
	// SAML: no SP metadata before the settings are saved once; the ACS only answers a POST.
	'/sso/saml/[organisation]/metadata': row(404, 404, 404, 404, 404, 404),
	'/sso/saml/[organisation]/acs': row(404, 404, 404, 404, 404, 404),
	'/login/sso/log-ud': row(303, 303, 303, 303, 303, 303),
	'/glemt-adgangskode': row(200, 303, 303, 303, 303, 303),
	'/hjaelp': row(200, 200, 200, 200, 200, 200),
	'/tilgaengelighed': row(200, 200, 200, 200, 200, 200),
	'/logout': row(303, 303, 303, 303, 303, 303),
	'/opsaetning': row(404, 404, 404, 404, 404, 404),
	'/invitation/[token]': row(404, 404, 404, 404, 404, 404),
	// Each user's own settings (reminders); the unsubscribe link needs no session (a bad token: a message, no form).
	'/indstillinger': row(303, 200, 200, 200, 200, 200),
	'/afmeld/[token]': row(200, 200, 200, 200, 200, 200)
};

export const routesRoot = join(import.meta.dirname, '../../src/routes');

/**
 * Every route folder with a page or endpoint, as [route id, folder] ((group) folders dropped from ids).
 * @example routeFolders().find(([id]) => id === '/noegletal') // ['/noegletal', '…/src/routes/noegletal']
 */
export function routeFolders(): [string, string][] {
	const found: [string, string][] = [];
	const walk = (dir: string) => {
		const entries = readdirSync(dir);
		if (entries.some((e) => /^\+(page|server)\.(svelte|ts)$/.test(e))) {
			found.push([
				'/' +
					relative(routesRoot, dir)
						.split('/')
						.filter((part) => part && !/^\(.*\)$/.test(part))
						.join('/'),
				dir
			]);
		}
		for (const entry of entries) if (statSync(join(dir, entry)).isDirectory()) walk(join(dir, entry));
	};
	walk(routesRoot);
	return found.sort(([a], [b]) => a.localeCompare(b));
}

/** The Norddjurs objects a route's parameters are filled with. */
export type RouteSamples = {
	'[id]': string;
	'[token]': string;
	user: string;
	kpi: string;
	programme: string;
	report: string;
};

/**
 * A route id made concrete with sample objects (a Norddjurs object where the route takes one).
 * @example concreteRoute('/noegletal/[id]', samples) // '/noegletal/12'
 */
export const concreteRoute = (route: string, samples: RouteSamples) =>
	route
		.replace('/admin/brugere/[id]', `/admin/brugere/${samples.user}`)
		.replace('/noegletal/[id]', `/noegletal/${samples.kpi}`)
		.replace('/programmer/[id]', `/programmer/${samples.programme}`)
		.replace('/status/[id]', `/status/${samples.report}`)
		.replace('[organisation]', 'norddjurs')
		.replace('[year]', '2025')
		.replace('[format]', 'docx')
		.replace('/api/v1/kpis/[id]', `/api/v1/kpis/${samples.kpi}`)
		.replace('[period]', '2026')
		.replace('[id]', samples['[id]'])
		.replace('[token]', samples['[token]']);
