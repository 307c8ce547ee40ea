import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listOrganisations } from '$lib/server/repositories/organisations';

export const load: LayoutServerLoad = async ({ locals }) => {
	const organisations = await listOrganisations(await getDb());
	return {
		organisation: locals.organisation,
		organisations: organisations.map((o) => ({ slug: o.slug, name: o.name }))
	};
};
