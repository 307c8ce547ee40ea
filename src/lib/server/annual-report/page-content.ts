/**
 * The report page's content (reportView), and for an approved or published report a cache of it in this
 * process (issue 20). An approved report's snapshot never changes (a correction is a new report with a
 * new id), so its view is kept by report id and approval time and never goes stale; a new approval of the
 * same row would have a new time, so a new key. Drafts and submitted reports are composed from the live data,
 * and kept while the organisation's data version (overview-cache.ts: bumped by every write they read, annual
 * reports and status notes included) and the day stay the same — correct across instances, one query per view.
 * Bounded: the least recently read report leaves first.
 */
import type { Db } from '../infra/db';
import { deepFreeze, readDataVersion, versionedCache } from '../kpis/overview-cache';
import { todayInCopenhagen } from '../../domain/dates';
import { composeAnnualReport } from './compose';
import { findReportSnapshot, type ReportHead } from './reports';
import { reportView, type ReportView } from './view';

/** How many reports' views are kept: a national report's view is a few hundred kB in memory. */
export const REPORT_VIEW_CACHE_SIZE = 32;

const views = new Map<string, ReportView>();

/** Live views of drafts, per (organisation, data version, report, day); a handful: drafts are few and large. */
const liveViews = versionedCache<ReportView>(8);

/** The cache key of a frozen report: its id and when it was frozen. */
function viewKey(report: Pick<ReportHead, 'id' | 'approvedAt'>): string {
	return `${report.id}@${report.approvedAt?.toISOString() ?? ''}`;
}

function remember(key: string, view: ReportView): void {
	views.set(key, view);
	while (views.size > REPORT_VIEW_CACHE_SIZE) views.delete(views.keys().next().value!);
}

/**
 * What the report page shows of a report: the cached view of its frozen snapshot once approved (read
 * from the database on the first view only), else the live figures as of its date.
 * @example const content = await reportPageContent(db, user.organisationId, await findAnnualReportHead(db, organisationId, id));
 */
export async function reportPageContent(db: Db, organisationId: number, report: ReportHead): Promise<ReportView> {
	if (!report.frozen) {
		const { year, asOf, programmeId } = report;
		const version = await readDataVersion(db, organisationId);
		return liveViews(db).get(organisationId, version, `${report.id}:${todayInCopenhagen()}`, async () =>
			deepFreeze(reportView(await composeAnnualReport(db, { organisationId, year, asOf, programmeId })))
		);
	}
	const key = viewKey(report);
	const cached = views.get(key);
	if (cached) {
		// Read again: to the back of the queue.
		views.delete(key);
		views.set(key, cached);
		return cached;
	}
	const snapshot = await findReportSnapshot(db, organisationId, report.id);
	if (!snapshot) throw new Error(`annual report ${report.id} has no snapshot`);
	const view = reportView(snapshot);
	remember(key, view);
	return view;
}

/** How many views the cache holds (tests). */
export function cachedReportViews(): number {
	return views.size;
}
