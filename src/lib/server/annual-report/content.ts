/**
 * The content of an annual status report (DESIGN §2 "Årlig status"): a plain, serialisable object.
 * The live draft is composed from the database on every view; on approval the same object is stored
 * as the report's snapshot, and every view and download of an approved report reads only that.
 */
import type { KpiChartInput } from '../../domain/chart-data';
import type { Assessment, KpiStatus, MissingRun } from '../../domain/progress';
import type { ForecastOutcome } from '../../domain/forecast';
import type { Frequency } from '../../domain/periods';
import type { RecommendationStatus, StatusSummaryKey } from '../../domain/recommendation-status';
import type { DecisionKind, FollowUpState, Lifecycle } from '../../../../db/types';
import type { KpiUnit } from '../../domain/format';

/** Bumped when the shape changes, so an old snapshot can still be recognised. */
export const REPORT_FORMAT = 1;

export interface ReportBudget {
	yearAllocatedKr: number;
	yearSpentKr: number;
	/** Up to and including the report's year. */
	totalAllocatedKr: number;
	totalSpentKr: number;
}

export interface ReportKpi {
	id: number;
	name: string;
	unit: KpiUnit;
	decimals: number;
	direction: 'lower' | 'higher';
	isPrimary: boolean;
	illustrative: boolean;
	baseline: { value: number; period: string };
	target: { value: number; period: string };
	latest: { value: number; period: string } | null;
	status: KpiStatus;
	overdue: boolean;
	/** Added with issue 15; absent in snapshots approved before it. */
	missingRun?: MissingRun | null;
	/** Why the KPI has its status, in one sentence (src/lib/domain/status-text.ts); absent in older snapshots. */
	reason?: string;
	/** Frequency and assessment, for wording the forecast; absent in older snapshots. */
	frequency?: Frequency;
	assessment?: Assessment;
	/** The forecast at the target period (DESIGN §3) of a charted KPI; absent for others and in older snapshots. */
	forecast?: ForecastOutcome;
}

export interface ReportRecommendation {
	id: number;
	number: number;
	title: string;
	programmeName: string;
	themeName: string | null;
	lifecycle: Lifecycle;
	lifecycleChangedOn: string | null;
	decision: { date: string | null; body: string; kind: DecisionKind | null; dissentText: string } | null;
	status: RecommendationStatus;
	overdue: boolean;
	kpis: ReportKpi[];
	/** One chart per primary KPI, with the values up to the as-of date. */
	charts: (KpiChartInput & { kpiId: number })[];
	budget: ReportBudget;
	followUpItems: { title: string; duePeriod: string; state: FollowUpState }[];
	/** The year's status narrative (Markdown and its sanitised HTML), or null when none is written. */
	narrative: { body: string; html: string; authorName: string | null } | null;
	nextStep: { body: string; html: string };
}

export interface ReportProgramme {
	name: string;
	/** The body that adopted it ('Byrådet'); empty when not registered. */
	body: string;
	adoptedOn: string | null;
	/** How many of the report's recommendations belong to it. */
	recommendations: number;
}

export interface ReportContent {
	format: typeof REPORT_FORMAT;
	organisation: { name: string; slug: string };
	programme: { id: number; name: string } | null;
	/**
	 * The programmes the report follows up, as the register has them: the adopting body and its decision date
	 * open the agenda item's Sagsbeskrivelse. Added with issue 16; absent in older snapshots.
	 */
	programmes?: ReportProgramme[];
	year: number;
	asOf: string;
	/** When the content was composed (ISO timestamp). */
	composedAt: string;
	summary: {
		recommendations: number;
		statusCounts: { key: StatusSummaryKey; count: number }[];
		budget: ReportBudget;
	};
	recommendations: ReportRecommendation[];
}
