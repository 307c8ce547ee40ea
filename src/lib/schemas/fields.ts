import { z } from 'zod';
import { t } from '../server/messages';
import {
	formatPeriod,
	parsePeriodInput,
	parsePeriodInputFor,
	type Frequency,
	type PeriodError
} from '../domain/periods';
import { isIsoDate, parseTypedDate } from '../domain/dates';
import { parseDanishNumber, type DecimalSeparator } from '../domain/numbers';

/**
 * The field rules every form, page query and the JSON API share, so the same text is accepted (and
 * normalised) or refused with the same Danish message wherever it is typed.
 */

/**
 * The dates anything can be dated or computed as of: periods lie in MIN_PERIOD_YEAR–MAX_PERIOD_YEAR
 * (1900–2199), and the period due as of a date (ended at least 30 days before) must be one of them.
 */
export const MIN_DATE = '1901-02-01';
export const MAX_DATE = '2199-12-31';

/** An ISO date ('2026-11-22') between MIN_DATE and MAX_DATE; `optional` turns '' (or a missing field) into null. */
export function dateText(optional: true): z.ZodType<string | null, unknown>;
export function dateText(optional: false): z.ZodType<string, unknown>;
export function dateText(optional: boolean): z.ZodType<string | null, unknown> {
	return dateSchema(optional, (text) => (isIsoDate(text) ? text : null), t('error.date_malformed'));
}

/**
 * A date a person types in a form field: Danish ('31.12.2025', '31-12-2025', '31/12/2025') or ISO, read by
 * parseTypedDate and given back as ISO; `malformed` is the field's own message for text that is no date.
 * @example typedDateText(true, t('annual.meeting_date_malformed')) // '14.01.2026' → '2026-01-14'
 */
export function typedDateText(optional: true, malformed: string): z.ZodType<string | null, unknown>;
export function typedDateText(optional: false, malformed: string): z.ZodType<string, unknown>;
export function typedDateText(optional: boolean, malformed: string): z.ZodType<string | null, unknown> {
	return dateSchema(optional, parseTypedDate, malformed);
}

function dateSchema(
	optional: boolean,
	parse: (text: string) => string | null,
	malformed: string
): z.ZodType<string | null, unknown> {
	return z
		.preprocess((v) => v ?? '', z.string({ error: malformed }))
		.transform((raw, ctx) => {
			const text = raw.trim();
			if (text === '' && optional) return null;
			const date = parse(text);
			if (date === null) {
				ctx.addIssue({ code: 'custom', message: text === '' ? t('register.required') : malformed });
				return z.NEVER;
			}
			if (date < MIN_DATE || date > MAX_DATE) {
				ctx.addIssue({ code: 'custom', message: t('error.date_out_of_range', { min: MIN_DATE, max: MAX_DATE }) });
				return z.NEVER;
			}
			return date;
		});
}

/** The one id rule (path ids and form fields): 1–15 digits, no leading zero — '01', '1.0', '0x1', '+1' are not ids. */
export const ID_PATTERN = /^[1-9]\d{0,14}$/;

/**
 * The one id parser: a path segment, query value or form field as a number, or null when it is not an id.
 * idText (forms, with a message) and idParam (zod, no message) are this rule as schemas.
 * @example parseId('42') // 42; parseId('042') // null
 */
export function parseId(text: string): number | null {
	return ID_PATTERN.test(text) ? Number(text) : null;
}

/** An id typed in a form (a hidden field, a choice) as a number; `optional` turns '' (or a missing field) into null. */
export function idText(optional: true, message: string): z.ZodType<number | null, unknown>;
export function idText(optional: false, message: string): z.ZodType<number, unknown>;
export function idText(optional: boolean, message: string): z.ZodType<number | null, unknown> {
	return z
		.preprocess((v) => v ?? '', z.string({ error: message }))
		.transform((raw, ctx) => {
			const text = raw.trim();
			if (text === '' && optional) return null;
			if (parseId(text) === null) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return Number(text);
		});
}

/**
 * A period in any wording the one parser reads ('2025', '2024-H1', 'Q3 2024', 'oktober 2024' …, see parsePeriodInput),
 * stored canonical ('2024-h1' → '2024-H1', 'okt 2024' → '2024-10'); `optional` turns '' into null.
 */
export function periodText(optional: true): z.ZodType<string | null, unknown>;
export function periodText(optional: false): z.ZodType<string, unknown>;
export function periodText(optional: boolean): z.ZodType<string | null, unknown> {
	return z
		.preprocess((v) => v ?? '', z.string({ error: t('error.period_malformed') }))
		.transform((raw, ctx) => {
			const text = raw.trim();
			if (text === '' && optional) return null;
			const period = parsePeriodInput(text);
			if (!period) {
				ctx.addIssue({ code: 'custom', message: text === '' ? t('register.required') : t('error.period_malformed') });
				return z.NEVER;
			}
			return formatPeriod(period);
		});
}

/**
 * Why a period was refused for a KPI of `frequency`, naming that frequency's forms only (a monthly KPI's
 * message shows month forms, never H1 or Q3).
 * @example periodMessage('malformed', 'month') // 'Perioden skal være en måned, fx 2024-10, 10-2024, okt 2024 eller oktober 2024.'
 */
export function periodMessage(error: PeriodError, frequency: Frequency): string {
	const forms = t(`error.period_forms_${frequency}`);
	if (error === 'malformed') return forms;
	return `${t('error.period_wrong_frequency', { frequency: t(`frequency.${frequency}`) })} ${forms}`;
}

/**
 * A period typed for a KPI of `frequency`, in any wording the one parser reads, as its canonical text.
 * @example periodTextFor('month').parse('okt 2024') // '2024-10'
 */
export function periodTextFor(frequency: Frequency): z.ZodType<string, unknown> {
	return z.string({ error: t(`error.period_forms_${frequency}`) }).transform((text, ctx) => {
		const parsed = parsePeriodInputFor(text, frequency);
		if (parsed.ok) return formatPeriod(parsed.period);
		ctx.addIssue({ code: 'custom', message: periodMessage(parsed.error, frequency) });
		return z.NEVER;
	});
}

/** A path or query id, the same rule without a message (a bad one answers 404): '01', '1.0', '0x1' are refused. */
export const idParam = z.string().regex(ID_PATTERN).transform(Number);

/** Numbers (KPI values, baselines, targets, comparison values) must stay below this in size, as the database's numeric does. */
export const MAX_ABS_DECIMAL = 1e12;

/**
 * A number typed or pasted in Danish or Excel notation ('7,4', '7,4 %', '1.234') into a JS number, below
 * MAX_ABS_DECIMAL in size: the one rule for every number a person writes (forms, pasted lines, imports).
 * `separator` says how the decimals are written when the source knows (',' for Danish CSV, '.' for XLSX cells).
 * @example decimalText().parse('7,4 %') // 7.4
 */
export function decimalText(separator: DecimalSeparator = 'auto'): z.ZodType<number, unknown> {
	return z.string({ error: t('error.number_malformed') }).transform((text, ctx) => {
		const value = parseDanishNumber(text, separator);
		if (value === null) {
			ctx.addIssue({ code: 'custom', message: t('error.number_malformed') });
			return z.NEVER;
		}
		if (!Number.isFinite(value) || Math.abs(value) >= MAX_ABS_DECIMAL) {
			ctx.addIssue({ code: 'custom', message: t('observation.value_out_of_range') });
			return z.NEVER;
		}
		return value;
	});
}
