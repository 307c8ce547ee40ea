import type { Db } from '../infra/db';

/** Reads of recommendations and what hangs on them, for lists, pages and the status (other folders call these). */

/**
 * The organisation's recommendations for lists, with programme and theme names, in register order.
 * @example const rows = await listRecommendations(db, organisationId);
 */
export function listRecommendations(db: Db, organisationId: number) {
	return db
		.selectFrom('recommendation as r')
		.innerJoin('programme as p', 'p.id', 'r.programmeId')
		.leftJoin('theme as t', 't.id', 'r.themeId')
		.where('r.organisationId', '=', organisationId)
		.where('r.archivedAt', 'is', null)
		.select([
			'r.id',
			'r.number',
			'r.title',
			'r.shortName',
			'r.lifecycle',
			'r.followUpPeriod',
			'r.responsible',
			'r.responsibleUserId',
			'r.statusOverride',
			'r.statusOverrideReason',
			'r.decisionDate',
			'r.decisionBody',
			'r.decisionKind',
			'r.dissentText',
			'r.programmeId',
			'p.name as programmeName',
			'r.themeId',
			't.name as themeName'
		])
		.orderBy('p.id')
		.orderBy('r.number')
		.execute();
}

/** One recommendation with every field, scoped to the organisation; undefined when not there. */
export function findRecommendation(db: Db, organisationId: number, id: number) {
	return db
		.selectFrom('recommendation as r')
		.innerJoin('programme as p', 'p.id', 'r.programmeId')
		.leftJoin('theme as t', 't.id', 'r.themeId')
		.where('r.organisationId', '=', organisationId)
		.where('r.id', '=', id)
		.selectAll('r')
		.select(['p.name as programmeName', 'p.body as programmeBody', 't.name as themeName'])
		.executeTakeFirst();
}

/** A programme's recommendations in number order, with their theme's name (the programme's page). */
export function listProgrammeRecommendations(db: Db, organisationId: number, programmeId: number) {
	return db
		.selectFrom('recommendation as r')
		.leftJoin('theme as t', 't.id', 'r.themeId')
		.where('r.programmeId', '=', programmeId)
		.where('r.organisationId', '=', organisationId)
		.select(['r.id', 'r.number', 'r.title', 'r.lifecycle', 't.name as themeName'])
		.orderBy('r.number')
		.execute();
}

/** A recommendation as `findRecommendation` finds it. */
export type FoundRecommendation = NonNullable<Awaited<ReturnType<typeof findRecommendation>>>;

/** Follow-up items of the given recommendations (all of the organisation's when ids is omitted). */
export function listFollowUpItems(db: Db, organisationId: number, recommendationIds?: number[]) {
	let query = db
		.selectFrom('followUpItem')
		.where('organisationId', '=', organisationId)
		.select(['id', 'recommendationId', 'title', 'description', 'duePeriod', 'state', 'position', 'version']);
	if (recommendationIds)
		query = query.where('recommendationId', 'in', recommendationIds.length ? recommendationIds : [-1]);
	return query.orderBy('recommendationId').orderBy('position').orderBy('id').execute();
}

/** Budget lines of one recommendation, by year. */
export function listBudgetLines(db: Db, organisationId: number, recommendationId: number) {
	return db
		.selectFrom('budgetLine')
		.where('organisationId', '=', organisationId)
		.where('recommendationId', '=', recommendationId)
		.select(['id', 'year', 'amountKr', 'category', 'funding', 'note', 'version'])
		.orderBy('year')
		.orderBy('id')
		.execute();
}

/** Actual spend per year of one recommendation. */
export function listBudgetActuals(db: Db, organisationId: number, recommendationId: number) {
	return db
		.selectFrom('budgetActual')
		.where('organisationId', '=', organisationId)
		.where('recommendationId', '=', recommendationId)
		.select(['id', 'year', 'amountKr', 'note', 'version'])
		.orderBy('year')
		.execute();
}

