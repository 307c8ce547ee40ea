import { sql } from 'kysely';
import type { Db } from '../infra/db';
import type { AnnualReport, ReportState } from '../../../../db/types';
import type { Action } from '../../domain/policy';
import { findOrganisationBySlug } from '../auth/organisations';
import { composeAnnualReport } from './compose';
import type { ReportContent } from './content';

/** The workflow steps of DESIGN §2: the policy's action for each (who may take it), and from which state. */
export const REPORT_STEPS = {
	submit: { from: ['draft'], to: 'submitted', action: 'report.submit' },
	reopen: { from: ['submitted'], to: 'draft', action: 'report.reopen' },
	approve: { from: ['submitted'], to: 'approved', action: 'report.approve' },
	publish: { from: ['approved'], to: 'published', action: 'report.publish' }
} as const satisfies Record<string, { from: readonly ReportState[]; to: ReportState; action: Action }>;

export type ReportStep = keyof typeof REPORT_STEPS;

export type ReportRow = Pick<
	AnnualReport,
	| 'id'
	| 'programmeId'
	| 'year'
	| 'edition'
	| 'state'
	| 'asOf'
	| 'changeNote'
	| 'public'
	| 'submittedAt'
	| 'approvedAt'
	| 'publishedAt'
	| 'replacedById'
	| 'version'
	| 'createdAt'
> & {
	programmeName: string | null;
	submittedByName: string | null;
	approvedByName: string | null;
	publishedByName: string | null;
	replacedByEdition: number | null;
};

function reportQuery(db: Db, organisationId: number) {
	return db
		.selectFrom('annualReport as r')
		.leftJoin('programme as p', 'p.id', 'r.programmeId')
		.leftJoin('appUser as su', 'su.id', 'r.submittedBy')
		.leftJoin('appUser as au', 'au.id', 'r.approvedBy')
		.leftJoin('appUser as pu', 'pu.id', 'r.publishedBy')
		.leftJoin('annualReport as nr', 'nr.id', 'r.replacedById')
		.where('r.organisationId', '=', organisationId)
		.select([
			'r.id',
			'r.programmeId',
			'r.year',
			'r.edition',
			'r.state',
			'r.asOf',
			'r.changeNote',
			'r.public',
			'r.submittedAt',
			'r.approvedAt',
			'r.publishedAt',
			'r.replacedById',
			'r.version',
			'r.createdAt',
			'p.name as programmeName',
			'su.name as submittedByName',
			'au.name as approvedByName',
			'pu.name as publishedByName',
			'nr.edition as replacedByEdition'
		]);
}

/**
 * The organisation's reports, newest year and edition first; only published ones when asked.
 * @example const reports = await listAnnualReports(db, organisationId, { publishedOnly: !can(user, 'report.read', { state: 'draft' }) });
 */
export function listAnnualReports(
	db: Db,
	organisationId: number,
	options: { publishedOnly: boolean }
): Promise<ReportRow[]> {
	let query = reportQuery(db, organisationId);
	if (options.publishedOnly) query = query.where('r.state', '=', 'published');
	return query.orderBy('r.year', 'desc').orderBy('r.programmeId').orderBy('r.edition', 'desc').execute();
}

/** One report of the organisation with its frozen snapshot (null while a draft); undefined when not there. */
export async function findAnnualReport(db: Db, organisationId: number, id: number) {
	const row = await reportQuery(db, organisationId).where('r.id', '=', id).select('r.snapshot').executeTakeFirst();
	if (!row) return undefined;
	const { snapshot, ...rest } = row;
	return { ...rest, snapshot: (snapshot ?? null) as ReportContent | null };
}

export type FoundReport = NonNullable<Awaited<ReturnType<typeof findAnnualReport>>>;

/**
 * One report of the organisation without its snapshot (the page reads that from its cache, reportPageContent),
 * `frozen` when it has one; undefined when not there.
 * @example const report = await findAnnualReportHead(db, organisationId, 7);
 */
