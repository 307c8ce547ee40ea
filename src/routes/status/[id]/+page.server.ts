import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireCan, requireUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/http/forms';
import {
	findAnnualReport,
	REPORT_STEPS,
	reportContent,
	setReportAsOf,
	setReportPublic,
	startReportCorrection,
	takeReportStep,
	type FoundReport,
	type ReportStep,
	type ReportWriteResult
} from '$lib/server/annual-report/reports';
import { listStatusUpdatesForPeriod, saveStatusUpdate } from '$lib/server/register/status-updates';
import { narrativeSchema, reportAsOfSchema, reportCorrectionSchema, reportPublicSchema, reportStepSchema } from '$lib/schemas/annual-report';
import type { SessionUser } from '$lib/server/auth/session';
import type { Db } from '$lib/server/infra/db';
import { can } from '$lib/domain/policy';
import { listAuditEvents } from '$lib/server/audit/audit-events';
import { t } from '$lib/server/messages';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * The report the user may read, or 404: another organisation's report is not found, and for a
 * politician neither is anything not yet published (the server refuses; the list only mirrors it).
 */
async function readableReport(db: Db, user: SessionUser, rawId: string): Promise<FoundReport> {
	const id = idSchema.safeParse(rawId);
	if (!id.success) error(404, t('annual.not_found'));
	const report = await findAnnualReport(db, user.organisationId, id.data);
	if (!report || !can(user, 'report.read', { state: report.state })) error(404, t('annual.not_found'));
	return report;
}

/** The recommendations whose narratives the user may write (DESIGN §5; the rule of canEditRecommendation). */
async function editableRecommendationIds(db: Db, user: SessionUser, ids: number[]): Promise<Set<number>> {
	if (can(user, 'values.write', { assigned: false })) return new Set(ids);
	if (!can(user, 'values.write') || ids.length === 0) return new Set();
	const rows = await db
		.selectFrom('recommendationAssignment')
		.select('recommendationId')
		.where('userId', '=', user.id)
		.where('organisationId', '=', user.organisationId)
		.where('recommendationId', 'in', ids)
		.execute();
	return new Set(rows.map((row) => row.recommendationId));
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const report = await readableReport(db, user, event.params.id);
	const content = await reportContent(db, user.organisationId, report);
	const draft = report.state === 'draft';
	const editable = draft ? await editableRecommendationIds(db, user, content.recommendations.map((r) => r.id)) : new Set<number>();
	const narratives = editable.size > 0 ? await listStatusUpdatesForPeriod(db, user.organisationId, String(report.year), [...editable]) : [];
	const newest = await db
		.selectFrom('annualReport')
		.select((eb) => eb.fn.max('edition').as('edition'))
		.where('organisationId', '=', user.organisationId)
		.where('year', '=', report.year)
		.where((eb) => (report.programmeId === null ? eb('programmeId', 'is', null) : eb('programmeId', '=', report.programmeId)))
		.executeTakeFirstOrThrow();
	const steps = (Object.keys(REPORT_STEPS) as ReportStep[]).filter(
		(step) => can(user, REPORT_STEPS[step].action) && (REPORT_STEPS[step].from as readonly string[]).includes(report.state)
	);
	// The report's own audit trail (each step, dated, with who took it) for admins and directors.
	const history = can(user, 'history.read') ? await listAuditEvents(db, user.organisationId, 'annual_report', report.id) : null;
	const { snapshot: _snapshot, ...meta } = report;
	return {
		report: meta,
		content,
		history: history?.map(({ id, occurredAt, action, actorLabel, actorName }) => ({ id, occurredAt, action, actorLabel, actorName })) ?? null,
		steps,
		editable: [...editable],
		narratives: Object.fromEntries(narratives.map((n) => [n.recommendationId, { body: n.body, version: n.version }])) as Record<number, { body: string; version: number }>,
		mayCorrect: can(user, 'report.create') && (report.state === 'approved' || report.state === 'published') && Number(newest.edition) === report.edition,
		mayChangeAsOf: can(user, 'report.create') && draft,
		mayTogglePublic: can(user, 'report.publish') && report.state === 'published',
		publicUrl: report.public ? `/offentlig/${content.organisation.slug}/status/${report.year}` : null
	};
};

