import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../src/lib/server/infra/db';
import { stale, writeInTransaction, type WriteResult } from '../../src/lib/server/infra/write-result';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/** The caller owns the transaction: what a write did before it was refused is rolled back with it. */
describe('transactions owned by the caller', () => {
	let test_: TestDatabase;
	beforeAll(async () => (test_ = await createTestDatabase()));
	afterAll(() => test_?.destroy());

	const exists = async (slug: string) =>
		(await test_.db.selectFrom('organisation').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
	const insert = (slug: string) => async (trx: typeof test_.db) => {
		const row = await trx
			.insertInto('organisation')
			.values({ slug, name: slug })
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	};

	test('writeInTransaction commits an ok write and rolls back a refused one, returning the refusal', async () => {
		const ok = await writeInTransaction(test_.db, async (trx): Promise<WriteResult<{ id: number }>> => ({
			kind: 'ok',
			id: await insert('kept')(trx)
		}));
		expect(ok.kind).toBe('ok');
		const refused = await writeInTransaction(test_.db, async (trx): Promise<WriteResult<{ id: number }>> => {
			await insert('undone')(trx);
			return stale(null);
		});
		expect(refused).toEqual({ kind: 'stale', current: null, changes: [] });
		expect([await exists('kept'), await exists('undone')]).toEqual([true, false]);
	});

	test('inTransaction puts two writes in one unit: an error in the second undoes the first', async () => {
		await expect(
			inTransaction(test_.db, async (trx) => {
				await insert('first')(trx);
				await insert('first')(trx); // the slug is unique: this fails
			})
		).rejects.toMatchObject({ code: '23505' });
		expect(await exists('first')).toBe(false);
	});
});
