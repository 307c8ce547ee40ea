/**
 * The Fremdrift command line: `npm run fremdrift -- <command>`.
 *   migrate          bring the database schema up to date (also `npm run db:migrate`)
 *   demo [--reset]   build if needed, migrate, load the demo data, print the logins, serve on PORT
 *                    (also `npm run demo`); --reset deletes the embedded database folder first
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig } from '../../src/lib/server/config';
import { openConfiguredDatabase } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/migrate';
import { StartupError } from '../../src/lib/server/startup-error';
import { t } from '../../src/lib/messages';
import { seedDemo } from '../seed/demo';
import { ensureBuild, projectRoot } from './build';

async function migrate(): Promise<void> {
	const handle = await openConfiguredDatabase();
	try {
		const ran = await migrateToLatest(handle.db);
		console.log(JSON.stringify({ target: handle.target, applied: ran }));
		console.error(ran.length ? t('startup.migrated', { count: ran.length }) : t('startup.up_to_date'));
	} finally {
		await handle.close();
	}
}

async function demo(args: string[]): Promise<void> {
	const config = readConfig();
	if (args.includes('--reset')) {
		if (config.databaseUrl) throw new StartupError(t('cli.reset_needs_pglite'));
		rmSync(config.dataDir, { recursive: true, force: true });
		console.log(t('cli.reset_done', { path: config.dataDir }));
	}
	ensureBuild();
	const handle = await openConfiguredDatabase(config);
	let logins;
	try {
		await migrateToLatest(handle.db);
		const result = await seedDemo(handle.db, { password: config.demoPassword });
		logins = result.logins;
		console.log(
			result.created.length
				? t('cli.demo_loaded', { organisations: result.created.join(', '), target: handle.target })
				: t('cli.demo_present', { target: handle.target })
		);
	} finally {
		// PGlite allows one process-wide owner of the folder: release it before the server opens it.
		await handle.close();
	}
	const port = process.env.PORT ?? '3000';
	const password = process.env.DEMO_PASSWORD ? t('cli.demo_password_from_env') : config.demoPassword;
	console.log(`\n${t('cli.demo_logins', { password })}`);
	for (const login of logins) {
		console.log(`  ${login.email.padEnd(28)} ${t(`role.${login.role}`).padEnd(14)} ${login.organisation}`);
	}
	console.log(`\n${t('cli.serving', { url: `http://localhost:${port}` })}\n`);
	await import(pathToFileURL(join(projectRoot, 'build', 'index.js')).href);
}

async function main(argv: string[]): Promise<void> {
	const [command, ...args] = argv;
	switch (command) {
		case 'migrate':
			return migrate();
		case 'demo':
			return demo(args);
		default:
			console.error(t('cli.usage'));
			process.exitCode = 2;
	}
}

main(process.argv.slice(2)).catch((error: unknown) => {
	if (error instanceof StartupError) {
		console.error(error.message);
	} else {
		console.error(error);
	}
	process.exit(1);
});
