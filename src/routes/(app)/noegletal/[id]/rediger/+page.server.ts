import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { requireCan } from '$lib/server/auth/guards';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import {
	findKpi,
	kpiDefinitionOf,
	loadKpiFormOptions,
	parseKpiForm,
	updateKpiDefinition,
	withPicks
} from '$lib/server/kpis';
import { idParam } from '$lib/schemas/fields';
import { parseDecimal, plainDecimal } from '$lib/domain/numbers';
import { t } from '$lib/server/messages';

/** Admins and directors only; the KPI must be of their organisation (else 404). */
async function target(event: RequestEvent) {
	const user = requireCan(event, 'register.edit');
	const id = idParam.safeParse(event.params.id);
	const db = await getDb();
	const kpi = id.success ? await findKpi(db, user.organisationId, id.data) : undefined;
	if (!kpi) error(404, t('kpi.not_found'));
	return { user, kpi, db };
}

/** A stored number as the form shows it: Danish decimal comma, no grouping (what decimalText reads back). */
const danish = (value: number) => plainDecimal(value).replace('.', ',');

export const load: PageServerLoad = async (event) => {
	const { user, kpi, db } = await target(event);
	const { baseline, target: goal } = kpiDefinitionOf(kpi);
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
			baselineValue: danish(baseline.value),
			baselinePeriod: kpi.baselinePeriod,
			targetValue: danish(goal.value),
			targetPeriod: kpi.targetPeriod,
			assessment: kpi.assessment,
			minValue: kpi.minValue === null ? '' : danish(parseDecimal(kpi.minValue)),
			maxValue: kpi.maxValue === null ? '' : danish(parseDecimal(kpi.maxValue)),
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
		if (!form.ok) return withPicks(invalidForm('kpi', form.errors, formValues(formData)), formData);
		const result = await writeInTransaction(db, (trx) =>
			updateKpiDefinition(trx, user.organisationId, user.id, kpi.id, form.data)
		);
		if (result.kind !== 'ok') {
			// Stale: the page shows the stored KPI again (its new version), so the editor corrects what is there now.
			return withPicks(
				formRefusal(result, {
					form: 'kpi',
					values: formValues(formData),
					conflict: (stale) => ({ storedName: String(stale.current?.name ?? '') }),
					staleMessage:
						result.kind === 'stale' ? t('kpi_form.stale', { stored: String(result.current?.name ?? '') }) : undefined
				}),
				formData
			);
		}
		redirect(303, `/noegletal/${kpi.id}`);
	}
};
