import { z } from 'zod';
import { t } from '../server/messages';
import { formatPeriod, parsePeriodInputFor, type Frequency } from '../domain/periods';
import { decimalText, periodMessage } from './fields';

const lineValue = decimalText(',');

/**
 * A pasted line's period and value: split at a tab or `;` when there is one (Excel copies with tabs), else
 * before the number at the end, so that periods written with spaces (`okt 2024 6,9`, `1. halvår 2025 7`) stay whole.
 */
function splitLine(line: string): [string, string] {
	const at = (separator: string): [string, string] => {
		const [period = '', value = ''] = line.split(separator);
		return [period.trim(), value.trim()];
	};
	if (line.includes('\t')) return at('\t');
	if (line.includes(';')) return at(';');
	const match = /^(.*?)\s+([-−+]?[\d.,]+(?:\s?(?:%|kr\.?))?)$/i.exec(line) ?? /^(.*)\s+(\S+)$/.exec(line);
	return match ? [match[1].trim(), match[2].trim()] : [line, ''];
}

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
 * Comparison values pasted as lines of `period;value` (or tab/space separated, as copied from Excel), the
 * period in any wording the one Danish period parser reads (`2024-10`, `okt 2024`, `3. kvt. 2024` …), each
 * checked against the KPI's frequency; every bad line is reported with its number.
 * @example comparisonValuesSchema('month').parse({ comparisonId: '3', lines: 'okt 2024;6,9\nnov 2024;6,7' })
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
					const [periodText, valueText] = splitLine(line);
					const period = parsePeriodInputFor(periodText, frequency);
					const value = lineValue.safeParse(valueText);
					if (!period.ok)
						problems.push(
							t('comparison.line_error', { line: index + 1, message: periodMessage(period.error, frequency) })
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
