import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { openApiDocument } from '$lib/server/http/openapi';

/** GET /api/v1/openapi.json — public: it describes the API, it holds no data. */
export const GET: RequestHandler = () => json(openApiDocument());
