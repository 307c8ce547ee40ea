// KPIs and their values: definitions, owners and links (kpi, kpi_owner, recommendation_kpi), observations, comparison series, who may write them, and status as of a date.
export {
	findKpi,
	listKpis,
	listKpiRefs,
	listKpisForUser,
	listKpiLinks,
	listKpiRecommendations,
	listKpiOwnerNames,
	listRecommendationKpiPairs,
	type KpiLink
} from './kpis';
export {
	createKpiDefinition,
	updateKpiDefinition,
	loadKpiFormOptions,
	findUnknownRecommendationId
} from './definitions';
export { parseKpiForm, formPicks, withPicks } from './form';
export { loadKpiPreset, type KpiPreset } from './from-recommendation';
export { assignedKpiIds, listWritableKpiIds, canEditKpi } from './access';
export {
	saveObservation,
	deleteObservation,
	storedObservationOf,
	MAX_VERSION,
	type ObservationInput,
	type StoredObservationSnapshot
} from './observations';
export {
	listObservations,
	listObservationsWithAuthor,
	findObservationWithAuthor,
	listDecisiveObservations,
	listRecentObservations,
	listRetiredKpiIds,
	type PeriodPerFrequency
} from './observation-reads';
export {
	loadStoredObservations,
	insertObservations,
	updateObservations,
	observationKey,
	chunks,
	type StoredObservation,
	type ObservationWriteRow
} from './observation-batch';
export {
	listObservationsForExport,
	type ObservationExportRow,
	type ObservationExportScope
} from './observation-export';
export { listComparisons, createComparison, saveComparisonValues } from './comparisons';
export {
	loadKpiProgress,
	loadOverview,
	kpiDefinitionOf,
	summariseKpi,
	representativeKpi,
	type KpiStatusRow,
	type KpiSummary,
	type OverviewRow
} from './status';
export { loadOverviewCached, readDataVersion, versionedCache, deepFreeze } from './overview-cache';
export {
	listMissingEntries,
	listOpenFollowUps,
	type MissingEntry,
	type MissingEntryWho,
	type OpenFollowUp
} from './backlog';
export {
	saveEnteredObservation,
	type EnteredObservation,
	type EntryOutcome,
	type StoredEntry
} from './observation-entry';
export { plausibilityRulesOf, plausibilityCheckers, checkObservationPlausibility } from './plausibility';
export { kpiToApi, loadApiKpis, loadApiKpisCached, loadApiKpiDetail, loadApiObservations } from './api-shape';
export { forecastsOf, loadKpiForecasts, forecastToApi } from './forecast';
