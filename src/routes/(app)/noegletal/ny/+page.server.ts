import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { requireCan } from '$lib/server/auth/guards';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { createKpiDefinition, loadKpiFormOptions, parseKpiForm, withPicks } from '$lib/server/kpis';

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'register.edit');
	return { options: await loadKpiFormOptions(await getDb(), user.organisationId) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireCan(event, 'register.edit');
		const formData = await event.request.formData();
		const form = parseKpiForm(formData);
		if (!form.ok) return withPicks(invalidForm('kpi', form.errors, formValues(formData)), formData);
		const result = await writeInTransaction(await getDb(), (trx) =>
			createKpiDefinition(trx, user.organisationId, user.id, form.data, event.getClientAddress())
		);
		if (result.kind !== 'ok')
			return withPicks(formRefusal(result, { form: 'kpi', values: formValues(formData) }), formData);
		redirect(303, `/noegletal/${result.id}`);
	}
};
