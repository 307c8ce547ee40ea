import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { formatPeriodDa } from '$lib/domain/periods';
import { chartObservations } from '$lib/domain/chart-data';
import { markdownText } from '$lib/schemas/register';
import { parseId, periodText } from '$lib/schemas/fields';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { renderMarkdown } from '$lib/server/infra/markdown';
import { todayInCopenhagen } from '$lib/domain/dates';
import { t } from '$lib/server/messages';
import { canEditRecommendation, requireCan } from '$lib/server/auth/guards';
import { can } from '$lib/domain/policy';
import {
	listAuditEvents,
	listStatusUpdateAuditEvents,
	listValueAuditEventsOfKpis,
	valueChangeOf
} from '$lib/server/audit/audit-events';
import {
	changedFieldLabels,
	describeWhy,
	listAssignableLeads,
	loadDetailOf,
	recommendationTarget,
	storedNarrative,
	writeStatusUpdate
} from '$lib/server/register';

const markdownFields = [
	'intro',
	'purpose',
	'goal',
	'actions',
	'followUpText',
	'baselineDescription',
	'resourcesText',
	'nextStep'
] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireCan(event, 'live.read');
	// The layout found it, in the user's organisation (another organisation's is simply not found).
	const { recommendation } = await event.parent();
	const id = recommendation.id;
	const asOf = todayInCopenhagen();
	const db = await getDb();
	const [detail, leads] = await Promise.all([
		loadDetailOf(db, user.organisationId, recommendation, asOf),
		listAssignableLeads(db, user.organisationId, id)
	]);
	// The recommendation's own changes, its narratives' and its KPIs' values', newest first (admins and directors).
	const kpiById = new Map(detail.kpis.map((kpi) => [kpi.id, kpi]));
	const history = can(user, 'history.read', { assigned: false })
		? [
				...(await listAuditEvents(db, user.organisationId, 'recommendation', id)),
				...(await listStatusUpdateAuditEvents(db, user.organisationId, id)),
				...(await listValueAuditEventsOfKpis(db, user.organisationId, [...kpiById.keys()]))
			].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id)
		: null;
	const html = Object.fromEntries(
		markdownFields.map((field) => [field, renderMarkdown(detail.recommendation[field])])
	) as Record<(typeof markdownFields)[number], string>;
	const isEditor = can(user, 'register.edit');
	const canWrite = isEditor || (await canEditRecommendation(db, user, id));
	// The narrative form: this year's, or the one chosen with ?notat=PERIOD, prefilled with what is stored.
	const chosen = periodText(false).safeParse(event.url.searchParams.get('notat') ?? asOf.slice(0, 4));
	const notePeriod = chosen.success ? chosen.data : asOf.slice(0, 4);
	const stored = detail.statusUpdates.find((u) => u.period === notePeriod);
	// What the page shows of each KPI: its chart's series once (no row ids, comments or sources: those are on the
	// KPI's page), and not the model's raw forecast (its sentence is in `why`).
	const kpis = detail.kpis.map(
		({ series, forecast: _forecast, description: _d, scope: _s, dataSource: _ds, ...kpi }) => ({
			...kpi,
			series: chartObservations(series)
		})
	);
	// The layout's data already holds the recommendation.
	const { recommendation: _recommendation, ...shown } = detail;
	return {
		asOf,
		...shown,
		kpis,
		primaryKpi: kpis.find((kpi) => kpi.id === detail.primaryKpi?.id) ?? null,
		// The why-panel on top: the reason for the status, the newest note, money to date and what is missing.
		why: describeWhy(detail, asOf),
		html,
		history:
			history?.map(({ before, after, ...e }) => {
				const { id, occurredAt, action, actorLabel, actorName } = e;
				const entityId = 'entityId' in e && typeof e.entityId === 'string' ? e.entityId : null;
				// A KPI value's entity id is `kpiId/period`: labelled with the KPI's name, its change in its unit.
				const kpi = action.startsWith('observation.') && entityId ? kpiById.get(Number(entityId.split('/')[0])) : null;
				if (kpi)
					return {
						id,
						occurredAt,
						action,
						actorLabel,
						actorName,
						detail: kpi.name,
						value: valueChangeOf({ entityId, before, after }, kpi)
					};
				// A narrative's entity id is `recommendationId/period`.
				const period = entityId?.split('/')[1];
				return {
					id,
					occurredAt,
					action,
					actorLabel,
					actorName,
					detail: typeof period === 'string' ? formatPeriodDa(period) : changedFieldLabels(after, before)
				};
			}) ?? null,
		// Which edit pages to offer (each checks access again itself).
		edit: { register: isEditor, followUp: canWrite },
		noteForm: canWrite ? { period: notePeriod, body: stored?.body ?? '', version: stored?.version ?? null } : null,
		saved: event.url.searchParams.has('gemt'),
		// The project leads, who enter the values of every KPI of the recommendation (one assignment, set here).
		projectLeads: leads.filter((lead) => lead.assigned).map(({ id, name }) => ({ id, name })),
		// Back from "Nyt nøgletal": the KPI just created.
		createdKpiId: parseId(event.url.searchParams.get('oprettet') ?? ''),
		// Rendered once: the page shows the HTML (the form above carries the chosen period's text).
		statusUpdates: detail.statusUpdates.map(({ body, ...u }) => ({ ...u, html: renderMarkdown(body) }))
	};
};

const statusUpdateSchema = z.object({
	period: periodText(false),
	body: markdownText(20000).refine((body) => body.length > 0, { error: t('annual.narrative_required') }),
	version: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(1).max(2_000_000_000)])
});

export const actions: Actions = {
	/** A narrative (statusnotat) for a period: admins, directors and project leads assigned to the recommendation. */
	statusUpdate: async (event) => {
		const { user, db, recommendation } = await recommendationTarget(event, 'live.read');
		if (!(await canEditRecommendation(db, user, recommendation.id))) error(403, t('auth.forbidden'));
		const formData = await event.request.formData();
		const form = parseForm(statusUpdateSchema, formData);
		if (!form.ok) return invalidForm('note', form.errors, formValues(formData));
		const { period, body, version } = form.data;
		const input = {
			recommendationId: recommendation.id,
			period,
			body,
			expectedVersion: version,
			clientAddress: event.getClientAddress()
		};
		const result = await writeInTransaction(db, (trx) => writeStatusUpdate(trx, user, input));
		if (result.kind !== 'ok') {
			// Stale: someone else wrote it meanwhile; their text is shown in the form, the attempt is kept beside it.
			const stored = result.kind === 'stale' ? storedNarrative(result.current) : null;
			const values = { period, body: stored?.body ?? '', version: String(stored?.version ?? '') };
			return formRefusal(result, {
				form: 'note',
				values,
				conflict: () => ({ attempted: body }),
				staleMessage: t('annual.narrative_conflict')
			});
		}
		redirect(303, `/anbefalinger/${recommendation.id}?notat=${encodeURIComponent(period)}&gemt=notat#statusnotater`);
	}
};
