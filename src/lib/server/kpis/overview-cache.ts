import type { Db } from '../infra/db';
import { loadOverview, type OverviewRow } from './status';

/**
 * The overview kept in process memory per (organisation, data version, as-of day), issue 20 goal 1. The data version
 * lives in PostgreSQL (organisation_data_version, bumped by trigger in the same transaction as every write the
 * overview reads), so an instance notices a write made through another one on its next request: one indexed query.
 *
 * The version is read before the overview is computed, so a computation may see writes newer than its key (harmless:
 * the next request reads the newer version and recomputes) but never older ones.
 */

/** How many computed overviews an instance keeps (each is a few hundred kB at most): the most recently used. */
export const OVERVIEW_CACHE_ENTRIES = 32;

/**
 * A bounded map from (organisation, version, key) to the promise of a computed value, the key being the as-of day
 * and whatever else the value depends on. The least recently used entries go first, and a newer version of an
 * organisation drops its older ones. Concurrent requests for one key share one computation; a computation that
 * fails is forgotten, so the next request tries again.
 * @example const cache = new VersionedCache<string>(2); await cache.get(1, 7, '2026-11-22', async () => 'x');
 */
export class VersionedCache<T> {
	readonly #entries = new Map<string, { organisationId: number; version: number; value: Promise<T> }>();

	constructor(readonly maxEntries = OVERVIEW_CACHE_ENTRIES) {}

	/** The value for the key, computed with `compute` when it is not there (or being computed) yet. */
	get(organisationId: number, version: number, key: string, compute: () => Promise<T>): Promise<T> {
		const full = `${organisationId}:${version}:${key}`;
		const hit = this.#entries.get(full);
		if (hit) {
			// Move to the back: Map keeps insertion order, so the front is the least recently used.
			this.#entries.delete(full);
			this.#entries.set(full, hit);
			return hit.value;
		}
		for (const [other, entry] of this.#entries)
			if (entry.organisationId === organisationId && entry.version < version) this.#entries.delete(other);
		const value = compute();
		this.#entries.set(full, { organisationId, version, value });
		value.catch(() => {
			if (this.#entries.get(full)?.value === value) this.#entries.delete(full);
		});
		while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
		return value;
	}

	/** The keys held, least recently used first (for tests and diagnostics). */
	keys(): string[] {
		return [...this.#entries.keys()];
	}
}

/** Freezes a value and everything reachable from it, so a caller that mutates a shared cached value fails loudly. */
export function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

/**
 * The organisation's data version: changes with every write to what the overview shows. 0 when the organisation
 * has never been written since the version was introduced (the migration gives every organisation one).
 * @example const version = await readDataVersion(db, organisationId);
 */
export async function readDataVersion(db: Db, organisationId: number): Promise<number> {
	const row = await db
		.selectFrom('organisationDataVersion')
		.select('version')
		.where('organisationId', '=', organisationId)
		.executeTakeFirst();
	return row ? Number(row.version) : 0;
}

/**
 * A cache per database handle and per kind of value (tests open several databases in one process, whose versions
 * may coincide). Whoever gets a value shares it with other requests: put it in deeply frozen (deepFreeze).
 * @example const cached = versionedCache<Task[]>(256); await cached(db).get(org, version, key, () => listTasks(…));
 */
export function versionedCache<T>(maxEntries = OVERVIEW_CACHE_ENTRIES) {
	const caches = new WeakMap<Db, VersionedCache<T>>();
	return (db: Db): VersionedCache<T> => {
		let cache = caches.get(db);
		if (!cache) caches.set(db, (cache = new VersionedCache<T>(maxEntries)));
		return cache;
	};
}

const overviewCache = versionedCache<readonly OverviewRow[]>();

/**
 * loadOverview's rows, from memory while the organisation's data version is unchanged: one query per call when
 * cached (none when the caller passes the version it has just read). The rows are deeply frozen and shared between
 * requests: map them into new objects, never change them. Not for the annual report's snapshot, which must be
 * computed from the database as it is (compose.ts).
 * @example const rows = await loadOverviewCached(db, user.organisationId, asOf);
 */
export async function loadOverviewCached(
	db: Db,
	organisationId: number,
	asOf: string,
	version?: number
): Promise<readonly OverviewRow[]> {
	const current = version ?? (await readDataVersion(db, organisationId));
	return overviewCache(db).get(organisationId, current, asOf, async () =>
		deepFreeze(await loadOverview(db, organisationId, asOf))
	);
}
