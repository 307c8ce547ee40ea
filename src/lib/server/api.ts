import { json } from '@sveltejs/kit';

/**
 * The JSON API's error shape: `{"error":{"code","message","fields"}}`, message in Danish.
 * @example return apiError(404, 'not_found', t('api.not_found'));
 */
export function apiError(status: number, code: string, message: string, fields?: Record<string, string>, headers?: HeadersInit): Response {
	return json({ error: { code, message, fields: fields ?? {} } }, { status, headers });
}
