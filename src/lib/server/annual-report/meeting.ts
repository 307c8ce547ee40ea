/**
 * The agenda item's meeting fields of an annual report (Sagsnr., udvalg, mødedato): kept on the report row,
 * not in the frozen snapshot, so they can be filled in after approval, when the agenda system has given the
 * case its number. Empty fields print as empty lines for the secretary.
 */
import type { Db } from '../infra/db';
import { can } from '../../domain/policy';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit/record';
import { FORBIDDEN, NOT_FOUND, type WriteResult } from '../infra/write-result';
import type { ReportMeeting } from './docx';

/**
 * A report's meeting fields; undefined when the report is not the organisation's.
 * @example const meeting = await findReportMeeting(db, organisationId, reportId);
 */
export async function findReportMeeting(
	db: Db,
	organisationId: number,
	id: number
): Promise<ReportMeeting | undefined> {
	return db
		.selectFrom('annualReport')
		.select(['caseNumber', 'committee', 'meetingDate'])
		.where('organisationId', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
}

/**
 * Writes a report's meeting fields and audits it, for a signed-in user or the command line (`actorLabel`).
 * @example await writeReportMeeting(trx, { organisationId, id, actorLabel: 'cli' }, { caseNumber: '27.00.00-A00-1-25', committee: '', meetingDate: null });
 */
export async function writeReportMeeting(
	trx: Db,
	who: { organisationId: number; id: number; actorUserId?: number; actorLabel?: string; clientAddress?: string | null },
	meeting: ReportMeeting
): Promise<WriteResult<{ id: number }>> {
	const before = await findReportMeeting(trx, who.organisationId, who.id);
	if (!before) return NOT_FOUND;
	const after = { caseNumber: meeting.caseNumber, committee: meeting.committee, meetingDate: meeting.meetingDate };
	await trx.updateTable('annualReport').set(after).where('id', '=', who.id).execute();
	await recordAudit(trx, {
		organisationId: who.organisationId,
		actorUserId: who.actorUserId ?? null,
		actorLabel: who.actorLabel,
		action: 'annual_report.meeting_changed',
		entityType: 'annual_report',
		entityId: who.id,
		before,
		after,
		clientAddress: who.clientAddress ?? null
	});
	return { kind: 'ok', change: 'updated', id: who.id };
}

/**
 * Sets a report's meeting fields as a director or administrator (any state: they are not part of the
 * approved content), audited.
 * @example await writeInTransaction(db, (trx) => setReportMeeting(trx, user, { id, caseNumber: '27.00.00-A00-1-25', committee: 'Økonomiudvalget', meetingDate: '2026-01-14' }));
 */
export function setReportMeeting(
	trx: Db,
	user: SessionUser,
	input: ReportMeeting & { id: number; clientAddress?: string | null }
): Promise<WriteResult<{ id: number }>> {
	if (!can(user, 'report.create')) return Promise.resolve(FORBIDDEN);
	const { id, clientAddress, ...meeting } = input;
	return writeReportMeeting(
		trx,
		{ organisationId: user.organisationId, id, actorUserId: user.id, clientAddress },
		meeting
	);
}
