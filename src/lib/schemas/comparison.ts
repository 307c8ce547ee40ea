import { z } from 'zod';
import { t } from '../server/messages';
import { formatPeriod, parsePeriodFor, type Frequency } from '../domain/periods';
import { decimalText } from './fields';

const lineValue = decimalText(',');

export const comparisonSchema = z.object({
	name: z
		.string({ error: t('comparison.name_required') })
		.trim()
		.min(1, { error: t('comparison.name_required') })
		.max(200, { error: t('comparison.name_required') }),
	source: z
		.string()
		.trim()
		.max(500, { error: t('api.text_too_long', { max: 500 }) })
		.default('')
});

/**
 * Comparison values pasted as lines of `period;value` (or tab/space separated, as copied from Excel),
 * each checked against the KPI's frequency; every bad line is reported with its number.
 * @example comparisonValuesSchema('year').parse({ comparisonId: '3', lines: '2024;6,9\n2025;6,7' })
 */
export function comparisonValuesSchema(frequency: Frequency) {
	return z.object({
		comparisonId: z.coerce.number().int().positive(),
		lines: z
			.string()
			.max(100_000)
			.transform((text, ctx) => {
				const values: { period: string; value: number }[] = [];
				const problems: string[] = [];
				text.split(/\r?\n/).forEach((raw, index) => {
					const line = raw.trim();
					if (!line) return;
					const [periodText = '', valueText = ''] = line.split(/\t|;|\s{2,}|\s(?=\S+$)/).map((c) => c.trim());
					const period = parsePeriodFor(periodText, frequency);
					const value = lineValue.safeParse(valueText);
					if (!period.ok)
						problems.push(
							t('comparison.line_error', {
								line: index + 1,
								message: t(period.error === 'malformed' ? 'error.period_malformed' : 'error.period_wrong_frequency', {
									frequency: t(`frequency.${frequency}`)
								})
							})
						);
					else if (!value.success)
						problems.push(t('comparison.line_error', { line: index + 1, message: value.error.issues[0].message }));
					else values.push({ period: formatPeriod(period.period), value: value.data });
				});
				if (problems.length) ctx.addIssue({ code: 'custom', message: problems.join(' ') });
				else if (values.length === 0) ctx.addIssue({ code: 'custom', message: t('import.empty') });
				return values;
			})
	});
}
