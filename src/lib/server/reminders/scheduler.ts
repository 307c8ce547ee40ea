import { getConfig } from '../infra/config';
import { getDb } from '../infra/db';
import { todayInCopenhagen } from '../../domain/dates';
import { runReminderRound } from './round';

/** How often the app looks for digests to send. */
export const ROUND_INTERVAL_MS = 15 * 60_000;

let timer: ReturnType<typeof setInterval> | undefined;

/** Seconds from start to the first round: FREMDRIFT_REMINDERS_DELAY_SECONDS (0–3600), else 60. */
function firstDelayMs(env: Record<string, string | undefined>): number {
	const text = env.FREMDRIFT_REMINDERS_DELAY_SECONDS?.trim();
	const seconds = text && /^\d{1,4}$/.test(text) ? Math.min(Number(text), 3600) : 60;
	return seconds * 1000;
}

/**
 * Starts the in-app scheduler when FREMDRIFT_REMINDERS=on and SMTP_URL and ORIGIN are set: a round a minute
 * after start (FREMDRIFT_REMINDERS_DELAY_SECONDS) and then every 15 minutes. A failed round is logged and never stops the app. Off otherwise
 * (tests, or when cron runs `npm run fremdrift -- reminders` instead). Returns whether it started.
 */
export function startReminderScheduler(env: Record<string, string | undefined> = process.env): boolean {
	const config = getConfig();
	if (timer || env.FREMDRIFT_REMINDERS?.trim().toLowerCase() !== 'on') return false;
	if (!config.smtpUrl || !config.publicOrigin) {
		console.error('FREMDRIFT_REMINDERS=on, men SMTP_URL eller ORIGIN mangler: ingen påmindelser sendes.');
		return false;
	}
	const origin = new URL(config.publicOrigin).origin;
	const kind = config.databaseUrl ? 'postgres' : 'pglite';
	const tick = async () => {
		try {
			const { entries } = await runReminderRound(await getDb(), { asOf: todayInCopenhagen(), origin, kind });
			const sent = entries.filter((e) => e.outcome === 'sent').length;
			if (sent > 0) console.log(`Påmindelser: ${sent} sendt.`);
		} catch (error) {
			console.error('Påmindelsesrunden fejlede:', error);
		}
	};
	setTimeout(() => void tick(), firstDelayMs(env)).unref();
	timer = setInterval(() => void tick(), ROUND_INTERVAL_MS);
	timer.unref();
	return true;
}

/** Stops the scheduler (shutdown). */
export function stopReminderScheduler(): void {
	if (timer) clearInterval(timer);
	timer = undefined;
}
