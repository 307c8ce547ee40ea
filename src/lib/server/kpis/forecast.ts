import type { Db } from '../infra/db';
import { computeForecast, FORECAST_HISTORY, type Forecast, type ForecastOutcome } from '../../domain/forecast';
import type { KpiDefinition, ObservationPoint } from '../../domain/progress';
import { listRecentObservations } from './observation-reads';
import { currentPeriods, kpiDefinitionOf, type KpiStatusRow } from './status';

/**
 * Each KPI's forecast (DESIGN §3) from its values, as of a date; a KPI whose definition the rules refuse
 * gets none rather than failing the page.
 * @example const outcome = forecastsOf([kpi], values, '2026-11-22').get(kpi.id);
 */
export function forecastsOf(
	kpis: readonly { id: number; definition: KpiDefinition }[],
	observations: readonly (ObservationPoint & { kpiId: number })[],
	asOf: string
): Map<number, ForecastOutcome> {
	const byKpi = Map.groupBy(observations, (o) => o.kpiId);
	return new Map(
		kpis.map((kpi) => {
			const values = (byKpi.get(kpi.id) ?? []).map(({ period, value }) => ({ period, value }));
			return [kpi.id, computeForecast(kpi.definition, values, asOf)];
		})
	);
}

/**
 * The forecasts of the given KPIs (or the organisation's primary KPIs) as of a date, in one query: each KPI's
 * newest FORECAST_HISTORY values, the same the model is fitted to everywhere.
 * @example const forecasts = await loadKpiForecasts(db, organisationId, '2026-11-22', kpis);
 */
export async function loadKpiForecasts(
	db: Db,
	organisationId: number,
	asOf: string,
	kpis: readonly KpiStatusRow[] | Promise<readonly KpiStatusRow[]>,
	which: 'these' | 'primary' | 'all' = 'these'
): Promise<Map<number, ForecastOutcome>> {
	const current = currentPeriods(asOf);
	const [rows, values] = await Promise.all([
		kpis,
		which === 'these'
			? Promise.resolve(kpis).then((rows) =>
					listRecentObservations(
						db,
						organisationId,
						current,
						FORECAST_HISTORY,
						rows.map((k) => k.id)
					)
				)
			: listRecentObservations(db, organisationId, current, FORECAST_HISTORY, which)
	]);
	return forecastsOf(
		rows.map((kpi) => ({ id: kpi.id, definition: kpiDefinitionOf(kpi) })),
		values,
		asOf
	);
}

/** The forecast in the API's shape (`forecast` of a KPI): null without one. */
export function forecastToApi(outcome: ForecastOutcome | undefined): Forecast | null {
	return outcome?.kind === 'forecast' ? outcome.forecast : null;
}
