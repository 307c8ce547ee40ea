import type { CacheProvider } from '@node-saml/node-saml';
import type { Db } from '../infra/db';

/** How long an issued AuthnRequest ID may be answered: the time a user may spend at the IdP's login. */
export const SAML_REQUEST_TTL_MS = 10 * 60_000;

/**
 * The SAML one-time stores in the database (tables saml_request, saml_assertion), shared by every app instance
 * on the same PostgreSQL. `scope` is the SP's entity ID.
 */
export interface SamlStore {
	/** The store of issued request IDs in the shape @node-saml/node-saml asks for. */
	requestCache(scope: string): CacheProvider;
	/** Records an accepted assertion ID; false if it was accepted before (here or on another instance): a replay. */
	consumeAssertion(scope: string, assertionId: string, expiresAt: Date): Promise<boolean>;
}

/**
 * The SAML stores on a database handle.
 * @example const store = createSamlStore(db); await validateSamlResponse(config, store, { SAMLResponse });
 */
export function createSamlStore(db: Db): SamlStore {
	return {
		requestCache(scope) {
			return {
				async saveAsync(key, value) {
					const createdAt = new Date(value);
					await db
						.insertInto('samlRequest')
						.values({ id: key, scope, createdAt, expiresAt: new Date(Date.now() + SAML_REQUEST_TTL_MS) })
						.onConflict((oc) => oc.doNothing())
						.execute();
					return { value, createdAt: createdAt.getTime() };
				},
				async getAsync(key) {
					const row = await db
						.selectFrom('samlRequest')
						.select('createdAt')
						.where('id', '=', key)
						.where('scope', '=', scope)
						.where('expiresAt', '>', new Date())
						.executeTakeFirst();
					return row ? row.createdAt.toISOString() : null;
				},
				async removeAsync(key) {
					if (key === null) return null;
					const row = await db
						.deleteFrom('samlRequest')
						.where('id', '=', key)
						.where('scope', '=', scope)
						.returning('createdAt')
						.executeTakeFirst();
					return row ? row.createdAt.toISOString() : null;
				}
			};
		},
		async consumeAssertion(scope, assertionId, expiresAt) {
			const inserted = await db
				.insertInto('samlAssertion')
				.values({ scope, id: assertionId, expiresAt })
				.onConflict((oc) => oc.columns(['scope', 'id']).doNothing())
				.returning('id')
				.executeTakeFirst();
			return inserted !== undefined;
		}
	};
}

/**
 * Deletes expired request and assertion IDs (an expired assertion is refused for its age anyway).
 * @example await purgeExpiredSaml(db); // { requests: 3, assertions: 12 }
 */
export async function purgeExpiredSaml(db: Db, now = new Date()): Promise<{ requests: number; assertions: number }> {
	const requests = await db.deleteFrom('samlRequest').where('expiresAt', '<=', now).executeTakeFirst();
	const assertions = await db.deleteFrom('samlAssertion').where('expiresAt', '<=', now).executeTakeFirst();
	return { requests: Number(requests.numDeletedRows), assertions: Number(assertions.numDeletedRows) };
}
