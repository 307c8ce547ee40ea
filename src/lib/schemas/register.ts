import { z } from 'zod';
import { t } from '../server/messages';
import { dateText, idText, periodText } from './fields';
import { parseAmountKr } from '../domain/money';

/**
 * The register's forms (programmes, themes, recommendations, lifecycle, budget, follow-up items):
 * one schema per form, each refusing what a council's register must never hold — an empty or
 * overlong title, HTML in a field, a malformed period, a negative amount — with a Danish message
 * per field. The programme document (JSON import/export) reuses the same field rules.
 */

export const LIFECYCLES = ['proposed', 'adopted', 'in_progress', 'completed', 'paused', 'dropped'] as const;
export const DECISION_KINDS = ['consensus', 'dissent'] as const;
export const OVERRIDE_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'missed'] as const;
export const FOLLOW_UP_STATES = ['not_started', 'in_progress', 'done', 'postponed'] as const;
export const BUDGET_CATEGORIES = ['salary', 'activities', 'campaigns', 'other'] as const;
export const FUNDINGS = ['central_pool', 'own_budget'] as const;

/** Any HTML tag. Plain-text fields hold none; the register shows text, not markup. */
const HTML_TAG = /<\/?[a-zA-Z!][^>]*>/;
/** An HTML tag that is not a Markdown autolink (`<https://…>`, `<mailto:…>`). */
const HTML_TAG_NOT_AUTOLINK = /<(?!https?:\/\/|mailto:)\/?[a-zA-Z!][^>]*>/;

/** Plain text, trimmed: at most `max` characters, no HTML; `required` refuses the empty string. */
/** Absent becomes empty; browsers send textarea line breaks as CRLF, stored as LF so an unchanged text stays unchanged. */
const normaliseText = (value: unknown) =>
	value === undefined || value === null ? '' : typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value;

export function plainText(max: number, required = false) {
	return z.preprocess(
		normaliseText,
		z
			.string({ error: t('register.text_invalid') })
			.trim()
			.max(max, { error: t('register.text_too_long', { max }) })
			.refine((text) => !required || text.length > 0, { error: t('register.required') })
			.refine((text) => !HTML_TAG.test(text), { error: t('register.no_html') })
	);
}

/** Markdown (rendered sanitised): at most `max` characters; raw HTML is refused, autolinks allowed. */
export function markdownText(max = 20000) {
	return z.preprocess(
		normaliseText,
		z
			.string({ error: t('register.text_invalid') })
			.trim()
			.max(max, { error: t('register.text_too_long', { max }) })
			.refine((text) => !HTML_TAG_NOT_AUTOLINK.test(text), { error: t('register.no_html_markdown') })
	);
}

/** Whole kroner as Danes write them ("3.600.000", "3,6 mio.", "250.000 kr."); never negative. */
export const amountKr = z
	.union([z.string(), z.number()], { error: t('register.amount_invalid') })
	.transform((input, ctx) => {
		const text = String(input).trim();
		if (/^[-−–]/.test(text)) {
			ctx.addIssue({ code: 'custom', message: t('register.amount_negative') });
			return z.NEVER;
		}
		const amount =
			typeof input === 'number' ? (Number.isSafeInteger(input) && input >= 0 ? input : null) : parseAmountKr(text);
		if (amount === null) {
			ctx.addIssue({ code: 'custom', message: text === '' ? t('register.required') : t('register.amount_invalid') });
			return z.NEVER;
		}
		return amount;
	});

export const yearNumber = z.coerce
	.number({ error: t('register.year_invalid') })
	.int({ error: t('register.year_invalid') })
	.min(1900, { error: t('register.year_invalid') })
	.max(2199, { error: t('register.year_invalid') });

const id = idText(false, t('register.choice_invalid'));
const optionalId = idText(true, t('register.choice_invalid'));
/** The row version an edit form carries (optimistic concurrency). */
export const version = z.coerce
	.number({ error: t('register.version_missing') })
	.int()
	.positive({ error: t('register.version_missing') })
	.max(2 ** 31);
const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: t('register.choice_invalid') });

export const programmeFields = {
	name: plainText(300, true),
	body: plainText(300),
	description: markdownText(5000),
	adoptedOn: dateText(true),
	minutesReference: plainText(500)
};
export const programmeFormSchema = z.object(programmeFields);
export type ProgrammeForm = z.infer<typeof programmeFormSchema>;

export const themeFields = {
	name: plainText(300, true),
	description: plainText(2000)
};
export const themeFormSchema = z.object(themeFields);
export type ThemeForm = z.infer<typeof themeFormSchema>;

/** The text fields of a recommendation, exactly the seed's template (DESIGN §2). */
export const recommendationFields = {
	number: z.coerce
		.number({ error: t('register.number_invalid') })
		.int({ error: t('register.number_invalid') })
		.min(1, { error: t('register.number_invalid') })
		.max(9999, { error: t('register.number_invalid') }),
	title: plainText(300, true),
	shortName: plainText(100),
	intro: markdownText(),
	purpose: markdownText(),
	goal: markdownText(),
	actions: markdownText(),
	targetProfessions: plainText(500),
	baselineDescription: markdownText(),
	followUpPeriod: periodText(true),
	followUpText: markdownText(),
	resourcesText: markdownText(),
	nextStep: markdownText(),
	responsible: plainText(300),
	reportsTo: plainText(300)
};

