import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/lib/server/infra/db';
import { readConfig } from '../../src/lib/server/infra/config';
import { StartupError } from '../../src/lib/server/infra/startup-error';
import { runCli } from '../helpers/cli';

describe('a database that cannot be used gives a plain Danish message', () => {
	test('PostgreSQL that does not answer', async () => {
		const attempt = openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/fremdrift' });
		await expect(attempt).rejects.toBeInstanceOf(StartupError);
		await expect(attempt).rejects.toThrow(
			/^Kan ikke forbinde til PostgreSQL \(127\.0\.0\.1:1\/fremdrift\): .*ECONNREFUSED/
		);
	});

	test('a data folder that is a file', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'fremdrift-')), 'ikke-en-mappe');
		writeFileSync(file, 'x');
		await expect(openDatabase({ dataDir: file })).rejects.toThrow(/^Datamappen .*ikke-en-mappe kan ikke bruges/);
	});

	test('the CLI prints the message without a stack trace and exits 1', () => {
		const { status, out, err } = runCli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/fremdrift' });
		const output = out + err;
		expect(status).toBe(1);
		expect(output).toMatch(/Kan ikke forbinde til PostgreSQL/);
		expect(output).not.toMatch(/^\s+at /m);
	});

	test('bad configuration names the variable', () => {
		expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
			/Ugyldig konfiguration: DATABASE_URL skal begynde med postgres:\/\//
		);
		expect(() => readConfig({ FREMDRIFT_DB_POOL_MAX: 'mange' })).toThrow(/FREMDRIFT_DB_POOL_MAX skal være et helt tal/);
		expect(readConfig({})).toEqual({
			databaseUrl: undefined,
			dataDir: 'data',
			poolMax: 10,
			demoPassword: 'fremdrift-demo',
			session: { idleMinutes: 60, absoluteHours: 12 },
			smtpUrl: undefined,
			smtpFrom: undefined,
			publicOrigin: undefined,
			queryCountHeader: false
		});
		expect(readConfig({ FREMDRIFT_SESSION_IDLE_MINUTES: '15' }).session.idleMinutes).toBe(15);
		expect(readConfig({ FREMDRIFT_QUERY_COUNT_HEADER: '1' }).queryCountHeader).toBe(true);
		expect(() => readConfig({ FREMDRIFT_QUERY_COUNT_HEADER: 'ja' })).toThrow(
			/FREMDRIFT_QUERY_COUNT_HEADER skal være 1 eller 0/
		);
	});
});
