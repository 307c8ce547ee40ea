import { can } from '$lib/domain/policy';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import { loadApiKpisCached } from '$lib/server/kpis';
import { todayInCopenhagen } from '$lib/domain/dates';

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	return {
		kpis: await loadApiKpisCached(await getDb(), user.organisationId, todayInCopenhagen()),
		canEdit: can(user, 'register.edit')
	};
};
