import { fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/policy';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan, requireUser } from '$lib/server/auth/guards';
import { parseForm, fieldErrors, type FieldErrors } from '$lib/server/http/forms';
import { createAnnualReport, listAnnualReports } from '$lib/server/annual-report/reports';
import { createReportSchema } from '$lib/schemas/annual-report';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';

// Every signed-in role reads the annual status here; politicians see published reports only (DESIGN §5).
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const reports = await listAnnualReports(db, user.organisationId, { publishedOnly: !can(user, 'report.read', { state: 'draft' }) });
	const mayCreate = can(user, 'report.create');
	const programmes = mayCreate
		? await db.selectFrom('programme').select(['id', 'name']).where('organisationId', '=', user.organisationId).where('archivedAt', 'is', null).orderBy('id').execute()
		: [];
	return { reports, mayCreate, programmes, defaultYear: Number(todayInCopenhagen().slice(0, 4)) - 1 };
};

/** The create form's submitted values, to refill it. */
function formValues(values: Record<string, string>): { year?: string; asOf?: string; programmeId?: string } {
	return values;
}

export const actions: Actions = {
	create: async (event) => {
		const user = requireCan(event, 'report.create');
		const form = parseForm(createReportSchema, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: formValues(form.values) });
		const db = await getDb();
		const result = await createAnnualReport(db, user, { ...form.data, clientAddress: event.getClientAddress() });
		if (result.kind === 'ok') redirect(303, `/status/${result.id}`);
		if (result.kind === 'exists') return fail(409, { errors: fieldErrors({ year: t('annual.exists') }), values: formValues({ year: String(form.data.year) }) });
		if (result.kind === 'not_found') return fail(400, { errors: fieldErrors({ programmeId: t('annual.programme_not_found') }), values: formValues({ year: String(form.data.year) }) });
		return fail(403, { errors: fieldErrors({ form: t('annual.forbidden') }) as FieldErrors, values: formValues({}) });
	}
};
