import { isMessageKey, t, type PlainMessageKey } from '../messages';
import { formatKr, formatKrAlike } from '../../domain/money';
import { formatDateDa } from '../../domain/format';
import { formatPeriodDa, parsePeriod } from '../../domain/periods';
import type { FieldChange } from '../infra/write-result';
import type { InvalidReason } from './concurrency';

/**
 * How the register's fields and changes read in Danish: labels for the conflict message and the
 * history, and values formatted as the forms show them (kroner, dates, periods, choices).
 */

const FIELD_LABELS: Record<string, PlainMessageKey> = {
	name: 'register.field.name',
	body: 'register.field.body',
	description: 'register.field.description',
	adoptedOn: 'register.field.adopted_on',
	minutesReference: 'register.field.minutes_reference',
	programmeId: 'register.field.programme',
	themeId: 'register.field.theme',
	theme: 'register.field.theme',
	number: 'register.field.number',
	title: 'register.field.title',
	shortName: 'register.field.short_name',
	intro: 'register.field.intro',
	purpose: 'recommendation.purpose',
	goal: 'recommendation.goal',
	actions: 'recommendation.actions',
	targetProfessions: 'recommendation.target_professions',
	baselineDescription: 'recommendation.baseline',
	followUpPeriod: 'recommendation.follow_up_time',
	followUpText: 'register.field.follow_up_text',
	resourcesText: 'recommendation.resources',
	nextStep: 'recommendation.next_step',
	responsible: 'recommendation.responsible',
	reportsTo: 'recommendation.reports_to',
	lifecycle: 'recommendation.lifecycle',
	lifecycleChangedOn: 'register.field.changed_on',
	lifecycleReason: 'register.field.reason',
	decisionDate: 'register.field.decision_date',
	decisionBody: 'register.field.decision_body',
	decisionKind: 'register.field.decision_kind',
	dissentText: 'decision.dissent_heading',
	statusOverride: 'register.field.override',
	statusOverrideReason: 'register.field.override_reason',
	year: 'budget.year',
	amountKr: 'budget.amount',
	category: 'budget.category',
	funding: 'budget.funding',
	note: 'budget.note',
	duePeriod: 'follow_up.due',
	state: 'follow_up.state',
	assigned: 'register.field.assigned'
};

/** The Danish label of a field, or the field's own name when it has none. */
export function fieldLabel(field: string): string {
	const key = FIELD_LABELS[field];
	return key ? t(key) : field;
}

const ENUM_PREFIX: Record<string, string> = {
	lifecycle: 'lifecycle',
	decisionKind: 'decision',
	statusOverride: 'status',
	category: 'budget_category',
	funding: 'funding',
	state: 'follow_up_state'
};

/** A stored value as the forms show it; long texts cut to 200 characters. */
export function formatFieldValue(field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return t('register.value_empty');
	if (field === 'amountKr' && typeof value === 'number') return formatKr(value);
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateDa(value);
	if ((field === 'followUpPeriod' || field === 'duePeriod') && typeof value === 'string' && parsePeriod(value))
		return formatPeriodDa(value);
	if (field in ENUM_PREFIX && typeof value === 'string') {
		// A value the catalogue does not know (an old enum value) shows as stored rather than failing the page.
		const key = `${ENUM_PREFIX[field]}.${value}`;
		if (isMessageKey(key)) return t(key);
	}
	const text = Array.isArray(value) ? value.join(', ') : String(value);
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Others' changes for the conflict message: who, when, which field, from what to what. */
export function describeChanges(changes: readonly FieldChange[]) {
	return changes.map((change) => ({
		label: fieldLabel(change.field),
		...beforeAndAfter(change),
		by: change.by,
		at: change.at
	}));
}

/**
 * Both sides of a change as one cell reads them: two amounts on one scale (issue 17), and in whole kroner
 * whenever the shorter scale would show two different amounts alike.
 */
function beforeAndAfter(change: FieldChange): { before: string; after: string } {
	const { field, before, after } = change;
	if (field === 'amountKr' && Number.isSafeInteger(before) && Number.isSafeInteger(after)) {
		const amounts = [before as number, after as number];
		const [b, a] = formatKrAlike(amounts);
		return b === a && before !== after
			? { before: formatKr(amounts[0]), after: formatKr(amounts[1]) }
			: { before: b, after: a };
	}
	return { before: formatFieldValue(field, before), after: formatFieldValue(field, after) };
}

/** The stored row a stale sub-row edit ran into, as label/value pairs (empty when it was deleted). */
export function describeRow(row: Record<string, unknown> | null, fields: readonly string[]) {
	if (!row) return [];
	return fields.map((field) => ({ label: fieldLabel(field), value: formatFieldValue(field, row[field]) }));
}

/** The Danish message for a refused write. */
export function invalidMessage(reason: InvalidReason): string {
	return t(`register.invalid.${reason}`);
}

/** The fields an audit event of the register changed, as Danish labels (for the history table). */
export function changedFieldLabels(after: unknown, before: unknown): string {
	const source = (
		after && typeof after === 'object' ? after : before && typeof before === 'object' ? before : {}
	) as Record<string, unknown>;
	// jsonb keeps no key order: list the fields in the order the forms show them.
	const order = Object.keys(FIELD_LABELS);
	const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
	return Object.keys(source)
		.filter((key) => key !== 'version' && !key.endsWith('Id'))
		.sort((a, b) => rank(a) - rank(b))
		.map(fieldLabel)
		.join(', ');
}
