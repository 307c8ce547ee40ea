import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/types';

type Executor = Kysely<Database>;

/** The organisation's users with their number of live sessions, by name. */
export function listUsers(db: Executor, organisationId: number) {
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
			eb.selectFrom('session').whereRef('session.userId', '=', 'u.id').select((s) => s.fn.countAll<number>().as('n')).as('sessionCount')
		])
		.orderBy('u.name')
		.orderBy('u.id')
		.execute()
		.then((rows) => rows.map(({ passwordHash, ...row }) => ({ ...row, invited: passwordHash === '', sessionCount: Number(row.sessionCount ?? 0) })));
}

/** One user of the organisation (never their password hash); undefined for another organisation's. */
export function findUser(db: Executor, organisationId: number, id: number) {
	return db
		.selectFrom('appUser')
		.where('organisationId', '=', organisationId)
		.where('id', '=', id)
		.select(['id', 'name', 'email', 'role', 'disabledAt', 'version', 'organisationId'])
		.executeTakeFirst();
}

/** Ids of the recommendations a user is assigned to. */
export async function listAssignmentIds(db: Executor, userId: number): Promise<number[]> {
	const rows = await db.selectFrom('recommendationAssignment').select('recommendationId').where('userId', '=', userId).execute();
	return rows.map((r) => r.recommendationId);
}
