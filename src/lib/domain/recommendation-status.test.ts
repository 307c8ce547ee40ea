import { describe, expect, it } from 'vitest';
import type { KpiStatus } from './progress';
import {
	combineKpiStatuses,
	followUpProgress,
	resolveRecommendationStatus,
	summariseStatuses,
	type FollowUpState,
	type RecommendationStatus
} from './recommendation-status';

const kpi = (status: KpiStatus, primary = false) => ({ status, primary });
const item = (duePeriod: string, state: FollowUpState) => ({ duePeriod, state });
const AS_OF = '2026-11-22';

describe('combineKpiStatuses', () => {
	it('is null without KPIs', () => {
		expect(combineKpiStatuses([])).toBeNull();
	});

	it('takes the worst status, in the order off_track < at_risk < on_track < achieved', () => {
		expect(combineKpiStatuses([kpi('achieved'), kpi('on_track')])).toBe('on_track');
		expect(combineKpiStatuses([kpi('on_track'), kpi('at_risk'), kpi('achieved')])).toBe('at_risk');
		expect(combineKpiStatuses([kpi('at_risk'), kpi('off_track')])).toBe('off_track');
		expect(combineKpiStatuses([kpi('achieved'), kpi('achieved')])).toBe('achieved');
	});

	it('looks only at primary KPIs when any is primary', () => {
		expect(combineKpiStatuses([kpi('achieved', true), kpi('off_track')])).toBe('achieved');
		expect(combineKpiStatuses([kpi('on_track', true), kpi('at_risk', true), kpi('off_track')])).toBe('at_risk');
	});

	it('passes over no_data unless every considered KPI has no data', () => {
		expect(combineKpiStatuses([kpi('no_data'), kpi('on_track')])).toBe('on_track');
		expect(combineKpiStatuses([kpi('off_track'), kpi('no_data')])).toBe('off_track');
		expect(combineKpiStatuses([kpi('no_data'), kpi('no_data')])).toBe('no_data');
		// A primary KPI without data does not hand the decision to the non-primary ones.
		expect(combineKpiStatuses([kpi('no_data', true), kpi('off_track')])).toBe('no_data');
	});

	it('does not depend on the order of the list', () => {
		const list = [kpi('achieved'), kpi('no_data'), kpi('at_risk'), kpi('on_track')];
		expect(combineKpiStatuses(list)).toBe('at_risk');
		expect(combineKpiStatuses([...list].reverse())).toBe('at_risk');
	});
});

describe('followUpProgress', () => {
	it('counts total, done, due and overdue', () => {
		const items = [
			item('2025', 'done'),
			item('2025-H2', 'in_progress'),
			item('2026-Q3', 'postponed'),
			item('2026-Q4', 'done'),
			item('2027', 'not_started')
		];
		expect(followUpProgress(items, AS_OF)).toEqual({ total: 5, done: 2, due: 3, overdue: 2 });
	});

	it('counts an item as due from the last day of its period', () => {
		expect(followUpProgress([item('2026-11', 'not_started')], '2026-11-29').due).toBe(0);
		expect(followUpProgress([item('2026-11', 'not_started')], '2026-11-30')).toEqual({
			total: 1,
			done: 0,
			due: 1,
			overdue: 1
		});
	});

	it('is all zero for no items', () => {
		expect(followUpProgress([], AS_OF)).toEqual({ total: 0, done: 0, due: 0, overdue: 0 });
	});

	it('throws on a malformed due period or as-of date', () => {
		expect(() => followUpProgress([item('primo 2024', 'done')], AS_OF)).toThrow(RangeError);
		expect(() => followUpProgress([], '2026-11-31')).toThrow(RangeError);
	});
});

describe('resolveRecommendationStatus', () => {
	it('uses the combined KPI status when there are KPIs', () => {
		expect(
			resolveRecommendationStatus({
				kpis: [kpi('on_track', true), kpi('at_risk', true)],
				followUpItems: [item('2025', 'not_started')],
				override: null,
				asOf: AS_OF
			})
		).toEqual({ source: 'kpi', status: 'at_risk', computed: 'at_risk', override: null });
	});

	it('lets an override win and keeps the computed status beside it', () => {
		const override = { status: 'on_track' as const, reason: 'Nye tal fra HR viser fremgang.' };
		expect(
			resolveRecommendationStatus({
				kpis: [kpi('off_track')],
				followUpItems: [],
				override,
				asOf: AS_OF
			})
		).toEqual({ source: 'kpi', status: 'on_track', computed: 'off_track', override });
	});

	it('shows follow-up progress for a recommendation without KPIs', () => {
		expect(
			resolveRecommendationStatus({
				kpis: [],
				followUpItems: [item('2025', 'done'), item('2026-H1', 'in_progress'), item('2027', 'done')],
				override: null,
				asOf: AS_OF
			})
		).toEqual({
			source: 'follow_up',
			progress: { total: 3, done: 2, due: 2, overdue: 1 },
			override: null,
			status: null,
			computed: null
		});
	});

	it('shows an override on a recommendation without KPIs as its status', () => {
		const override = { status: 'at_risk' as const, reason: 'Evalueringen er forsinket.' };
		const result = resolveRecommendationStatus({ kpis: [], followUpItems: [], override, asOf: AS_OF });
		expect(result).toMatchObject({ source: 'follow_up', status: 'at_risk', computed: null, override });
	});

	it('refuses an override without a written reason', () => {
		const input = {
			kpis: [kpi('off_track')],
			followUpItems: [],
			override: { status: 'on_track' as const, reason: '   ' },
			asOf: AS_OF
		};
		expect(() => resolveRecommendationStatus(input)).toThrow(/reason/);
	});
});

describe('summariseStatuses', () => {
	const withKpis = (status: KpiStatus): RecommendationStatus => ({
		source: 'kpi',
		status,
		computed: status,
		override: null
	});
	const withoutKpis = (status: KpiStatus | null): RecommendationStatus => ({
		source: 'follow_up',
		progress: { total: 1, done: 0, due: 0, overdue: 0 },
		override: status ? { status, reason: 'Begrundelse' } : null,
		status,
		computed: null
	});

	it('counts by effective status, best first, leaving out empty groups', () => {
		const statuses = [
			withKpis('on_track'),
			withoutKpis(null),
			withKpis('off_track'),
			withKpis('no_data'),
			withKpis('on_track'),
			withoutKpis('at_risk'),
			withKpis('achieved')
		];
		expect(summariseStatuses(statuses)).toEqual([
			{ key: 'achieved', count: 1 },
			{ key: 'on_track', count: 2 },
			{ key: 'at_risk', count: 1 },
			{ key: 'off_track', count: 1 },
			{ key: 'no_data', count: 1 },
			{ key: 'follow_up', count: 1 }
		]);
	});

	it('is empty for no recommendations', () => {
		expect(summariseStatuses([])).toEqual([]);
	});
});
