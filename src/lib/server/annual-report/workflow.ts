import { sql } from 'kysely';
import type { Db } from '../infra/db';
import type { ReportState } from '../../../../db/types';
import { can } from '../../domain/policy';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit/record';
import { jsonb } from '../infra/sql';
import { FORBIDDEN, invalid, NOT_FOUND, stale, type WriteResult } from '../infra/write-result';
import { t } from '../messages';
import { plural } from '../../domain/plural';
import { findProgramme } from '../register/programmes';
import { composeAnnualReport } from './compose';
import type { ReportContent } from './content';
import { exampleDataKpis, newestEdition, REPORT_STEPS, sameReportScope, type ReportStep } from './reports';

/**
 * The annual report's writes (DESIGN §2): creating a year's report, its workflow steps, its as-of date,
 * its public link and corrections. Each takes the caller's transaction (run it in writeInTransaction: a
 * refusal then rolls back) and records its audit event in it; a version the user saw that is no longer
 * the stored one, or a step the report's state does not allow, is stale.
 */

export type ReportWrite = WriteResult<{ id: number }>;

/** Who writes and from where (for the audit trail). */
type Writer = { user: SessionUser; clientAddress: string | null };

function audit(
	trx: Db,
	{ user, clientAddress }: Writer,
	action: string,
	entityId: number,
	before: unknown,
	after: unknown
) {
	return recordAudit(trx, {
		organisationId: user.organisationId,
		actorUserId: user.id,
		action,
		entityType: 'annual_report',
		entityId,
		before,
		after,
		clientAddress
	});
}

