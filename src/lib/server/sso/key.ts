import { readSecretKey, type SecretKeyState } from './secret-box';

/**
 * FREMDRIFT_SECRET_KEY as SSO uses it, read from the environment on each use (cheap), so the app starts
 * without it and SSO simply stays off — the admin page and the login say so in Danish.
 */
export function ssoKey(): SecretKeyState {
	return readSecretKey(process.env);
}
