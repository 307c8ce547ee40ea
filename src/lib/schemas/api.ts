import { z } from 'zod';
import { t } from '../server/messages';
import { FREQUENCIES } from '../domain/periods';
import { FORECAST_MODELS } from '../domain/forecast-models';
import { ASSESSMENTS, KPI_STATUSES, validateKpiDefinition } from '../domain/progress';
import { MAX_ABS_DECIMAL, MAX_DATE, MIN_DATE, dateText, periodText } from './fields';
import { assessmentField, assessmentProblem } from './kpi';

/**
 * The JSON API's shapes (camelCase, numbers as numbers, periods as in DESIGN §2): the same schemas
 * validate requests and generate the OpenAPI document (routes/api/v1/openapi.json).
 */

/** A period in a request body (required): the forms' one period schema, normalised ('2024-h1' → '2024-H1'). */
// The cast only narrows the accepted input to what the pipe hands over (a string); the schema is the same.
const periodInput = z
	.string({ error: t('error.period_malformed') })
	.pipe(periodText(false) as z.ZodType<string, string>)
	.meta({ description: '2024, 2024-H1, 2024-Q3 or 2024-05', example: '2025-09' });

/** `?asOf=` of the API: the one date schema of every form and page (MIN_DATE–MAX_DATE); empty means today. */
export const asOfQuery = dateText(true).meta({
	description: `YYYY-MM-DD, from ${MIN_DATE} to ${MAX_DATE}`,
	example: '2026-11-22'
});

const finiteNumber = z
	.number({ error: t('error.number_malformed') })
	.refine(Number.isFinite, { error: t('error.number_malformed') })
	.refine((v) => Math.abs(v) < MAX_ABS_DECIMAL, { error: t('observation.value_out_of_range') });

const valueAtPeriod = z.object({ value: finiteNumber, period: periodInput });
const valueAtPeriodShape = z.object({
	value: z.number(),
	period: z.string().meta({ description: '2024, 2024-H1, 2024-Q3 or 2024-05' })
});

export const kpiShape = z
	.object({
		id: z.number().int(),
		name: z.string(),
		description: z.string(),
		unit: z.enum(['percent', 'count', 'days', 'kr', 'score']),
		decimals: z.number().int(),
		direction: z.enum(['lower', 'higher']),
		frequency: z.enum(FREQUENCIES),
		scope: z.string(),
		dataSource: z.string(),
		baseline: valueAtPeriodShape,
		target: valueAtPeriodShape,
		assessment: z.enum(ASSESSMENTS).meta({
			description:
				'latest: the latest value is judged. rolling_year (monthly and quarterly KPIs): the mean of the 12 months (4 quarters) ending at the latest value'
		}),
		minValue: z
			.number()
			.nullable()
			.meta({ description: "Lowest plausible value; null: the unit's default (% 0, counts and days 0)" }),
		maxValue: z.number().nullable().meta({ description: "Highest plausible value; null: the unit's default (% 100)" }),
		status: z.enum(KPI_STATUSES).meta({
			description:
				'missed: the target period has a value and it did not reach the target (DESIGN §3); no_data: no value after the baseline'
		}),
		assessedValue: z.number().nullable().meta({
			description: 'The value the status judged: the latest value, or the rolling-year mean; null without data'
		}),
		rollingYear: z
			.object({
				valueCount: z.number().int().meta({ description: 'Periods of the window that have a value' }),
				window: z.number().int().meta({ description: '12 (months) or 4 (quarters)' }),
				fellBackToLatest: z.boolean().meta({
					description: 'true: fewer than 6 of 12 months (2 of 4 quarters) had a value, so the latest value was judged'
				})
			})
			.nullable()
			.meta({ description: 'Only for a KPI assessed on the rolling year that has data; null otherwise' }),
		achievedShare: z.number().nullable(),
		expectedShare: z.number().nullable(),
		overdue: z.boolean(),
		missingRun: z
			.object({ from: z.string(), to: z.string(), count: z.number().int() })
			.nullable()
			.meta({ description: 'With overdue: the run of periods without a value, ending at the required period' }),
		latest: z.object({ period: z.string(), value: z.number() }).nullable(),
		forecast: z
			.object({
				period: z.string().meta({ description: 'The target period' }),
				value: z.number().meta({
					description: 'Point forecast at the target period (of the rolling-year mean for rolling_year KPIs)'
				}),
				lower80: z.number(),
				upper80: z.number().meta({ description: '80 % prediction interval [lower80, upper80]' }),
				probability: z.number().meta({ description: 'Probability, 0–1, that the target is reached' }),
				model: z.enum(FORECAST_MODELS).meta({
					description: 'linear_trend, or seasonal_trend (monthly ≥ 24 / quarterly ≥ 8 values); see the help page'
				}),
				observations: z.number().int().meta({ description: 'Values the model was fitted to (at most 60)' })
			})
			.nullable()
			.meta({
				description:
					'DESIGN §3 forecast; null with too few values (6, 12 for monthly) or once the target period has a value'
			}),
		recommendationIds: z.array(z.number().int())
	})
	.meta({ id: 'Kpi' });

