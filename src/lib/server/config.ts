import { z } from 'zod';
import { t } from '../messages';
import { StartupError } from './startup-error';

const optionalText = z
	.string()
	.trim()
	.transform((value) => (value === '' ? undefined : value))
	.optional();

const envSchema = z.object({
	DATABASE_URL: optionalText.pipe(
		z
			.string()
			.regex(/^postgres(ql)?:\/\/\S+$/, { error: t('config.url_scheme') })
			.optional()
	),
	FREMDRIFT_DATA_DIR: optionalText.pipe(z.string().default('data')),
	FREMDRIFT_DB_POOL_MAX: optionalText
		.transform((value) => (value === undefined ? 10 : Number(value)))
		.pipe(
			z
				.number({ error: t('config.integer') })
				.int({ error: t('config.integer') })
				.min(1, { error: t('config.min', { min: 1 }) })
				.max(100, { error: t('config.max', { max: 100 }) })
		),
	DEMO_PASSWORD: optionalText.pipe(
		z.string().min(8, { error: t('config.min_length', { min: 8 }) }).default('fremdrift-demo')
	)
});

export type Config = {
	databaseUrl: string | undefined;
	dataDir: string;
	poolMax: number;
	demoPassword: string;
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
		demoPassword: value.DEMO_PASSWORD
	};
}
