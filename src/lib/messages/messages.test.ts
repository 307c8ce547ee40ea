import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { da } from './da';
import { en } from './en';
import { isMessageKey, t, useLocale, type ParamNames } from './index';
import { daServer } from '../server/messages/da';
import { enServer } from '../server/messages/en';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

/** Code SvelteKit keeps on the server: $lib/server, *.server.ts, +server.ts endpoints (and tests, which never ship). */
const serverOnly = (file: string) => file.includes('/lib/server/') || /(\.server|\/\+server|\.test)\.ts$/.test(file);

function resolveImport(from: string, specifier: string): string | null {
	const base = specifier.startsWith('$lib/')
		? join(src, 'lib', specifier.slice(5))
		: specifier.startsWith('.')
			? resolve(dirname(from), specifier)
			: null;
	if (!base) return null;
	return (
		[base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile()) ??
		null
	);
}

/**
 * Every module the browser can load: from each component and universal load (+page.ts, +layout.ts), the
 * modules they import at run time (type-only imports are erased), followed through $lib and relative paths.
 */
function browserModules(): string[] {
	const all = filesUnder(src);
	const queue = all.filter(
		(f) =>
			!serverOnly(f) && (f.endsWith('.svelte') || /\/\+(page|layout)\.ts$/.test(f) || /\/hooks(\.client)?\.ts$/.test(f))
	);
	const seen = new Set<string>();
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(
			/(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
		)) {
			if (m[1]) continue;
			const target = resolveImport(file, m[2] ?? m[3]);
			if (target && /\.(ts|js|svelte)$/.test(target)) queue.push(target);
		}
	}
	return [...seen];
}

/**
 * The keys the browser needs: those its modules name as a string literal, and every key under a prefix they
 * build a key from (`status.${s}`, `import.kind_${kind}`, `audit.${action}`). The catalogues themselves do not count.
 */
function keysNamedByBrowser(allKeys: readonly string[]): { keys: Set<string>; prefixes: Set<string> } {
	const known = new Set(allKeys);
	const keys = new Set<string>();
	const prefixes = new Set<string>();
	for (const file of browserModules().filter((f) => !f.includes('/lib/messages/'))) {
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(/['"`]([a-z0-9_]+(?:\.[a-z0-9_]+)+)['"`]/g)) if (known.has(m[1])) keys.add(m[1]);
		for (const m of text.matchAll(/`([a-z0-9_]+(?:\.[a-z0-9_]+)*[._])\$\{/g)) prefixes.add(m[1]);
	}
	for (const key of allKeys) if ([...prefixes].some((p) => key.startsWith(p))) keys.add(key);
	return { keys, prefixes };
}

const params = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue split', () => {
	const clientKeys = Object.keys(da);
	const serverKeys = Object.keys(daServer);
	const { keys: needed, prefixes } = keysNamedByBrowser([...clientKeys, ...serverKeys]);

	test('the browser catalogue holds exactly the keys the browser names (literal or under a built prefix)', () => {
		expect(prefixes.size).toBeGreaterThan(5); // the scan sees `status.${…}` and friends
		const missing = [...needed].filter((k) => !Object.hasOwn(da, k));
		const serverOnlyHere = clientKeys.filter((k) => !needed.has(k));
		// missing: move them from $lib/server/messages/da.ts (+ en.ts) to $lib/messages; serverOnlyHere: the other way.
		expect({ missing, serverOnlyHere }).toEqual({ missing: [], serverOnlyHere: [] });
	});

	test('no key is in both catalogues', () => {
		expect(serverKeys.filter((k) => Object.hasOwn(da, k))).toEqual([]);
	});

	test('English has every Danish key, with the same parameters, in both catalogues', () => {
		for (const [danish, english] of [
			[da, en],
			[daServer, enServer]
		] as [Record<string, string>, Record<string, string>][]) {
			expect(Object.keys(english).sort()).toEqual(Object.keys(danish).sort());
			const differing = Object.keys(danish).filter((k) => params(danish[k]).join() !== params(english[k]).join());
			expect(differing).toEqual([]);
			expect(Object.keys(danish).filter((k) => english[k].trim() === '')).toEqual([]);
		}
	});

	test('a brace in a message is always a {name} parameter (the type and fill() read no other)', () => {
		const all = { ...da, ...daServer, ...en, ...enServer } as Record<string, string>;
		expect(
			Object.entries(all).filter(
				([, text]) => text.replace(/\{\w+\}/g, '').includes('{') || text.replace(/\{\w+\}/g, '').includes('}')
			)
		).toEqual([]);
	});

	test('server-only wording (an API error) is not in the browser catalogue, and the browser scan finds the pages', () => {
		expect(Object.hasOwn(daServer, 'api.not_found')).toBe(true);
		expect(Object.hasOwn(da, 'api.not_found')).toBe(false);
		expect(browserModules().map((f) => relative(src, f))).toEqual(
			expect.arrayContaining(['routes/(app)/+page.svelte', 'lib/domain/format.ts'])
		);
	});
});

describe('t() in the browser', () => {
	afterEach(() => useLocale('da'));

	test('speaks Danish by default and English after useLocale("en"), parameters filled', async () => {
		expect(t('nav.overview')).toBe('Oversigt');
		expect(t('status.follow_up_progress_other', { done: 2, total: 5 })).toBe('2 af 5 opfølgningspunkter færdige');
		await useLocale('en');
		expect(t('nav.overview')).toBe('Overview');
		expect(t('status.follow_up_progress_other', { done: 2, total: 5 })).toBe(
			en['status.follow_up_progress_other'].replace('{done}', '2').replace('{total}', '5')
		);
		await useLocale('da');
		expect(t('nav.overview')).toBe('Oversigt');
	});

	test('isMessageKey admits only keys without parameters (a key built from data gets none)', () => {
		expect(isMessageKey('status.on_track')).toBe(true);
		expect(isMessageKey('status.follow_up_progress_other')).toBe(false);
		expect(isMessageKey('audit.no_such_action')).toBe(false);
	});

	test('parameters are checked by the type (npm run check fails if these stop being errors)', () => {
		const names: ParamNames<'{done} af {total}'>[] = ['done', 'total'];
		expect(names).toHaveLength(2);
		// @ts-expect-error a missing parameter
		expect(t('status.follow_up_progress_other', { done: 1 })).toContain('{total}');
		// @ts-expect-error a misspelt parameter
		expect(t('status.override_reason', { reson: 'x' })).toContain('{reason}');
		// @ts-expect-error parameters on a message that takes none
		expect(t('nav.overview', { x: 1 })).toBe('Oversigt');
		// @ts-expect-error no parameters where some are needed
		expect(t('status.override_reason')).toContain('{reason}');
	});
});
