import { z } from 'zod';

/** The claims a role can come from: Entra app roles (`roles`) or group ids/names (`groups`). */
export const ROLE_CLAIMS = ['roles', 'groups'] as const;
export type RoleClaim = (typeof ROLE_CLAIMS)[number];

/** An OIDC provider's non-secret settings as stored in identity_provider.settings. */
export interface OidcSettings {
	issuerUrl: string;
	clientId: string;
	roleClaim: RoleClaim;
}

const storedSchema = z.object({
	issuerUrl: z.string().min(1),
	clientId: z.string().min(1),
	roleClaim: z.enum(ROLE_CLAIMS)
});

/**
 * The stored settings read back, or null when they are incomplete (never saved, or saved by an older version).
 * @example const settings = readOidcSettings(provider.settings);
 */
export function readOidcSettings(settings: Record<string, unknown>): OidcSettings | null {
	const parsed = storedSchema.safeParse(settings);
	return parsed.success ? parsed.data : null;
}

/**
 * Plain http is allowed only to this machine (tests, a provider on the same host); anything else must be https.
 * @example isLoopbackHttp(new URL('http://127.0.0.1:4000')) // true
 */
export function isLoopbackHttp(url: URL): boolean {
	return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
