import type { Db } from '../infra/db';
import type { Role } from '../../../../db/types';

/** The organisation's users with their number of live sessions, by name. */
export function listUsers(db: Db, organisationId: number) {
	return db
		.selectFrom('appUser as u')
		.where('u.organisationId', '=', organisationId)
		.select((eb) => [
			'u.id',
			'u.name',
			'u.email',
			'u.role',
			'u.disabledAt',
			eb.fn.coalesce(eb.ref('u.passwordHash'), eb.val('')).as('passwordHash'),
			eb
				.selectFrom('session')
				.whereRef('session.userId', '=', 'u.id')
				.select((s) => s.fn.countAll<number>().as('n'))
				.as('sessionCount')
		])
		.orderBy('u.name')
		.orderBy('u.id')
		.execute()
		.then((rows) =>
			rows.map(({ passwordHash, ...row }) => ({
				...row,
				invited: passwordHash === '',
				sessionCount: Number(row.sessionCount ?? 0)
			}))
		);
}

/** One user of the organisation (never their password hash); undefined for another organisation's. */
export function findUser(db: Db, organisationId: number, id: number) {
	return db
		.selectFrom('appUser')
		.where('organisationId', '=', organisationId)
		.where('id', '=', id)
		.select(['id', 'name', 'email', 'role', 'disabledAt', 'version', 'organisationId'])
		.executeTakeFirst();
}

/** Every enabled user of every organisation (who a reminder round considers), by organisation and name. */
export function listEnabledUsers(db: Db) {
	return db
		.selectFrom('appUser')
		.where('disabledAt', 'is', null)
		.select(['id', 'organisationId', 'email', 'name', 'role'])
		.orderBy('organisationId')
		.orderBy('name')
		.orderBy('id')
		.execute();
}

/** A user's e-mail address by id, in any organisation, or null: whom a signed unsubscribe link names. */
export async function findUserEmail(db: Db, id: number): Promise<{ email: string; organisationId: number } | null> {
	const row = await db
		.selectFrom('appUser')
		.select(['email', 'organisationId'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

/** An enabled user of the organisation (id and e-mail), or undefined: who an API token may be issued to. */
export function findActiveUser(db: Db, organisationId: number, id: number) {
	return db
		.selectFrom('appUser')
		.select(['id', 'email'])
		.where('id', '=', id)
		.where('organisationId', '=', organisationId)
		.where('disabledAt', 'is', null)
		.executeTakeFirst();
}

/** The user signing in with this e-mail, with what the password check needs; undefined when unknown. */
export function findUserForSignIn(db: Db, email: string) {
	return db
		.selectFrom('appUser')
		.select(['id', 'organisationId', 'email', 'name', 'role', 'passwordHash', 'disabledAt'])
		.where('email', '=', email)
		.executeTakeFirst();
}

/** True once any user exists: first-run setup is then closed and sign-in is the way in. */
export async function anyUserExists(db: Db): Promise<boolean> {
	return (await db.selectFrom('appUser').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Of these ids, the users of the organisation (with one of the roles, when given); the others are not.
 * @example const leads = await userIdsIn(trx, organisationId, wanted, rolesFor('values.assignee'));
 */
export async function userIdsIn(
	db: Db,
	organisationId: number,
	ids: readonly number[],
	roles?: readonly Role[]
): Promise<number[]> {
	if (ids.length === 0) return [];
	let query = db
		.selectFrom('appUser')
		.select('id')
		.where('organisationId', '=', organisationId)
		.where('id', 'in', [...ids]);
	if (roles) query = query.where('role', 'in', [...roles]);
	return (await query.execute()).map((row) => row.id);
}

/** Whether the user is an active user of the organisation with one of the roles. */
export async function isActiveUserWithRole(
	db: Db,
	organisationId: number,
	id: number,
	roles: readonly Role[]
): Promise<boolean> {
	const row = await db
		.selectFrom('appUser')
		.select('id')
		.where('organisationId', '=', organisationId)
		.where('id', '=', id)
		.where('role', 'in', [...roles])
		.where('disabledAt', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

/** The organisation's active users with one of the roles, by name (the people a form offers). */
export function listActiveUsersWithRole(db: Db, organisationId: number, roles: readonly Role[]) {
	return db
		.selectFrom('appUser')
		.select(['id', 'name', 'email', 'role'])
		.where('organisationId', '=', organisationId)
		.where('role', 'in', [...roles])
		.where('disabledAt', 'is', null)
		.orderBy('name')
		.execute();
}
