import type { Db } from '../infra/db';

/** Every organisation, oldest first. */
export function listOrganisations(db: Db) {
	return db.selectFrom('organisation').select(['id', 'slug', 'name', 'municipalityCode']).orderBy('id').execute();
}
