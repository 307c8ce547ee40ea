import type { Db } from '../infra/db';
import type { Recommendation } from '../../../../db/types';

/**
 * The programmes (not archived, plus `currentProgrammeId`, the one a recommendation being edited is in)
 * and their themes a recommendation can be placed in.
 */
export async function loadPlacementOptions(db: Db, organisationId: number, currentProgrammeId?: number) {
	const [programmes, themes] = await Promise.all([
		db
			.selectFrom('programme')
			.select(['id', 'name'])
			.where('organisationId', '=', organisationId)
			.where((eb) => eb.or([eb('archivedAt', 'is', null), eb('id', '=', currentProgrammeId ?? -1)]))
			.orderBy('id')
			.execute(),
		db
			.selectFrom('theme')
			.select(['id', 'programmeId', 'name'])
			.where('organisationId', '=', organisationId)
			.orderBy('programmeId')
			.orderBy('position')
			.orderBy('id')
			.execute()
	]);
	return { programmes, themes };
}

/** The lowest number after the programme's highest. */
export async function nextFreeNumber(db: Db, programmeId: number): Promise<number> {
	const row = await db
		.selectFrom('recommendation')
		.select((eb) => eb.fn.max<number>('number').as('n'))
		.where('programmeId', '=', programmeId)
		.executeTakeFirst();
	return Math.min((row?.n ?? 0) + 1, 9999);
}

/** The edit form's text values of a stored recommendation. */
export function recommendationValues(r: Recommendation): Record<string, string> {
	return {
		programmeId: String(r.programmeId),
		themeId: r.themeId === null ? '' : String(r.themeId),
		number: String(r.number),
		title: r.title,
		shortName: r.shortName,
		intro: r.intro,
		purpose: r.purpose,
		goal: r.goal,
		actions: r.actions,
		targetProfessions: r.targetProfessions,
		baselineDescription: r.baselineDescription,
		followUpPeriod: r.followUpPeriod ?? '',
		followUpText: r.followUpText,
		resourcesText: r.resourcesText,
		nextStep: r.nextStep,
		responsible: r.responsible,
		reportsTo: r.reportsTo,
		version: String(r.version)
	};
}
