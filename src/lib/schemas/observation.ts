import { z } from 'zod';
import { t } from '../server/messages';
import type { Frequency } from '../domain/periods';
import { decimalText, periodTextFor } from './fields';

/**
 * One KPI value as entered in the form (and later the API and imports): the period must be of the KPI's
 * frequency, the value in Danish or Excel notation (`7,4`, `7,4 %`, `1.234`).
 * @example observationFormSchema('month').safeParse({ period: '2026-09', value: '7,4' })
 */
export function observationFormSchema(frequency: Frequency) {
	return z.object({
		period: periodTextFor(frequency),
		value: decimalText(),
		comment: z
			.string()
			.trim()
			.max(2000, { error: t('observation.comment_too_long') })
			.default(''),
		source: z
			.string()
			.trim()
			.max(500, { error: t('observation.source_too_long') })
			.default(''),
		seriesBreak: z
			.string()
			.optional()
			.transform((v) => v === 'on' || v === 'true'),
		version: z
			.string()
			.optional()
			.transform((v) => (v === undefined || v === '' ? null : Number(v)))
			.pipe(
				z
					.number({ error: t('observation.version_invalid') })
					.int({ error: t('observation.version_invalid') })
					.positive({ error: t('observation.version_invalid') })
					.nullable()
			),
		/** The period `version` belongs to: the version of another period says nothing about this one. */
		versionOf: z.string().max(20).optional().default(''),
		/** "Ja, erstat den gemte værdi": overwriting a stored value is asked first. */
		replace: checkbox,
		/** "Ja, værdien er rigtig": an unusual change (domain/plausibility.ts) is saved only with it. */
		confirmUnusual: checkbox,
		/** When the form was loaded (ISO time): a value stored after it was stored by someone else meanwhile. */
		loadedAt: z
			.string()
			.optional()
			.transform((v) => {
				const time = v ? Date.parse(v) : NaN;
				return Number.isNaN(time) ? null : new Date(time);
			})
	});
}

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on');
