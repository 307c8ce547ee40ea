import { sql } from 'kysely';
import { FIRST_USER_ROLE } from '../../domain/policy';
import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { createOrganisation } from './organisations';
import { anyUserExists } from './users';

/**
 * First run: creates the organisation and its first user (an admin, with the chosen password), audited.
 * False when a user exists already: two setups at once serialise on an advisory lock, and the second then
 * finds the first one's user. Run it in the action's transaction (the lock lasts as long).
 * @example const created = await inTransaction(db, (trx) => completeSetup(trx, { ...form.data, passwordHash }, clientAddress));
 */
export async function completeSetup(
	trx: Db,
	input: {
		organisationName: string;
		municipalityCode: number | null;
		name: string;
		email: string;
		passwordHash: string;
	},
	clientAddress: string | null
): Promise<boolean> {
	await sql`select pg_advisory_xact_lock(hashtext('fremdrift:first-run'))`.execute(trx);
	if (await anyUserExists(trx)) return false;
	const organisationId = await createOrganisation(trx, {
		name: input.organisationName,
		municipalityCode: input.municipalityCode
	});
	const user = await trx
		.insertInto('appUser')
		.values({
			organisationId,
			email: input.email,
			name: input.name,
			role: FIRST_USER_ROLE,
			passwordHash: input.passwordHash
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		organisationId,
		actorUserId: user.id,
		action: 'setup.completed',
		entityType: 'organisation',
		entityId: organisationId,
		after: { organisation: input.organisationName, admin: input.email },
		clientAddress
	});
	return true;
}
