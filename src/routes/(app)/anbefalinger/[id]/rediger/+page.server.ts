import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/http/forms';
import { recommendationFormSchema, version } from '$lib/schemas/register';
import { listAssignableLeads, setAssignments, updateRecommendation } from '$lib/server/register/register';
import { invalidForm, recommendationTarget, refusal, submittedValues } from '$lib/server/register/pages';
import { loadPlacementOptions, recommendationValues } from '$lib/server/register/recommendation-form';

export const load: PageServerLoad = async (event) => {
	const { user, db, recommendation } = await recommendationTarget(event);
	const [options, leads] = await Promise.all([
		loadPlacementOptions(db, user.organisationId, recommendation.programmeId),
		listAssignableLeads(db, user.organisationId, recommendation.id)
	]);
	return {
		recommendation: { id: recommendation.id, number: recommendation.number, title: recommendation.title, version: recommendation.version },
		values: recommendationValues(recommendation),
		options,
		leads
	};
};

const assignmentsSchema = z.object({
	userId: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number))
		.pipe(z.array(z.number().int().positive()).max(500))
});

export const actions: Actions = {
	save: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const values = submittedValues(formData);
		const form = parseForm(recommendationFormSchema, formData);
		const formVersion = version.safeParse(formData.get('version'));
		if (!form.ok || !formVersion.success) return invalidForm('save', form.ok ? { version: formVersion.error!.issues[0].message } : form.errors, values);
		const result = await updateRecommendation(db, user, recommendation.id, form.data, formVersion.data);
		if (result.kind !== 'ok') return refusal(result, { form: 'save', values });
		redirect(303, `/anbefalinger/${recommendation.id}?gemt=1`);
	},
	assignments: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const form = parseForm(assignmentsSchema, formData);
		if (!form.ok) return invalidForm('assignments', form.errors, {});
		const result = await setAssignments(db, user, recommendation.id, form.data.userId);
		if (result.kind !== 'ok') return refusal(result, { form: 'assignments' });
		return { form: 'assignments', saved: true };
	}
};