/** Serialises the writes that number a year's reports (create, correct) within one organisation. */
async function lockReportNumbering(trx: Db, organisationId: number): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtext(${`annual_report:${organisationId}`}))`.execute(trx);
}

/**
 * Starts edition 1 of a year's report as a draft (its figures live until approval). A year that has one
 * already is refused on `year`, an unknown programme on `programmeId`.
 * @example await writeInTransaction(db, (trx) => createAnnualReport(trx, user, { year: 2025, asOf: '2025-12-31', programmeId: null, clientAddress }));
 */
export async function createAnnualReport(
	trx: Db,
	user: SessionUser,
	input: { year: number; asOf: string; programmeId: number | null; clientAddress: string | null }
): Promise<ReportWrite> {
	if (!can(user, 'report.create')) return FORBIDDEN;
	await lockReportNumbering(trx, user.organisationId);
	if (input.programmeId !== null && !(await findProgramme(trx, user.organisationId, input.programmeId)))
		return invalid('programmeId', t('annual.programme_not_found'));
	if ((await newestEdition(trx, user.organisationId, input.year, input.programmeId)) > 0)
		return invalid('year', t('annual.exists'));
	const { id } = await trx
		.insertInto('annualReport')
		.values({ organisationId: user.organisationId, programmeId: input.programmeId, year: input.year, asOf: input.asOf })
		.returning('id')
		.executeTakeFirstOrThrow();
	const after = { year: input.year, asOf: input.asOf, programmeId: input.programmeId, edition: 1, state: 'draft' };
	await audit(trx, { user, clientAddress: input.clientAddress }, 'annual_report.created', id, undefined, after);
	return { kind: 'ok', change: 'created', id };
}

/** What the person taking a step has ticked: that approval freezes the content, that example data goes out. */
export interface StepConfirmations {
	freeze?: boolean;
	exampleData?: boolean;
}

/**
 * Takes one workflow step (submit, reopen, approve, publish), dated and audited. Approval freezes the
 * report: its content as of its date is stored as the snapshot, and an earlier edition it corrects is
 * marked as replaced. Approval needs `confirmed.freeze`, and approving or publishing content with KPIs
 * marked as example data needs `confirmed.exampleData` (refused on that field otherwise, nothing written).
 * `expectedVersion` is the version the user saw (a stale page gets stale).
 * @example await writeInTransaction(db, (trx) => takeReportStep(trx, user, { id, step: 'approve', expectedVersion: 2, confirmed: { freeze: true }, clientAddress }));
 */
export async function takeReportStep(
	trx: Db,
	user: SessionUser,
	input: {
		id: number;
		step: ReportStep;
		expectedVersion: number;
		makePublic?: boolean;
		confirmed?: StepConfirmations;
		clientAddress: string | null;
		/** When the step is dated (default: now); the demo dates last year's report in early this year. */
		now?: Date;
	}
): Promise<ReportWrite> {
	const rule = REPORT_STEPS[input.step];
	if (!can(user, rule.action)) return FORBIDDEN;
	const report = await trx
		.selectFrom('annualReport')
		.select(['id', 'state', 'version', 'year', 'asOf', 'programmeId', 'edition', 'snapshot'])
		.where('id', '=', input.id)
		.where('organisationId', '=', user.organisationId)
		.forUpdate()
		.executeTakeFirst();
	if (!report) return NOT_FOUND;
	if (report.version !== input.expectedVersion || !(rule.from as readonly ReportState[]).includes(report.state))
		return stale({ state: report.state, version: report.version });
	if (input.step === 'approve' && !input.confirmed?.freeze)
		return invalid('confirmFreeze', t('annual.freeze_unconfirmed'));
	const now = input.now ?? new Date();
	const version = report.version + 1;
	const changes: Record<string, unknown> = { state: rule.to, version, updatedAt: now };
	if (input.step === 'submit') Object.assign(changes, { submittedAt: now, submittedBy: user.id });
	if (input.step === 'reopen') Object.assign(changes, { submittedAt: null, submittedBy: null });
	// What goes out on approval (the content frozen now) or publishing (the frozen snapshot).
	let content: ReportContent | null = (report.snapshot ?? null) as ReportContent | null;
	if (input.step === 'approve') {
		content = await composeAnnualReport(trx, {
			organisationId: user.organisationId,
			year: report.year,
			asOf: report.asOf,
			programmeId: report.programmeId,
			now
		});
		Object.assign(changes, { approvedAt: now, approvedBy: user.id, snapshot: jsonb(content) });
	}
	const exampleData = input.step === 'approve' || input.step === 'publish' ? exampleDataKpis(content) : [];
	if (exampleData.length > 0 && !input.confirmed?.exampleData)
		return invalid(
			'confirmExampleData',
			t(
				plural(exampleData.length, {
					one: 'annual.example_data_unconfirmed_one',
					other: 'annual.example_data_unconfirmed_other'
				}),
				{ count: exampleData.length }
			)
		);
	if (input.step === 'publish')
		Object.assign(changes, { publishedAt: now, publishedBy: user.id, public: input.makePublic ?? false });
	await trx.updateTable('annualReport').set(changes).where('id', '=', report.id).execute();
	if (input.step === 'approve' && report.edition > 1)
		await markEarlierEditionsReplaced(trx, user.organisationId, report, now);
	const after = {
		state: rule.to,
		version,
		...(input.step === 'publish' ? { public: input.makePublic ?? false } : {}),
		...(exampleData.length > 0 ? { exampleDataConfirmed: exampleData } : {})
	};
	await audit(
		trx,
		{ user, clientAddress: input.clientAddress },
		`annual_report.${input.step}`,
		report.id,
		{ state: report.state, version: report.version },
		after
	);
	return { kind: 'ok', change: 'updated', id: report.id };
}

/** An approved correction replaces the earlier editions of its year and scope that are not yet replaced. */
async function markEarlierEditionsReplaced(
	trx: Db,
	organisationId: number,
	report: { id: number; year: number; programmeId: number | null; edition: number },
	now: Date
): Promise<void> {
	await trx
		.updateTable('annualReport')
		.set({ replacedById: report.id, updatedAt: now, version: sql`version + 1` })
		.where('organisationId', '=', organisationId)
		.where('year', '=', report.year)
		.where(sameReportScope(report.programmeId))
		.where('edition', '<', report.edition)
		.where('replacedById', 'is', null)
		.execute();
}

/**
 * Puts a published report on the public link (/offentlig/…) or takes it off, audited.
 * @example await writeInTransaction(db, (trx) => setReportPublic(trx, user, { id, public: true, expectedVersion: 4, clientAddress }));
 */
export async function setReportPublic(
	trx: Db,
	user: SessionUser,
	input: { id: number; public: boolean; expectedVersion: number; clientAddress: string | null }
): Promise<ReportWrite> {
	if (!can(user, 'report.publish')) return FORBIDDEN;
	const updated = await trx
		.updateTable('annualReport')
		.set({ public: input.public, version: input.expectedVersion + 1, updatedAt: new Date() })
		.where('id', '=', input.id)
		.where('organisationId', '=', user.organisationId)
		.where('state', '=', 'published')
		.where('version', '=', input.expectedVersion)
		.returning('id')
		.executeTakeFirst();
	if (!updated) return stale(null);
	const action = input.public ? 'annual_report.made_public' : 'annual_report.made_private';
	await audit(trx, { user, clientAddress: input.clientAddress }, action, input.id, undefined, {
		public: input.public,
		version: input.expectedVersion + 1
	});
	return { kind: 'ok', change: 'updated', id: input.id };
}

/**
 * Moves a draft's as-of date (the director's choice instead of 31 December), audited; the figures
 * follow at once, since a draft is composed live.
 * @example await writeInTransaction(db, (trx) => setReportAsOf(trx, user, { id, asOf: '2025-11-30', expectedVersion: 1, clientAddress }));
 */
export async function setReportAsOf(
	trx: Db,
	user: SessionUser,
	input: { id: number; asOf: string; expectedVersion: number; clientAddress: string | null }
): Promise<ReportWrite> {
	if (!can(user, 'report.create')) return FORBIDDEN;
	const before = await trx
		.selectFrom('annualReport')
		.select(['asOf', 'version', 'state'])
		.where('id', '=', input.id)
		.where('organisationId', '=', user.organisationId)
		.forUpdate()
		.executeTakeFirst();
	if (!before) return NOT_FOUND;
	if (before.state !== 'draft' || before.version !== input.expectedVersion)
		return stale({ state: before.state, version: before.version });
	await trx
		.updateTable('annualReport')
		.set({ asOf: input.asOf, version: input.expectedVersion + 1, updatedAt: new Date() })
		.where('id', '=', input.id)
		.execute();
	const after = { asOf: input.asOf, version: input.expectedVersion + 1 };
	await audit(
		trx,
		{ user, clientAddress: input.clientAddress },
		'annual_report.as_of_changed',
		input.id,
		{ asOf: before.asOf, version: before.version },
		after
	);
	return { kind: 'ok', change: 'updated', id: input.id };
}

/**
 * Starts a corrected version of an approved or published report: a new draft edition with a change
 * note. The earlier edition stays as it was, readable, until the correction is approved. Only the newest
 * edition can be corrected, once (a second start is stale).
 * @example await writeInTransaction(db, (trx) => startReportCorrection(trx, user, { id, changeNote: 'Rettet sygefravær for 2025', clientAddress }));
 */
export async function startReportCorrection(
	trx: Db,
	user: SessionUser,
	input: { id: number; changeNote: string; clientAddress: string | null }
): Promise<ReportWrite> {
	if (!can(user, 'report.create')) return FORBIDDEN;
	await lockReportNumbering(trx, user.organisationId);
	const report = await trx
		.selectFrom('annualReport')
		.select([
			'id',
			'state',
			'year',
			'asOf',
			'programmeId',
			'edition',
			'version',
			'caseNumber',
			'committee',
			'meetingDate'
		])
		.where('id', '=', input.id)
		.where('organisationId', '=', user.organisationId)
		.executeTakeFirst();
	if (!report) return NOT_FOUND;
	const newest = await newestEdition(trx, user.organisationId, report.year, report.programmeId);
	if (report.state === 'draft' || report.state === 'submitted' || newest !== report.edition)
		return stale({ state: report.state, version: report.version });
	const edition = report.edition + 1;
	const { id } = await trx
		.insertInto('annualReport')
		.values({
			organisationId: user.organisationId,
			programmeId: report.programmeId,
			year: report.year,
			asOf: report.asOf,
			edition,
			changeNote: input.changeNote,
			// The same agenda item: its Sagsnr. and meeting carry over to the corrected version.
			caseNumber: report.caseNumber,
			committee: report.committee,
			meetingDate: report.meetingDate
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const after = { corrects: report.id, edition, changeNote: input.changeNote, state: 'draft' };
	await audit(
		trx,
		{ user, clientAddress: input.clientAddress },
		'annual_report.correction_started',
		id,
		undefined,
		after
	);
	return { kind: 'ok', change: 'created', id };
}