export const observationShape = z
	.object({
		period: z.string(),
		value: z.number(),
		comment: z.string(),
		source: z.string(),
		seriesBreak: z.boolean(),
		version: z.number().int(),
		enteredBy: z.string().nullable(),
		enteredAt: z.string().meta({ description: 'ISO 8601, UTC' })
	})
	.meta({ id: 'Observation' });

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: t('api.text_too_long', { max }) });

/** POST /api/v1/kpis: the KPI's editable fields, checked against the rules of DESIGN §3. */
export const kpiCreateBody = z
	.object({
		name: z
			.string({ error: t('api.name_required') })
			.trim()
			.min(1, { error: t('api.name_required') })
			.max(200, { error: t('api.text_too_long', { max: 200 }) }),
		description: text(2000).default(''),
		unit: z.enum(['percent', 'count', 'days', 'kr', 'score'], { error: t('api.unit_invalid') }),
		decimals: z.number().int().min(0).max(4).default(1),
		direction: z.enum(['lower', 'higher'], { error: t('api.direction_invalid') }),
		frequency: z.enum(FREQUENCIES, { error: t('api.frequency_invalid') }),
		scope: text(200).default(''),
		dataSource: text(200).default(''),
		baseline: valueAtPeriod,
		target: valueAtPeriod,
		assessment: assessmentField.meta({
			description: 'latest (default) or rolling_year (monthly and quarterly KPIs only)'
		}),
		minValue: finiteNumber.nullable().default(null),
		maxValue: finiteNumber.nullable().default(null),
		recommendationIds: z.array(z.number().int().positive()).max(100).default([])
	})
	.strict()
	.superRefine((body, ctx) => {
		const problem = validateKpiDefinition({
			direction: body.direction,
			frequency: body.frequency,
			baseline: body.baseline,
			target: body.target
		});
		if (problem) ctx.addIssue({ code: 'custom', path: ['target'], message: t(`api.kpi_${problem}`) });
		const assessment = assessmentProblem(body.frequency, body.assessment);
		if (assessment) ctx.addIssue({ code: 'custom', path: ['assessment'], message: assessment });
		if (body.minValue !== null && body.maxValue !== null && body.minValue >= body.maxValue)
			ctx.addIssue({ code: 'custom', path: ['maxValue'], message: t('kpi_form.bounds_order') });
	})
	.meta({ id: 'KpiCreate' });

/** A field of a PUT that may be left out (undefined: the stored value stays) or cleared with null. */
const keptOrCleared = <T extends z.ZodType>(field: T, cleared: z.output<T>, description: string) =>
	field
		.nullable()
		.transform((v) => v ?? cleared)
		.optional()
		.meta({ description });

/**
 * PUT /api/v1/kpis/{id}/observations/{period}: `value` always; `comment`, `source` and `seriesBreak` left
 * out keep what is stored (a new value gets '' and false), null clears them — so a client that sends only
 * the value never erases the text someone wrote.
 */
export const observationPutBody = z
	.object({
		value: finiteNumber,
		comment: keptOrCleared(text(2000), '', 'Udeladt: den gemte kommentar bevares. null eller "": kommentaren ryddes.'),
		source: keptOrCleared(text(500), '', 'Udeladt: den gemte kilde bevares. null eller "": kilden ryddes.'),
		seriesBreak: keptOrCleared(z.boolean(), false, 'Udeladt: det gemte databrud bevares. null: false.'),
		version: z.number().int().positive().nullable().optional(),
		confirmUnusual: z.boolean().optional().meta({
			description:
				'true: gem en værdi, der ændrer sig mere end 3 standardafvigelser af nøgletallets sædvanlige ændringer (ellers 422 med koden unusual).'
		})
	})
	.strict()
	.meta({ id: 'ObservationPut' });

export const apiErrorShape = z
	.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()) }) })
	.meta({ id: 'Error' });
