import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, type Db } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { editableRecommendationIds, requireCan, requireUser, type SessionUser } from '$lib/server/auth';
import { fieldErrors, parseForm } from '$lib/server/http/forms';
import { formMessage, formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import {
	exampleDataKpis,
	findAnnualReportHead,
	findReportMeeting,
	publicReportUrl,
	newestEdition,
	REPORT_STEPS,
	reportPageContent,
	setReportAsOf,
	setReportMeeting,
	setReportPublic,
	startReportCorrection,
	takeReportStep,
	type ReportHead,
	type ReportStep,
	type ReportWrite
} from '$lib/server/annual-report';
import { listStatusUpdatesForPeriod, storedNarrative, writeStatusUpdate } from '$lib/server/register';
import {
	narrativeSchema,
	reportAsOfSchema,
	reportCorrectionSchema,
	reportMeetingSchema,
	reportPublicSchema,
	reportStepSchema
} from '$lib/schemas/annual-report';
import { idText } from '$lib/schemas/fields';
import { can } from '$lib/domain/policy';
import { listAuditEvents } from '$lib/server/audit';
import { t } from '$lib/server/messages';

/**
 * The report the user may read, or 404: another organisation's report is not found, and for a
 * politician neither is anything not yet published (the server refuses; the list only mirrors it).
 */
async function readableReport(db: Db, user: SessionUser, rawId: string): Promise<ReportHead> {
	const id = idText(false, t('annual.not_found')).safeParse(rawId);
	if (!id.success) error(404, t('annual.not_found'));
	const report = await findAnnualReportHead(db, user.organisationId, id.data);
	if (!report || !can(user, 'report.read', { state: report.state })) error(404, t('annual.not_found'));
	return report;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const report = await readableReport(db, user, event.params.id);
	// An approved report's content comes from this process' cache; a draft's is composed now.
	const content = await reportPageContent(db, user.organisationId, report);
	const draft = report.state === 'draft';
	const editable = draft
		? await editableRecommendationIds(
				db,
				user,
				content.recommendations.map((r) => r.id)
			)
		: new Set<number>();
	const narratives =
		editable.size > 0
			? await listStatusUpdatesForPeriod(db, user.organisationId, String(report.year), [...editable])
			: [];
	const newest = await newestEdition(db, user.organisationId, report.year, report.programmeId);
	const steps = (Object.keys(REPORT_STEPS) as ReportStep[]).filter(
		(step) =>
			can(user, REPORT_STEPS[step].action) && (REPORT_STEPS[step].from as readonly string[]).includes(report.state)
	);
	// The report's own audit trail (each step, dated, with who took it) for admins and directors.
	const history = can(user, 'history.read', { assigned: false })
		? await listAuditEvents(db, user.organisationId, 'annual_report', report.id)
		: null;
	const { frozen: _frozen, ...meta } = report;
	return {
		report: meta,
		content,
		history:
			history?.map(({ id, occurredAt, action, actorLabel, actorName }) => ({
				id,
				occurredAt,
				action,
				actorLabel,
				actorName
			})) ?? null,
		steps,
		editable: [...editable],
		narratives: Object.fromEntries(
			narratives.map((n) => [n.recommendationId, { body: n.body, version: n.version }])
		) as Record<number, { body: string; version: number }>,
		mayCorrect:
			can(user, 'report.create') &&
			(report.state === 'approved' || report.state === 'published') &&
			newest === report.edition,
		mayChangeAsOf: can(user, 'report.create') && draft,
		// Sagsnr. and meeting for the Word agenda item: directors and admins, in any state (not frozen content).
		meeting: can(user, 'report.create')
			? ((await findReportMeeting(db, user.organisationId, report.id)) ?? null)
			: null,
		mayTogglePublic: can(user, 'report.publish') && report.state === 'published',
		// The KPIs marked as example data: approving and publishing say so and ask for a tick.
		exampleData: steps.some((step) => step === 'approve' || step === 'publish') ? exampleDataKpis(content) : [],
		publicUrl: report.public ? publicReportUrl(event.url.origin, content.organisation.slug, report.year) : null
	};
};

/**
 * The answer to a report write from the form `form`: back to the page with a notice on success; a report
 * that moved on meanwhile is 409 with the page's own sentence (it then shows the current state).
 */
function answer(result: ReportWrite, form: string, values: Record<string, string>) {
	if (result.kind !== 'ok') return formRefusal(result, { form, values, staleMessage: t('annual.conflict') });
	return { form, notice: t('annual.step_done'), created: result.change === 'created' ? result.id : null };
}

/** One step of the workflow, the user, the report of the path and the submitted form; the step's form is 'step'. */
async function reportAction(event: RequestEvent<{ id: string }>, action: Parameters<typeof requireCan>[1]) {
	const user = requireCan(event, action);
	const db = await getDb();
	const report = await readableReport(db, user, event.params.id);
	const formData = await event.request.formData();
	return { user, db, report, formData, values: formValues(formData), clientAddress: event.getClientAddress() };
}

function stepAction(step: ReportStep) {
	return async (event: RequestEvent<{ id: string }>) => {
		const { user, db, report, formData, values, clientAddress } = await reportAction(event, REPORT_STEPS[step].action);
		const form = parseForm(reportStepSchema, formData);
		if (!form.ok) return formMessage(400, 'step', Object.values(form.errors)[0], values);
		const input = {
			id: report.id,
			step,
			expectedVersion: form.data.version,
			makePublic: form.data.makePublic === 'on',
			confirmed: { freeze: form.data.confirmFreeze === 'on', exampleData: form.data.confirmExampleData === 'on' },
			clientAddress
		};
		return answer(await writeInTransaction(db, (trx) => takeReportStep(trx, user, input)), 'step', values);
	};
}

export const actions: Actions = {
	submit: async (event) => stepAction('submit')(event),
	reopen: async (event) => stepAction('reopen')(event),
	approve: async (event) => stepAction('approve')(event),
	publish: async (event) => stepAction('publish')(event),
	setPublic: async (event) => {
		const { user, db, report, formData, values, clientAddress } = await reportAction(event, 'report.publish');
		const form = parseForm(reportPublicSchema, formData);
		if (!form.ok) return formMessage(400, 'step', Object.values(form.errors)[0], values);
		const input = {
			id: report.id,
			public: form.data.public === 'true',
			expectedVersion: form.data.version,
			clientAddress
		};
		return answer(await writeInTransaction(db, (trx) => setReportPublic(trx, user, input)), 'step', values);
	},
	setAsOf: async (event) => {
		const { user, db, report, formData, values, clientAddress } = await reportAction(event, 'report.create');
		const form = parseForm(reportAsOfSchema, formData);
		if (!form.ok) return invalidForm('asOf', form.errors, values);
		const input = { id: report.id, asOf: form.data.asOf, expectedVersion: form.data.version, clientAddress };
		return answer(await writeInTransaction(db, (trx) => setReportAsOf(trx, user, input)), 'asOf', values);
	},
	meeting: async (event) => {
		const { user, db, report, formData, values, clientAddress } = await reportAction(event, 'report.create');
		const form = parseForm(reportMeetingSchema, formData);
		if (!form.ok) return invalidForm('meeting', form.errors, values);
		const input = { id: report.id, ...form.data, clientAddress };
		return answer(await writeInTransaction(db, (trx) => setReportMeeting(trx, user, input)), 'meeting', values);
	},
	correct: async (event) => {
		const { user, db, report, formData, values, clientAddress } = await reportAction(event, 'report.create');
		const form = parseForm(reportCorrectionSchema, formData);
		if (!form.ok) return invalidForm('correct', form.errors, values);
		const input = { id: report.id, changeNote: form.data.changeNote, clientAddress };
		return answer(await writeInTransaction(db, (trx) => startReportCorrection(trx, user, input)), 'correct', values);
	},
	saveNarrative: async (event) => {
		const { user, db, report, formData, values, clientAddress } = await reportAction(event, 'live.read');
		const rowId = Number(values.recommendationId) || 0;
		const form = parseForm(narrativeSchema, formData);
		if (!form.ok) return invalidForm('narrative', form.errors, values, rowId);
		const { recommendationId, version, body } = form.data;
		// Refused: the message at the text; after a conflict the stored text and its version (none when it is gone).
		const refused = (message: string, stored?: { body: string; version: number } | null) => {
			const refill: Record<string, string> =
				stored === undefined ? { body } : { body: stored?.body ?? body, version: stored ? String(stored.version) : '' };
			return fail(409, {
				form: 'narrative',
				rowId,
				message: null,
				errors: fieldErrors({ body: message }),
				values: refill,
				conflict: null
			});
		};
		// Narratives belong to the draft: once submitted or approved the report's text is settled.
		if (report.state !== 'draft') return refused(t('annual.conflict'));
		const input = { recommendationId, period: String(report.year), body, expectedVersion: version, clientAddress };
		const result = await writeInTransaction(db, (trx) => writeStatusUpdate(trx, user, input));
		if (result.kind === 'forbidden') error(403, t('annual.forbidden'));
		if (result.kind === 'stale') return refused(t('annual.narrative_conflict'), storedNarrative(result.current));
		if (result.kind !== 'ok') return refused(t('annual.conflict'));
		return {
			form: 'narrative',
			rowId: recommendationId,
			notice: t('annual.narrative_saved'),
			values: { body } as Record<string, string>
		};
	}
};
