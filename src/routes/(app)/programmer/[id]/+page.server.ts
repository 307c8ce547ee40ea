import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/http/forms';
import { programmeFormSchema, rowRef, themeFormSchema, version } from '$lib/schemas/register';
import { writeInTransaction, type WriteResult } from '$lib/server/infra/write-result';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import {
	changedFieldLabels,
	createTheme,
	deleteTheme,
	listProgrammeRecommendations,
	listThemes,
	moveTheme,
	programmeTarget,
	registerConflict,
	setProgrammeArchived,
	updateProgramme,
	updateTheme
} from '$lib/server/register';
import { listAuditEvents } from '$lib/server/audit/audit-events';

export const load: PageServerLoad = async (event) => {
	const { user, db, programme } = await programmeTarget(event);
	const [themes, recommendations, history] = await Promise.all([
		listThemes(db, user.organisationId, programme.id),
		listProgrammeRecommendations(db, user.organisationId, programme.id),
		listAuditEvents(db, user.organisationId, 'programme', programme.id)
	]);
	return {
		programme: {
			id: programme.id,
			name: programme.name,
			version: programme.version,
			archived: programme.archivedAt !== null
		},
		values: {
			name: programme.name,
			body: programme.body,
			description: programme.description,
			adoptedOn: programme.adoptedOn ?? '',
			minutesReference: programme.minutesReference
		},
		themes,
		recommendations,
		history: history.map((e) => ({ ...e, detail: changedFieldLabels(e.after, e.before) }))
	};
};

const moveSchema = z.object({ id: rowRef.shape.id, direction: z.enum(['up', 'down']) });

async function themeAction(event: RequestEvent, op: 'add' | 'save' | 'delete' | 'move') {
	const { user, db, programme } = await programmeTarget(event);
	const formData = await event.request.formData();
	const values = formValues(formData);
	const formName = `theme-${op}`;
	let result: WriteResult<{ id: number }>;
	let rowId: number | undefined;
	if (op === 'move') {
		const form = parseForm(moveSchema, formData);
		if (!form.ok) return invalidForm(formName, form.errors, values);
		result = await writeInTransaction(db, (trx) => moveTheme(trx, user, form.data.id, form.data.direction));
	} else if (op === 'add') {
		const form = parseForm(themeFormSchema, formData);
		if (!form.ok) return invalidForm(formName, form.errors, values);
		result = await writeInTransaction(db, (trx) => createTheme(trx, user, programme.id, form.data));
	} else {
		const ref = parseForm(rowRef, formData);
		if (!ref.ok) return invalidForm(formName, ref.errors, values);
		rowId = ref.data.id;
		if (op === 'delete')
			result = await writeInTransaction(db, (trx) => deleteTheme(trx, user, ref.data.id, ref.data.version));
		else {
			const form = parseForm(themeFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values, rowId);
			result = await writeInTransaction(db, (trx) => updateTheme(trx, user, ref.data.id, form.data, ref.data.version));
		}
	}
	if (result.kind !== 'ok')
		return formRefusal(result, { form: formName, values, rowId, conflict: registerConflict(['name', 'description']) });
	redirect(303, `/programmer/${programme.id}?gemt=${formName}#temaer`);
}

async function archiveAction(event: RequestEvent, archived: boolean) {
	const { user, db, programme } = await programmeTarget(event);
	const formData = await event.request.formData();
	const parsed = version.safeParse(formData.get('version'));
	if (!parsed.success) return invalidForm('archive', { version: parsed.error.issues[0].message }, {});
	const result = await writeInTransaction(db, (trx) =>
		setProgrammeArchived(trx, user, programme.id, archived, parsed.data)
	);
	if (result.kind !== 'ok') return formRefusal(result, { form: 'archive', conflict: registerConflict() });
	redirect(303, `/programmer/${programme.id}?gemt=${archived ? 'arkiveret' : 'genaabnet'}`);
}

export const actions: Actions = {
	save: async (event) => {
		const { user, db, programme } = await programmeTarget(event);
		const formData = await event.request.formData();
		const values = formValues(formData);
		const form = parseForm(programmeFormSchema, formData);
		const formVersion = version.safeParse(formData.get('version'));
		if (!form.ok || !formVersion.success)
			return invalidForm('save', form.ok ? { version: formVersion.error!.issues[0].message } : form.errors, values);
		const result = await writeInTransaction(db, (trx) =>
			updateProgramme(trx, user, programme.id, form.data, formVersion.data)
		);
		if (result.kind !== 'ok') return formRefusal(result, { form: 'save', values, conflict: registerConflict() });
		redirect(303, `/programmer/${programme.id}?gemt=program`);
	},
	archive: (event) => archiveAction(event, true),
	restore: (event) => archiveAction(event, false),
	addTheme: (event) => themeAction(event, 'add'),
	saveTheme: (event) => themeAction(event, 'save'),
	deleteTheme: (event) => themeAction(event, 'delete'),
	moveTheme: (event) => themeAction(event, 'move')
};
