import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as TypeScript sees it (camelCase through Kysely's CamelCasePlugin).
 * Row types are identical on PGlite and PostgreSQL (see src/lib/server/infra/db.ts):
 * int8 → number, numeric → string, date → 'YYYY-MM-DD' string, timestamptz → Date, jsonb → parsed value.
 */

type Id = Generated<number>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A SQL `date`, always as 'YYYY-MM-DD'. */
type DateText = string;
/** A SQL `numeric`, always as its decimal string ('7.80'); write numbers or strings. */
type Numeric = ColumnType<string, string | number, string | number>;
type Version = ColumnType<number, number | undefined, number>;

export type Role = 'admin' | 'director' | 'project_lead' | 'politician';
export type Lifecycle = 'proposed' | 'adopted' | 'in_progress' | 'completed' | 'paused' | 'dropped';
export type DecisionKind = 'consensus' | 'dissent';
export type OverrideStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'missed';
export type FollowUpState = 'not_started' | 'in_progress' | 'done' | 'postponed';
export type BudgetCategory = 'salary' | 'activities' | 'campaigns' | 'other';
export type Funding = 'central_pool' | 'own_budget';
export type Unit = 'percent' | 'count' | 'days' | 'kr' | 'score';
export type Direction = 'lower' | 'higher';
export type Frequency = 'year' | 'half' | 'quarter' | 'month';
export type Assessment = 'latest' | 'rolling_year';
export type ReportState = 'draft' | 'submitted' | 'approved' | 'published';

interface Stamps {
	createdAt: CreatedAt;
	updatedAt: Timestamp;
	version: Version;
}

export interface OrganisationTable extends Stamps {
	id: Id;
	slug: string;
	name: string;
	municipalityCode: number | null;
}

/** An organisation's logo for the public report and its documents: a PNG or a sanitised SVG. */
export interface OrganisationLogoTable {
	organisationId: number;
	mime: 'image/png' | 'image/svg+xml';
	bytes: Uint8Array;
	updatedBy: number | null;
	updatedAt: Timestamp;
}

export interface AppUserTable extends Stamps {
	id: Id;
	organisationId: number;
	email: string;
	name: string;
	role: Role;
	passwordHash: string | null;
	disabledAt: Date | null;
}

export interface SessionTable {
	id: string;
	secretHash: Uint8Array;
	userId: number;
	createdAt: CreatedAt;
	lastVerifiedAt: Timestamp;
	clientAddress: string | null;
	userAgent: string | null;
}

export interface LoginAttemptTable {
	id: Id;
	email: string;
	clientAddress: string;
	attemptedAt: CreatedAt;
	succeeded: boolean;
}

export interface UserTokenTable {
	id: Id;
	userId: number;
	purpose: 'invite' | 'reset';
	tokenHash: Uint8Array;
	expiresAt: Date;
	usedAt: Date | null;
	createdBy: number | null;
	createdAt: CreatedAt;
}

export interface ApiTokenTable {
	id: Id;
	organisationId: number;
	userId: number;
	name: string;
	tokenHash: Uint8Array;
	createdBy: number | null;
	createdAt: CreatedAt;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
}

export interface ProgrammeTable extends Stamps {
	id: Id;
	organisationId: number;
	name: string;
	body: ColumnType<string, string | undefined, string>;
	description: ColumnType<string, string | undefined, string>;
	adoptedOn: DateText | null;
	minutesReference: ColumnType<string, string | undefined, string>;
	archivedAt: Date | null;
}

export interface ThemeTable extends Stamps {
	id: Id;
	organisationId: number;
	programmeId: number;
	name: string;
	description: ColumnType<string, string | undefined, string>;
	position: ColumnType<number, number | undefined, number>;
}

type Text = ColumnType<string, string | undefined, string>;

export interface RecommendationTable extends Stamps {
	id: Id;
	organisationId: number;
	programmeId: number;
	themeId: number | null;
	number: number;
	title: string;
	shortName: Text;
	intro: Text;
	purpose: Text;
	goal: Text;
	actions: Text;
	targetProfessions: Text;
	baselineDescription: Text;
	followUpPeriod: string | null;
	followUpText: Text;
	resourcesText: Text;
	nextStep: Text;
	responsible: Text;
	responsibleUserId: number | null;
	reportsTo: Text;
	lifecycle: ColumnType<Lifecycle, Lifecycle | undefined, Lifecycle>;
	lifecycleChangedOn: DateText | null;
	lifecycleReason: Text;
	decisionDate: DateText | null;
	decisionBody: Text;
	decisionKind: DecisionKind | null;
	dissentText: Text;
	statusOverride: OverrideStatus | null;
	statusOverrideReason: Text;
	statusOverrideBy: number | null;
	statusOverrideAt: Date | null;
	archivedAt: Date | null;
}

export interface RecommendationLifecycleEventTable {
	id: Id;
	organisationId: number;
	recommendationId: number;
	fromLifecycle: Lifecycle | null;
	toLifecycle: Lifecycle;
	changedOn: DateText;
	reason: Text;
	changedBy: number | null;
	createdAt: CreatedAt;
}

export interface RecommendationAssignmentTable {
	organisationId: number;
	recommendationId: number;
	userId: number;
	createdAt: CreatedAt;
}

export interface FollowUpItemTable extends Stamps {
	id: Id;
	organisationId: number;
	recommendationId: number;
	title: string;
	description: Text;
	duePeriod: string;
	state: ColumnType<FollowUpState, FollowUpState | undefined, FollowUpState>;
	position: ColumnType<number, number | undefined, number>;
}

export interface BudgetLineTable extends Stamps {
	id: Id;
	organisationId: number;
	recommendationId: number;
	year: number;
	amountKr: number;
	category: BudgetCategory;
	funding: Funding;
	note: Text;
}

export interface BudgetActualTable extends Stamps {
	id: Id;
	organisationId: number;
	recommendationId: number;
	year: number;
	amountKr: number;
	note: Text;
}

export interface KpiTable extends Stamps {
	id: Id;
	organisationId: number;
	name: string;
	description: Text;
	unit: Unit;
	decimals: ColumnType<number, number | undefined, number>;
	direction: Direction;
	frequency: Frequency;
	scope: Text;
	dataSource: Text;
	baselineValue: Numeric;
	baselinePeriod: string;
	targetValue: Numeric;
	targetPeriod: string;
	/** How the value is judged (DESIGN §3): the latest value, or the rolling year (monthly and quarterly KPIs only). */
	assessment: ColumnType<Assessment, Assessment | undefined, Assessment>;
	/** The KPI's own plausible range (null: the unit's default bound, src/lib/domain/plausibility.ts). */
	minValue: ColumnType<string | null, string | number | null | undefined, string | number | null>;
	maxValue: ColumnType<string | null, string | number | null | undefined, string | number | null>;
	illustrative: ColumnType<boolean, boolean | undefined, boolean>;
	archivedAt: Date | null;
}

export interface KpiOwnerTable {
	organisationId: number;
	kpiId: number;
	userId: number;
	createdAt: CreatedAt;
}

export interface RecommendationKpiTable {
	organisationId: number;
	recommendationId: number;
	kpiId: number;
	isPrimary: ColumnType<boolean, boolean | undefined, boolean>;
	position: ColumnType<number, number | undefined, number>;
}

export interface ObservationTable extends Stamps {
	id: Id;
	organisationId: number;
	kpiId: number;
	period: string;
	value: Numeric;
	comment: Text;
	source: Text;
	seriesBreak: ColumnType<boolean, boolean | undefined, boolean>;
	enteredBy: number | null;
	enteredAt: Timestamp;
}

export interface KpiComparisonTable extends Stamps {
	id: Id;
	organisationId: number;
	kpiId: number;
	name: string;
	source: Text;
}

export interface KpiComparisonValueTable {
	id: Id;
	organisationId: number;
	comparisonId: number;
	period: string;
	value: Numeric;
}

export interface StatusUpdateTable extends Stamps {
	id: Id;
	organisationId: number;
	recommendationId: number;
	period: string;
	body: string;
	authorId: number | null;
}

export interface AnnualReportTable extends Stamps {
	id: Id;
	organisationId: number;
	programmeId: number | null;
	year: number;
	edition: ColumnType<number, number | undefined, number>;
	state: ColumnType<ReportState, ReportState | undefined, ReportState>;
	asOf: DateText;
	snapshot: unknown;
	changeNote: Text;
	public: ColumnType<boolean, boolean | undefined, boolean>;
	submittedAt: Date | null;
	submittedBy: number | null;
	approvedAt: Date | null;
	approvedBy: number | null;
	publishedAt: Date | null;
	publishedBy: number | null;
	replacedById: number | null;
	/** The agenda item's meeting fields (issue 16): Sagsnr., udvalg, mødedato; empty until filled in. */
	caseNumber: Text;
	committee: Text;
	meetingDate: DateText | null;
}

export type SsoProtocol = 'oidc' | 'saml';

/** An organisation's identity provider (issue 18): one per protocol; `settings` is the protocol's non-secret part. */
export interface IdentityProviderTable extends Stamps {
	id: Id;
	organisationId: number;
	protocol: SsoProtocol;
	enabled: ColumnType<boolean, boolean | undefined, boolean>;
	displayName: string;
	settings: ColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
	/** The secret (OIDC client secret, SAML SP key) sealed by src/lib/server/sso/secret-box.ts. */
	sealedSecret: string | null;
}

/** A claim value (app role, group) the provider sends, and the app role it gives. */
export interface IdentityProviderRoleTable {
	providerId: number;
	claimValue: string;
	role: Role;
	createdAt: CreatedAt;
}

/** Whether an organisation's users may sign in with a password; when not, the break-glass admin still may. */
export interface SignInPolicyTable {
	organisationId: number;
	localPasswords: boolean;
	breakGlassUserId: number | null;
	updatedBy: number | null;
	updatedAt: Timestamp;
}

/** A user as the identity provider knows them: the provider's subject, linked to one user. */
export interface ExternalIdentityTable {
	providerId: number;
	subject: string;
	userId: number;
	createdAt: CreatedAt;
	lastSignInAt: Timestamp;
}

export interface AuditEventTable {
	id: Generated<number>;
	organisationId: number | null;
	actorUserId: number | null;
	actorLabel: Text;
	occurredAt: CreatedAt;
	action: string;
	entityType: string;
	entityId: string | null;
	before: unknown;
	after: unknown;
	clientAddress: string | null;
	/** The API token the write came through, if any. */
	apiTokenId: number | null;
}

/** An AuthnRequest ID this SP issued; a response may answer it once, before it expires. */
export interface SamlRequestTable {
	id: string;
	/** The SP's entity ID (one per organisation). */
	scope: string;
	createdAt: CreatedAt;
	expiresAt: Date;
}

/** An assertion ID already accepted: the primary key (scope, id) refuses a replay on every instance. */
export interface SamlAssertionTable {
	scope: string;
	id: string;
	consumedAt: CreatedAt;
	expiresAt: Date;
}

export type ReminderFrequency = 'off' | 'weekly' | 'monthly';

export interface ReminderPreferenceTable {
	userId: number;
	frequency: ReminderFrequency;
	updatedAt: Timestamp;
}

export interface SentNotificationTable {
	id: Id;
	userId: number;
	kind: string;
	subjectKey: string;
	/** ISO week ('2026-W49') or month ('2026-12') of the digest. */
	periodKey: string;
	claimedAt: Timestamp;
	sentAt: Date | null;
	smtpResponse: string | null;
	attempts: ColumnType<number, number | undefined, number>;
	lastError: string | null;
	lastErrorAt: Date | null;
	/** The subject keys of the tasks the digest listed (JSON array of strings). */
	subjects: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ReminderKeyTable {
	id: number;
	secret: string;
	createdAt: CreatedAt;
}

/**
 * An organisation's data version: changed by trigger in the same transaction as every write to a table the
 * overview reads (migration 2026-12-01T1100), so a cached overview is checked with one indexed query.
 */
export interface OrganisationDataVersionTable {
	organisationId: number;
	version: number;
}

export interface Database {
	organisation: OrganisationTable;
	organisationLogo: OrganisationLogoTable;
	appUser: AppUserTable;
	session: SessionTable;
	loginAttempt: LoginAttemptTable;
	userToken: UserTokenTable;
	apiToken: ApiTokenTable;
	programme: ProgrammeTable;
	theme: ThemeTable;
	recommendation: RecommendationTable;
	recommendationLifecycleEvent: RecommendationLifecycleEventTable;
	recommendationAssignment: RecommendationAssignmentTable;
	followUpItem: FollowUpItemTable;
	budgetLine: BudgetLineTable;
	budgetActual: BudgetActualTable;
	kpi: KpiTable;
	kpiOwner: KpiOwnerTable;
	recommendationKpi: RecommendationKpiTable;
	observation: ObservationTable;
	kpiComparison: KpiComparisonTable;
	kpiComparisonValue: KpiComparisonValueTable;
	statusUpdate: StatusUpdateTable;
	annualReport: AnnualReportTable;
	auditEvent: AuditEventTable;
	identityProvider: IdentityProviderTable;
	identityProviderRole: IdentityProviderRoleTable;
	signInPolicy: SignInPolicyTable;
	externalIdentity: ExternalIdentityTable;
	samlRequest: SamlRequestTable;
	samlAssertion: SamlAssertionTable;
	reminderPreference: ReminderPreferenceTable;
	sentNotification: SentNotificationTable;
	reminderKey: ReminderKeyTable;
	organisationDataVersion: OrganisationDataVersionTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type Programme = Selectable<ProgrammeTable>;
export type Theme = Selectable<ThemeTable>;
export type Recommendation = Selectable<RecommendationTable>;
export type RecommendationUpdate = Updateable<RecommendationTable>;
export type FollowUpItem = Selectable<FollowUpItemTable>;
export type BudgetLine = Selectable<BudgetLineTable>;
export type BudgetActual = Selectable<BudgetActualTable>;
export type Kpi = Selectable<KpiTable>;
export type Observation = Selectable<ObservationTable>;
export type StatusUpdate = Selectable<StatusUpdateTable>;
export type AnnualReport = Selectable<AnnualReportTable>;
export type AuditEvent = Selectable<AuditEventTable>;
