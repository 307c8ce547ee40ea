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
					include: ['src/**/*.test.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/helpers/global-setup.ts'],
					// A limit for a test that hangs, not a speed goal (those are in `npm run bench`): room for a busy machine.
					testTimeout: 120_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/helpers/global-setup.ts', 'tests/helpers/build-setup.ts'],
					// The longest browser journeys take 40–50 s with three files at once on two cores, and passed 60 s
					// when the machine was busier (CI, 2026-12-01): the limit catches a hang, it is not a speed goal.
					testTimeout: 180_000,
					hookTimeout: 180_000
				}
			}
		]
	}
});
