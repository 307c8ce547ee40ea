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
 * Sets a report's meeting fields (any state: they are not part of the approved content), audited.
 * @example await writeInTransaction(db, (trx) => setReportMeeting(trx, user, { id, caseNumber: '27.00.00-A00-1-25', committee: 'Økonomiudvalget', meetingDate: '2026-01-14' }));
 */
export async function setReportMeeting(
	trx: Db,
	user: SessionUser,
	input: ReportMeeting & { id: number; clientAddress?: string | null }
): Promise<WriteResult<{ id: number }>> {
	if (!can(user, 'report.create')) return FORBIDDEN;
	const before = await findReportMeeting(trx, user.organisationId, input.id);
	if (!before) return NOT_FOUND;
	const after = { caseNumber: input.caseNumber, committee: input.committee, meetingDate: input.meetingDate };
	await trx.updateTable('annualReport').set(after).where('id', '=', input.id).execute();
	await recordAudit(trx, {
		organisationId: user.organisationId,
		actorUserId: user.id,
		action: 'annual_report.meeting_changed',
		entityType: 'annual_report',
		entityId: input.id,
		before,
		after,
		clientAddress: input.clientAddress ?? null
	});
	return { kind: 'ok', change: 'updated', id: input.id };
}
