import { can } from '$lib/domain/policy';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { parseForm, fieldErrors } from '$lib/server/http/forms';
import { canEditKpi, requireCan } from '$lib/server/auth/guards';
import { listObservations } from '$lib/server/kpis/kpis';
import { deleteObservation, findKpi, listKpiRecommendations, saveObservation } from '$lib/server/kpis/observations';
import { listObservationAuditEvents } from '$lib/server/audit/audit-events';
import { createComparison, listComparisons, saveComparisonValues } from '$lib/server/kpis/comparisons';
import { comparisonSchema, comparisonValuesSchema } from '$lib/schemas/comparison';
import { kpiDefinitionOf } from '$lib/server/kpis/status';
import { observationFormSchema } from '$lib/schemas/observation';
import { computeKpiProgress } from '$lib/domain/progress';
import { nextMissingPeriod } from '$lib/domain/entry';
import { parseDecimal } from '$lib/domain/numbers';
import { formatKpiValue } from '$lib/domain/format';
import { formatPeriodDa } from '$lib/domain/periods';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The user and the KPI, which must be of the user's organisation (else 404). */
async function kpiFor(event: RequestEvent) {
	const user = requireCan(event, 'live.read');
	const id = idSchema.safeParse(event.params.id);
	if (!id.success) error(404, t('kpi.not_found'));
	const db = await getDb();
	const kpi = await findKpi(db, user.organisationId, id.data);
	if (!kpi) error(404, t('kpi.not_found'));
	return { user, kpi, db };
}

export const load: PageServerLoad = async (event) => {
	const { user, kpi, db } = await kpiFor(event);
	const asOf = todayInCopenhagen();
	const [observations, recommendations, canEdit, comparisons] = await Promise.all([
		listObservations(db, user.organisationId, [kpi.id]),
		listKpiRecommendations(db, user.organisationId, kpi.id),
		canEditKpi(db, user, kpi.id),
		listComparisons(db, user.organisationId, [kpi.id])
	]);
	const series = observations.map((o) => ({ ...o, numericValue: parseDecimal(o.value) }));
	const progress = computeKpiProgress(kpiDefinitionOf(kpi), series.map((o) => ({ period: o.period, value: o.numericValue })), asOf);
	const editing = series.find((o) => o.period === event.url.searchParams.get('periode')) ?? null;
	return {
		asOf,
		kpi: { ...kpi, baseline: parseDecimal(kpi.baselineValue), target: parseDecimal(kpi.targetValue) },
		series,
		progress,
		recommendations,
		comparisons,
		canEdit,
		canDefine: can(user, 'register.edit'),
		nextPeriod: nextMissingPeriod(kpi.frequency, kpi.baselinePeriod, series.map((o) => o.period), asOf),
		editing,
		history: can(user, 'history.read') ? await listObservationAuditEvents(db, user.organisationId, kpi.id) : null
	};
};

export const actions: Actions = {
	addComparison: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		requireCan(event, 'register.edit');
		const form = parseForm(comparisonSchema, await event.request.formData());
		if (!form.ok) return fail(400, { comparisonErrors: form.errors });
		const id = await createComparison(db, user.organisationId, user.id, kpi.id, form.data);
		if (id === null) return fail(409, { comparisonErrors: fieldErrors({ name: t('comparison.name_taken') }) });
		return { notice: t('comparison.created') };
	},
	comparisonValues: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		requireCan(event, 'register.edit');
		const form = parseForm(comparisonValuesSchema(kpi.frequency), await event.request.formData());
		if (!form.ok) return fail(400, { valueErrors: form.errors, comparisonId: Number(form.values.comparisonId) || null });
		const [series] = (await listComparisons(db, user.organisationId, [kpi.id])).filter((c) => c.id === form.data.comparisonId);
		if (!series) error(404, t('kpi.not_found'));
		await saveComparisonValues(db, user.organisationId, user.id, series, form.data.lines);
		return { notice: t('comparison.saved') };
	},
	save: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		// The object-level check: a project lead may write only KPIs assigned to them, whatever the form says.
		if (!(await canEditKpi(db, user, kpi.id))) error(403, t('observation.not_allowed'));
		const form = parseForm(observationFormSchema(kpi.frequency), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { period, value, comment, source, seriesBreak, version } = form.data;
		const result = await saveObservation(db, {
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
		});
		if (result.kind === 'conflict') {
			const yours = formatKpiValue(value, kpi.unit, kpi.decimals);
			const periodText = formatPeriodDa(period);
			const message = result.stored
				? t('observation.conflict', { period: periodText, stored: formatKpiValue(parseDecimal(result.stored.value), kpi.unit, kpi.decimals), yours })
				: t('observation.conflict_deleted', { period: periodText, yours });
			return fail(409, {
				errors: fieldErrors({ form: message }),
				values: { period, value: String(value).replace('.', ','), comment, source, version: result.stored ? String(result.stored.version) : '' }
			});
		}
		const key = result.kind === 'unchanged' ? 'observation.unchanged' : 'observation.saved';
		return { notice: t(key, { period: formatPeriodDa(period) }) };
	},
	delete: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		if (!(await canEditKpi(db, user, kpi.id))) error(403, t('observation.not_allowed'));
		const form = parseForm(
			z.object({
				period: z.string().max(20),
				version: z.coerce.number().int().positive(),
				confirm: z.literal('on', { error: t('observation.delete_confirm_required') })
			}),
			await event.request.formData()
		);
		if (!form.ok) return fail(400, { deleteErrors: form.errors, period: form.values.period ?? '' });
		const deleted = await deleteObservation(db, {
			organisationId: user.organisationId,
			kpiId: kpi.id,
			period: form.data.period,
			expectedVersion: form.data.version,
			userId: user.id,
			clientAddress: event.getClientAddress()
		});
		if (!deleted) return fail(409, { deleteErrors: fieldErrors({ form: t('observation.version_invalid') }), period: form.data.period });
		return { notice: t('observation.deleted', { period: formatPeriodDa(form.data.period) }) };
	}
};
