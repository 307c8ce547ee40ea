import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		// expect.poll's default limit (1 s) is also how long its function may take once: under CI's load one
		// Playwright call (a locator's count) sometimes took longer, and the poll failed before it had checked
		// anything (CI, 2026-12-01: "expect.poll() function didn't resolve in time"). A failing poll now waits 10 s.
		expect: { requireAssertions: true, poll: { timeout: 10_000 } },
		// Most of a browser or server test's time is spent waiting on another process (the app, Chromium, the database):
		// more files at once than cores keeps the CPU busy. VITEST_MAX_WORKERS overrides.
		maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || 3,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					// Vitest's 5 s is close to what the slowest unit tests (a sanitised SVG logo, the XLSX attack files) took in
					// CI on a busy machine: a limit for a hang, not a speed goal.
					testTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/helpers/global-setup.ts'],
					// A limit for a test that hangs, not a speed goal (those are in `npm run bench`): the longest integration
					// test (a backup and restore) takes 14 s on a quiet machine, and CI's machine has been nine times slower.
					testTimeout: 300_000,
					hookTimeout: 300_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/helpers/global-setup.ts', 'tests/helpers/build-setup.ts'],
					// A limit that catches a hang, not a speed goal (those are in `npm run bench`). The longest browser test
					// takes 23 s on a quiet machine with three files at once; CI's machine has run the suite up to about
					// nine times slower (2026-12-01: 22 axe sweeps in one test passed 180 s).
					testTimeout: 300_000,
					hookTimeout: 300_000
				}
			}
		]
	}
});
