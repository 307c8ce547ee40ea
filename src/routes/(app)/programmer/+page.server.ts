import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCan } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { programmeFormSchema } from '$lib/schemas/register';
import { createProgramme, listProgrammes } from '$lib/server/register';

/** The register: programmes (admins and directors). */
export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'register.edit');
	return { programmes: await listProgrammes(await getDb(), user.organisationId) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireCan(event, 'register.edit');
		const formData = await event.request.formData();
		const values = formValues(formData);
		const form = parseForm(programmeFormSchema, formData);
		if (!form.ok) return invalidForm('create', form.errors, values);
		const result = await writeInTransaction(await getDb(), (trx) => createProgramme(trx, user, form.data));
		if (result.kind !== 'ok') return formRefusal(result, { form: 'create', values });
		redirect(303, `/programmer/${result.id}?gemt=1`);
	}
};
