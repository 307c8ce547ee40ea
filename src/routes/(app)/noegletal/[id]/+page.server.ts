import { can } from '$lib/domain/policy';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm, type FormFailure } from '$lib/server/http/refusal';
import { requireCan } from '$lib/server/auth/guards';
import {
	forecastsOf,
	canEditKpi,
	createComparison,
	deleteObservation,
	findKpi,
	listComparisons,
	listKpiRecommendations,
	listObservations,
	listObservationsWithAuthor,
	kpiDefinitionOf,
	loadKpiProgress,
	saveComparisonValues,
	saveEnteredObservation
} from '$lib/server/kpis';
import { listObservationAuditEvents, valueChangeOf } from '$lib/server/audit/audit-events';
import { loadEntryGrid, readEntryGridForm, saveEntryGrid } from '$lib/server/imports';
import { comparisonSchema, comparisonValuesSchema } from '$lib/schemas/comparison';
import { observationFormSchema } from '$lib/schemas/observation';
import { idParam } from '$lib/schemas/fields';
import { nextMissingPeriod } from '$lib/domain/entry';
import { forecastLine } from '$lib/domain/forecast-text';
import { formatDateTimeDa, formatKpiValue } from '$lib/domain/format';
import { plainDecimal } from '$lib/domain/numbers';
import { roundForKpi } from '$lib/domain/plausibility';
import type { Kpi } from '../../../../../db/types';
import { formatPeriod, formatPeriodDa, parsePeriodFor, parsePeriodInputFor } from '$lib/domain/periods';
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

/** A refused save's answer: the form it answers and the typed text, to refill it (see FormFailure). */
function saveFailure(values: Record<string, string>): SaveFailure {
	return {
		form: 'save',
		rowId: null,
		message: null,
		errors: {},
		values,
		conflict: null,
		unusual: false,
		replace: null
	};
}

/** The save form's refusal: with the overwrite question (`replace`) or the unusual-value tick (`unusual`). */
type SaveFailure = FormFailure<never> & { unusual: boolean; replace: { stored: string } | null };

/** The periods the entry grid saved, as its redirect names them (`?gemt=2026-09,2026-10`): at most a grid's 12. */
const MAX_GRID_PERIODS = 12;
const danishList = new Intl.ListFormat('da-DK', { type: 'conjunction' });

/**
 * The confirmation after a save or delete, from the address the action redirected to (post/redirect/get:
 * `?gemt=2026-09`, `?slettet=2026-09`; the grid's `?gemt=2026-09,2026-10`), in the words of the request's
 * language; null when there is none.
 */
function feedbackFrom(url: URL, kpi: { unit: Kpi['unit']; decimals: number; frequency: Kpi['frequency'] }) {
	const periodOf = (name: string) => {
		const text = url.searchParams.get(name);
		const period = text ? parsePeriodFor(text, kpi.frequency) : null;
		return period?.ok ? formatPeriodDa(period.period) : null;
	};
	const deleted = periodOf('slettet');
	if (deleted) return t('observation.deleted', { period: deleted });
	const several = (url.searchParams.get('gemt') ?? '').split(',');
	if (several.length > 1 && several.length <= MAX_GRID_PERIODS) {
		const periods = several.map((text) => parsePeriodFor(text, kpi.frequency));
		if (periods.every((p) => p.ok))
			return t('observation.saved_many', { periods: danishList.format(periods.map((p) => formatPeriodDa(p.period))) });
	}
	const saved = periodOf('gemt');
	if (!saved) return null;
	if (url.searchParams.has('uaendret')) return t('observation.unchanged', { period: saved });
	const typed = Number(url.searchParams.get('afrundet') ?? NaN);
	const note = Number.isFinite(typed) ? roundForKpi(kpi, typed).rounded : null;
	return note ? `${t('observation.saved', { period: saved })} ${note}` : t('observation.saved', { period: saved });
}

