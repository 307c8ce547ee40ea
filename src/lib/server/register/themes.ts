import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import { NOT_FOUND, stale, type WriteResult } from '../infra/write-result';
import type { ThemeForm } from '../../schemas/register';
import { diffFields, refused, type Actor } from './concurrency';
import { lockProgramme } from './programmes';

/**
 * A programme's themes (hovedtemaer): the list in order and the writes (add, edit, move, delete).
 * Theme changes are audited on their programme, so the programme's page shows one history.
 */

/** A programme's themes in their order (all the organisation's when no programme is given). */
export function listThemes(db: Db, organisationId: number, programmeId?: number) {
	let query = db
		.selectFrom('theme')
		.select(['id', 'programmeId', 'name', 'description', 'position', 'version'])
		.where('organisationId', '=', organisationId);
	if (programmeId !== undefined) query = query.where('programmeId', '=', programmeId);
	return query.orderBy('programmeId').orderBy('position').orderBy('id').execute();
}

function themeNameTaken(trx: Db, programmeId: number, name: string, exceptId = -1) {
	return trx
		.selectFrom('theme')
		.select('id')
		.where('programmeId', '=', programmeId)
		.where('name', '=', name)
		.where('id', '!=', exceptId)
		.executeTakeFirst();
}

function lockTheme(trx: Db, organisationId: number, themeId: number) {
	return trx
		.selectFrom('theme')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('id', '=', themeId)
		.forUpdate()
		.executeTakeFirst();
}

/** A new theme, last in its programme's order; its name must be free in the programme. */
export async function createTheme(
	trx: Db,
	actor: Actor,
	programmeId: number,
	form: ThemeForm
): Promise<WriteResult<{ id: number }>> {
	if (!(await lockProgramme(trx, actor.organisationId, programmeId))) return NOT_FOUND;
	if (await themeNameTaken(trx, programmeId, form.name)) return refused('name', 'name_taken');
	const last = await trx
		.selectFrom('theme')
		.select((eb) => eb.fn.max<number>('position').as('p'))
		.where('programmeId', '=', programmeId)
		.executeTakeFirst();
	const position = (last?.p ?? 0) + 1;
	const { id } = await trx
		.insertInto('theme')
		.values({ ...form, programmeId, organisationId: actor.organisationId, position })
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'theme.created',
		entityType: 'programme',
		entityId: programmeId,
		after: { themeId: id, ...form, position }
	});
	return { kind: 'ok', change: 'created', id };
}

/** Saves a theme's name and description if it still has `version`. */
export async function updateTheme(
	trx: Db,
	actor: Actor,
	themeId: number,
	form: ThemeForm,
	version: number
): Promise<WriteResult<{ id: number }>> {
	const before = await lockTheme(trx, actor.organisationId, themeId);
	if (!before) return NOT_FOUND;
	if (before.version !== version) return stale({ name: before.name, description: before.description });
	if (await themeNameTaken(trx, before.programmeId, form.name, themeId)) return refused('name', 'name_taken');
	const diff = diffFields(before, form);
	if (!diff) return { kind: 'ok', change: 'unchanged', id: themeId };
	await trx
		.updateTable('theme')
		.set({ ...form, version: version + 1, updatedAt: new Date() })
		.where('id', '=', themeId)
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'theme.updated',
		entityType: 'programme',
		entityId: before.programmeId,
		before: { themeId, ...diff.before },
		after: { themeId, ...diff.after }
	});
	return { kind: 'ok', change: 'updated', id: themeId };
}

/** Moves a theme one place up or down in its programme's order. */
export async function moveTheme(
	trx: Db,
	actor: Actor,
	themeId: number,
	direction: 'up' | 'down'
): Promise<WriteResult<{ id: number }>> {
	const theme = await trx
		.selectFrom('theme')
		.select(['id', 'programmeId'])
		.where('organisationId', '=', actor.organisationId)
		.where('id', '=', themeId)
		.executeTakeFirst();
	if (!theme) return NOT_FOUND;
	await lockProgramme(trx, actor.organisationId, theme.programmeId);
	const themes = await trx
		.selectFrom('theme')
		.select(['id', 'position'])
		.where('programmeId', '=', theme.programmeId)
		.orderBy('position')
		.orderBy('id')
		.execute();
	const index = themes.findIndex((t) => t.id === themeId);
	const other = direction === 'up' ? index - 1 : index + 1;
	if (other < 0 || other >= themes.length) return { kind: 'ok', change: 'unchanged', id: themeId };
	[themes[index], themes[other]] = [themes[other], themes[index]];
	for (const [i, t] of themes.entries()) {
		if (t.position !== i + 1)
			await trx
				.updateTable('theme')
				.set({ position: i + 1 })
				.where('id', '=', t.id)
				.execute();
	}
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'theme.moved',
		entityType: 'programme',
		entityId: theme.programmeId,
		after: { themeId, order: themes.map((t) => t.id) }
	});
	return { kind: 'ok', change: 'updated', id: themeId };
}

/** Deletes a theme no recommendation uses. */
export async function deleteTheme(
	trx: Db,
	actor: Actor,
	themeId: number,
	version: number
): Promise<WriteResult<{ id: number }>> {
	const before = await lockTheme(trx, actor.organisationId, themeId);
	if (!before) return NOT_FOUND;
	if (before.version !== version) return stale({ name: before.name, description: before.description });
	const used = await trx.selectFrom('recommendation').select('id').where('themeId', '=', themeId).executeTakeFirst();
	if (used) return refused('theme', 'theme_in_use');
	await trx.deleteFrom('theme').where('id', '=', themeId).execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'theme.deleted',
		entityType: 'programme',
		entityId: before.programmeId,
		before: { themeId, name: before.name }
	});
	return { kind: 'ok', change: 'updated', id: themeId };
}
