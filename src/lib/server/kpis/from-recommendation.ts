import type { Db } from '../infra/db';
import { findRecommendation } from '../register/recommendations';
import { listAssignableLeads } from '../register/assignments';
import { listKpiLinks } from './kpis';

/** What the new-KPI form starts from when it is opened from a recommendation's page. */
export interface KpiPreset {
	recommendation: { id: number; number: number; title: string };
	/** True when the recommendation has no KPI yet: the new one is then its primary KPI. */
	primary: boolean;
	/** The recommendation's project leads: they enter the values of every KPI linked to it. */
	leads: string[];
}

/**
 * The recommendation a new KPI is set up for, with whether it becomes primary (the first KPI) and the
 * project leads who will enter its values; null when the recommendation is not the organisation's.
 * @example const preset = await loadKpiPreset(db, user.organisationId, 7); // { recommendation, primary: true, leads: ['Peter Projektleder'] }
 */
export async function loadKpiPreset(
	db: Db,
	organisationId: number,
	recommendationId: number
): Promise<KpiPreset | null> {
	const [recommendation, links, leads] = await Promise.all([
		findRecommendation(db, organisationId, recommendationId),
		listKpiLinks(db, organisationId, [recommendationId]),
		listAssignableLeads(db, organisationId, recommendationId)
	]);
	if (!recommendation) return null;
	return {
		recommendation: { id: recommendation.id, number: recommendation.number, title: recommendation.title },
		primary: links.length === 0,
		leads: leads.filter((lead) => lead.assigned).map((lead) => lead.name)
	};
}
