import { Migrator, type MigrationResultSet } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrations } from '../../../../db/migrations';

function migratorFor(db: Kysely<any>): Migrator {
	return new Migrator({
		db: db.withoutPlugins(),
		provider: { getMigrations: async () => migrations }
	});
}

function unwrap({ error, results }: MigrationResultSet): string[] {
	if (error) throw error;
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Brings the schema to the newest migration and returns the names it ran (none when up to date).
 * On PostgreSQL an advisory lock makes concurrent callers wait, so only one of them migrates.
 * @example const ran = await migrateToLatest(db);
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	return unwrap(await migratorFor(db).migrateToLatest());
}

/** Undoes every migration, newest first (tests of the down migrations). */
export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
	const migrator = migratorFor(db);
	const undone: string[] = [];
	for (;;) {
		const ran = unwrap(await migrator.migrateDown());
		if (ran.length === 0) return undone;
		undone.push(...ran);
	}
}
