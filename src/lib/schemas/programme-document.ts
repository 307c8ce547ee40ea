import { z } from 'zod';
import { t } from '../server/messages';
import {
	BUDGET_CATEGORIES,
	DECISION_KINDS,
	FOLLOW_UP_STATES,
	FUNDINGS,
	LIFECYCLES,
	OVERRIDE_STATUSES,
	amountKr,
	markdownText,
	plainText,
	recommendationFields,
	yearNumber
} from './register';
import { dateText, periodText } from './fields';

/**
 * A whole programme as one JSON document — themes, recommendations with decision, lifecycle, budget,
 * actual spend, follow-up items and narratives — so a municipality can move its register between
 * installations. The fields obey the same rules as the register's forms; ids and users are not part of
 * it (they belong to an installation). Export, then import into an empty organisation, reproduces it.
 */

export const PROGRAMME_DOCUMENT_FORMAT = 'fremdrift.programme';
export const PROGRAMME_DOCUMENT_VERSION = 1;

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: t('register.choice_invalid') });
const list = <T extends z.ZodType>(item: T, max = 1000) =>
	z
		.array(item, { error: t('programme_document.list_expected') })
		.max(max, { error: t('programme_document.list_too_long', { max }) })
		.default([]);

const recommendationDocument = z
	.object({
		...recommendationFields,
		followUpPeriod: periodText(true).nullable().default(null),
		theme: plainText(300).nullable().default(null),
		lifecycle: choice(LIFECYCLES),
		lifecycleChangedOn: dateText(true).nullable().default(null),
		lifecycleReason: plainText(2000).default(''),
		decision: z
			.object({
				date: dateText(false),
				body: plainText(300, true),
				kind: choice(DECISION_KINDS),
				dissentText: plainText(5000).default('')
			})
			.nullable()
			.default(null),
		statusOverride: z
			.object({ status: choice(OVERRIDE_STATUSES), reason: plainText(2000, true) })
			.nullable()
			.default(null),
		lifecycleEvents: list(
			z.object({
				from: choice(LIFECYCLES).nullable(),
				to: choice(LIFECYCLES),
				changedOn: dateText(false),
				reason: plainText(2000).default('')
			})
		),
		budgetLines: list(
			z.object({
				year: yearNumber,
				amountKr,
				category: choice(BUDGET_CATEGORIES),
				funding: choice(FUNDINGS),
				note: plainText(500).default('')
			})
		),
		budgetActuals: list(z.object({ year: yearNumber, amountKr, note: plainText(500).default('') })),
		followUpItems: list(
			z.object({
				title: plainText(500, true),
				description: markdownText(5000).default(''),
				duePeriod: periodText(false),
				state: choice(FOLLOW_UP_STATES)
			})
		),
		statusUpdates: list(
			z.object({
				period: periodText(false),
				body: markdownText(20000).refine((b) => b.length > 0, { error: t('register.required') })
			})
		)
	})
	.superRefine((r, ctx) => {
		const adopted = r.lifecycle === 'adopted' || r.lifecycle === 'in_progress' || r.lifecycle === 'completed';
		if (adopted && !r.decision)
			ctx.addIssue({ code: 'custom', path: ['decision'], message: t('programme_document.decision_required') });
		if ((r.lifecycle === 'paused' || r.lifecycle === 'dropped') && !r.lifecycleReason)
			ctx.addIssue({ code: 'custom', path: ['lifecycleReason'], message: t('register.reason_required') });
		if (r.decision?.kind === 'dissent' && !r.decision.dissentText)
			ctx.addIssue({ code: 'custom', path: ['decision', 'dissentText'], message: t('register.dissent_required') });
		duplicates(
			r.budgetActuals.map((a) => a.year),
			ctx,
			['budgetActuals'],
			'year',
			t('register.invalid.year_taken')
		);
		duplicates(
			r.statusUpdates.map((s) => s.period),
			ctx,
			['statusUpdates'],
			'period',
			t('programme_document.period_twice')
		);
	});

/** Adds an issue at every repeated value of a list (path: list, index, field). */
function duplicates(
	values: readonly unknown[],
	ctx: z.RefinementCtx,
	path: (string | number)[],
	field: string,
	message: string
) {
	const seen = new Set<string>();
	values.forEach((value, index) => {
		const key = JSON.stringify(value);
		if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [...path, index, field], message });
		seen.add(key);
	});
}

export const programmeDocumentSchema = z.object({
	format: z.literal(PROGRAMME_DOCUMENT_FORMAT, { error: t('programme_document.wrong_format') }),
	formatVersion: z.literal(PROGRAMME_DOCUMENT_VERSION, { error: t('programme_document.wrong_version') }),
	exportedAt: z.string().max(40).optional(),
	programme: z.object({
		name: plainText(300, true),
		body: plainText(300).default(''),
		description: markdownText(5000).default(''),
		adoptedOn: dateText(true).nullable().default(null),
		minutesReference: plainText(500).default(''),
		archived: z.boolean({ error: t('register.choice_invalid') }).default(false)
	}),
	themes: list(z.object({ name: plainText(300, true), description: plainText(2000).default('') })),
	recommendations: list(recommendationDocument)
});

/**
 * The document's cross-references — theme names and recommendation numbers unique, every
 * recommendation's theme in the list — checked on the raw JSON, so they are reported alongside the
 * field problems (zod skips object-level checks while fields are invalid).
 */
export function crossReferenceProblems(raw: unknown): { path: (string | number)[]; message: string }[] {
	const problems: { path: (string | number)[]; message: string }[] = [];
	const doc = (raw && typeof raw === 'object' ? raw : {}) as { themes?: unknown; recommendations?: unknown };
	const themes = Array.isArray(doc.themes) ? doc.themes : [];
	const recommendations = Array.isArray(doc.recommendations) ? doc.recommendations : [];
	const field = (item: unknown, name: string) =>
		item && typeof item === 'object' ? (item as Record<string, unknown>)[name] : undefined;
	const collect = (list: unknown[], name: string, section: string, message: string) => {
		const seen = new Set<string>();
		list.forEach((item, index) => {
			const value = field(item, name);
			if (value === undefined || value === null) return;
			const key = String(value).trim();
			if (seen.has(key)) problems.push({ path: [section, index, name], message });
			seen.add(key);
		});
	};
	collect(themes, 'name', 'themes', t('register.invalid.name_taken'));
	collect(recommendations, 'number', 'recommendations', t('register.invalid.number_taken'));
	const names = new Set(themes.map((theme) => String(field(theme, 'name') ?? '').trim()));
	recommendations.forEach((r, index) => {
		const theme = field(r, 'theme');
		if (typeof theme === 'string' && !names.has(theme.trim()))
			problems.push({
				path: ['recommendations', index, 'theme'],
				message: t('programme_document.theme_unknown', { theme })
			});
	});
	return problems;
}

/** What a document holds once read (defaults filled in). */
export type ProgrammeDocument = z.infer<typeof programmeDocumentSchema>;
/** What export writes (every field present). */
export type ProgrammeDocumentInput = z.input<typeof programmeDocumentSchema>;
