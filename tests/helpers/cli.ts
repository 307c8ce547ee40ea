import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/**
 * Runs the real CLI (`db/cli/index.ts`, as `npm run fremdrift --` does) in a child process with `env` over the
 * test's own environment. spawnSync blocks the test's event loop, so its own limit is the only one that can stop
 * a hung CLI: 240 s, below the test limit, and far above the few seconds a command takes.
 * @example const { status, out } = runCli(['user', 'create', '--email', 'a@b.dk'], database.env);
 */
export function runCli(args: string[], env: Record<string, string | undefined>) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'db/cli/index.ts'), ...args], {
		cwd: root,
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: 240_000
	});
	return { status: result.status, out: result.stdout, err: result.stderr };
}
