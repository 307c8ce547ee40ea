import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { closeSharedDb, getDb } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/migrate';
import { StartupError } from '$lib/server/startup-error';
import { resolveOrganisation } from '$lib/server/organisation-context';
import { t } from '$lib/messages';

/** Migrates on start; a database that cannot be reached stops the server with a plain message. */
export const init: ServerInit = async () => {
	// adapter-node closes the HTTP server on SIGTERM/SIGINT, then emits this: release the pool so the process can exit.
	process.once('sveltekit:shutdown', () => void closeSharedDb());
	try {
		await migrateToLatest(await getDb());
	} catch (error) {
		if (error instanceof StartupError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
};

const handleOrganisation: Handle = async ({ event, resolve }) => {
	event.locals.organisation = await resolveOrganisation(await getDb(), event.cookies, event.url);
	return resolve(event);
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	return response;
};

export const handle = sequence(handleOrganisation, handleSecurityHeaders);

/** Unexpected errors are logged in full and shown as a plain Danish sentence; unknown pages as 404. */
export const handleError: HandleServerError = ({ error, status }) => {
	if (status === 404) return { message: t('error.not_found') };
	console.error(error);
	return { message: t('error.generic') };
};
