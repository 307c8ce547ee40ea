import { describe, expect, test } from 'vitest';
import type { Db } from '../infra/db';
import { VersionedCache, deepFreeze, versionedCache } from './overview-cache';

/** A computation that counts its calls and resolves when told to. */
function computation<T>(value: T) {
	let calls = 0;
	let release: () => void = () => {};
	const gate = new Promise<void>((resolve) => (release = resolve));
	return {
		compute: async () => {
			calls++;
			await gate;
			return value;
		},
		release: () => release(),
		calls: () => calls
	};
}

describe('VersionedCache', () => {
	test('keys on organisation, version and as-of day', async () => {
		const cache = new VersionedCache<string>();
		let calls = 0;
		const compute = async () => `value ${++calls}`;
		expect(await cache.get(1, 7, '2026-11-22', compute)).toBe('value 1');
		expect(await cache.get(1, 7, '2026-11-22', compute)).toBe('value 1');
		expect(await cache.get(2, 7, '2026-11-22', compute)).toBe('value 2');
		expect(await cache.get(1, 7, '2026-11-23', compute)).toBe('value 3');
		expect(await cache.get(1, 8, '2026-11-22', compute)).toBe('value 4');
		expect(await cache.get(1, 8, '2026-11-22', compute)).toBe('value 4');
	});

	test('a newer version drops the organisation’s older ones, and no other organisation’s', async () => {
		const cache = new VersionedCache<string>();
		const compute = async () => 'x';
		await cache.get(1, 7, '2026-11-22', compute);
		await cache.get(1, 7, '2026-11-23', compute);
		await cache.get(2, 3, '2026-11-22', compute);
		await cache.get(1, 9, '2026-11-22', compute);
		expect(cache.keys()).toEqual(['2:3:2026-11-22', '1:9:2026-11-22']);
	});

	test('holds at most maxEntries, dropping the least recently used first', async () => {
		const cache = new VersionedCache<number>(3);
		for (const org of [1, 2, 3]) await cache.get(org, 1, '2026-11-22', async () => org);
		await cache.get(1, 1, '2026-11-22', async () => -1); // a hit: 1 becomes the most recently used
		await cache.get(4, 1, '2026-11-22', async () => 4);
		expect(cache.keys()).toEqual(['3:1:2026-11-22', '1:1:2026-11-22', '4:1:2026-11-22']);
		expect(await cache.get(1, 1, '2026-11-22', async () => -1)).toBe(1);
	});

	test('concurrent requests for one key share one computation', async () => {
		const cache = new VersionedCache<string>();
		const slow = computation('shared');
		const first = cache.get(1, 7, '2026-11-22', slow.compute);
		const second = cache.get(1, 7, '2026-11-22', slow.compute);
		slow.release();
		expect(await Promise.all([first, second])).toEqual(['shared', 'shared']);
		expect(slow.calls()).toBe(1);
	});

	test('a failed computation is not kept: the next request computes again', async () => {
		const cache = new VersionedCache<string>();
		const failing = cache.get(1, 7, '2026-11-22', async () => {
			throw new Error('database gone');
		});
		await expect(failing).rejects.toThrow('database gone');
		expect(cache.keys()).toEqual([]);
		expect(await cache.get(1, 7, '2026-11-22', async () => 'again')).toBe('again');
	});
});

test('versionedCache keeps one cache per database handle, so two databases never share a value', async () => {
	const cached = versionedCache<string>(4);
	const [one, two] = [{}, {}] as unknown as Db[];
	expect(cached(one)).toBe(cached(one));
	await cached(one).get(1, 7, '2026-11-22', async () => 'first database');
	expect(await cached(two).get(1, 7, '2026-11-22', async () => 'second database')).toBe('second database');
	expect(cached(two).maxEntries).toBe(4);
});

describe('deepFreeze', () => {
	test('freezes nested objects and arrays, so changing a shared value throws', () => {
		const value = deepFreeze({ rows: [{ status: { status: 'on_track' }, kpis: [{ id: 1 }] }] });
		expect(() => {
			value.rows[0].status.status = 'missed';
		}).toThrow(TypeError);
		expect(() => value.rows[0].kpis.push({ id: 2 })).toThrow(TypeError);
		expect(value.rows[0].status.status).toBe('on_track');
	});
});
