import { z } from 'zod';
import { t } from '../server/messages';
import { FREQUENCIES, type Frequency } from '../domain/periods';
import { ASSESSMENTS, validateKpiDefinition, type Assessment } from '../domain/progress';
import { decimalText, periodText } from './fields';

const ids = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number))
	.pipe(z.array(z.number().int().positive()).max(1000));

/** An optional number of the form ('' or left out: none, the unit's default applies). */
const optionalDecimal = z
	.preprocess(
		(v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
		decimalText().nullable()
	)
	.optional()
	.transform((v) => v ?? null);

/** The frequencies whose KPIs may be judged on the rolling year (DESIGN §3; the database checks it too). */
export const ROLLING_YEAR_FREQUENCIES: readonly Frequency[] = ['month', 'quarter'];

/**
 * The Danish refusal of an assessment the frequency does not allow, or null: the rolling year is for monthly
 * and quarterly KPIs only, so a yearly or half-yearly one is refused here rather than by the check constraint.
 * @example assessmentProblem('year', 'rolling_year') // 'Gennemsnittet af de seneste 12 måneder (4 kvartaler) kan kun vælges …'
 */
export function assessmentProblem(frequency: Frequency, assessment: Assessment): string | null {
	return assessment === 'rolling_year' && !ROLLING_YEAR_FREQUENCIES.includes(frequency)
		? t('api.kpi_rolling_year_frequency')
		: null;
}

/** How the KPI is judged: the latest value unless the rolling year is chosen (a form without the choice means latest). */
export const assessmentField = z.enum(ASSESSMENTS, { error: t('api.assessment_invalid') }).default('latest');

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: t('api.text_too_long', { max }) })
		.default('');

/**
 * The KPI definition form (admins and directors): every field of DESIGN §2, Danish numbers, and the
 * rules of DESIGN §3 (direction agrees with the target; periods of the frequency; target after baseline).
 * Periods are stored canonical ('2024-h1' → '2024-H1') by the one period schema the API uses too.
 */
export const kpiFormSchema = z
	.object({
		name: z
			.string({ error: t('api.name_required') })
			.trim()
			.min(1, { error: t('api.name_required') })
			.max(200, { error: t('api.name_required') }),
		description: text(2000),
		unit: z.enum(['percent', 'count', 'days', 'kr', 'score'], { error: t('api.unit_invalid') }),
		decimals: z.coerce
			.number({ error: t('kpi_form.decimals_invalid') })
			.int({ error: t('kpi_form.decimals_invalid') })
			.min(0, { error: t('kpi_form.decimals_invalid') })
			.max(4, { error: t('kpi_form.decimals_invalid') }),
		direction: z.enum(['lower', 'higher'], { error: t('api.direction_invalid') }),
		frequency: z.enum(FREQUENCIES, { error: t('api.frequency_invalid') }),
		scope: text(200),
		dataSource: text(200),
		baselineValue: decimalText(),
		baselinePeriod: periodText(false),
		targetValue: decimalText(),
		targetPeriod: periodText(false),
		assessment: assessmentField,
		minValue: optionalDecimal,
		maxValue: optionalDecimal,
		illustrative: z
			.string()
			.optional()
			.transform((v) => v === 'on'),
		recommendationId: ids,
		primaryId: ids,
		ownerId: ids,
		version: z
			.string()
			.optional()
			.transform((v) => (v ? Number(v) : null))
			.pipe(z.number().int().positive().nullable())
	})
	.superRefine((form, ctx) => {
		if (form.minValue !== null && form.maxValue !== null && form.minValue >= form.maxValue)
			ctx.addIssue({ code: 'custom', path: ['maxValue'], message: t('kpi_form.bounds_order') });
		const problem = validateKpiDefinition({
			direction: form.direction,
			frequency: form.frequency,
			baseline: { value: form.baselineValue, period: form.baselinePeriod },
			target: { value: form.targetValue, period: form.targetPeriod }
		});
		if (problem === 'direction_mismatch')
			ctx.addIssue({ code: 'custom', path: ['targetValue'], message: t('api.kpi_direction_mismatch') });
		if (problem === 'period_malformed' || problem === 'period_wrong_frequency') {
			ctx.addIssue({ code: 'custom', path: ['baselinePeriod'], message: t(`api.kpi_${problem}`) });
			ctx.addIssue({ code: 'custom', path: ['targetPeriod'], message: t(`api.kpi_${problem}`) });
		}
		if (problem === 'target_not_after_baseline')
			ctx.addIssue({ code: 'custom', path: ['targetPeriod'], message: t('api.kpi_target_not_after_baseline') });
		const assessment = assessmentProblem(form.frequency, form.assessment);
		if (assessment) ctx.addIssue({ code: 'custom', path: ['assessment'], message: assessment });
	});

export type KpiForm = z.infer<typeof kpiFormSchema>;
