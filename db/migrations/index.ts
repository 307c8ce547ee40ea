import type { Migration } from 'kysely/migration';
import * as domain from './2026-11-22T0800-domain';
import * as comparisonSeries from './2026-11-22T0900-comparison-series';
import * as organisationIndexes from './2026-11-22T1000-organisation-indexes';
import * as auditApiToken from './2026-11-30T1300-audit-api-token';
import * as reportAsOfRange from './2026-11-30T1400-report-as-of-range';
import * as kpiValueBounds from './2026-11-30T1520-kpi-value-bounds';
import * as kpiAssessment from './2026-11-30T2000-kpi-assessment';
import * as overrideMissed from './2026-11-30T2100-override-missed';
import * as organisationLogo from './2026-11-30T2110-organisation-logo';
import * as reportMeeting from './2026-11-30T2230-report-meeting';
import * as identityProviders from './2026-12-01T0900-identity-providers';
import * as samlReplay from './2026-12-01T0910-saml-replay';
import * as reminders from './2026-12-01T1000-reminders';
import * as digestSubjects from './2026-12-01T1010-digest-subjects';
import * as organisationDataVersion from './2026-12-01T1100-organisation-data-version';
import * as dataVersionHistory from './2026-12-01T1110-data-version-history';

/**
 * Every migration, by its frozen name. Listed by hand (not globbed) so the same list works in the
 * built server, the CLI and the tests; a test checks that every file in this folder is listed.
 */
export const migrations: Record<string, Migration> = {
	'2026-11-22T0800-domain': domain,
	'2026-11-22T0900-comparison-series': comparisonSeries,
	'2026-11-22T1000-organisation-indexes': organisationIndexes,
	'2026-11-30T1300-audit-api-token': auditApiToken,
	'2026-11-30T1400-report-as-of-range': reportAsOfRange,
	'2026-11-30T1520-kpi-value-bounds': kpiValueBounds,
	'2026-11-30T2000-kpi-assessment': kpiAssessment,
	'2026-11-30T2100-override-missed': overrideMissed,
	'2026-11-30T2110-organisation-logo': organisationLogo,
	'2026-11-30T2230-report-meeting': reportMeeting,
	'2026-12-01T0900-identity-providers': identityProviders,
	'2026-12-01T0910-saml-replay': samlReplay,
	'2026-12-01T1000-reminders': reminders,
	'2026-12-01T1010-digest-subjects': digestSubjects,
	'2026-12-01T1100-organisation-data-version': organisationDataVersion,
	'2026-12-01T1110-data-version-history': dataVersionHistory
};
