import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan } from '$lib/server/auth/guards';
import { fieldErrors } from '$lib/server/http/forms';
import { formPicks, formValues, parseKpiForm } from '$lib/server/kpis/form';
import { loadKpiFormOptions, updateKpiDefinition } from '$lib/server/kpis/definitions';
import { findKpi } from '$lib/server/kpis/observations';
import { parseDecimal } from '$lib/domain/numbers';
import { t } from '$lib/server/messages';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Admins and directors only; the KPI must be of their organisation (else 404). */
async function target(event: RequestEvent) {
	const user = requireCan(event, 'register.edit');
	const id = idSchema.safeParse(event.params.id);
	const db = await getDb();
	const kpi = id.success ? await findKpi(db, user.organisationId, id.data) : undefined;
	if (!kpi) error(404, t('kpi.not_found'));
	return { user, kpi, db };
}

const decimalText = (text: string) => String(parseDecimal(text)).replace('.', ',');

export const load: PageServerLoad = async (event) => {
	const { user, kpi, db } = await target(event);
	return {
		kpi: { id: kpi.id, name: kpi.name, version: kpi.version },
		values: {
			name: kpi.name,
			description: kpi.description,
			unit: kpi.unit,
			decimals: String(kpi.decimals),
			direction: kpi.direction,
			frequency: kpi.frequency,
			scope: kpi.scope,
			dataSource: kpi.dataSource,
			baselineValue: decimalText(kpi.baselineValue),
			baselinePeriod: kpi.baselinePeriod,
			targetValue: decimalText(kpi.targetValue),
			targetPeriod: kpi.targetPeriod,
			illustrative: kpi.illustrative ? 'on' : ''
		},
		options: await loadKpiFormOptions(db, user.organisationId, kpi.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, kpi, db } = await target(event);
		const formData = await event.request.formData();
		const form = parseKpiForm(formData);
		if (!form.ok) return fail(400, { errors: form.errors, values: formValues(formData), picks: formPicks(formData) });
		const result = await updateKpiDefinition(db, user.organisationId, user.id, kpi.id, form.data);
		if (result.kind === 'stale') return fail(409, { message: t('kpi_form.stale', { stored: result.storedName }) });
		if (result.kind === 'name_taken') return fail(409, { errors: fieldErrors({ name: t('api.kpi_name_taken') }), values: formValues(formData), picks: formPicks(formData) });
		if (result.kind === 'frequency_locked') return fail(409, { errors: fieldErrors({ frequency: t('kpi_form.frequency_locked') }), values: formValues(formData), picks: formPicks(formData) });
		redirect(303, `/noegletal/${kpi.id}`);
	}
};
