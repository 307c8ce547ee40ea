// "Mine opgaver" (issue 19): what each person must do now, by role, as pure data for the start page and the reminders' digests. Owns no table: it reads the other areas through their query functions.
export { listTasks, listTasksCached } from './list-tasks';
export {
	DUE_SOON_DAYS,
	FINISHED_LIFECYCLES,
	valueDeadline,
	isValueDueSoon,
	followUpTaskState,
	responsibleForKpi,
	sortTasks,
	type Task,
	type TaskKind
} from './rules';