export function findAnnualReportHead(db: Db, organisationId: number, id: number) {
	return reportQuery(db, organisationId)
		.where('r.id', '=', id)
		.select(sql<boolean>`r.snapshot is not null`.as('frozen'))
		.executeTakeFirst();
}

export type ReportHead = NonNullable<Awaited<ReturnType<typeof findAnnualReportHead>>>;

/** The frozen snapshot of a report of the organisation (null while a draft). */
export async function findReportSnapshot(db: Db, organisationId: number, id: number): Promise<ReportContent | null> {
	const row = await db
		.selectFrom('annualReport')
		.select('snapshot')
		.where('organisationId', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
	return (row?.snapshot ?? null) as ReportContent | null;
}

/**
 * What a report shows: its frozen snapshot once approved, else the live figures as of its date.
 * @example const content = await reportContent(db, organisationId, report);
 */
export async function reportContent(db: Db, organisationId: number, report: FoundReport): Promise<ReportContent> {
	if (report.snapshot) return report.snapshot;
	return composeAnnualReport(db, {
		organisationId,
		year: report.year,
		asOf: report.asOf,
		programmeId: report.programmeId
	});
}

/**
 * The report on the public link: the newest published edition marked public for the organisation
 * (by slug) and year, the organisation-wide one before a programme's; undefined when there is none.
 */
export async function findPublicReport(db: Db, organisationSlug: string, year: number) {
	const organisation = await findOrganisationBySlug(db, organisationSlug);
	if (!organisation) return undefined;
	const row = await db
		.selectFrom('annualReport')
		.select(['id', 'edition', 'snapshot', 'publishedAt', 'changeNote'])
		.where('organisationId', '=', organisation.id)
		.where('year', '=', year)
		.where('state', '=', 'published')
		.where('public', '=', true)
		.orderBy(sql`programme_id is null`, 'desc')
		.orderBy('edition', 'desc')
		.executeTakeFirst();
	if (!row || !row.snapshot) return undefined;
	return { ...row, snapshot: row.snapshot as ReportContent, organisation };
}

/**
 * The names of the KPIs in a report's content marked as example data ("Eksempeldata"), each once: a
 * report holding any must not be approved or published without saying so (issue 16).
 * @example if (exampleDataKpis(content).length > 0) showWarning();
 */
export function exampleDataKpis(
	content: { recommendations: readonly { kpis: readonly { name: string; illustrative: boolean }[] }[] } | null
): string[] {
	if (!content) return [];
	const names = content.recommendations.flatMap((rec) => rec.kpis.filter((k) => k.illustrative).map((k) => k.name));
	return [...new Set(names)];
}

/**
 * The full address of a year's public report (the origin from the request, or ORIGIN behind a proxy).
 * @example publicReportUrl('https://fremdrift.norddjurs.dk', 'norddjurs', 2024) // 'https://fremdrift.norddjurs.dk/offentlig/norddjurs/status/2024'
 */
export function publicReportUrl(origin: string, organisationSlug: string, year: number): string {
	return new URL(`/offentlig/${organisationSlug}/status/${year}`, origin).href;
}

/** Reports of one year and scope (the organisation's, or one programme's) are the editions of one report. */
export function sameReportScope(programmeId: number | null) {
	return sql<boolean>`coalesce(programme_id, 0) = ${programmeId ?? 0}`;
}

/**
 * The newest edition of a year's report for the organisation or one programme (0 when there is none):
 * only the newest edition may be corrected.
 */
export async function newestEdition(
	db: Db,
	organisationId: number,
	year: number,
	programmeId: number | null
): Promise<number> {
	const row = await db
		.selectFrom('annualReport')
		.select((eb) => eb.fn.max('edition').as('edition'))
		.where('organisationId', '=', organisationId)
		.where('year', '=', year)
		.where(sameReportScope(programmeId))
		.executeTakeFirstOrThrow();
	return Number(row.edition ?? 0);
}
