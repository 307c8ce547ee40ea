export type { Task, DigestSource, DigestUser } from './types';
export { createDigestSource } from './source';
export { runReminderRound, DIGEST, STALE_CLAIM_MINUTES, type RoundEntry, type RoundResult } from './round';
export { startReminderScheduler, stopReminderScheduler } from './scheduler';
export {
	DEFAULT_FREQUENCY,
	FREQUENCIES,
	listReminderStates,
	reminderFrequency,
	setReminderFrequency,
	type ReminderState
} from './preferences';
export { unsubscribeToken, verifyUnsubscribeToken } from './signing';
export { periodKey, isoWeekKey } from './period';