export const recommendationFormSchema = z.object({
	...recommendationFields,
	programmeId: id,
	themeId: optionalId
});
export type RecommendationForm = z.infer<typeof recommendationFormSchema>;

/** Which lifecycle may follow which (DESIGN §2): forward, pause/resume, drop, and re-proposing a dropped one. */
export const LIFECYCLE_NEXT: Readonly<Record<(typeof LIFECYCLES)[number], readonly (typeof LIFECYCLES)[number][]>> = {
	proposed: ['adopted', 'dropped'],
	adopted: ['in_progress', 'completed', 'paused', 'dropped'],
	in_progress: ['completed', 'paused', 'dropped'],
	paused: ['in_progress', 'dropped'],
	completed: ['in_progress'],
	dropped: ['proposed']
};

/** The decision record made at adoption: date, body, consensus or dissent (with its text). */
export const decisionFields = {
	decisionDate: dateText(false),
	decisionBody: plainText(300, true),
	decisionKind: enumOf(DECISION_KINDS),
	dissentText: plainText(5000)
};

function requireDissentText(form: { decisionKind: string; dissentText: string }, ctx: z.RefinementCtx) {
	if (form.decisionKind === 'dissent' && form.dissentText === '') {
		ctx.addIssue({ code: 'custom', path: ['dissentText'], message: t('register.dissent_required') });
	}
}

export const decisionFormSchema = z.object({ ...decisionFields, version }).superRefine(requireDissentText);
export type DecisionForm = z.infer<typeof decisionFormSchema>;

/** A lifecycle change; adoption carries the decision; pausing and dropping a reason. */
export const lifecycleFormSchema = z
	.object({
		lifecycle: enumOf(LIFECYCLES),
		changedOn: dateText(false),
		reason: plainText(2000),
		decisionDate: z.string().optional(),
		decisionBody: z.string().optional(),
		decisionKind: z.string().optional(),
		dissentText: z.string().optional(),
		version
	})
	.transform((form, ctx) => {
		if ((form.lifecycle === 'paused' || form.lifecycle === 'dropped') && form.reason === '') {
			ctx.addIssue({ code: 'custom', path: ['reason'], message: t('register.reason_required') });
		}
		if (form.lifecycle !== 'adopted') return { ...form, decision: null };
		const decision = z
			.object(decisionFields)
			.superRefine(requireDissentText)
			.safeParse({
				decisionDate: form.decisionDate ?? '',
				decisionBody: form.decisionBody ?? '',
				decisionKind: form.decisionKind ?? '',
				dissentText: form.dissentText ?? ''
			});
		if (!decision.success) {
			for (const issue of decision.error.issues)
				ctx.addIssue({ code: 'custom', path: issue.path as string[], message: issue.message });
			return z.NEVER;
		}
		return { ...form, decision: decision.data };
	});
export type LifecycleForm = z.infer<typeof lifecycleFormSchema>;

/** A director's status override; an empty status removes it, a status needs a written reason. */
export const overrideFormSchema = z
	.object({
		status: z.union([z.literal(''), enumOf(OVERRIDE_STATUSES)], { error: t('register.choice_invalid') }),
		reason: plainText(2000),
		version
	})
	.superRefine((form, ctx) => {
		if (form.status !== '' && form.reason === '')
			ctx.addIssue({ code: 'custom', path: ['reason'], message: t('register.override_reason_required') });
	});
export type OverrideForm = z.infer<typeof overrideFormSchema>;

export const budgetLineFields = {
	year: yearNumber,
	amountKr,
	category: enumOf(BUDGET_CATEGORIES),
	funding: enumOf(FUNDINGS),
	note: plainText(500)
};
export const budgetLineFormSchema = z.object(budgetLineFields);
export type BudgetLineForm = z.infer<typeof budgetLineFormSchema>;

export const budgetActualFields = {
	year: yearNumber,
	amountKr,
	note: plainText(500)
};
export const budgetActualFormSchema = z.object(budgetActualFields);
export type BudgetActualForm = z.infer<typeof budgetActualFormSchema>;

export const followUpItemFields = {
	title: plainText(500, true),
	description: markdownText(5000),
	duePeriod: periodText(false),
	state: enumOf(FOLLOW_UP_STATES)
};
export const followUpItemFormSchema = z.object(followUpItemFields);
export type FollowUpItemForm = z.infer<typeof followUpItemFormSchema>;

export const followUpStateFormSchema = z.object({ id, state: enumOf(FOLLOW_UP_STATES), version });

/** An edit of an existing row: its id and the version the form was drawn from. */
export const rowRef = z.object({ id, version });
export { id as idField, optionalId };
