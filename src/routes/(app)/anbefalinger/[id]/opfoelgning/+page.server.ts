import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/policy';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb, type Db } from '$lib/server/infra/db';
import { writeInTransaction, type WriteResult } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { followUpItemFormSchema, followUpStateFormSchema, rowRef } from '$lib/schemas/register';
import {
	addFollowUpItem,
	deleteFollowUpItem,
	listFollowUpItems,
	recommendationTarget,
	registerConflict,
	setFollowUpState,
	updateFollowUpItem
} from '$lib/server/register';
import { canEditRecommendation, requireCan } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';
import { t } from '$lib/server/messages';

const ITEM_FIELDS = ['title', 'duePeriod', 'state'] as const;

/**
 * Follow-up items: admins and directors add, edit and delete them; a project lead assigned to the
 * recommendation updates their state (DESIGN §5). Others get 403, another organisation's 404.
 */
async function allowed(db: Db, user: SessionUser, recommendationId: number, editorsOnly: boolean) {
	const isEditor = can(user, 'register.edit');
	if (editorsOnly && !isEditor) error(403, t('auth.forbidden'));
	if (!isEditor && !(await canEditRecommendation(db, user, recommendationId))) error(403, t('auth.forbidden'));
	return isEditor;
}

async function target(event: RequestEvent, editorsOnly: boolean) {
	const found = await recommendationTarget(event, 'live.read');
	return { ...found, isEditor: await allowed(found.db, found.user, found.recommendation.id, editorsOnly) };
}

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	const { recommendation: r } = await event.parent();
	const db = await getDb();
	const isEditor = await allowed(db, user, r.id, false);
	return { items: await listFollowUpItems(db, user.organisationId, [r.id]), isEditor };
};

function itemAction(op: 'add' | 'save' | 'delete' | 'state') {
	return async (event: RequestEvent) => {
		const { user, db, recommendation } = await target(event, op !== 'state');
		const formData = await event.request.formData();
		const values = formValues(formData);
		const formName = `item-${op}`;
		const id = recommendation.id;
		let result: WriteResult<{ id: number }>;
		let rowId: number | undefined;
		if (op === 'state') {
			const form = parseForm(followUpStateFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values);
			rowId = form.data.id;
			result = await writeInTransaction(db, (trx) => setFollowUpState(trx, user, id, form.data, form.data.state));
		} else if (op === 'add') {
			const form = parseForm(followUpItemFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values);
			result = await writeInTransaction(db, (trx) => addFollowUpItem(trx, user, id, form.data));
		} else {
			const ref = parseForm(rowRef, formData);
			if (!ref.ok) return invalidForm(formName, ref.errors, values);
			rowId = ref.data.id;
			if (op === 'delete') result = await writeInTransaction(db, (trx) => deleteFollowUpItem(trx, user, id, ref.data));
			else {
				const form = parseForm(followUpItemFormSchema, formData);
				if (!form.ok) return invalidForm(formName, form.errors, values, rowId);
				result = await writeInTransaction(db, (trx) => updateFollowUpItem(trx, user, id, ref.data, form.data));
			}
		}
		if (result.kind !== 'ok')
			return formRefusal(result, { form: formName, values, rowId, conflict: registerConflict(ITEM_FIELDS) });
		redirect(303, `/anbefalinger/${recommendation.id}/opfoelgning?gemt=${formName}`);
	};
}

export const actions: Actions = {
	add: itemAction('add'),
	save: itemAction('save'),
	delete: itemAction('delete'),
	state: itemAction('state')
};
