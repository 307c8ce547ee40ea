import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user ? { name: locals.user.name, role: locals.user.role } : null;
	return { user, organisation: locals.organisation, locale: locals.locale };
};
