/**
 * A status in words — the one wording that the pages, print, the DOCX and the exports share (issue 15):
 * the status word with the missing-period run, a recommendation's status with its override or follow-up
 * progress, and the reason a KPI has its status, in one plain sentence computed from the rule (DESIGN §3).
 */
import { t } from '$lib/messages';
import { formatKpiValue, formatShare, type KpiUnit } from './format';
import { addPeriods, formatPeriodDa, parsePeriod, type Frequency } from './periods';
import { forecastLine } from './forecast-text';
import type { ForecastOutcome } from './forecast';
import { plural } from './plural';
import type { Assessment, KpiDefinition, KpiProgress, MissingRun } from './progress';
import type { RecommendationStatus } from './recommendation-status';

/** Up to this many missing periods are named one by one; a longer run is named by its ends. */
const NAMED_PERIODS = 4;
const danishList = new Intl.ListFormat('da-DK', { type: 'conjunction' });

/**
 * The missing periods of a run in words: each named while there are few, else the count and its ends.
 * @example missingRunText({ from: '2026-09', to: '2026-10', count: 2 }) // 'mangler september og oktober 2026'
 */
export function missingRunText(run: MissingRun): string {
	const first = parsePeriod(run.from);
	if (!first) throw new RangeError(`Malformed period: "${run.from}"`);
	if (run.count > NAMED_PERIODS) {
		const unit = t(plural(run.count, UNIT_WORDS[first.frequency]));
		return t('status.missing_range', {
			count: run.count,
			unit,
			from: formatPeriodDa(run.from),
			to: formatPeriodDa(run.to)
		});
	}
	const periods = Array.from({ length: run.count }, (_, i) => addPeriods(first, i));
	const sameYear = periods.every((p) => p.year === first.year) && first.frequency !== 'year';
	// "september og oktober 2026": the year once, after the last period, when they share it.
	const names = periods.map((p, i) =>
		sameYear && i < periods.length - 1 ? formatPeriodDa(p).replace(` ${p.year}`, '') : formatPeriodDa(p)
	);
	return t('status.missing_periods', { periods: danishList.format(names) });
}

const UNIT_WORDS = {
	year: { one: 'period_unit.year_one', other: 'period_unit.year_other' },
	half: { one: 'period_unit.half_one', other: 'period_unit.half_other' },
	quarter: { one: 'period_unit.quarter_one', other: 'period_unit.quarter_other' },
	month: { one: 'period_unit.month_one', other: 'period_unit.month_other' }
} as const;

/**
 * A KPI's status in words with what is missing: 'Bagud · mangler september og oktober 2026'.
 * @example kpiStatusText({ status: 'on_track', missingRun: null }) // 'På sporet'
 */
export function kpiStatusText(progress: Pick<KpiProgress, 'status' | 'missingRun'>): string {
	const word = t(`status.${progress.status}`);
	return progress.missingRun ? `${word} · ${missingRunText(progress.missingRun)}` : word;
}

/**
 * A recommendation's status in words: the effective status (an override marked, with the computed status
 * and the reason), or the follow-up progress with the overdue items.
 * @example recommendationStatusText({ source: 'kpi', status: 'at_risk', computed: 'at_risk', override: null }) // 'I risiko'
 */
export function recommendationStatusText(status: RecommendationStatus): string {
	const word = status.status ? t(`status.${status.status}`) : followUpText(status);
	if (!status.override) return word;
	const computed = status.computed ? ` ${t('status.computed', { status: t(`status.${status.computed}`) })}.` : '';
	return `${word} (${t('status.override')}.${computed} ${t('status.override_reason', { reason: status.override.reason })})`;
}

/**
 * Follow-up progress in words, with the overdue items: '1 af 3 opfølgningspunkter færdige · 1 over tid'.
 * @example followUpText({ source: 'follow_up', progress: { total: 3, done: 1, due: 2, overdue: 1 }, … })
 */
export function followUpText(status: RecommendationStatus): string {
	if (status.source !== 'follow_up') return t('status.no_data');
	const { done, total, overdue } = status.progress;
	const text =
		total === 0
			? t('status.follow_up_none')
			: t(plural(total, { one: 'status.follow_up_progress_one', other: 'status.follow_up_progress_other' }), {
					done,
					total
				});
	return overdue > 0
		? `${text} · ${t(plural(overdue, { one: 'status.follow_up_overdue_one', other: 'status.follow_up_overdue_other' }), { count: overdue })}`
		: text;
}

/** What the reason needs of a KPI. */
export interface ReasonKpi {
	name: string;
	unit: KpiUnit;
	decimals: number;
	definition: KpiDefinition;
}

/**
 * Why a KPI has its status, in one plain sentence from the rule (DESIGN §3).
 * @example statusReason(sickLeave, progress) // 'Sygefravær: 6,9 % mod målet 6,5 % i 2025; målåret er passeret.'
 */
export function statusReason(kpi: ReasonKpi, progress: KpiProgress): string {
	const { definition: def } = kpi;
	const value = (v: number) => formatKpiValue(v, kpi.unit, kpi.decimals);
	const target = { target: value(def.target.value), targetPeriod: formatPeriodDa(def.target.period) };
	if (progress.status === 'no_data' || progress.latest === null || progress.assessedValue === null) {
		return t('reason.no_data', { name: kpi.name, baselinePeriod: formatPeriodDa(def.baseline.period) });
	}
	const rolling = progress.rolling;
	const assessed = rolling?.used
		? t('reason.rolling_value', {
				value: value(progress.assessedValue),
				window: rolling.window === 12 ? t('reason.window_months') : t('reason.window_quarters'),
				period: formatPeriodDa(progress.latest.period)
			})
		: t('reason.latest_value', {
				value: value(progress.assessedValue),
				period: formatPeriodDa(progress.latest.period)
			});
	const fallback =
		rolling && !rolling.used
			? ` ${t(plural(rolling.count, { one: 'reason.rolling_fallback_one', other: 'reason.rolling_fallback_other' }), { count: rolling.count, window: rolling.window })}`
			: '';
	const lead = `${kpi.name}: ${assessed}`;
	let tail: string;
	if (progress.status === 'achieved') tail = ` ${t('reason.achieved', target)}`;
	else if (progress.status === 'missed')
		tail = ` ${t(def.frequency === 'year' ? 'reason.missed_year' : 'reason.missed', target)}`;
	else if (progress.achievedShare === null)
		tail = `. ${t(progress.status === 'on_track' ? 'reason.hold_ok' : 'reason.hold_worse', target)}`;
	else if (progress.achievedShare < 0)
		tail = `. ${t('reason.worse_than_baseline', { ...target, baseline: value(def.baseline.value) })}`;
	else
		tail = `, ${t('reason.share', {
			...target,
			achieved: formatShare(progress.achievedShare),
			expected: formatShare(progress.expectedShare)
		})}`;
	return `${lead}${tail}${fallback}`;
}

/**
 * A report KPI's forecast line (snapshots from before issue 15 have none).
 * @example reportForecastLine(kpi) // 'Prognose for 2027: 6,3 % (…). Model: tendens og sæson (44 målinger).'
 */
export function reportForecastLine(kpi: {
	unit: KpiUnit;
	decimals: number;
	frequency?: Frequency;
	assessment?: Assessment;
	forecast?: ForecastOutcome;
}): string | null {
	if (!kpi.forecast || !kpi.frequency) return null;
	return forecastLine(kpi.forecast, {
		unit: kpi.unit,
		decimals: kpi.decimals,
		frequency: kpi.frequency,
		assessment: kpi.assessment
	});
}
