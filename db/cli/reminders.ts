/**
 * `npm run fremdrift -- reminders [--dry-run] [--as-of YYYY-MM-DD]`: one reminder round, for cron instead of
 * (or beside) the app's own scheduler. Prints each digest it would send or sent. Without SMTP_URL nothing is
 * sent (the round is printed as a dry run); without ORIGIN a real round refuses, as its links would be wrong.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../../src/lib/server/infra/config';
import { openConfiguredDatabase } from '../../src/lib/server/infra/db';
import { migrateToLatest } from '../../src/lib/server/infra/migrate';
import { StartupError } from '../../src/lib/server/infra/startup-error';
import { t } from '../../src/lib/server/messages';
import { plural } from '../../src/lib/domain/plural';
import { isIsoDate, todayInCopenhagen } from '../../src/lib/domain/dates';
import { periodKey, runReminderRound } from '../../src/lib/server/reminders';

/** Runs the command with the arguments after `reminders`; returns what the round did (tests). */
export async function remindersCommand(args: string[]) {
	const { values } = parseArgs({
		args,
		options: { 'dry-run': { type: 'boolean' }, 'as-of': { type: 'string' } },
		strict: true
	});
	const asOf = values['as-of'] ?? todayInCopenhagen();
	if (!isIsoDate(asOf)) throw new StartupError(`${t('cli.reminders_as_of_invalid')}\n${t('cli.reminders_usage')}`);
	const config = readConfig();
	let dryRun = values['dry-run'] === true;
	if (!dryRun && !config.smtpUrl) {
		console.log(t('cli.reminders_no_smtp'));
		dryRun = true;
	}
	if (!dryRun && !config.publicOrigin) throw new StartupError(t('cli.reminders_no_origin'));
	const origin = config.publicOrigin
		? new URL(config.publicOrigin).origin
		: `http://localhost:${process.env.PORT ?? '3000'}`;
	const handle = await openConfiguredDatabase(config);
	try {
		await migrateToLatest(handle.db);
		const result = await runReminderRound(handle.db, {
			asOf,
			origin,
			kind: handle.kind,
			dryRun,
			smtp: { url: config.smtpUrl, from: config.smtpFrom }
		});
		if (!result.ran) {
			console.log(t('cli.reminders_locked'));
			return result;
		}
		console.log(
			t('cli.reminders_header', { date: asOf, week: periodKey('weekly', asOf), month: periodKey('monthly', asOf) })
		);
		if (result.entries.length === 0) console.log(t('cli.reminders_none'));
		for (const entry of result.entries) {
			console.log(
				t('cli.reminders_entry', {
					outcome: t(`cli.reminders_outcome.${entry.outcome}`),
					email: entry.user.email,
					frequency: t(`cli.reminders_frequency.${entry.frequency}`),
					period: entry.periodKey,
					subject: entry.mail.subject
				})
			);
			if (dryRun) console.log(`${entry.mail.text.replace(/^/gm, '    ')}\n`);
			else if (entry.response) console.log(`    ${entry.response}`);
		}
		const count = result.entries.length;
		console.log(
			t(plural(count, { one: 'cli.reminders_summary_one', other: 'cli.reminders_summary_other' }), { count })
		);
		if (result.entries.some((entry) => entry.outcome === 'failed')) process.exitCode = 1;
		return result;
	} finally {
		await handle.close();
	}
}
