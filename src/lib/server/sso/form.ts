import { z } from 'zod';
import { t } from '../messages';
import { idText } from '../../schemas/fields';
import { roleField } from '../../schemas/auth';
import { ROLE_CLAIMS, isLoopbackHttp } from './oidc-settings';

/** A required, trimmed text of at most `max` characters, with its two Danish messages. */
function requiredText(max: number, required: string, tooLong: string) {
	return z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });
}

/** The issuer URL: https (plain http only to this machine), no query or fragment, trailing slash kept as typed. */
const issuerUrl = requiredText(500, t('sso.issuer_required'), t('sso.issuer_invalid')).refine(
	(text) => {
		if (!URL.canParse(text)) return false;
		const url = new URL(text);
		return (url.protocol === 'https:' || isLoopbackHttp(url)) && !url.search && !url.hash && !url.username;
	},
	{ error: t('sso.issuer_invalid') }
);

/** The OIDC settings form. The client secret is write-only: empty keeps the stored one. */
export const oidcSettingsSchema = z.object({
	displayName: requiredText(100, t('sso.display_name_required'), t('sso.display_name_too_long')),
	issuerUrl,
	clientId: requiredText(200, t('sso.client_id_required'), t('sso.client_id_too_long')).regex(/^[\x21-\x7e]+$/, {
		error: t('sso.client_id_invalid')
	}),
	clientSecret: z
		.string()
		.max(1000, { error: t('sso.client_secret_too_long') })
		.optional()
		.transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim())),
	roleClaim: z.enum(ROLE_CLAIMS, { error: t('sso.role_claim_invalid') }),
	enabled: z.literal('on').optional().catch(undefined)
});

const protocol = z.enum(['oidc', 'saml']).default('oidc').catch('oidc');

/** One row of the role mapping: the claim value (SAML: privilege URI) as the provider sends it, and the app role. */
export const roleMappingSchema = z.object({
	claimValue: requiredText(200, t('sso.claim_value_required'), t('sso.claim_value_too_long')),
	role: roleField,
	protocol
});

export const removeRoleMappingSchema = z.object({
	claimValue: z.string({ error: t('sso.claim_value_required') }).min(1, { error: t('sso.claim_value_required') }),
	protocol
});

/**
 * The SAML settings form. The IdP metadata comes from the textarea, an uploaded file, or a URL the server
 * fetches (checked by the action); all empty keeps the stored metadata.
 */
export const samlSettingsSchema = z.object({
	displayName: requiredText(100, t('sso.display_name_required'), t('sso.display_name_too_long')),
	idpMetadataXml: z
		.string()
		.max(2_000_000, { error: t('saml.metadata_too_large') })
		.optional()
		.transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim())),
	idpMetadataUrl: z
		.string()
		.max(500, { error: t('saml.metadata_url_invalid') })
		.optional()
		.transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim())),
	enabled: z.literal('on').optional().catch(undefined)
});

/** Local passwords on or off, and the break-glass administrator (required when off; checked by the action). */
export const signInPolicySchema = z.object({
	localPasswords: z.enum(['on', 'off'], { error: t('sso.local_passwords_invalid') }),
	breakGlassUserId: idText(true, t('sso.break_glass_invalid'))
});
