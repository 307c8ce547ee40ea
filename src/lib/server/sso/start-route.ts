import { error, redirect, type RequestHandler } from '@sveltejs/kit';
import { getDb, type Db } from '../infra/db';
import { findOrganisationBySlug, safeRedirectTarget } from '../auth';
import { setFlowCookie, setSamlFlowCookie } from './cookies';
import { refuseSso, type SsoRefusalReason } from './jit';
import type { SsoProtocol } from '../../../../db/types';

/** Where a protocol's sign-in starts: the provider's address and the sealed flow cookie that binds it to this browser. */
export type SsoStart = { ok: true; location: string; flowCookie?: string } | { ok: false; reason: SsoRefusalReason };

type Begin = (
	db: Db,
	organisation: { id: number; slug: string },
	origin: string,
	redirectTo: string | null
) => Promise<SsoStart>;

/**
 * The start route of one protocol (`/login/sso/[organisation]/<protocol>`): 404 for an unknown organisation or a
 * provider that is not set up; a provider that cannot be started is refused (audited) with 503; else off to the provider.
 */
export function ssoStartHandler(protocol: SsoProtocol, begin: Begin): RequestHandler {
	return async (event) => {
		const { params, url } = event;
		const db = await getDb();
		const slug = params.organisation ?? '';
		const found = await findOrganisationBySlug(db, slug);
		if (!found) error(404);
		const organisation = { id: found.id, slug };
		const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin);
		const start = await begin(db, organisation, url.origin, redirectTo);
		if (!start.ok && start.reason === 'not_configured') error(404);
		if (!start.ok) {
			const meta = { clientAddress: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') };
			const refusal = await refuseSso(db, { organisationId: organisation.id, protocol, reason: start.reason }, meta);
			error(503, refusal.message);
		}
		const secure = url.protocol === 'https:';
		if (start.flowCookie && protocol === 'saml') setSamlFlowCookie(event.cookies, start.flowCookie, slug, secure);
		else if (start.flowCookie) setFlowCookie(event.cookies, start.flowCookie, secure);
		redirect(303, start.location);
	};
}
