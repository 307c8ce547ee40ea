/** The wall-clock time in Europe/Copenhagen, which both export formats show (times are stored in UTC). */
export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const copenhagen = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Copenhagen',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/**
 * The moment's date and time on a clock in Copenhagen (summer and winter time alike).
 * @example copenhagenWallClock(new Date('2026-11-22T07:15:00Z')) // { …, hour: 8, minute: 15, … }
 */
export function copenhagenWallClock(moment: Date): WallClock {
	if (Number.isNaN(moment.getTime())) throw new RangeError('Invalid Date');
	const parts = copenhagen.formatToParts(moment);
	const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
	return {
		year: part('year'),
		month: part('month'),
		day: part('day'),
		hour: part('hour'),
		minute: part('minute'),
		second: part('second')
	};
}
