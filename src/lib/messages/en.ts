import type { MessageKey } from './da';

/** The English catalogue: the same keys as the Danish one, checked by the type. */
export const en: Record<MessageKey, string> = {
	'app.name': 'Fremdrift',
	'app.tagline': 'Follow-up on adopted recommendations',
	'app.skip_to_content': 'Skip to content',
	'app.illustrative': 'Sample data',
	'app.illustrative_note': 'The figures are invented sample data for demonstration.',

	'nav.overview': 'Overview',
	'nav.main': 'Main menu',

	'period.year': '{year}',
	'period.half': 'H{n} {year}',
	'period.quarter': 'Q{n} {year}',
	'period.month': '{month} {year}',
	'frequency.year': 'year',
	'frequency.half': 'half-year',
	'frequency.quarter': 'quarter',
	'frequency.month': 'month',

	'unit.percent': '%',
	'unit.count': 'count',
	'unit.days': 'days',
	'unit.kr': 'DKK',
	'unit.score': 'score',
	'unit.mio_kr': 'million DKK',
	'unit.percent_point': 'percentage points',

	'direction.lower': 'Lower is better',
	'direction.higher': 'Higher is better',

	'status.no_data': 'No data',
	'status.achieved': 'Achieved',
	'status.on_track': 'On track',
	'status.at_risk': 'At risk',
	'status.off_track': 'Behind',
	'status.overdue': 'Missing entry',
	'status.override': 'Overridden by director',
	'status.override_reason': 'Reason: {reason}',
	'status.computed': 'Computed status: {status}',
	'status.follow_up_progress': '{done} of {total} follow-up items done',
	'status.follow_up_overdue': '{count} overdue',
	'status.no_kpi': 'No KPIs',

	'lifecycle.proposed': 'Proposed',
	'lifecycle.adopted': 'Adopted',
	'lifecycle.in_progress': 'In progress',
	'lifecycle.completed': 'Completed',
	'lifecycle.paused': 'Paused',
	'lifecycle.dropped': 'Dropped',

	'follow_up_state.not_started': 'Not started',
	'follow_up_state.in_progress': 'In progress',
	'follow_up_state.done': 'Done',
	'follow_up_state.postponed': 'Postponed',

	'budget_category.salary': 'Salaries',
	'budget_category.activities': 'Activities',
	'budget_category.campaigns': 'Campaigns',
	'budget_category.other': 'Other',
	'funding.central_pool': 'Central pool',
	'funding.own_budget': 'Own budget',

	'decision.consensus': 'Adopted by consensus',
	'decision.dissent': 'Adopted with a minority statement',
	'decision.dissent_heading': 'Minority statement',
	'decision.adopted_by': 'Adopted by {body} on {date}',

	'error.period_malformed': 'Write the period as 2024, 2024-H1, 2024-Q3 or 2024-05.',
	'error.period_wrong_frequency': "The period does not match the KPI's frequency ({frequency}).",
	'error.number_malformed': 'Enter a number, e.g. 7.4.',
	'error.amount_malformed': 'Enter an amount in DKK, e.g. 3,600,000 or 3.6 million.',
	'error.not_found': 'Page not found.',
	'error.generic': 'Something went wrong. Try again, or contact an administrator.',
	'error.database_unavailable': 'The database cannot be reached right now. Try again shortly.',

	'startup.pg_unreachable':
		'Cannot connect to PostgreSQL ({target}): {reason}. Check that the server is running and DATABASE_URL is right.',
	'startup.pg_failed': 'PostgreSQL refused the connection ({target}): {reason}.',
	'startup.data_dir_unusable':
		'The data folder {path} cannot be used: {reason}. Choose another with FREMDRIFT_DATA_DIR.',
	'startup.env_invalid': 'Invalid configuration: {details}',
	'startup.migrated': 'The database is up to date ({count} migrations run).',
	'startup.up_to_date': 'The database was already up to date.'
};
