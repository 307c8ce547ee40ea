import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCan } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { recommendationFormSchema } from '$lib/schemas/register';
import { createRecommendation, loadPlacementOptions, nextFreeNumber } from '$lib/server/register';

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'register.edit');
	const db = await getDb();
	const options = await loadPlacementOptions(db, user.organisationId);
	const wanted = Number(event.url.searchParams.get('program'));
	const programme = options.programmes.find((p) => p.id === wanted) ?? options.programmes[0];
	return {
		options,
		values: {
			programmeId: programme ? String(programme.id) : '',
			number: programme ? String(await nextFreeNumber(db, programme.id)) : '1'
		} as Record<string, string>
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireCan(event, 'register.edit');
		const db = await getDb();
		const formData = await event.request.formData();
		const values = formValues(formData);
		const form = parseForm(recommendationFormSchema, formData);
		if (!form.ok) return invalidForm('save', form.errors, values);
		const result = await writeInTransaction(db, (trx) => createRecommendation(trx, user, form.data));
		if (result.kind !== 'ok') return formRefusal(result, { form: 'save', values });
		redirect(303, `/anbefalinger/${result.id}?gemt=1`);
	}
};
