// The register: programmes, themes, recommendations and what hangs on them (lifecycle, decision, override, assignments, budget, follow-up items, narratives), their pages' helpers and the programme document; the one home of these tables.
export { diffFields, refused, type Actor, type InvalidReason } from './concurrency';
export { listProgrammes, findProgramme, createProgramme, updateProgramme, setProgrammeArchived } from './programmes';
export { listThemes, createTheme, updateTheme, moveTheme, deleteTheme } from './themes';
export {
	listRecommendations,
	findRecommendation,
	listProgrammeRecommendations,
	listFollowUpItems,
	listBudgetLines,
	listBudgetActuals,
	sumBudgetsByRecommendation,
	listStatusUpdates,
	type FoundRecommendation
} from './recommendations';
export {
	createRecommendation,
	updateRecommendation,
	changeLifecycle,
	updateDecision,
	setStatusOverride,
	listLifecycleEvents
} from './recommendation-writes';
export {
	listAssignableLeads,
	setAssignments,
	listAssignmentIds,
	listResponsibleChoices,
	setResponsibleUser
} from './assignments';
export {
	addBudgetLine,
	updateBudgetLine,
	deleteBudgetLine,
	addBudgetActual,
	updateBudgetActual,
	deleteBudgetActual,
	addFollowUpItem,
	updateFollowUpItem,
	deleteFollowUpItem,
	setFollowUpState
} from './sub-rows';
export {
	listStatusUpdatesForPeriod,
	writeStatusUpdate,
	storedNarrative,
	type StatusUpdateRow,
	type StatusUpdateInput
} from './status-updates';
export { loadRecommendationDetail, loadDetailOf, type RecommendationDetail } from './recommendation-detail';
export { describeWhy, type WhyPanelData } from './why-panel';
export { loadPlacementOptions, nextFreeNumber, recommendationValues } from './recommendation-form';
export {
	exportProgramme,
	importProgramme,
	readProgrammeDocument,
	documentProblems,
	type DocumentProblem,
	type ImportResult
} from './programme-transfer';
export {
	fieldLabel,
	formatFieldValue,
	describeChanges,
	describeRow,
	invalidMessage,
	changedFieldLabels
} from './display';
export { pathId, recommendationTarget, programmeTarget, registerConflict, type RegisterConflict } from './pages';
