import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireRole } from '$lib/server/auth/guards';
import { LIVE_DATA_ROLES } from '$lib/server/auth/access';
import { loadApiKpis } from '$lib/server/kpis/api-shape';
import { todayInCopenhagen } from '$lib/domain/dates';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, LIVE_DATA_ROLES);
	return {
		kpis: await loadApiKpis(await getDb(), user.organisationId, todayInCopenhagen()),
		canEdit: user.role === 'admin' || user.role === 'director'
	};
};
