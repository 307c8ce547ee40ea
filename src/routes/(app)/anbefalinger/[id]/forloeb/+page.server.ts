import { can } from '$lib/domain/policy';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/http/forms';
import { decisionFormSchema, LIFECYCLE_NEXT, lifecycleFormSchema, overrideFormSchema } from '$lib/schemas/register';
import { changeLifecycle, listLifecycleEvents, setStatusOverride, updateDecision } from '$lib/server/register/register';
import { invalidForm, recommendationTarget, refusal, submittedValues } from '$lib/server/register/pages';
import { todayInCopenhagen } from '$lib/domain/dates';

/** Lifecycle and decision: admins and directors. The status override: directors only (DESIGN §3). */
export const load: PageServerLoad = async (event) => {
	const { user, db, recommendation: r } = await recommendationTarget(event);
	return {
		recommendation: {
			id: r.id,
			number: r.number,
			title: r.title,
			version: r.version,
			lifecycle: r.lifecycle,
			lifecycleChangedOn: r.lifecycleChangedOn,
			lifecycleReason: r.lifecycleReason,
			decisionDate: r.decisionDate,
			decisionBody: r.decisionBody,
			decisionKind: r.decisionKind,
			dissentText: r.dissentText,
			statusOverride: r.statusOverride,
			statusOverrideReason: r.statusOverrideReason
		},
		next: LIFECYCLE_NEXT[r.lifecycle],
		today: todayInCopenhagen(),
		events: await listLifecycleEvents(db, user.organisationId, r.id),
		canOverride: can(user, 'status.override')
	};
};

export const actions: Actions = {
	lifecycle: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const values = submittedValues(formData);
		const form = parseForm(lifecycleFormSchema, formData);
		if (!form.ok) return invalidForm('lifecycle', form.errors, values);
		const result = await changeLifecycle(db, user, recommendation.id, form.data);
		if (result.kind !== 'ok') return refusal(result, { form: 'lifecycle', values });
		redirect(303, `/anbefalinger/${recommendation.id}/forloeb?gemt=forloeb`);
	},
	decision: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const values = submittedValues(formData);
		const form = parseForm(decisionFormSchema, formData);
		if (!form.ok) return invalidForm('decision', form.errors, values);
		const result = await updateDecision(db, user, recommendation.id, form.data);
		if (result.kind !== 'ok') return refusal(result, { form: 'decision', values });
		redirect(303, `/anbefalinger/${recommendation.id}/forloeb?gemt=beslutning`);
	},
	override: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event, 'status.override');
		const formData = await event.request.formData();
		const values = submittedValues(formData);
		const form = parseForm(overrideFormSchema, formData);
		if (!form.ok) return invalidForm('override', form.errors, values);
		const result = await setStatusOverride(db, user, recommendation.id, form.data);
		if (result.kind !== 'ok') return refusal(result, { form: 'override', values });
		redirect(303, `/anbefalinger/${recommendation.id}/forloeb?gemt=tilsidesaettelse`);
	}
};
