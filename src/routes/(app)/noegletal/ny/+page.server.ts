import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { requireCan } from '$lib/server/auth/guards';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { createKpiDefinition, loadKpiFormOptions, loadKpiPreset, parseKpiForm, withPicks } from '$lib/server/kpis';
import { parseId } from '$lib/schemas/fields';

/** ?anbefaling=ID: the recommendation whose page the form was opened from (ignored when it is not the organisation's). */
function fromRecommendation(url: URL): number | null {
	return parseId(url.searchParams.get('anbefaling') ?? '');
}

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'register.edit');
	const db = await getDb();
	const from = fromRecommendation(event.url);
	const [options, preset] = await Promise.all([
		loadKpiFormOptions(db, user.organisationId),
		from === null ? null : loadKpiPreset(db, user.organisationId, from)
	]);
	if (!preset) return { options, preset: null };
	// Linked to the recommendation, and primary when it is its first KPI.
	const id = preset.recommendation.id;
	return { options: { ...options, linked: [id], primary: preset.primary ? [id] : [] }, preset };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireCan(event, 'register.edit');
		const formData = await event.request.formData();
		const form = parseKpiForm(formData);
		if (!form.ok) return withPicks(invalidForm('kpi', form.errors, formValues(formData)), formData);
		const db = await getDb();
		const result = await writeInTransaction(db, (trx) =>
			createKpiDefinition(trx, user.organisationId, user.id, form.data, event.getClientAddress())
		);
		if (result.kind !== 'ok')
			return withPicks(formRefusal(result, { form: 'kpi', values: formValues(formData) }), formData);
		// Opened from a recommendation: back to it, where the new KPI is shown.
		const from = fromRecommendation(event.url);
		const preset = from === null ? null : await loadKpiPreset(db, user.organisationId, from);
		if (preset) redirect(303, `/anbefalinger/${preset.recommendation.id}?oprettet=${result.id}#noegletal`);
		redirect(303, `/noegletal/${result.id}`);
	}
};
