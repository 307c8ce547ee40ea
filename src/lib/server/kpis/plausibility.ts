import type { Kpi } from '../../../../db/types';
import type { Db } from '../infra/db';
import { parseDecimal } from '../../domain/numbers';
import { todayInCopenhagen } from '../../domain/dates';
import {
	checkPlausibility,
	createPlausibilityChecker,
	type HistoryPoint,
	type PlausibilityCheck,
	type PlausibilityRules
} from '../../domain/plausibility';
import type { StoredObservation } from './observation-batch';
import { listObservations } from './observation-reads';

/** The plausibility rules of a stored KPI (its unit, decimals, frequency and own bounds). */
export function plausibilityRulesOf(
	kpi: Pick<Kpi, 'unit' | 'decimals' | 'frequency' | 'minValue' | 'maxValue'>
): PlausibilityRules {
	return {
		unit: kpi.unit,
		decimals: kpi.decimals,
		frequency: kpi.frequency,
		minValue: kpi.minValue === null ? null : parseDecimal(kpi.minValue),
		maxValue: kpi.maxValue === null ? null : parseDecimal(kpi.maxValue)
	};
}

/**
 * One plausibility check per KPI for many rows (an import), each KPI's stored values read once: `stored`
 * is what loadStoredObservations returned for these KPIs.
 * @example const checkFor = plausibilityCheckers(kpis, stored); checkFor(kpi.id)?.({ period, value, today })
 */
export function plausibilityCheckers(
	kpis: readonly Pick<Kpi, 'id' | 'unit' | 'decimals' | 'frequency' | 'minValue' | 'maxValue'>[],
	stored: ReadonlyMap<string, StoredObservation>
) {
	const history = new Map<number, HistoryPoint[]>();
	for (const o of stored.values()) {
		const points = history.get(o.kpiId);
		if (points) points.push(o);
		else history.set(o.kpiId, [o]);
	}
	const checkers = new Map<number, ReturnType<typeof createPlausibilityChecker>>();
	const rules = new Map(kpis.map((kpi) => [kpi.id, kpi]));
	return (kpiId: number) => {
		let checker = checkers.get(kpiId);
		const kpi = rules.get(kpiId);
		if (!checker && kpi) {
			checker = createPlausibilityChecker(plausibilityRulesOf(kpi), history.get(kpiId) ?? []);
			checkers.set(kpiId, checker);
		}
		return checker;
	};
}

/**
 * Checks one value against the KPI's plausibility rules and its stored values (the entry form and the API).
 * @example const check = await checkObservationPlausibility(db, user.organisationId, kpi, '2026-09', 7.4);
 */
export async function checkObservationPlausibility(
	db: Db,
	organisationId: number,
	kpi: Kpi,
	period: string,
	value: number,
	today: string = todayInCopenhagen()
): Promise<PlausibilityCheck> {
	const history = await listObservations(db, organisationId, [kpi.id]);
	return checkPlausibility(plausibilityRulesOf(kpi), { period, value, today, history });
}
