import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import { fieldErrors } from '$lib/server/http/forms';
import { formPicks, formValues, parseKpiForm } from '$lib/server/kpis/form';
import { createKpiDefinition, loadKpiFormOptions } from '$lib/server/kpis/definitions';
import { t } from '$lib/server/messages';

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'register.edit');
	return { options: await loadKpiFormOptions(await getDb(), user.organisationId) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireCan(event, 'register.edit');
		const formData = await event.request.formData();
		const form = parseKpiForm(formData);
		if (!form.ok) return fail(400, { errors: form.errors, values: formValues(formData), picks: formPicks(formData) });
		const id = await createKpiDefinition(await getDb(), user.organisationId, user.id, form.data, event.getClientAddress());
		if (id === null) return fail(409, { errors: fieldErrors({ name: t('api.kpi_name_taken') }), values: formValues(formData), picks: formPicks(formData) });
		redirect(303, `/noegletal/${id}`);
	}
};
