import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { can, type Action } from '../../domain/policy';
import type { SessionUser } from '../auth/session';
import { t } from '../messages';

/**
 * The JSON API's error shape: `{"error":{"code","message","fields"}}`, message in Danish.
 * @example return apiError(404, 'not_found', t('api.not_found'));
 */
export function apiError(
	status: number,
	code: string,
	message: string,
	fields?: Record<string, string>,
	headers?: HeadersInit
): Response {
	return json({ error: { code, message, fields: fields ?? {} } }, { status, headers });
}

/**
 * The request's media type when it is one of `accepted`, else the 415 to send: JSON that names the
 * accepted types (and `Accept-Post` on a POST), for a missing Content-Type too.
 * @example const type = requireContentType(request, ['text/csv']); if (type instanceof Response) return type;
 */
export function requireContentType(request: Request, accepted: readonly string[]): string | Response {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (accepted.includes(type)) return type;
	const list = accepted.join(', ');
	const message = type
		? t('api.unsupported_media_type', { received: type, accepted: list })
		: t('api.content_type_missing', { accepted: list });
	return apiError(
		415,
		'unsupported_media_type',
		message,
		undefined,
		request.method === 'POST' ? { 'accept-post': list } : undefined
	);
}

/** Largest JSON body the API reads. */
export const MAX_JSON_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body: 415 unless sent as application/json, 413 when too large, 400 when
 * not JSON, 422 with Danish per-field messages when the schema refuses it. Returns the data or the
 * error response to send.
 * @example const body = await readJson(request, observationPutBody); if (body instanceof Response) return body;
 */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T | Response> {
	const type = requireContentType(request, ['application/json']);
	if (type instanceof Response) return type;
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > MAX_JSON_BYTES)
		return apiError(413, 'too_large', t('api.body_too_large', { max: MAX_JSON_BYTES / 1024 }));
	const text = await request.text();
	if (new TextEncoder().encode(text).length > MAX_JSON_BYTES)
		return apiError(413, 'too_large', t('api.body_too_large', { max: MAX_JSON_BYTES / 1024 }));
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return apiError(400, 'invalid_json', t('api.invalid_json'));
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const fields: Record<string, string> = {};
	for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'body'] ??= issue.message;
	return apiError(422, 'invalid', t('api.invalid_input'), fields);
}

/** The API caller if the policy lets them take `action`, else the 401/403 response to send. */
export function apiUser(locals: App.Locals, action: Action): SessionUser | Response {
	const user = locals.user;
	if (!user) return apiError(401, 'unauthorized', t('api.unauthorized'), undefined, { 'www-authenticate': 'Bearer' });
	if (!can(user, action)) return apiError(403, 'forbidden', t('auth.forbidden'));
	return user;
}
