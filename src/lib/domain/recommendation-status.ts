/**
 * A recommendation's status (DESIGN §3): the worst status of its KPIs, a director's override with
 * a reason, or — with no KPI — the progress of its follow-up items.
 */
import { isIsoDate } from './dates';
import { parsePeriod, periodEnd } from './periods';
import { STATUS_ORDER, type KpiStatus } from './progress';

export const FOLLOW_UP_STATES = ['not_started', 'in_progress', 'done', 'postponed'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface FollowUpProgress {
	total: number;
	done: number;
	/** Items whose due period has ended on or before the as-of date, done or not. */
	due: number;
	/** Due items that are not done. */
	overdue: number;
}

export interface StatusOverride {
	status: KpiStatus;
	reason: string;
}

/**
 * What the UI shows for a recommendation. With KPIs (`source: 'kpi'`): `status` is the effective
 * status (the override's when there is one) and `computed` the rule's result, shown beside it.
 * Without KPIs (`source: 'follow_up'`): `progress` counts follow-up items; `status` is only the
 * override's (null without one), since follow-up items alone never yield a KPI status.
 */
export type RecommendationStatus =
	| { source: 'kpi'; status: KpiStatus; computed: KpiStatus; override: StatusOverride | null }
	| {
			source: 'follow_up';
			progress: FollowUpProgress;
			override: StatusOverride | null;
			status: KpiStatus | null;
			computed: null;
	  };

/**
 * Worst status of the primary KPIs (else all); no_data only when all lack data; null for no KPIs.
 * @example combineKpiStatuses([{ status: 'on_track', primary: true }, { status: 'off_track', primary: false }]) // 'on_track'
 */
export function combineKpiStatuses(kpis: readonly { status: KpiStatus; primary: boolean }[]): KpiStatus | null {
	if (kpis.length === 0) return null;
	const primary = kpis.filter((kpi) => kpi.primary);
	const considered = primary.length > 0 ? primary : kpis;
	let worst: KpiStatus = 'no_data';
	let worstRank = Number.POSITIVE_INFINITY;
	for (const { status } of considered) {
		if (status === 'no_data') continue;
		const rank = STATUS_ORDER.indexOf(status);
		if (rank < worstRank) {
			worst = status;
			worstRank = rank;
		}
	}
	return worst;
}

/**
 * Counts follow-up items: total, done, due (period ended by asOf) and overdue (due, not done).
 * @example followUpProgress([{ duePeriod: '2025', state: 'done' }], '2026-11-22') // { total: 1, done: 1, due: 1, overdue: 0 }
 */
export function followUpProgress(
	items: readonly { duePeriod: string; state: FollowUpState }[],
	asOf: string
): FollowUpProgress {
	if (!isIsoDate(asOf)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${asOf}"`);
	const progress: FollowUpProgress = { total: 0, done: 0, due: 0, overdue: 0 };
	for (const { duePeriod, state } of items) {
		const period = parsePeriod(duePeriod);
		if (!period) throw new RangeError(`Malformed due period: "${duePeriod}"`);
		const isDone = state === 'done';
		const isDue = periodEnd(period) <= asOf;
		progress.total += 1;
		if (isDone) progress.done += 1;
		if (isDue) progress.due += 1;
		if (isDue && !isDone) progress.overdue += 1;
	}
	return progress;
}

/**
 * What a recommendation shows (see RecommendationStatus); throws on an override without a reason.
 * @example resolveRecommendationStatus({ kpis: [], followUpItems: [], override: null, asOf: '2026-11-22' }).source // 'follow_up'
 */
export function resolveRecommendationStatus(input: {
	kpis: readonly { status: KpiStatus; primary: boolean }[];
	followUpItems: readonly { duePeriod: string; state: FollowUpState }[];
	override: StatusOverride | null;
	asOf: string;
}): RecommendationStatus {
	const { override } = input;
	if (override && override.reason.trim() === '') {
		throw new Error('A status override needs a written reason');
	}
	const computed = combineKpiStatuses(input.kpis);
	if (computed === null) {
		const progress = followUpProgress(input.followUpItems, input.asOf);
		return { source: 'follow_up', progress, override, status: override?.status ?? null, computed };
	}
	return { source: 'kpi', status: override?.status ?? computed, computed, override };
}

/** A group in the dashboard's one-line summary: recommendations by effective status. */
export type StatusSummaryKey = KpiStatus | 'follow_up';

// Best first, as the dashboard reads: "5 af 8 på sporet · 2 i risiko · 1 bagud".
const SUMMARY_ORDER: readonly StatusSummaryKey[] = [...[...STATUS_ORDER].reverse(), 'no_data', 'follow_up'];

/**
 * Counts recommendations by effective status, best first, without empty groups ('follow_up': no KPI, no override).
 * @example summariseStatuses(rows.map((row) => row.status)) // [{ key: 'on_track', count: 5 }, { key: 'off_track', count: 2 }]
 */
export function summariseStatuses(
	statuses: readonly RecommendationStatus[]
): { key: StatusSummaryKey; count: number }[] {
	const counts = new Map<StatusSummaryKey, number>();
	for (const { status } of statuses) {
		const key = status ?? 'follow_up';
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return SUMMARY_ORDER.flatMap((key) => {
		const count = counts.get(key) ?? 0;
		return count > 0 ? [{ key, count }] : [];
	});
}
