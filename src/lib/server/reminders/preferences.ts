import { inTransaction, type Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import type { ReminderFrequency } from '../../../../db/types';

/** Without a row a user gets the weekly digest. */
export const DEFAULT_FREQUENCY: ReminderFrequency = 'weekly';
export const FREQUENCIES = ['off', 'weekly', 'monthly'] as const satisfies readonly ReminderFrequency[];

/** How often a user wants the digest. */
export async function reminderFrequency(db: Db, userId: number): Promise<ReminderFrequency> {
	const row = await db
		.selectFrom('reminderPreference')
		.select('frequency')
		.where('userId', '=', userId)
		.executeTakeFirst();
	return row?.frequency ?? DEFAULT_FREQUENCY;
}

/** Sets how often a user wants the digest (insert or update), audited as `user.reminders_changed`. */
export async function setReminderFrequency(
	db: Db,
	user: { id: number; organisationId: number },
	frequency: ReminderFrequency,
	meta: { via: 'settings' | 'unsubscribe_link'; clientAddress: string | null }
): Promise<void> {
	await inTransaction(db, async (trx) => {
		const before = await trx
			.selectFrom('reminderPreference')
			.where('userId', '=', user.id)
			.select('frequency')
			.forUpdate()
			.executeTakeFirst();
		await trx
			.insertInto('reminderPreference')
			.values({ userId: user.id, frequency, updatedAt: new Date() })
			.onConflict((oc) => oc.column('userId').doUpdateSet({ frequency, updatedAt: new Date() }))
			.execute();
		// The user acts on their own reminders: by the settings page (signed in) or by a mail's signed link.
		await recordAudit(trx, {
			organisationId: user.organisationId,
			actorUserId: meta.via === 'settings' ? user.id : null,
			actorLabel: meta.via === 'settings' ? undefined : 'unsubscribe_link',
			action: 'user.reminders_changed',
			entityType: 'user',
			entityId: user.id,
			before: { frequency: before?.frequency ?? DEFAULT_FREQUENCY },
			after: { frequency, via: meta.via },
			clientAddress: meta.clientAddress
		});
	});
}

export interface ReminderState {
	frequency: ReminderFrequency;
	/** The newest failed send of the user's digest, if its error was not followed by a successful send. */
	lastError: { message: string; at: Date } | null;
}

/**
 * The reminder setting and unresolved send error of an organisation's users (the admin's user list); a user
 * missing from the map has the default and no error.
 * @example const states = await listReminderStates(db, admin.organisationId); states.get(user.id)?.frequency
 */
export async function listReminderStates(db: Db, organisationId: number): Promise<Map<number, ReminderState>> {
	const [preferences, errors] = await Promise.all([
		db
			.selectFrom('reminderPreference as p')
			.innerJoin('appUser as u', 'u.id', 'p.userId')
			.where('u.organisationId', '=', organisationId)
			.select(['p.userId', 'p.frequency'])
			.execute(),
		db
			.selectFrom('sentNotification as n')
			.innerJoin('appUser as u', 'u.id', 'n.userId')
			.where('u.organisationId', '=', organisationId)
			.where('n.sentAt', 'is', null)
			.where('n.lastError', 'is not', null)
			.select(['n.userId', 'n.lastError', 'n.lastErrorAt'])
			.orderBy('n.lastErrorAt', 'asc')
			.execute()
	]);
	const states = new Map<number, ReminderState>();
	const stateOf = (userId: number) => {
		let state = states.get(userId);
		if (!state) states.set(userId, (state = { frequency: DEFAULT_FREQUENCY, lastError: null }));
		return state;
	};
	for (const row of preferences) stateOf(row.userId).frequency = row.frequency;
	// Oldest first, so the newest error of a user is the one kept.
	for (const row of errors) {
		if (row.lastError && row.lastErrorAt)
			stateOf(row.userId).lastError = { message: row.lastError, at: row.lastErrorAt };
	}
	return states;
}
