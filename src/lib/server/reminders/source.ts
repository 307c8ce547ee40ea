import type { DigestSource } from './types';
import type { OverviewRow } from '../kpis';
import { loadOverviewCached } from '../kpis';
import { listTasks } from '../tasks';

/**
 * The digest's content: exactly the user's "Mine opgaver" as of the round's date (src/lib/server/tasks), so the
 * mail and the start page never disagree. Politicians have no tasks and get no digest. One source serves one
 * round: an organisation's overview is the same for all its users, so it is loaded once per organisation.
 * @example const source = createDigestSource(); for (const user of users) await source(db, user, asOf);
 */
export function createDigestSource(): DigestSource {
	const overviews = new Map<number, Promise<readonly OverviewRow[]>>();
	return async (db, user, asOf) => {
		const org = user.organisationId;
		if (!overviews.has(org)) overviews.set(org, loadOverviewCached(db, org, asOf));
		return listTasks(db, user, asOf, { overview: await overviews.get(org)! });
	};
}
