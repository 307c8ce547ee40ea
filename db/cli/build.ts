import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { t } from '../../src/lib/server/messages';

const root = resolve(import.meta.dirname, '../..');
const sources = ['src', 'db', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

/** True when build/ is missing or older than any source file. */
export function buildIsStale(): boolean {
	const output = join(root, 'build', 'index.js');
	if (!existsSync(output)) return true;
	const built = statSync(output).mtimeMs;
	return sources.some((source) => {
		const path = join(root, source);
		return existsSync(path) && newestMtime(path) > built;
	});
}

/**
 * Builds the app with vite when build/ is missing or stale; returns whether it built.
 * @example ensureBuild(); // then import('build/index.js') or spawn `node build`
 */
export function ensureBuild(log: (line: string) => void = console.log): boolean {
	if (!buildIsStale()) return false;
	log(t('cli.building'));
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status}`);
	return true;
}

export const projectRoot = root;
