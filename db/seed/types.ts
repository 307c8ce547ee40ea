/**
 * Shapes of the demo data. The demo loader (db/seed/demo.ts) writes these into the database;
 * the data files (norddjurs.ts, allerod.ts) only describe them.
 */

export type Unit = 'percent' | 'count' | 'days' | 'kr' | 'score';
export type Direction = 'lower' | 'higher';
export type Frequency = 'year' | 'half' | 'quarter' | 'month';
export type Lifecycle = 'proposed' | 'adopted' | 'in_progress' | 'completed' | 'paused' | 'dropped';
export type FollowUpState = 'not_started' | 'in_progress' | 'done' | 'postponed';
export type BudgetCategory = 'salary' | 'activities' | 'campaigns' | 'other';
export type Funding = 'central_pool' | 'own_budget';

/** Periods are written `2024`, `2024-H1`, `2024-Q3`, `2024-05` (DESIGN §2). */
export type PeriodText = string;

export interface SeedOrganisation {
	slug: string;
	name: string;
	municipalityCode: number;
	programmes: SeedProgramme[];
	kpis: SeedKpi[];
}

export interface SeedProgramme {
	name: string;
	/** The adopting body, e.g. "Byrådet" or "Erhvervs- og Beskæftigelsesudvalget". */
	body: string;
	/** Markdown. */
	description: string;
	adoptedOn: string; // YYYY-MM-DD
	minutesReference: string | null;
	themes: SeedTheme[];
}

export interface SeedTheme {
	name: string;
	/** Markdown. */
	description: string;
	recommendations: SeedRecommendation[];
}

export interface SeedRecommendation {
	number: number;
	title: string;
	shortName: string;
	/** Markdown: the paragraph(s) between the heading and "Formål". */
	intro: string;
	/** Markdown fields, in the seed's order. */
	purpose: string;
	goal: string;
	actions: string;
	targetProfessions: string;
	baselineDescription: string;
	/** The follow-up time as a period, or null where the document fixes none. */
	followUpPeriod: PeriodText | null;
	/** The "Opfølgning" section as written (Markdown). */
	followUpText: string;
	resourcesText: string;
	nextStep: string;
	responsible: string;
	reportsTo: string;
	lifecycle: Lifecycle;
	decision: {
		date: string; // YYYY-MM-DD
		body: string;
		kind: 'consensus' | 'dissent';
		dissentText: string | null;
	};
	followUpItems: { title: string; duePeriod: PeriodText; state: FollowUpState }[];
	budgetLines: {
		year: number;
		amountKr: number;
		category: BudgetCategory;
		funding: Funding;
		note: string;
	}[];
	budgetActuals: { year: number; amountKr: number; note: string }[];
	statusUpdates: { period: PeriodText; body: string }[];
	/** Links to KPIs of the same organisation, by KPI name. */
	kpis: { name: string; primary: boolean }[];
	/** Local parts of demo users' e-mails (e.g. 'projektleder') assigned as project leads. */
	assignedTo: string[];
}

export interface SeedKpi {
	name: string;
	description: string;
	unit: Unit;
	decimals: number;
	direction: Direction;
	frequency: Frequency;
	scope: string;
	dataSource: string;
	baseline: { value: number; period: PeriodText };
	target: { value: number; period: PeriodText };
	/** How the value is judged (DESIGN §3); 'latest' when absent. */
	assessment?: 'latest' | 'rolling_year';
	/** True when the values are invented for the demo ("Eksempeldata"). */
	illustrative: boolean;
	/** Local parts of demo users' e-mails who own (enter values for) the KPI. */
	owners: string[];
	observations: [period: PeriodText, value: number][];
}