export const load: PageServerLoad = async (event) => {
	const { user, kpi, db } = await kpiFor(event);
	const asOf = todayInCopenhagen();
	const [series, progress, recommendations, canEdit, comparisons, withAuthors] = await Promise.all([
		listObservations(db, user.organisationId, [kpi.id]),
		loadKpiProgress(db, user.organisationId, asOf, [kpi]),
		listKpiRecommendations(db, user.organisationId, kpi.id),
		canEditKpi(db, user, kpi.id),
		listComparisons(db, user.organisationId, [kpi.id]),
		listObservationsWithAuthor(db, user.organisationId, kpi.id)
	]);
	const editing = series.find((o) => o.period === event.url.searchParams.get('periode')) ?? null;
	const forecastOutcome = forecastsOf([{ id: kpi.id, definition: kpiDefinitionOf(kpi) }], series, asOf).get(kpi.id);
	// The entry grid of this KPI's missing periods, for those who may write it (the action checks again).
	const grid = canEdit ? await loadEntryGrid(db, user, asOf, { kpiId: kpi.id }) : null;
	return {
		asOf,
		kpi: { ...kpi, baseline: kpiDefinitionOf(kpi).baseline.value, target: kpiDefinitionOf(kpi).target.value },
		// The chart's series, the values table's rows and the overwrite question's stored values, each value once:
		// without the row id, KPI id or source, which the page never shows.
		series: series.map(({ id: _id, kpiId: _kpiId, source: _source, ...observation }) => observation),
		// The values table shows the newest values unless all were asked for (`?vaerdier=alle`), and always the
		// periods just saved or being edited (`?gemt=2022-06`, `?periode=2022-06`), however old.
		allValues: event.url.searchParams.get('vaerdier') === 'alle',
		pinnedPeriods: [
			...(event.url.searchParams.get('gemt') ?? '').split(','),
			event.url.searchParams.get('periode') ?? ''
		].filter((period) => period !== ''),
		progress: progress.get(kpi.id)!,
		// DESIGN §3 forecast: the model's numbers for the chart's fan and table, and its sentence for the status panel.
		forecast: forecastOutcome?.kind === 'forecast' ? forecastOutcome.forecast : null,
		forecastText: forecastLine(forecastOutcome, { ...kpi, assessment: kpi.assessment }),
		recommendations,
		comparisons,
		canEdit,
		grid,
		canDefine: can(user, 'register.edit'),
		nextPeriod: nextMissingPeriod(
			kpi.frequency,
			kpi.baselinePeriod,
			series.map((o) => o.period),
			asOf
		),
		editing,
		feedback: feedbackFrom(event.url, kpi),
		/** Who entered each period's value: the overwrite question names them. */
		authors: Object.fromEntries(withAuthors.flatMap((o) => (o.enteredBy ? [[o.period, o.enteredBy]] : []))),
		loadedAt: new Date().toISOString(),
		// Each value's history (who, when, period, old → new, comment): admins, directors and the KPI's writers.
		history: can(user, 'history.read', { assigned: canEdit })
			? (await listObservationAuditEvents(db, user.organisationId, kpi.id)).map(
					({ id, occurredAt, action, actorLabel, actorName, ...event }) => ({
						id,
						occurredAt,
						action,
						actorLabel,
						actorName,
						value: valueChangeOf(event, kpi)
					})
				)
			: null
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
		const refill = { ...formValues(formData), period: form.data.period };
		const outcome = await inTransaction(db, (trx) =>
			saveEnteredObservation(trx, kpi, {
				...form.data,
				organisationId: user.organisationId,
				userId: user.id,
				clientAddress: event.getClientAddress()
			})
		);
		const periodText = formatPeriodDa(form.data.period);
		const show = (value: number) => formatKpiValue(value, kpi.unit, kpi.decimals);
		switch (outcome.kind) {
			case 'saved': {
				const query = new URLSearchParams({ gemt: form.data.period });
				if (outcome.change === 'unchanged') query.set('uaendret', '1');
				if (outcome.rounded) query.set('afrundet', plainDecimal(form.data.value));
				return redirect(303, `/noegletal/${kpi.id}?${query}#indtast`);
			}
			case 'invalid':
				return invalidForm(
					'save',
					Object.fromEntries(outcome.errors.map((e) => [e.field, e.message]).reverse()),
					refill
				);
			case 'unusual':
				return fail(400, { ...saveFailure(refill), message: outcome.message, unusual: true });
			case 'replace':
			case 'conflict': {
				const yours = show(outcome.value);
				const stored = outcome.stored;
				if (!stored) {
					// Deleted by someone else since the form was opened: saving again creates it anew.
					const message = t('observation.conflict_deleted', { period: periodText, yours });
					return fail(409, { ...saveFailure({ ...refill, version: '', versionOf: '' }), message });
				}
				// The form now holds the stored version: saving with the box ticked replaces exactly what was shown.
				const values = { ...refill, version: String(stored.version), versionOf: form.data.period, replace: '' };
				const storedText = show(stored.value);
				const asked = form.data.versionOf === form.data.period && !form.data.replace;
				const message =
					outcome.kind === 'conflict'
						? t('observation.conflict', { period: periodText, stored: storedText, yours })
						: `${t('observation.replace_question', {
								period: periodText,
								stored: storedText,
								by: stored.enteredBy ?? t('observation.unknown_author'),
								at: formatDateTimeDa(stored.enteredAt)
							})}${asked ? ` ${t('observation.replace_required')}` : ''}`;
				return fail(409, { ...saveFailure(values), message, replace: { stored: storedText } });
			}
			default:
				return formRefusal(outcome, { form: 'save', values: refill });
		}
	},
	/** The entry grid of this KPI's missing periods: every filled row saved in one transaction, or none. */
	grid: async (event) => {
		const { user, kpi, db } = await kpiFor(event);
		if (!(await canEditKpi(db, user, kpi.id))) error(403, t('observation.not_allowed'));
		const cells = readEntryGridForm(await event.request.formData());
		// The page's grid has this KPI's rows only; a post naming another KPI is not its form.
		const none: Record<string, string> = {};
		if (!cells || cells.some((cell) => cell.kpiId !== String(kpi.id)))
			return fail(400, {
				form: 'grid' as const,
				grid: { values: {}, errors: none, questions: none, message: t('grid.unreadable') }
			});
		const values = Object.fromEntries(cells.map((c) => [c.key, { value: c.value, comment: c.comment }]));
		const result = await saveEntryGrid(db, user, cells, event.getClientAddress());
		if (result.kind === 'ok') {
			// Saved, so every period was read as this KPI's: their canonical texts name them in the address.
			const canonical = cells.flatMap((cell) => {
				const period = parsePeriodInputFor(cell.period, kpi.frequency);
				return period.ok ? [formatPeriod(period.period)] : [];
			});
			redirect(303, `/noegletal/${kpi.id}?gemt=${[...new Set(canonical)].sort().join(',')}#indtast`);
		}
		// Errors on their rows; unusual changes as questions on theirs, saved with the grid's one tick.
		if (result.kind === 'rows')
			return fail(400, {
				form: 'grid' as const,
				grid: { values, errors: result.errors, questions: result.questions ?? none, message: null }
			});
		const message = result.kind === 'invalid' ? result.message : t('grid.stale');
		return fail(result.kind === 'invalid' ? 400 : 409, {
			form: 'grid' as const,
			grid: { values, errors: none, questions: none, message }
		});
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
		redirect(303, `/noegletal/${kpi.id}?slettet=${encodeURIComponent(period)}#indtast`);
	}
};