/** The answer to a write: back to the page on success, a Danish message (409/403/404) otherwise. */
function answer(result: ReportWriteResult) {
	if (result.kind === 'ok') return { notice: t('annual.step_done') };
	if (result.kind === 'not_found') error(404, t('annual.not_found'));
	if (result.kind === 'forbidden') error(403, t('annual.forbidden'));
	return fail(409, { error: t('annual.conflict') });
}

function stepAction(step: ReportStep) {
	return async (event: RequestEvent<{ id: string }>) => {
		const user = requireCan(event, REPORT_STEPS[step].action);
		const db = await getDb();
		const report = await readableReport(db, user, event.params.id);
		const form = parseForm(reportStepSchema, await event.request.formData());
		if (!form.ok) return fail(400, { error: Object.values(form.errors)[0] });
		return answer(
			await takeReportStep(db, user, {
				id: report.id,
				step,
				expectedVersion: form.data.version,
				makePublic: form.data.makePublic === 'on',
				clientAddress: event.getClientAddress()
			})
		);
	};
}

export const actions: Actions = {
	submit: async (event) => stepAction('submit')(event),
	reopen: async (event) => stepAction('reopen')(event),
	approve: async (event) => stepAction('approve')(event),
	publish: async (event) => stepAction('publish')(event),
	setPublic: async (event) => {
		const user = requireCan(event, 'report.publish');
		const db = await getDb();
		const report = await readableReport(db, user, event.params.id);
		const form = parseForm(reportPublicSchema, await event.request.formData());
		if (!form.ok) return fail(400, { error: Object.values(form.errors)[0] });
		return answer(
			await setReportPublic(db, user, { id: report.id, public: form.data.public === 'true', expectedVersion: form.data.version, clientAddress: event.getClientAddress() })
		);
	},
	setAsOf: async (event) => {
		const user = requireCan(event, 'report.create');
		const db = await getDb();
		const report = await readableReport(db, user, event.params.id);
		const form = parseForm(reportAsOfSchema, await event.request.formData());
		if (!form.ok) return fail(400, { asOfErrors: form.errors, values: form.values });
		return answer(await setReportAsOf(db, user, { id: report.id, asOf: form.data.asOf, expectedVersion: form.data.version, clientAddress: event.getClientAddress() }));
	},
	correct: async (event) => {
		const user = requireCan(event, 'report.create');
		const db = await getDb();
		const report = await readableReport(db, user, event.params.id);
		const form = parseForm(reportCorrectionSchema, await event.request.formData());
		if (!form.ok) return fail(400, { correctionErrors: form.errors, values: form.values });
		const result = await startReportCorrection(db, user, { id: report.id, changeNote: form.data.changeNote, clientAddress: event.getClientAddress() });
		if (result.kind === 'ok') return { created: result.id, notice: t('annual.step_done') };
		return answer(result);
	},
	saveNarrative: async (event) => {
		const user = requireCan(event, 'live.read');
		const db = await getDb();
		const report = await readableReport(db, user, event.params.id);
		const form = parseForm(narrativeSchema, await event.request.formData());
		if (!form.ok) {
			return fail(400, { narrative: { recommendationId: Number(form.values.recommendationId) || 0, errors: form.errors, body: form.values.body ?? '' } });
		}
		const { recommendationId, version, body } = form.data;
		// Narratives belong to the draft: once submitted or approved the report's text is settled.
		if (report.state !== 'draft') return fail(409, { narrative: { recommendationId, errors: { body: t('annual.conflict') }, body } });
		const result = await saveStatusUpdate(db, user, { recommendationId, period: String(report.year), body, expectedVersion: version, clientAddress: event.getClientAddress() });
		if (result.kind === 'forbidden') error(403, t('annual.forbidden'));
		if (result.kind === 'conflict') {
			return fail(409, { narrative: { recommendationId, errors: { body: t('annual.narrative_conflict') }, body: result.stored?.body ?? body, version: result.stored?.version ?? null } });
		}
		return { narrative: { recommendationId, notice: t('annual.narrative_saved'), errors: {} as Record<string, string>, body } };
	}
};
