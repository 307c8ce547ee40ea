/**
 * The Danish message catalogue: every word a user reads comes from here (or its English twin).
 * Keys are grouped by prefix; `{name}` marks a parameter.
 */
export const da = {
	'app.name': 'Fremdrift',
	'app.tagline': 'Opfølgning på vedtagne anbefalinger',
	'app.skip_to_content': 'Gå til indhold',
	'app.illustrative': 'Eksempeldata',
	'app.illustrative_note': 'Tallene er opdigtede eksempeldata til demonstration.',

	'nav.overview': 'Oversigt',
	'nav.main': 'Hovedmenu',

	'period.year': '{year}',
	'period.half': '{n}. halvår {year}',
	'period.quarter': '{n}. kvartal {year}',
	'period.month': '{month} {year}',
	'frequency.year': 'år',
	'frequency.half': 'halvår',
	'frequency.quarter': 'kvartal',
	'frequency.month': 'måned',

	'unit.percent': '%',
	'unit.count': 'antal',
	'unit.days': 'dage',
	'unit.kr': 'kr.',
	'unit.score': 'score',
	'unit.mio_kr': 'mio. kr.',
	'unit.percent_point': '%-point',

	'direction.lower': 'Lavere er bedre',
	'direction.higher': 'Højere er bedre',

	'status.no_data': 'Ingen data',
	'status.achieved': 'Nået',
	'status.on_track': 'På sporet',
	'status.at_risk': 'I risiko',
	'status.off_track': 'Bagud',
	'status.overdue': 'Mangler indtastning',
	'status.override': 'Tilsidesat af direktør',
	'status.override_reason': 'Begrundelse: {reason}',
	'status.computed': 'Beregnet status: {status}',
	'status.follow_up_progress': '{done} af {total} opfølgningspunkter færdige',
	'status.follow_up_overdue': '{count} over tid',
	'status.no_kpi': 'Ingen nøgletal',

	'lifecycle.proposed': 'Foreslået',
	'lifecycle.adopted': 'Vedtaget',
	'lifecycle.in_progress': 'I gang',
	'lifecycle.completed': 'Afsluttet',
	'lifecycle.paused': 'Sat på pause',
	'lifecycle.dropped': 'Opgivet',

	'follow_up_state.not_started': 'Ikke startet',
	'follow_up_state.in_progress': 'I gang',
	'follow_up_state.done': 'Færdig',
	'follow_up_state.postponed': 'Udskudt',

	'budget_category.salary': 'Løn',
	'budget_category.activities': 'Aktiviteter',
	'budget_category.campaigns': 'Kampagner',
	'budget_category.other': 'Andet',
	'funding.central_pool': 'Central pulje',
	'funding.own_budget': 'Eget budget',

	'decision.consensus': 'Vedtaget i enighed',
	'decision.dissent': 'Vedtaget med mindretalsudtalelse',
	'decision.dissent_heading': 'Mindretalsudtalelse',
	'decision.adopted_by': 'Vedtaget af {body} den {date}',

	'error.period_malformed': 'Perioden skal skrives som 2024, 2024-H1, 2024-Q3 eller 2024-05.',
	'error.period_wrong_frequency': 'Perioden passer ikke til nøgletallets frekvens ({frequency}).',
	'error.number_malformed': 'Skriv et tal, fx 7,4.',
	'error.amount_malformed': 'Skriv et beløb i kroner, fx 3.600.000 eller 3,6 mio.',
	'error.not_found': 'Siden findes ikke.',
	'error.generic': 'Der opstod en fejl. Prøv igen, eller kontakt en administrator.',
	'error.database_unavailable': 'Databasen kan ikke nås lige nu. Prøv igen om lidt.',

	'startup.pg_unreachable':
		'Kan ikke forbinde til PostgreSQL ({target}): {reason}. Tjek at serveren kører, og at DATABASE_URL er rigtig.',
	'startup.pg_failed': 'PostgreSQL afviste forbindelsen ({target}): {reason}.',
	'startup.data_dir_unusable':
		'Datamappen {path} kan ikke bruges: {reason}. Vælg en anden mappe med FREMDRIFT_DATA_DIR.',
	'startup.env_invalid': 'Ugyldig konfiguration: {details}',
	'startup.migrated': 'Databasen er opdateret ({count} migreringer kørt).',
	'startup.up_to_date': 'Databasen er allerede opdateret.'
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof da;
