/**
 * The Fremdrift command line: `npm run fremdrift -- <command>`.
 *   migrate          bring the database schema up to date (also `npm run db:migrate`)
 *   demo [--reset]   build if needed, migrate, load the demo data, print the logins, serve on PORT
 *                    (also `npm run demo`); --reset deletes the embedded database folder first
 *   user create --email E --role R --org SLUG [--name N]
 *                    create a user and print a one-time invitation link (72 hours) to choose a password
 *   backup [--out F] write a backup: PGlite's data-folder dump (.tar.gz) or pg_dump SQL (also `npm run db:backup`)
 *   restore FILE     load a backup into an empty database or data folder (also `npm run db:restore`)
 *   report meeting --org SLUG --year YYYY [--case T] [--committee T] [--date D]
 *                    fill the agenda item's Sagsnr., udvalg and mødedato of a year's annual report
 *   reminders [--dry-run] [--as-of YYYY-MM-DD]
 *                    run one round of e-mail reminders (the cron alternative to FREMDRIFT_REMINDERS=on)
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig } from '../../src/lib/server/infra/config';
import { openConfiguredDatabase } from '../../src/lib/server/infra/db';
import { migrateToLatest } from '../../src/lib/server/infra/migrate';
import { StartupError } from '../../src/lib/server/infra/startup-error';
import { t } from '../../src/lib/server/messages';
import { plural } from '../../src/lib/domain/plural';
import { seedDemo } from '../seed/demo';
import { createUserToken } from '../../src/lib/server/auth/user-token';
import { recordAudit } from '../../src/lib/server/audit/record';
import { emailField, nameField, roleField } from '../../src/lib/schemas/auth';
import { ensureBuild, projectRoot } from './build';
import { backup, restore } from './backup';
import { reportMeetingCommand } from './report-meeting';
import { remindersCommand } from './reminders';

async function migrate(): Promise<void> {
	const handle = await openConfiguredDatabase();
	try {
		const ran = await migrateToLatest(handle.db);
		console.log(JSON.stringify({ target: handle.target, applied: ran }));
		console.error(
			ran.length
				? t(plural(ran.length, { one: 'startup.migrated_one', other: 'startup.migrated_other' }), { count: ran.length })
				: t('startup.up_to_date')
		);
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
	// adapter-node assumes https without ORIGIN; the demo is served over plain http on this machine.
	process.env.ORIGIN ??= `http://localhost:${port}`;
	// Imports of up to 5 MB (adapter-node's default body limit is 512 kB).
	process.env.BODY_SIZE_LIMIT ??= '6M';
	const password = process.env.DEMO_PASSWORD ? t('cli.demo_password_from_env') : config.demoPassword;
	console.log(`\n${t('cli.demo_logins', { password })}`);
	for (const login of logins) {
		console.log(`  ${login.email.padEnd(28)} ${t(`role.${login.role}`).padEnd(14)} ${login.organisation}`);
	}
	console.log(`\n${t('cli.serving', { url: process.env.ORIGIN })}\n`);
	await import(pathToFileURL(join(projectRoot, 'build', 'index.js')).href);
}

const userArgsSchema = z.object({
	email: emailField,
	role: roleField,
	org: z
		.string({ error: t('cli.org_required') })
		.trim()
		.min(1, { error: t('cli.org_required') }),
	name: nameField.optional()
});

async function createUser(args: string[]): Promise<void> {
	const { values } = parseArgs({
		args,
		options: { email: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' } },
		strict: true
	});
	const parsed = userArgsSchema.safeParse(values);
	if (!parsed.success) {
		const details = parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ');
		throw new StartupError(`${details}\n${t('cli.user_usage')}`);
	}
	const { email, role, org, name } = parsed.data;
	const handle = await openConfiguredDatabase();
	try {
		await migrateToLatest(handle.db);
		const organisation = await handle.db
			.selectFrom('organisation')
			.select(['id', 'name'])
			.where('slug', '=', org)
			.executeTakeFirst();
		if (!organisation) throw new StartupError(t('cli.unknown_org', { org }));
		const token = await handle.db.transaction().execute(async (trx) => {
			const existing = await trx.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirst();
			if (existing) throw new StartupError(t('admin.email_taken'));
			const user = await trx
				.insertInto('appUser')
				.values({ organisationId: organisation.id, email, role, name: name ?? email })
				.returning('id')
				.executeTakeFirstOrThrow();
			await recordAudit(trx, {
				organisationId: organisation.id,
				actorLabel: 'cli',
				action: 'user.invited',
				entityType: 'user',
				entityId: user.id,
				after: { email, role, name: name ?? email }
			});
			return createUserToken(trx, user.id, 'invite', null);
		});
		const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? '3000'}`;
		console.log(t('cli.user_created', { email, role: t(`role.${role}`), organisation: organisation.name }));
		console.log(t('cli.invite_link', { link: `${origin}/invitation/${token}` }));
	} finally {
		await handle.close();
	}
}

function formatBytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

async function backupCommand(args: string[]): Promise<void> {
	const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
	const result = await backup(readConfig(), values.out);
	console.log(t('cli.backup_done', { path: result.path, size: formatBytes(result.bytes) }));
}

async function restoreCommand(args: string[]): Promise<void> {
	const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
	if (positionals.length !== 1) throw new StartupError(t('cli.restore_usage'));
	const result = await restore(readConfig(), positionals[0]);
	console.log(t('cli.restore_done', { path: positionals[0], target: result.target }));
}

async function main(argv: string[]): Promise<void> {
	const [command, ...args] = argv;
	switch (command) {
		case 'migrate':
			return migrate();
		case 'demo':
			return demo(args);
		case 'backup':
			return backupCommand(args);
		case 'restore':
			return restoreCommand(args);
		case 'report':
			if (args[0] === 'meeting') return reportMeetingCommand(args.slice(1));
			console.error(t('cli.report_meeting_usage'));
			process.exitCode = 2;
			return;
		case 'reminders':
			await remindersCommand(args);
			return;
		case 'user':
			if (args[0] === 'create') return createUser(args.slice(1));
			console.error(t('cli.user_usage'));
			process.exitCode = 2;
			return;
		default:
			console.error(`${t('cli.usage')}\n${t('cli.user_usage')}`);
			process.exitCode = 2;
	}
}

main(process.argv.slice(2)).catch((error: unknown) => {
	if (error instanceof StartupError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
		console.error((error as Error).message);
	} else {
		console.error(error);
	}
	process.exit(1);
});
