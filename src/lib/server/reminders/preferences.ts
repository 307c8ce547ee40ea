import type { Db } from '../infra/db';
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

/** Sets how often a user wants the digest (insert or update). */
export async function setReminderFrequency(db: Db, userId: number, frequency: ReminderFrequency): Promise<void> {
	await db
		.insertInto('reminderPreference')
		.values({ userId, frequency, updatedAt: new Date() })
		.onConflict((oc) => oc.column('userId').doUpdateSet({ frequency, updatedAt: new Date() }))
		.execute();
}

export interface ReminderState {
	frequency: ReminderFrequency;
	/** The newest failed send of the user's digest, if its error was not followed by a successful send. */
	lastError: { message: string; at: Date } | null;
}

/**
 * Each user's reminder setting and unresolved send error in an organisation (the admin's user list).
 * @example const states = await listReminderStates(db, admin.organisationId); states.get(user.id)?.frequency
 */
export async function listReminderStates(db: Db, organisationId: number): Promise<Map<number, ReminderState>> {
	const rows = await db
		.selectFrom('appUser as u')
		.leftJoin('reminderPreference as p', 'p.userId', 'u.id')
		.where('u.organisationId', '=', organisationId)
		.select((eb) => [
			'u.id',
			'p.frequency',
			eb
				.selectFrom('sentNotification as n')
				.whereRef('n.userId', '=', 'u.id')
				.where('n.sentAt', 'is', null)
				.where('n.lastError', 'is not', null)
				.select('n.lastError')
				.orderBy('n.lastErrorAt', 'desc')
				.limit(1)
				.as('lastError'),
			eb
				.selectFrom('sentNotification as n')
				.whereRef('n.userId', '=', 'u.id')
				.where('n.sentAt', 'is', null)
				.where('n.lastError', 'is not', null)
				.select('n.lastErrorAt')
				.orderBy('n.lastErrorAt', 'desc')
				.limit(1)
				.as('lastErrorAt')
		])
		.execute();
	return new Map(
		rows.map((row) => [
			row.id,
			{
				frequency: row.frequency ?? DEFAULT_FREQUENCY,
				lastError: row.lastError && row.lastErrorAt ? { message: row.lastError, at: new Date(row.lastErrorAt) } : null
			}
		])
	);
}
