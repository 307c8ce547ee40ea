import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireCan } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { optionalId, recommendationFormSchema, version } from '$lib/schemas/register';
import {
	listAssignableLeads,
	listResponsibleChoices,
	loadPlacementOptions,
	recommendationTarget,
	recommendationValues,
	registerConflict,
	setAssignments,
	setResponsibleUser,
	updateRecommendation
} from '$lib/server/register';

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'register.edit');
	const { recommendation } = await event.parent();
	const db = await getDb();
	const [options, leads, responsibleChoices] = await Promise.all([
		loadPlacementOptions(db, user.organisationId, recommendation.programmeId),
		listAssignableLeads(db, user.organisationId, recommendation.id),
		listResponsibleChoices(db, user.organisationId, recommendation.responsibleUserId)
	]);
	return { values: recommendationValues(recommendation), options, leads, responsibleChoices };
};

const assignmentsSchema = z.object({
	userId: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number))
		.pipe(z.array(z.number().int().positive()).max(500)),
	// The recommendation's responsible user: told about KPIs without a project lead ('' = nobody, the directors are told).
	responsibleUserId: optionalId
});

export const actions: Actions = {
	save: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const values = formValues(formData);
		const form = parseForm(recommendationFormSchema, formData);
		const formVersion = version.safeParse(formData.get('version'));
		if (!form.ok || !formVersion.success)
			return invalidForm('save', form.ok ? { version: formVersion.error!.issues[0].message } : form.errors, values);
		const result = await writeInTransaction(db, (trx) =>
			updateRecommendation(trx, user, recommendation.id, form.data, formVersion.data)
		);
		if (result.kind !== 'ok') return formRefusal(result, { form: 'save', values, conflict: registerConflict() });
		redirect(303, `/anbefalinger/${recommendation.id}?gemt=1`);
	},
	assignments: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const form = parseForm(assignmentsSchema, formData);
		if (!form.ok) return invalidForm('assignments', form.errors, {});
		const result = await writeInTransaction(db, async (trx) => {
			const leads = await setAssignments(trx, user, recommendation.id, form.data.userId);
			// A form without the field (an older page) leaves the responsible user as it is.
			if (leads.kind !== 'ok' || !formData.has('responsibleUserId')) return leads;
			return setResponsibleUser(trx, user, recommendation.id, form.data.responsibleUserId);
		});
		if (result.kind !== 'ok') return formRefusal(result, { form: 'assignments', conflict: registerConflict() });
		return { form: 'assignments', saved: true };
	}
};
