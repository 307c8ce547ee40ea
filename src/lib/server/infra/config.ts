import { z } from 'zod';
import { t } from '../messages';
import { StartupError } from './startup-error';

const optionalText = z
	.string()
	.trim()
	.transform((value) => (value === '' ? undefined : value))
	.optional();

/** An optional whole-number variable with a default and bounds. */
function wholeNumber(fallback: number, min: number, max: number) {
	return optionalText
		.transform((value) => (value === undefined ? fallback : Number(value)))
		.pipe(
			z
				.number({ error: t('config.integer') })
				.int({ error: t('config.integer') })
				.min(min, { error: t('config.min', { min }) })
				.max(max, { error: t('config.max', { max }) })
		);
}

const envSchema = z.object({
	DATABASE_URL: optionalText.pipe(
		z
			.string()
			.regex(/^postgres(ql)?:\/\/\S+$/, { error: t('config.url_scheme') })
			.optional()
	),
	FREMDRIFT_DATA_DIR: optionalText.pipe(z.string().default('data')),
	FREMDRIFT_DB_POOL_MAX: wholeNumber(10, 1, 100),
	FREMDRIFT_SESSION_IDLE_MINUTES: wholeNumber(60, 1, 24 * 60),
	FREMDRIFT_SESSION_ABSOLUTE_HOURS: wholeNumber(12, 1, 24 * 7),
	FREMDRIFT_QUERY_COUNT_HEADER: optionalText.pipe(
		z.enum(['0', '1', 'true', 'false'], { error: t('config.flag') }).optional()
	),
	SMTP_URL: optionalText,
	SMTP_FROM: optionalText,
	ORIGIN: optionalText,
	DEMO_PASSWORD: optionalText.pipe(
		z
			.string()
			.min(8, { error: t('config.min_length', { min: 8 }) })
			.default('fremdrift-demo')
	)
});

export type Config = {
	databaseUrl: string | undefined;
	dataDir: string;
	poolMax: number;
	demoPassword: string;
	session: { idleMinutes: number; absoluteHours: number };
	/** nodemailer transport URL (smtp://user:pass@host:587); without it, links are only shown. */
	smtpUrl: string | undefined;
	smtpFrom: string | undefined;
	/** adapter-node's ORIGIN (validated there): the base of links the app mails on its own, never a request's Host header. */
	publicOrigin: string | undefined;
	/** Benchmark aid, off by default: each response carries `x-query-count`, the SQL queries it took. */
	queryCountHeader: boolean;
};

/**
 * Reads and validates the environment. Throws a StartupError with a Danish message naming every bad variable.
 * @example const config = readConfig(process.env);
 */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const details = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
		throw new StartupError(t('startup.env_invalid', { details: details.join('; ') }));
	}
	const value = parsed.data;
	return {
		databaseUrl: value.DATABASE_URL,
		dataDir: value.FREMDRIFT_DATA_DIR,
		poolMax: value.FREMDRIFT_DB_POOL_MAX,
		demoPassword: value.DEMO_PASSWORD,
		session: {
			idleMinutes: value.FREMDRIFT_SESSION_IDLE_MINUTES,
			absoluteHours: value.FREMDRIFT_SESSION_ABSOLUTE_HOURS
		},
		smtpUrl: value.SMTP_URL,
		smtpFrom: value.SMTP_FROM,
		publicOrigin: value.ORIGIN,
		queryCountHeader: value.FREMDRIFT_QUERY_COUNT_HEADER === '1' || value.FREMDRIFT_QUERY_COUNT_HEADER === 'true'
	};
}

let cached: Config | undefined;

/** The process's configuration, read once. */
export function getConfig(): Config {
	cached ??= readConfig();
	return cached;
}
