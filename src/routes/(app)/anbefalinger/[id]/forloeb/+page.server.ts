import { can } from '$lib/domain/policy';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCan } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { decisionFormSchema, LIFECYCLE_NEXT, lifecycleFormSchema, overrideFormSchema } from '$lib/schemas/register';
import {
	changeLifecycle,
	listLifecycleEvents,
	recommendationTarget,
	registerConflict,
	setStatusOverride,
	updateDecision
} from '$lib/server/register';
import { todayInCopenhagen } from '$lib/domain/dates';

/** Lifecycle and decision: admins and directors. The status override: directors only (DESIGN §3). */
export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'register.edit');
	const { recommendation: r } = await event.parent();
	return {
		next: LIFECYCLE_NEXT[r.lifecycle],
		today: todayInCopenhagen(),
		events: await listLifecycleEvents(await getDb(), user.organisationId, r.id),
		canOverride: can(user, 'status.override')
	};
};

export const actions: Actions = {
	lifecycle: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const values = formValues(formData);
		const form = parseForm(lifecycleFormSchema, formData);
		if (!form.ok) return invalidForm('lifecycle', form.errors, values);
		const result = await writeInTransaction(db, (trx) => changeLifecycle(trx, user, recommendation.id, form.data));
		if (result.kind !== 'ok') return formRefusal(result, { form: 'lifecycle', values, conflict: registerConflict() });
		redirect(303, `/anbefalinger/${recommendation.id}/forloeb?gemt=forloeb`);
	},
	decision: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event);
		const formData = await event.request.formData();
		const values = formValues(formData);
		const form = parseForm(decisionFormSchema, formData);
		if (!form.ok) return invalidForm('decision', form.errors, values);
		const result = await writeInTransaction(db, (trx) => updateDecision(trx, user, recommendation.id, form.data));
		if (result.kind !== 'ok') return formRefusal(result, { form: 'decision', values, conflict: registerConflict() });
		redirect(303, `/anbefalinger/${recommendation.id}/forloeb?gemt=beslutning`);
	},
	override: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event, 'status.override');
		const formData = await event.request.formData();
		const values = formValues(formData);
		const form = parseForm(overrideFormSchema, formData);
		if (!form.ok) return invalidForm('override', form.errors, values);
		const result = await writeInTransaction(db, (trx) => setStatusOverride(trx, user, recommendation.id, form.data));
		if (result.kind !== 'ok') return formRefusal(result, { form: 'override', values, conflict: registerConflict() });
		redirect(303, `/anbefalinger/${recommendation.id}/forloeb?gemt=tilsidesaettelse`);
	}
};
