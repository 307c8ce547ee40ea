import type { Db } from '../infra/db';
import { recordAudit } from '../audit/record';
import type { LogoFile } from './logo-file';

/** Every organisation, oldest first. */
export function listOrganisations(db: Db) {
	return db.selectFrom('organisation').select(['id', 'slug', 'name', 'municipalityCode']).orderBy('id').execute();
}

/** One organisation's id, slug and name (what a request carries in locals.organisation). */
export function findOrganisation(db: Db, id: number) {
	return db.selectFrom('organisation').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** An organisation's id and name by its slug (the public report's address), or undefined. */
export function findOrganisationBySlug(db: Db, slug: string) {
	return db.selectFrom('organisation').select(['id', 'name']).where('slug', '=', slug).executeTakeFirst();
}

/** A URL-safe organisation slug from its name ("Allerød Kommune" → "allerod"). */
export function slugFor(name: string): string {
	const base = name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/å/g, 'a')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/(^-|-$)/g, '')
		.replace(/-kommune$/, '');
	return (base || 'kommune').slice(0, 60).replace(/-$/, '');
}

/** Creates an organisation, its slug made from its name; returns its id. */
export async function createOrganisation(
	trx: Db,
	input: { name: string; municipalityCode: number | null }
): Promise<number> {
	const { id } = await trx
		.insertInto('organisation')
		.values({ slug: slugFor(input.name), name: input.name, municipalityCode: input.municipalityCode })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/**
 * The organisation's logo (a PNG or sanitised SVG), or null when none is uploaded: for the public report
 * page and the documents.
 * @example const logo = await loadOrganisationLogo(db, organisationId); // { mime: 'image/png', bytes } | null
 */
export async function loadOrganisationLogo(db: Db, organisationId: number): Promise<LogoFile | null> {
	const row = await db
		.selectFrom('organisationLogo')
		.select(['mime', 'bytes'])
		.where('organisationId', '=', organisationId)
		.executeTakeFirst();
	return row ? { mime: row.mime, bytes: row.bytes } : null;
}

/**
 * When the organisation's logo was last changed (null: no logo), without its bytes: pages use it to
 * show the logo and to make its address change with it.
 * @example const stamp = await findOrganisationLogoStamp(db, organisationId);
 */
export async function findOrganisationLogoStamp(db: Db, organisationId: number): Promise<Date | null> {
	const row = await db
		.selectFrom('organisationLogo')
		.select('updatedAt')
		.where('organisationId', '=', organisationId)
		.executeTakeFirst();
	return row?.updatedAt ?? null;
}

type LogoActor = { id: number; organisationId: number; clientAddress: string | null };

/**
 * Stores a checked logo (src/lib/server/auth/logo-file.ts) as the admin's organisation's, replacing any
 * earlier one, audited in the caller's transaction.
 * @example await inTransaction(db, (trx) => saveOrganisationLogo(trx, actor, checked.logo));
 */
export async function saveOrganisationLogo(trx: Db, actor: LogoActor, logo: LogoFile): Promise<void> {
	const before = await findOrganisationLogoStamp(trx, actor.organisationId);
	const row = { mime: logo.mime, bytes: logo.bytes, updatedBy: actor.id, updatedAt: new Date() };
	await trx
		.insertInto('organisationLogo')
		.values({ organisationId: actor.organisationId, ...row })
		.onConflict((oc) => oc.column('organisationId').doUpdateSet(row))
		.execute();
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'organisation.logo_saved',
		entityType: 'organisation',
		entityId: actor.organisationId,
		before: before ? { logo: true } : { logo: false },
		after: { logo: true, mime: logo.mime, size: logo.bytes.length },
		clientAddress: actor.clientAddress
	});
}

/**
 * Removes the organisation's logo, audited; nothing happens (and nothing is audited) when there is none.
 * @example await inTransaction(db, (trx) => removeOrganisationLogo(trx, actor));
 */
export async function removeOrganisationLogo(trx: Db, actor: LogoActor): Promise<void> {
	const removed = await trx
		.deleteFrom('organisationLogo')
		.where('organisationId', '=', actor.organisationId)
		.returning(['mime'])
		.executeTakeFirst();
	if (!removed) return;
	await recordAudit(trx, {
		organisationId: actor.organisationId,
		actorUserId: actor.id,
		action: 'organisation.logo_removed',
		entityType: 'organisation',
		entityId: actor.organisationId,
		before: { logo: true, mime: removed.mime },
		after: { logo: false },
		clientAddress: actor.clientAddress
	});
}
