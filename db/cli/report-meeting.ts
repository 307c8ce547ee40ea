/**
 * `npm run fremdrift -- report meeting --org SLUG --year YYYY [--edition N] [--case T] [--committee T] [--date DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD]`:
 * fills the agenda item's meeting fields (Sagsnr., udvalg, mødedato) of a year's annual report, its newest
 * edition unless --edition says which; a field left out is kept, an empty one is cleared. Audited as 'cli'.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openConfiguredDatabase } from '../../src/lib/server/infra/db';
import { migrateToLatest } from '../../src/lib/server/infra/migrate';
import { StartupError } from '../../src/lib/server/infra/startup-error';
import { t } from '../../src/lib/server/messages';
import { typedDateText } from '../../src/lib/schemas/fields';
import { findReportMeeting, writeReportMeeting } from '../../src/lib/server/annual-report/meeting';

const argsSchema = z.object({
	org: z.string({ error: t('cli.org_required') }).min(1, { error: t('cli.org_required') }),
	year: z.coerce
		.number({ error: t('annual.year_invalid') })
		.int()
		.min(2000)
		.max(2100),
	edition: z.coerce.number().int().positive().optional(),
	case: z.string().trim().max(100).optional(),
	committee: z.string().trim().max(200).optional(),
	date: typedDateText(true, t('annual.meeting_date_malformed')).optional()
});

/** Runs the command with the arguments after `report meeting`. */
export async function reportMeetingCommand(args: string[]): Promise<void> {
	const options = { type: 'string' } as const;
	const { values } = parseArgs({
		args,
		options: { org: options, year: options, edition: options, case: options, committee: options, date: options },
		strict: true
	});
	const parsed = argsSchema.safeParse(values);
	if (!parsed.success) {
		const details = parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ');
		throw new StartupError(`${details}\n${t('cli.report_meeting_usage')}`);
	}
	const input = parsed.data;
	const handle = await openConfiguredDatabase();
	try {
		await migrateToLatest(handle.db);
		const report = await handle.db
			.selectFrom('annualReport as r')
			.innerJoin('organisation as o', 'o.id', 'r.organisationId')
			.select(['r.id', 'r.organisationId', 'r.edition'])
			.where('o.slug', '=', input.org)
			.where('r.year', '=', input.year)
			.$if(input.edition !== undefined, (q) => q.where('r.edition', '=', input.edition!))
			.orderBy('r.programmeId', (o) => o.nullsFirst())
			.orderBy('r.edition', 'desc')
			.executeTakeFirst();
		if (!report) throw new StartupError(t('annual.not_found'));
		const before = (await findReportMeeting(handle.db, report.organisationId, report.id))!;
		const meeting = {
			caseNumber: input.case ?? before.caseNumber,
			committee: input.committee ?? before.committee,
			meetingDate: input.date === undefined ? before.meetingDate : input.date
		};
		await handle.db
			.transaction()
			.execute((trx) =>
				writeReportMeeting(trx, { organisationId: report.organisationId, id: report.id, actorLabel: 'cli' }, meeting)
			);
		console.log(
			t('cli.report_meeting_done', {
				year: input.year,
				edition: report.edition,
				caseNumber: meeting.caseNumber || '–',
				committee: meeting.committee || '–',
				date: meeting.meetingDate ?? '–'
			})
		);
	} finally {
		await handle.close();
	}
}
