import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (the OIDC client secret, later the SAML SP key): AES-256-GCM with a key from the
 * environment, never from the database. FREMDRIFT_SECRET_KEY is 32 random bytes in base64 (standard or
 * URL-safe), e.g. `openssl rand -base64 32`. A sealed value is `v1.<iv>.<ciphertext+tag>` (base64url), and
 * carries a context (e.g. the provider it belongs to) as associated data, so it opens nowhere else.
 */

export type SecretKeyState = { ok: true; key: Buffer } | { ok: false; reason: 'missing' | 'malformed' };

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Reads FREMDRIFT_SECRET_KEY: missing, malformed (not base64 of exactly 32 bytes), or the key.
 * @example const state = readSecretKey(process.env); if (!state.ok) … // SSO is off, say so in Danish
 */
export function readSecretKey(env: Record<string, string | undefined> = process.env): SecretKeyState {
	const text = env.FREMDRIFT_SECRET_KEY?.trim();
	if (!text) return { ok: false, reason: 'missing' };
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return { ok: false, reason: 'malformed' };
	const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
	return key.length === KEY_BYTES ? { ok: true, key } : { ok: false, reason: 'malformed' };
}

/** A fresh key in the format FREMDRIFT_SECRET_KEY takes (base64 of 32 random bytes). */
export function generateSecretKey(): string {
	return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * Encrypts `plaintext` under `key`, bound to `context` (associated data).
 * @example const sealed = sealSecret(key, clientSecret, `identity_provider:${organisationId}:oidc`);
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(context, 'utf8'));
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
	return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/**
 * Decrypts a sealed value; null when it is malformed, was sealed with another key or for another context, or was
 * altered in any character.
 * @example const secret = openSecret(key, row.sealedSecret, `identity_provider:${organisationId}:oidc`);
 */
export function openSecret(key: Buffer, sealed: string, context: string): string | null {
	const parts = sealed.split('.');
	if (parts.length !== 3 || parts[0] !== 'v1') return null;
	const iv = Buffer.from(parts[1], 'base64url');
	const body = Buffer.from(parts[2], 'base64url');
	if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return null;
	// Only the exact text sealSecret wrote: base64url decoding skips stray characters and a last character's
	// unused bits, so without this, some altered strings would open as the same bytes.
	if (iv.toString('base64url') !== parts[1] || body.toString('base64url') !== parts[2]) return null;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, iv);
		decipher.setAAD(Buffer.from(context, 'utf8'));
		decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
		return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString(
			'utf8'
		);
	} catch {
		return null;
	}
}
