import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServerDatabase, type ServerDatabase } from '../helpers/server';
import { runCli } from '../helpers/cli';

const cli = (args: string[], env: Record<string, string>) =>
	runCli(['reminders', ...args], { SMTP_URL: '', ORIGIN: 'https://fremdrift.example.dk', ...env });

/** `npm run fremdrift -- reminders` on the demo data, without SMTP: it prints the round and sends nothing. */
describe('npm run fremdrift -- reminders', () => {
	let database: ServerDatabase;
	beforeAll(async () => {
		database = await createServerDatabase();
	});
	afterAll(() => database?.drop());

	test('--dry-run prints the first round of digests for the demo users', () => {
		const run = cli(['--dry-run', '--as-of', '2026-12-01'], database.env);
		expect(run.status, run.err).toBe(0);
		expect(run.out).toContain('Påmindelser pr. 2026-12-01 (uge 2026-W49, måned 2026-12):');
		expect(run.out).toMatch(
			/Ville sende: projektleder@norddjurs\.demo \(ugentlig, 2026-W49\) – Fremdrift: \d+ opgaver? venter på dig/
		);
		expect(run.out).toContain('    Hej Peter Projektleder');
		expect(run.out).toMatch(/https:\/\/fremdrift\.example\.dk\/noegletal\/\d+#indtastning/);
		expect(run.out).toMatch(/https:\/\/fremdrift\.example\.dk\/afmeld\/\d+\.[A-Za-z0-9_-]{43}/);
	});

	test('without SMTP_URL a real round sends nothing and says so; a bad date is refused', () => {
		const run = cli(['--as-of', '2026-12-01'], database.env);
		expect(run.status, run.err).toBe(0);
		expect(run.out).toContain('SMTP_URL er ikke sat: intet sendes.');
		expect(run.out).toContain('Ville sende: projektleder@norddjurs.demo');
		// Nothing was claimed: the next dry run lists the same digest.
		expect(cli(['--dry-run', '--as-of', '2026-12-01'], database.env).out).toContain('Ville sende: projektleder');
		const bad = cli(['--as-of', '2026-13-01'], database.env);
		expect(bad.status).toBe(1);
		expect(bad.err).toContain('--as-of skal være en dato som 2026-12-01.');
	});
});
