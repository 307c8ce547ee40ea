import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/policy';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { parseForm } from '$lib/server/http/forms';
import { followUpItemFormSchema, followUpStateFormSchema, rowRef } from '$lib/schemas/register';
import { addFollowUpItem, deleteFollowUpItem, setFollowUpState, updateFollowUpItem, type WriteResult } from '$lib/server/register/register';
import { listFollowUpItems } from '$lib/server/register/recommendations';
import { invalidForm, recommendationTarget, refusal, submittedValues } from '$lib/server/register/pages';
import { canEditRecommendation } from '$lib/server/auth/guards';
import { t } from '$lib/server/messages';

const ITEM_FIELDS = ['title', 'duePeriod', 'state'] as const;

/**
 * Follow-up items: admins and directors add, edit and delete them; a project lead assigned to the
 * recommendation updates their state (DESIGN §5). Others get 403, another organisation's 404.
 */
async function target(event: RequestEvent, editorsOnly: boolean) {
	const found = await recommendationTarget(event, 'live.read');
	const isEditor = can(found.user, 'register.edit');
	if (editorsOnly && !isEditor) error(403, t('auth.forbidden'));
	if (!isEditor && !(await canEditRecommendation(found.db, found.user, found.recommendation.id))) error(403, t('auth.forbidden'));
	return { ...found, isEditor };
}

export const load: PageServerLoad = async (event) => {
	const { user, db, recommendation: r, isEditor } = await target(event, false);
	return {
		recommendation: { id: r.id, number: r.number, title: r.title },
		items: await listFollowUpItems(db, user.organisationId, [r.id]),
		isEditor
	};
};

function itemAction(op: 'add' | 'save' | 'delete' | 'state') {
	return async (event: RequestEvent) => {
		const { user, db, recommendation } = await target(event, op !== 'state');
		const formData = await event.request.formData();
		const values = submittedValues(formData);
		const formName = `item-${op}`;
		let result: WriteResult;
		let rowId: number | undefined;
		if (op === 'state') {
			const form = parseForm(followUpStateFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values);
			rowId = form.data.id;
			result = await setFollowUpState(db, user, recommendation.id, form.data, form.data.state);
		} else if (op === 'add') {
			const form = parseForm(followUpItemFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values);
			result = await addFollowUpItem(db, user, recommendation.id, form.data);
		} else {
			const ref = parseForm(rowRef, formData);
			if (!ref.ok) return invalidForm(formName, ref.errors, values);
			rowId = ref.data.id;
			if (op === 'delete') result = await deleteFollowUpItem(db, user, recommendation.id, ref.data);
			else {
				const form = parseForm(followUpItemFormSchema, formData);
				if (!form.ok) return invalidForm(formName, form.errors, values, rowId);
				result = await updateFollowUpItem(db, user, recommendation.id, ref.data, form.data);
			}
		}
		if (result.kind !== 'ok') return refusal(result, { form: formName, values, rowId, rowFields: ITEM_FIELDS });
		redirect(303, `/anbefalinger/${recommendation.id}/opfoelgning?gemt=${formName}`);
	};
}

export const actions: Actions = {
	add: itemAction('add'),
	save: itemAction('save'),
	delete: itemAction('delete'),
	state: itemAction('state')
};
