/**
 * A KPI's progress and status (DESIGN §3) — the one implementation of those rules. Shares are
 * fractions (1 = the whole way from baseline to target); periods are counted in whole periods
 * of the KPI's frequency.
 */
import { isIsoDate } from './dates';
import {
	addPeriods,
	comparePeriods,
	formatPeriod,
	latestPeriodEndedBefore,
	parsePeriod,
	parsePeriodFor,
	periodOrdinal,
	periodStart,
	periodsBetween,
	type Frequency,
	type Period
} from './periods';

export const KPI_STATUSES = ['no_data', 'achieved', 'on_track', 'at_risk', 'off_track', 'missed'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** Statuses with data, worst first (DESIGN §3: missed < off_track < at_risk < on_track < achieved). */
export const STATUS_ORDER = ['missed', 'off_track', 'at_risk', 'on_track', 'achieved'] as const;

export const DIRECTIONS = ['lower', 'higher'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How a KPI's value is judged (DESIGN §3): its latest value, or the mean of the latest year (monthly and quarterly KPIs). */
export const ASSESSMENTS = ['latest', 'rolling_year'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export interface KpiDefinition {
	direction: Direction;
	frequency: Frequency;
	baseline: { value: number; period: string };
	target: { value: number; period: string };
	/** 'latest' when absent. */
	assessment?: Assessment;
}

export interface ObservationPoint {
	period: string;
	value: number;
}

/** The missing-period run (DESIGN §3): every period from `from` to `to` (the required period) lacks a value. */
export interface MissingRun {
	from: string;
	to: string;
	count: number;
}

/** How the rolling-year assessment went: how many of the window's periods had a value, and whether that was enough. */
export interface RollingAssessment {
	count: number;
	window: number;
	/** False when too few periods had values, so the latest value was judged instead. */
	used: boolean;
}

export interface KpiProgress {
	status: KpiStatus;
	/** The value that was judged: the latest, or the rolling-year mean; null without data. */
	assessedValue: number | null;
	/** Set for a KPI assessed on the rolling year that has data; null otherwise. */
	rolling: RollingAssessment | null;
	/** The target period has a value or has passed (Pv ≥ Pt): the status is final for that target. */
	targetPassed: boolean;
	/** A = (V − B) / (T − B); null without data or for a hold-the-level target (T = B). */
	achievedShare: number | null;
	/** E = clamp((Pv − Pb) / (Pt − Pb), 0, 1); null without data. */
	expectedShare: number | null;
	latest: ObservationPoint | null;
	/** The required period (below) has no observation, and values are still expected. */
	overdue: boolean;
	/** The newest period that ended ≥ 30 days before as-of, if it is after the baseline period. */
	requiredPeriod: string | null;
	/** With `overdue`: the run of missing periods ending at the required period. */
	missingRun: MissingRun | null;
}

export interface ProgressOptions {
	/**
	 * False when every recommendation the KPI is linked to is completed, paused or dropped: no one is asked
	 * for values any more, so nothing is overdue. Default true.
	 */
	expectsValues?: boolean;
}

/** Rolling-year window and the fewest values it needs (DESIGN §3: 6 of 12 months, 2 of 4 quarters). */
const ROLLING_WINDOW = { month: { window: 12, needed: 6 }, quarter: { window: 4, needed: 2 } } as const;

export type KpiDefinitionProblem =
	'direction_mismatch' | 'period_malformed' | 'period_wrong_frequency' | 'target_not_after_baseline';

/** Tolerance for comparing shares, so float noise at an exact boundary never flips a status. */
const EPSILON = 1e-9;
/** How far behind the expected share a KPI may be and still be on track / at risk. */
const ON_TRACK_MARGIN = 0.1;
const AT_RISK_MARGIN = 0.25;
/** A period's value is due this many days after the period ends. */
export const OVERDUE_AFTER_DAYS = 30;

/**
 * The first problem with a KPI definition, or null when the rules can be applied to it.
 * @example validateKpiDefinition({ direction: 'lower', frequency: 'year', baseline: { value: 5, period: '2022' }, target: { value: 6, period: '2025' } }) // 'direction_mismatch'
 */
export function validateKpiDefinition(def: KpiDefinition): KpiDefinitionProblem | null {
	const baseline = parsePeriodFor(def.baseline.period, def.frequency);
	const target = parsePeriodFor(def.target.period, def.frequency);
	if (!baseline.ok || !target.ok) {
		const errors = [baseline, target].flatMap((r) => (r.ok ? [] : [r.error]));
		return errors.includes('malformed') ? 'period_malformed' : 'period_wrong_frequency';
	}
	if (periodsBetween(baseline.period, target.period) <= 0) return 'target_not_after_baseline';
	const { value: b } = def.baseline;
	const { value: t } = def.target;
	if ((def.direction === 'lower' && t > b) || (def.direction === 'higher' && t < b)) {
		return 'direction_mismatch';
	}
	return null;
}

/**
 * Status, shares and overdue flag of a KPI as of an ISO date (DESIGN §3); throws on an invalid definition.
 * `observations` must hold every value the rules read: at least the 12 newest after the baseline period up to
 * the period containing as-of (the rolling year and the missing run need them); more is fine.
 * @example computeKpiProgress(def, [{ period: '2024', value: 7.0 }], '2026-11-22').status // 'on_track'
 */
export function computeKpiProgress(
	def: KpiDefinition,
	observations: readonly ObservationPoint[],
	asOf: string,
	options: ProgressOptions = {}
): KpiProgress {
	const problem = validateKpiDefinition(def);
	if (problem) throw new Error(`Invalid KPI definition: ${problem}`);
	if (!Number.isFinite(def.baseline.value) || !Number.isFinite(def.target.value)) {
		throw new Error('Invalid KPI definition: baseline and target must be finite numbers');
	}
	if (!isIsoDate(asOf)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${asOf}"`);

	const baseline = mustParse(def.baseline.period);
	const target = mustParse(def.target.period);
	const byOrdinal = indexObservations(def.frequency, observations);
	const required = latestPeriodEndedBefore(asOf, def.frequency, OVERDUE_AFTER_DAYS);
	const requiredPeriod = periodOrdinal(required) > periodOrdinal(baseline) ? formatPeriod(required) : null;
	const missingRun =
		requiredPeriod !== null && options.expectsValues !== false && !byOrdinal.has(periodOrdinal(required))
			? findMissingRun(byOrdinal, baseline, required)
			: null;
	const due = { overdue: missingRun !== null, requiredPeriod, missingRun };

	const latest = findLatest(byOrdinal, baseline, asOf);
	if (!latest) {
		const noData = { achievedShare: null, expectedShare: null, latest: null, assessedValue: null, rolling: null };
		return { status: 'no_data', ...noData, targetPassed: false, ...due };
	}
	const { value: assessedValue, rolling } = assess(def, byOrdinal, baseline, latest);
	const expectedShare = clamp(periodsBetween(baseline, latest.period) / periodsBetween(baseline, target), 0, 1);
	const targetPassed = comparePeriods(latest.period, target) >= 0;
	const { status, achievedShare } = judge(def, assessedValue, expectedShare, targetPassed);
	return { status, achievedShare, expectedShare, latest: latest.point, assessedValue, rolling, targetPassed, ...due };
}

/** The value to judge: the latest, or on the rolling year the mean of the window ending at the latest period. */
function assess(
	def: KpiDefinition,
	byOrdinal: ReadonlyMap<number, IndexedObservation>,
	baseline: Period,
	latest: IndexedObservation
): { value: number; rolling: RollingAssessment | null } {
	const rule = def.frequency === 'month' || def.frequency === 'quarter' ? ROLLING_WINDOW[def.frequency] : null;
	if (def.assessment !== 'rolling_year' || !rule) return { value: latest.point.value, rolling: null };
	const last = periodOrdinal(latest.period);
	const first = Math.max(last - rule.window + 1, periodOrdinal(baseline) + 1);
	const values: number[] = [];
	for (let ordinal = first; ordinal <= last; ordinal++) {
		const observation = byOrdinal.get(ordinal);
		if (observation) values.push(observation.point.value);
	}
	const used = values.length >= rule.needed;
	const value = used ? values.reduce((sum, v) => sum + v, 0) / values.length : latest.point.value;
	return { value, rolling: { count: values.length, window: rule.window, used } };
}

/** The missing periods ending at `required`: back to the newest value before it, or to the baseline period. */
function findMissingRun(
	byOrdinal: ReadonlyMap<number, IndexedObservation>,
	baseline: Period,
	required: Period
): MissingRun {
	const requiredOrdinal = periodOrdinal(required);
	let newestBefore = periodOrdinal(baseline);
	for (const ordinal of byOrdinal.keys()) {
		if (ordinal < requiredOrdinal && ordinal > newestBefore) newestBefore = ordinal;
	}
	const count = requiredOrdinal - newestBefore;
	return { from: formatPeriod(addPeriods(required, 1 - count)), to: formatPeriod(required), count };
}

/**
 * The straight-line trajectory from baseline to target at a period (the chart's expected line).
 * @example expectedValueAt(def, '2024') // 7.8 + (6.5 − 7.8) × 2/3 ≈ 6.93
 */
export function expectedValueAt(def: KpiDefinition, period: string): number {
	const problem = validateKpiDefinition(def);
	if (problem) throw new Error(`Invalid KPI definition: ${problem}`);
	const at = mustParseFor(period, def.frequency);
	const baseline = mustParse(def.baseline.period);
	const share = clamp(periodsBetween(baseline, at) / periodsBetween(baseline, mustParse(def.target.period)), 0, 1);
	return def.baseline.value + (def.target.value - def.baseline.value) * share;
}

function judge(
	def: KpiDefinition,
	value: number,
	expectedShare: number,
	targetPassed: boolean
): { status: KpiStatus; achievedShare: number | null } {
	const b = def.baseline.value;
	const t = def.target.value;
	if (t === b) {
		const holds = def.direction === 'lower' ? value <= t + EPSILON : value >= t - EPSILON;
		if (targetPassed) return { status: holds ? 'achieved' : 'missed', achievedShare: null };
		return { status: holds ? 'on_track' : 'off_track', achievedShare: null };
	}
	const achievedShare = (value - b) / (t - b);
	let status: KpiStatus;
	if (achievedShare >= 1 - EPSILON) status = 'achieved';
	else if (targetPassed) status = 'missed';
	else if (achievedShare >= expectedShare - ON_TRACK_MARGIN - EPSILON) status = 'on_track';
	else if (achievedShare >= expectedShare - AT_RISK_MARGIN - EPSILON) status = 'at_risk';
	else status = 'off_track';
	return { status, achievedShare };
}

interface IndexedObservation {
	period: Period;
	point: ObservationPoint;
}

/** Observations by period ordinal; a malformed, foreign or repeated period is a programming error. */
function indexObservations(
	frequency: Frequency,
	observations: readonly ObservationPoint[]
): Map<number, IndexedObservation> {
	const byOrdinal = new Map<number, IndexedObservation>();
	for (const { period: text, value } of observations) {
		const period = mustParseFor(text, frequency);
		if (formatPeriod(period) !== text) throw new Error(`Observation period not canonical: "${text}"`);
		if (!Number.isFinite(value)) throw new Error(`Observation ${text} is not a finite number`);
		const ordinal = periodOrdinal(period);
		if (byOrdinal.has(ordinal)) throw new Error(`Two observations for period ${text}`);
		byOrdinal.set(ordinal, { period, point: { period: text, value } });
	}
	return byOrdinal;
}

/** The newest observation after the baseline period whose period has started by asOf. */
function findLatest(
	byOrdinal: ReadonlyMap<number, IndexedObservation>,
	baseline: Period,
	asOf: string
): IndexedObservation | null {
	const baselineOrdinal = periodOrdinal(baseline);
	let latest: IndexedObservation | null = null;
	for (const [ordinal, observation] of byOrdinal) {
		if (ordinal <= baselineOrdinal || periodStart(observation.period) > asOf) continue;
		if (!latest || ordinal > periodOrdinal(latest.period)) latest = observation;
	}
	return latest;
}

function mustParse(text: string): Period {
	const period = parsePeriod(text);
	if (!period) throw new RangeError(`Malformed period: "${text}"`);
	return period;
}

function mustParseFor(text: string, frequency: Frequency): Period {
	const result = parsePeriodFor(text, frequency);
	if (!result.ok) throw new RangeError(`Period "${text}" is ${result.error} for a ${frequency} KPI`);
	return result.period;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
