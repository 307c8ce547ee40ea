import type { Db } from '../infra/db';
import { listOrganisations } from '../auth/organisations';
import { t } from '../messages';
import { findSignInPolicies, listSignInOptions } from './providers';
import { ssoKey } from './key';

/** What the login page offers: a button per enabled provider, and whether the password form is shown. */
export interface LoginChoices {
	buttons: { href: string; label: string; organisation: string }[];
	/** Why SSO buttons are missing although a provider is enabled (no FREMDRIFT_SECRET_KEY), in Danish. */
	ssoNotice: string | null;
	passwordForm: boolean;
}

/**
 * The login page's choices. `/login?organisation=slug` narrows to one organisation; without it, every
 * organisation with an enabled provider gets its button (an installation has few). The password form is
 * shown unless the organisation asked for (or, without one, every organisation) has local passwords off;
 * `?lokal=1` always shows it, for the break-glass administrator.
 * @example const choices = await loginChoices(db, { organisationSlug: 'norddjurs', local: false, redirectTo: '' });
 */
export async function loginChoices(
	db: Db,
	query: { organisationSlug: string | null; local: boolean; redirectTo: string }
): Promise<LoginChoices> {
	const options = await listSignInOptions(db, query.organisationSlug ?? undefined);
	const key = ssoKey();
	const suffix = query.redirectTo ? `?redirectTo=${encodeURIComponent(query.redirectTo)}` : '';
	const buttons = key.ok
		? distinctLabels(
				options.map((o) => ({
					href: `/login/sso/${o.organisationSlug}/${o.protocol}${suffix}`,
					label: t('sso.sign_in_with', { name: o.displayName }),
					organisation: o.organisationSlug,
					protocol: o.protocol,
					organisationName: o.organisationName
				}))
			)
		: [];
	const ssoNotice =
		options.length > 0 && !key.ok
			? t(key.reason === 'missing' ? 'sso.secret_key_missing' : 'sso.secret_key_malformed')
			: null;
	const organisations = (await listOrganisations(db)).filter(
		(o) => query.organisationSlug === null || o.slug === query.organisationSlug
	);
	const policies = await findSignInPolicies(
		db,
		organisations.map((o) => o.id)
	);
	// An unknown slug (no organisation) keeps the form: the page must not tell which organisations exist.
	const anyLocal = organisations.length === 0 || [...policies.values()].some((p) => p.localPasswords);
	return { buttons, ssoNotice, passwordForm: query.local || anyLocal || buttons.length === 0 };
}

/**
 * Every button a name of its own (a screen reader lists links by name): a name shared by two buttons gets the
 * protocol added, and if that is still shared, the organisation's name.
 */
function distinctLabels(
	buttons: (LoginChoices['buttons'][number] & { protocol: string; organisationName: string })[]
): LoginChoices['buttons'] {
	const repeated = (list: { label: string }[], label: string) => list.filter((b) => b.label === label).length > 1;
	const withProtocol = buttons.map((b) =>
		repeated(buttons, b.label)
			? { ...b, label: `${b.label} (${b.protocol === 'saml' ? 'SAML' : 'OpenID Connect'})` }
			: b
	);
	return withProtocol.map(({ protocol: _protocol, organisationName, ...b }) =>
		repeated(withProtocol, b.label) ? { ...b, label: `${b.label} – ${organisationName}` } : b
	);
}
