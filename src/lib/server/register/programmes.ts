import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { NOT_FOUND, stale, type WriteResult } from '../infra/write-result';
import type { ProgrammeForm } from '../../schemas/register';
import { diffFields, refused, type Actor } from './concurrency';
import { changesSince } from '../audit/audit-events';

/**
 * Programmes: the list, one programme, and its writes (create, update, archive/restore). Writes take
 * the caller's transaction (`writeInTransaction`) and record their audit event in it.
 */

/** The organisation's programmes (archived ones last) with how many themes and recommendations each has. */
export function listProgrammes(db: Db, organisationId: number) {
	return db
		.selectFrom('programme as p')
		.where('p.organisationId', '=', organisationId)
		.select((eb) => [
			'p.id',
			'p.name',
			'p.body',
			'p.adoptedOn',
			'p.archivedAt',
			'p.version',
			eb
				.selectFrom('theme as t')
				.whereRef('t.programmeId', '=', 'p.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('themeCount'),
			eb
				.selectFrom('recommendation as r')
				.whereRef('r.programmeId', '=', 'p.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('recommendationCount')
		])
		.orderBy((eb) => eb.case().when('p.archivedAt', 'is', null).then(0).else(1).end())
		.orderBy('p.id')
		.execute();
}

/** One programme with every field, scoped to the organisation; undefined when not there. */
export function findProgramme(db: Db, organisationId: number, id: number) {
	return db
		.selectFrom('programme')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
}

async function programmeNameTaken(db: Db, organisationId: number, name: string, exceptId?: number) {
	let query = db
		.selectFrom('programme')
		.select('id')
		.where('organisationId', '=', organisationId)
		.where('name', '=', name);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

/** A new programme; its name must be free in the organisation. */
export async function createProgramme(
	trx: Db,
	actor: Actor,
	form: ProgrammeForm
): Promise<WriteResult<{ id: number }>> {
	if (await programmeNameTaken(trx, actor.organisationId, form.name)) return refused('name', 'name_taken');
	const { id } = await trx
		.insertInto('programme')
		.values({ ...form, organisationId: actor.organisationId })
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'programme.created',
		entityType: 'programme',
		entityId: id,
		after: { ...form, version: 1 }
	});
	return { kind: 'ok', change: 'created', id };
}

/** Saves a programme's fields if it still has `version`; only the changed fields are audited. */
export async function updateProgramme(
	trx: Db,
	actor: Actor,
	id: number,
	form: ProgrammeForm,
	version: number
): Promise<WriteResult<{ id: number }>> {
	const before = await trx
		.selectFrom('programme')
		.selectAll()
		.where('organisationId', '=', actor.organisationId)
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
	if (!before) return NOT_FOUND;
	if (before.version !== version)
		return stale(
			{ ...before },
			await changesSince(trx, actor.organisationId, 'programme', id, ['programme.updated'], version)
		);
	if (await programmeNameTaken(trx, actor.organisationId, form.name, id)) return refused('name', 'name_taken');
	const diff = diffFields(before, form);
	if (!diff) return { kind: 'ok', change: 'unchanged', id };
	await trx
		.updateTable('programme')
		.set({ ...form, version: version + 1, updatedAt: new Date() })
		.where('id', '=', id)
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'programme.updated',
		entityType: 'programme',
		entityId: id,
		before: diff.before,
		after: { ...diff.after, version: version + 1 }
	});
	return { kind: 'ok', change: 'updated', id };
}

/** Archives (or restores) a programme: it leaves the overview and lists but stays whole, exportable and restorable. */
export async function setProgrammeArchived(
	trx: Db,
	actor: Actor,
	id: number,
	archived: boolean,
	version: number
): Promise<WriteResult<{ id: number }>> {
	const before = await trx
		.selectFrom('programme')
		.select(['id', 'version', 'archivedAt'])
		.where('organisationId', '=', actor.organisationId)
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
	if (!before) return NOT_FOUND;
	if (before.version !== version)
		return stale(
			null,
			await changesSince(
				trx,
				actor.organisationId,
				'programme',
				id,
				['programme.updated', 'programme.archived', 'programme.restored'],
				version
			)
		);
	const archivedAt = archived ? new Date() : null;
	await trx
		.updateTable('programme')
		.set({ archivedAt, version: version + 1, updatedAt: new Date() })
		.where('id', '=', id)
		.execute();
	// Its recommendations follow it out of (and back into) the overview.
	await trx.updateTable('recommendation').set({ archivedAt }).where('programmeId', '=', id).execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: archived ? 'programme.archived' : 'programme.restored',
		entityType: 'programme',
		entityId: id,
		before: { archived: before.archivedAt !== null },
		after: { archived, version: version + 1 }
	});
	return { kind: 'ok', change: 'updated', id };
}

/** Locks a programme of the organisation for the rest of the transaction (theme order, placement); undefined when not there. */
export function lockProgramme(trx: Db, organisationId: number, programmeId: number) {
	return trx
		.selectFrom('programme')
		.select(['id', 'archivedAt'])
		.where('organisationId', '=', organisationId)
		.where('id', '=', programmeId)
		.forUpdate()
		.executeTakeFirst();
}