/** Allocated and spent kroner per recommendation, summed over all years, for the whole organisation. */
export async function sumBudgetsByRecommendation(db: Db, organisationId: number) {
	const [allocated, spent] = await Promise.all([
		db
			.selectFrom('budgetLine')
			.where('organisationId', '=', organisationId)
			.groupBy('recommendationId')
			.select(['recommendationId', (eb) => eb.fn.sum<string>('amountKr').as('total')])
			.execute(),
		db
			.selectFrom('budgetActual')
			.where('organisationId', '=', organisationId)
			.groupBy('recommendationId')
			.select(['recommendationId', (eb) => eb.fn.sum<string>('amountKr').as('total')])
			.execute()
	]);
	const totals = new Map<number, { allocatedKr: number; spentKr: number }>();
	const entry = (id: number) => totals.get(id) ?? totals.set(id, { allocatedKr: 0, spentKr: 0 }).get(id)!;
	for (const row of allocated) entry(row.recommendationId).allocatedKr = Number(row.total);
	for (const row of spent) entry(row.recommendationId).spentKr = Number(row.total);
	return totals;
}

/** Status narratives of one recommendation, newest period first. */
export function listStatusUpdates(db: Db, organisationId: number, recommendationId: number) {
	return db
		.selectFrom('statusUpdate as s')
		.leftJoin('appUser as u', 'u.id', 's.authorId')
		.where('s.organisationId', '=', organisationId)
		.where('s.recommendationId', '=', recommendationId)
		.select(['s.id', 's.period', 's.body', 's.version', 's.updatedAt', 'u.name as authorName'])
		.orderBy('s.period', 'desc')
		.execute();
}

/**
 * Of these ids, the recommendations of the organisation (with `assignedTo`: only those assigned to that user).
 * @example const known = await recommendationIdsIn(db, organisationId, form.recommendationId);
 */
export async function recommendationIdsIn(
	db: Db,
	organisationId: number,
	ids: readonly number[],
	assignedTo?: number
): Promise<number[]> {
	if (ids.length === 0) return [];
	let query = db
		.selectFrom('recommendation as r')
		.select('r.id')
		.where('r.organisationId', '=', organisationId)
		.where('r.id', 'in', [...ids]);
	if (assignedTo !== undefined) {
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('recommendationAssignment as a')
					.select('a.userId')
					.whereRef('a.recommendationId', '=', 'r.id')
					.where('a.userId', '=', assignedTo)
			)
		);
	}
	return (await query.execute()).map((row) => row.id);
}

/** The organisation's live recommendations as a form lists them to choose from (number and title). */
export function listRecommendationChoices(db: Db, organisationId: number) {
	return db
		.selectFrom('recommendation')
		.select(['id', 'number', 'title'])
		.where('organisationId', '=', organisationId)
		.where('archivedAt', 'is', null)
		.orderBy('programmeId')
		.orderBy('number')
		.execute();
}

/**
 * What the annual status takes from the register for a year, for the whole organisation in four queries:
 * each recommendation's decision and next step, every budget line and actual, and the year's narratives.
 */
export async function loadRegisterForYear(db: Db, organisationId: number, year: number) {
	const [details, lines, actuals, narratives] = await Promise.all([
		db
			.selectFrom('recommendation')
			.where('organisationId', '=', organisationId)
			.select(['id', 'lifecycleChangedOn', 'decisionDate', 'decisionBody', 'decisionKind', 'dissentText', 'nextStep'])
			.execute(),
		db
			.selectFrom('budgetLine')
			.where('organisationId', '=', organisationId)
			.select(['recommendationId', 'year', 'amountKr'])
			.orderBy('year')
			.execute(),
		db
			.selectFrom('budgetActual')
			.where('organisationId', '=', organisationId)
			.select(['recommendationId', 'year', 'amountKr'])
			.orderBy('year')
			.execute(),
		db
			.selectFrom('statusUpdate as s')
			.leftJoin('appUser as u', 'u.id', 's.authorId')
			.where('s.organisationId', '=', organisationId)
			.where('s.period', '=', String(year))
			.select(['s.recommendationId', 's.body', 'u.name as authorName'])
			.execute()
	]);
	return { details, lines, actuals, narratives };
}
