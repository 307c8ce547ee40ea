import { can } from '$lib/domain/policy';
import { error, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { requireCan } from '$lib/server/auth/guards';
import {
	canEditKpi,
	createComparison,
	deleteObservation,
	findKpi,
	listComparisons,
	listKpiRecommendations,
	listObservations,
	kpiDefinitionOf,
	loadKpiProgress,
	saveComparisonValues,
	saveObservation,
	storedObservationOf
} from '$lib/server/kpis';
import { listObservationAuditEvents } from '$lib/server/audit/audit-events';
import { comparisonSchema, comparisonValuesSchema } from '$lib/schemas/comparison';
import { observationFormSchema } from '$lib/schemas/observation';
import { idParam } from '$lib/schemas/fields';
import { nextMissingPeriod } from '$lib/domain/entry';
import { formatKpiValue } from '$lib/domain/format';
import { formatPeriodDa } from '$lib/domain/periods';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';

/** The user and the KPI, which must be of the user's organisation (else 404). */
async function kpiFor(event: RequestEvent) {
	const user = requireCan(event, 'live.read');
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, t('kpi.not_found'));
	const db = await getDb();
	const kpi = await findKpi(db, user.organisationId, id.data);
	if (!kpi) error(404, t('kpi.not_found'));
	return { user, kpi, db };
}

export const load: PageServerLoad = async (event) => {
	const { user, kpi, db } = await kpiFor(event);
	const asOf = todayInCopenhagen();
	const [series, progress, recommendations, canEdit, comparisons] = await Promise.all([
		listObservations(db, user.organisationId, [kpi.id]),
		loadKpiProgress(db, user.organisationId, asOf, [kpi]),
		listKpiRecommendations(db, user.organisationId, kpi.id),
		canEditKpi(db, user, kpi.id),
		listComparisons(db, user.organisationId, [kpi.id])
	]);
	const editing = series.find((o) => o.period === event.url.searchParams.get('periode')) ?? null;
	return {
		asOf,
		kpi: { ...kpi, baseline: kpiDefinitionOf(kpi).baseline.value, target: kpiDefinitionOf(kpi).target.value },
		series,
		progress: progress.get(kpi.id)!,
		recommendations,
		comparisons,
		canEdit,
		canDefine: can(user, 'register.edit'),
		nextPeriod: nextMissingPeriod(
			kpi.frequency,
			kpi.baselinePeriod,
			series.map((o) => o.period),
			asOf
		),
		editing,
		history: can(user, 'history.read') ? await listObservationAuditEvents(db, user.organisationId, kpi.id) : null
	};
};

const deleteSchema = z.object({
	period: z.string().max(20),
	version: z.coerce.number().int().positive(),
	confirm: z.literal('on', { error: t('observation.delete_confirm_required') })
});

export const actions: Actions = {
	addComparison: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		requireCan(event, 'register.edit');
		const formData = await event.request.formData();
		const form = parseForm(comparisonSchema, formData);
		if (!form.ok) return invalidForm('comparison-add', form.errors, formValues(formData));
		const result = await writeInTransaction(db, (trx) =>
			createComparison(trx, user.organisationId, user.id, kpi.id, form.data)
		);
		if (result.kind !== 'ok') return formRefusal(result, { form: 'comparison-add', values: formValues(formData) });
		return { notice: t('comparison.created') };
	},
	comparisonValues: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		requireCan(event, 'register.edit');
		const formData = await event.request.formData();
		const form = parseForm(comparisonValuesSchema(kpi.frequency), formData);
		if (!form.ok)
			return invalidForm(
				'comparison-values',
				form.errors,
				formValues(formData),
				Number(form.values.comparisonId) || null
			);
		const [series] = (await listComparisons(db, user.organisationId, [kpi.id])).filter(
			(c) => c.id === form.data.comparisonId
		);
		if (!series) error(404, t('kpi.not_found'));
		await inTransaction(db, (trx) => saveComparisonValues(trx, user.organisationId, user.id, series, form.data.lines));
		return { notice: t('comparison.saved') };
	},
	save: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		// The object-level check: a project lead may write only KPIs assigned to them, whatever the form says.
		if (!(await canEditKpi(db, user, kpi.id))) error(403, t('observation.not_allowed'));
		const formData = await event.request.formData();
		const form = parseForm(observationFormSchema(kpi.frequency), formData);
		if (!form.ok) return invalidForm('save', form.errors, formValues(formData));
		const { period, value, comment, source, seriesBreak, version } = form.data;
		const result = await writeInTransaction(db, (trx) =>
			saveObservation(trx, {
				organisationId: user.organisationId,
				kpiId: kpi.id,
				period,
				value,
				comment,
				source,
				seriesBreak,
				expectedVersion: version,
				userId: user.id,
				clientAddress: event.getClientAddress()
			})
		);
		if (result.kind === 'stale') {
			// The form comes back with what was typed and the stored version, so saving again overwrites knowingly.
			const stored = storedObservationOf(result);
			const yours = formatKpiValue(value, kpi.unit, kpi.decimals);
			const periodText = formatPeriodDa(period);
			const staleMessage = stored
				? t('observation.conflict', {
						period: periodText,
						stored: formatKpiValue(stored.value, kpi.unit, kpi.decimals),
						yours
					})
				: t('observation.conflict_deleted', { period: periodText, yours });
			const values = {
				period,
				value: String(value).replace('.', ','),
				comment,
				source,
				version: stored ? String(stored.version) : ''
			};
			return formRefusal(result, { form: 'save', values, staleMessage });
		}
		if (result.kind !== 'ok') return formRefusal(result, { form: 'save', values: formValues(formData) });
		const key = result.change === 'unchanged' ? 'observation.unchanged' : 'observation.saved';
		return { notice: t(key, { period: formatPeriodDa(period) }) };
	},
	delete: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		if (!(await canEditKpi(db, user, kpi.id))) error(403, t('observation.not_allowed'));
		const formData = await event.request.formData();
		const form = parseForm(deleteSchema, formData);
		if (!form.ok) return invalidForm('delete', form.errors, formValues(formData));
		const { period, version } = form.data;
		const result = await writeInTransaction(db, (trx) =>
			deleteObservation(trx, {
				organisationId: user.organisationId,
				kpiId: kpi.id,
				period,
				expectedVersion: version,
				userId: user.id,
				clientAddress: event.getClientAddress()
			})
		);
		if (result.kind !== 'ok')
			return formRefusal(result, {
				form: 'delete',
				values: formValues(formData),
				staleMessage: t('observation.version_invalid')
			});
		return { notice: t('observation.deleted', { period: formatPeriodDa(period) }) };
	}
};
