import { redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/policy';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { requireCan, requireUser } from '$lib/server/auth';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { createAnnualReport, listAnnualReports } from '$lib/server/annual-report';
import { listProgrammes } from '$lib/server/register';
import { createReportSchema } from '$lib/schemas/annual-report';
import { todayInCopenhagen } from '$lib/domain/dates';

// Every signed-in role reads the annual status here; politicians see published reports only (DESIGN §5).
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const publishedOnly = !can(user, 'report.read', { state: 'draft' });
	const reports = await listAnnualReports(db, user.organisationId, { publishedOnly });
	// A politician is told that an approved report exists and waits for publishing (only that: no content).
	const awaiting = publishedOnly
		? (await listAnnualReports(db, user.organisationId, { publishedOnly: false }))
				.filter((r) => r.state === 'approved' && r.approvedAt && r.replacedById === null)
				.map((r) => ({
					id: r.id,
					year: r.year,
					edition: r.edition,
					programmeName: r.programmeName,
					approvedAt: r.approvedAt!
				}))
		: [];
	const mayCreate = can(user, 'report.create');
	// A report is started for the whole organisation or one programme that is not archived.
	const programmes = mayCreate
		? (await listProgrammes(db, user.organisationId))
				.filter((p) => p.archivedAt === null)
				.map(({ id, name }) => ({ id, name }))
		: [];
	return { reports, awaiting, mayCreate, programmes, defaultYear: Number(todayInCopenhagen().slice(0, 4)) - 1 };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireCan(event, 'report.create');
		const formData = await event.request.formData();
		const values = formValues(formData);
		const form = parseForm(createReportSchema, formData);
		if (!form.ok) return invalidForm('create', form.errors, values);
		const result = await writeInTransaction(await getDb(), (trx) =>
			createAnnualReport(trx, user, { ...form.data, clientAddress: event.getClientAddress() })
		);
		if (result.kind !== 'ok') return formRefusal(result, { form: 'create', values });
		redirect(303, `/status/${result.id}`);
	}
};
