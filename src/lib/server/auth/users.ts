import type { Db } from '../infra/db';

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

/** Ids of the recommendations a user is assigned to. */
export async function listAssignmentIds(db: Db, userId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('recommendationAssignment')
		.select('recommendationId')
		.where('userId', '=', userId)
		.execute();
	return rows.map((r) => r.recommendationId);
}
