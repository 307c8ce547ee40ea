import { describe, expect, test } from 'vitest';
import { followUpTaskState, isValueDueSoon, responsibleForKpi, sortTasks, valueDeadline, type Task } from './rules';

describe('value deadlines (DESIGN §3: overdue 30 days after the period ended)', () => {
	test('the last day before a value is overdue', () => {
		expect(valueDeadline('2026-10')).toBe('2026-11-29');
		expect(valueDeadline('2026-Q3')).toBe('2026-10-29');
		expect(valueDeadline('2025')).toBe('2026-01-29');
	});

	test('a value is due soon from 14 days before its deadline', () => {
		expect(isValueDueSoon('2026-10', '2026-11-14')).toBe(false);
		expect(isValueDueSoon('2026-10', '2026-11-15')).toBe(true);
		expect(isValueDueSoon('2026-10', '2026-11-29')).toBe(true);
	});
});

describe('follow-up items as tasks', () => {
	test('due this month or overdue, never when done', () => {
		expect(followUpTaskState({ duePeriod: '2026-Q4', state: 'in_progress' }, '2026-12-03')).toEqual({
			due: '2026-12-31',
			overdue: false
		});
		expect(followUpTaskState({ duePeriod: '2026-Q4', state: 'not_started' }, '2026-11-22')).toBeNull();
		expect(followUpTaskState({ duePeriod: '2026-H1', state: 'postponed' }, '2026-11-22')).toEqual({
			due: '2026-06-30',
			overdue: true
		});
		expect(followUpTaskState({ duePeriod: '2025', state: 'done' }, '2026-11-22')).toBeNull();
		// On its last day the item is due, not yet overdue.
		expect(followUpTaskState({ duePeriod: '2026-11', state: 'in_progress' }, '2026-11-30')).toEqual({
			due: '2026-11-30',
			overdue: false
		});
	});
});

describe('who answers for a KPI (issue 19 fallback)', () => {
	test('assigned people first, then the responsible user, then the directors', () => {
		expect(responsibleForKpi([3], [5, 3], [9])).toEqual({ kind: 'assigned', userIds: [3, 5] });
		expect(responsibleForKpi([], [], [9, 9])).toEqual({ kind: 'responsible', userIds: [9] });
		expect(responsibleForKpi([], [], [])).toEqual({ kind: 'directors', userIds: [] });
	});
});

describe('sortTasks', () => {
	const task = (subjectKey: string, due: string | null, overdue: boolean): Task => ({
		kind: 'value_due',
		subjectKey,
		title: subjectKey,
		detail: '',
		href: '/',
		due,
		overdue
	});
	test('overdue first, then by due date, undated last, ties by key', () => {
		const sorted = sortTasks([
			task('e', null, false),
			task('d', '2026-12-01', false),
			task('c', '2026-11-01', true),
			task('b', '2026-10-01', true),
			task('a', '2026-12-01', false)
		]);
		expect(sorted.map((t) => t.subjectKey)).toEqual(['b', 'c', 'a', 'd', 'e']);
	});
});
