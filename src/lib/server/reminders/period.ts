import type { ReminderFrequency } from '../../../../db/types';

/**
 * The ISO 8601 week of a date, as 'YYYY-Www' (the week's Thursday decides the year).
 * @example isoWeekKey('2026-12-01') // '2026-W49'
 */
export function isoWeekKey(date: string): string {
	const day = new Date(`${date}T00:00:00Z`);
	const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
	const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
	const year = thursday.getUTCFullYear();
	const firstThursday = new Date(Date.UTC(year, 0, 4));
	const firstWeekMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000;
	const week = 1 + Math.floor((thursday.getTime() - firstWeekMonday) / (7 * 86_400_000));
	return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The digest period a date falls in for a frequency: its ISO week or its month.
 * @example periodKey('weekly', '2026-12-01') // '2026-W49'; periodKey('monthly', '2026-12-01') // '2026-12'
 */
export function periodKey(frequency: Exclude<ReminderFrequency, 'off'>, date: string): string {
	return frequency === 'weekly' ? isoWeekKey(date) : date.slice(0, 7);
}
