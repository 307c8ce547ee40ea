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

/** One row of the role mapping: the claim value as the provider sends it, and the app role. */
export const roleMappingSchema = z.object({
	claimValue: requiredText(200, t('sso.claim_value_required'), t('sso.claim_value_too_long')),
	role: roleField
});

export const removeRoleMappingSchema = z.object({
	claimValue: z.string({ error: t('sso.claim_value_required') }).min(1, { error: t('sso.claim_value_required') })
});

/** Local passwords on or off, and the break-glass administrator (required when off; checked by the action). */
export const signInPolicySchema = z.object({
	localPasswords: z.enum(['on', 'off'], { error: t('sso.local_passwords_invalid') }),
	breakGlassUserId: idText(true, t('sso.break_glass_invalid'))
});
