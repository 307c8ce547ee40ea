import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/http/forms';
import { programmeFormSchema, rowRef, themeFormSchema, version } from '$lib/schemas/register';
import { createTheme, deleteTheme, listThemes, moveTheme, setProgrammeArchived, updateProgramme, updateTheme, type WriteResult } from '$lib/server/register/register';
import { invalidForm, programmeTarget, refusal, submittedValues } from '$lib/server/register/pages';
import { listAuditEvents } from '$lib/server/audit/audit-events';
import { changedFieldLabels } from '$lib/server/register/display';

export const load: PageServerLoad = async (event) => {
	const { user, db, programme } = await programmeTarget(event);
	const [themes, recommendations, history] = await Promise.all([
		listThemes(db, user.organisationId, programme.id),
		db
			.selectFrom('recommendation as r')
			.leftJoin('theme as t', 't.id', 'r.themeId')
			.where('r.programmeId', '=', programme.id)
			.where('r.organisationId', '=', user.organisationId)
			.select(['r.id', 'r.number', 'r.title', 'r.lifecycle', 't.name as themeName'])
			.orderBy('r.number')
			.execute(),
		listAuditEvents(db, user.organisationId, 'programme', programme.id)
	]);
	return {
		programme: { id: programme.id, name: programme.name, version: programme.version, archived: programme.archivedAt !== null },
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
	const values = submittedValues(formData);
	const formName = `theme-${op}`;
	let result: WriteResult;
	let rowId: number | undefined;
	if (op === 'move') {
		const form = parseForm(moveSchema, formData);
		if (!form.ok) return invalidForm(formName, form.errors, values);
		result = await moveTheme(db, user, form.data.id, form.data.direction);
	} else if (op === 'add') {
		const form = parseForm(themeFormSchema, formData);
		if (!form.ok) return invalidForm(formName, form.errors, values);
		result = await createTheme(db, user, programme.id, form.data);
	} else {
		const ref = parseForm(rowRef, formData);
		if (!ref.ok) return invalidForm(formName, ref.errors, values);
		rowId = ref.data.id;
		if (op === 'delete') result = await deleteTheme(db, user, ref.data.id, ref.data.version);
		else {
			const form = parseForm(themeFormSchema, formData);
			if (!form.ok) return invalidForm(formName, form.errors, values, rowId);
			result = await updateTheme(db, user, ref.data.id, form.data, ref.data.version);
		}
	}
	if (result.kind !== 'ok') return refusal(result, { form: formName, values, rowId, rowFields: ['name', 'description'] });
	redirect(303, `/programmer/${programme.id}?gemt=${formName}#temaer`);
}

async function archiveAction(event: RequestEvent, archived: boolean) {
	const { user, db, programme } = await programmeTarget(event);
	const formData = await event.request.formData();
	const parsed = version.safeParse(formData.get('version'));
	if (!parsed.success) return invalidForm('archive', { version: parsed.error.issues[0].message }, {});
	const result = await setProgrammeArchived(db, user, programme.id, archived, parsed.data);
	if (result.kind !== 'ok') return refusal(result, { form: 'archive' });
	redirect(303, `/programmer/${programme.id}?gemt=${archived ? 'arkiveret' : 'genaabnet'}`);
}

export const actions: Actions = {
	save: async (event) => {
		const { user, db, programme } = await programmeTarget(event);
		const formData = await event.request.formData();
		const values = submittedValues(formData);
		const form = parseForm(programmeFormSchema, formData);
		const formVersion = version.safeParse(formData.get('version'));
		if (!form.ok || !formVersion.success) return invalidForm('save', form.ok ? { version: formVersion.error!.issues[0].message } : form.errors, values);
		const result = await updateProgramme(db, user, programme.id, form.data, formVersion.data);
		if (result.kind !== 'ok') return refusal(result, { form: 'save', values });
		redirect(303, `/programmer/${programme.id}?gemt=program`);
	},
	archive: (event) => archiveAction(event, true),
	restore: (event) => archiveAction(event, false),
	addTheme: (event) => themeAction(event, 'add'),
	saveTheme: (event) => themeAction(event, 'save'),
	deleteTheme: (event) => themeAction(event, 'delete'),
	moveTheme: (event) => themeAction(event, 'move')
};
