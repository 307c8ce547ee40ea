import type { Db } from '../infra/db';

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
