import { describe, expect, test } from 'vitest';
import { dateText, decimalText, idParam, idText, MAX_ABS_DECIMAL } from './fields';
import { reportAsOfSchema, reportMeetingSchema } from './annual-report';
import { recommendationFormSchema, rowRef } from './register';

/** The one id rule: forms take an id only as the API's path takes it. */
describe('idText', () => {
	test('takes plain digits and refuses 01, 1.0, 0x1, +1, 1e3 and the empty text, with the message given', () => {
		const rule = idText(false, 'Ugyldigt valg.');
		expect(rule.parse(' 17 ')).toBe(17);
		for (const bad of ['01', '1.0', '0x1', '+1', '1e3', '', '0', '-1', '1234567890123456']) {
			expect([bad, rule.safeParse(bad).error?.issues[0].message]).toEqual([bad, 'Ugyldigt valg.']);
		}
		expect(idText(true, 'Ugyldigt valg.').parse('')).toBeNull();
	});

	test('is what the register forms use for row and programme ids', () => {
		expect(rowRef.parse({ id: '7', version: '2' })).toEqual({ id: 7, version: 2 });
		expect(rowRef.safeParse({ id: '0x7', version: '2' }).success).toBe(false);
		expect(
			recommendationFormSchema
				.safeParse({ programmeId: '01', number: '1', title: 'X' })
				.error?.issues.map((i) => i.path.join('.'))
		).toEqual(['programmeId']);
	});
});

describe('idParam: the same id rule for paths and queries', () => {
	test('plain digits without a leading zero are an id; 01, 1.0, 0x1, 0, -1 and 16 digits are not', () => {
		expect(idParam.parse('7')).toBe(7);
		expect(idParam.parse('123456789012345')).toBe(123456789012345);
		for (const text of ['01', '1.0', '0x1', '0', '-1', '1e3', '', '1234567890123456'])
			expect(idParam.safeParse(text).success, text).toBe(false);
	});
});

describe('decimalText: the one rule for a number a person writes', () => {
	const message = (text: string, separator?: ',' | '.' | 'auto') => {
		const parsed = decimalText(separator).safeParse(text);
		return parsed.success ? parsed.data : parsed.error.issues[0].message;
	};

	test('Danish and Excel notation become a number', () => {
		expect(message('7,4')).toBe(7.4);
		expect(message('7,4 %')).toBe(7.4);
		expect(message('1.234')).toBe(1234);
		expect(message('1.234,5')).toBe(1234.5);
		expect(message('-0,5')).toBe(-0.5);
		expect(message('1.5', '.')).toBe(1.5);
	});

	test('what is not a number, and what is too large, is refused with its Danish reason', () => {
		expect(message('syv')).toBe('Skriv et tal, fx 7,4.');
		expect(message('')).toBe('Skriv et tal, fx 7,4.');
		// The same message in the KPI form, the entry form, pasted comparison lines and imports (the KPI form said "Skriv et tal").
		expect(message(String(MAX_ABS_DECIMAL))).toBe('Tallet er uden for det tilladte område.');
		expect(message('9'.repeat(400))).toBe('Tallet er uden for det tilladte område.');
		expect(decimalText().safeParse(7.4).success).toBe(false);
	});
});

describe('typedDateText: a date a person types, in the report forms', () => {
	test('the meeting date takes Danish dates and ISO, empty is no date, and a non-date gets the field’s own message', () => {
		const meeting = (meetingDate: string) =>
			reportMeetingSchema.safeParse({ caseNumber: '', committee: '', meetingDate });
		for (const typed of ['14.01.2026', '14-01-2026', '14/01/2026', '2026-01-14', ' 14.1.2026 '])
			expect([typed, meeting(typed).data?.meetingDate]).toEqual([typed, '2026-01-14']);
		expect(meeting('').data?.meetingDate).toBeNull();
		for (const bad of ['31.02.2026', '14.01.26', 'næste torsdag'])
			expect([bad, meeting(bad).error?.issues[0].message]).toEqual([
				bad,
				'Skriv mødedatoen som en dato, fx 14.01.2026, eller lad feltet stå tomt.'
			]);
	});

	test('the as-of date is required, read the same way, and the API’s ISO-only date stays ISO-only', () => {
		expect(reportAsOfSchema.parse({ version: '1', asOf: '30.06.2025' }).asOf).toBe('2025-06-30');
		expect(reportAsOfSchema.safeParse({ version: '1', asOf: '' }).error?.issues[0].message).toBe('Skal udfyldes.');
		expect(reportAsOfSchema.safeParse({ version: '1', asOf: '30.6' }).error?.issues[0].message).toBe(
			'Skriv opgørelsesdatoen som en dato, fx 31.12.2025.'
		);
		expect(dateText(false).safeParse('30.06.2025').error?.issues[0].message).toBe(
			'Skriv datoen som år-måned-dag, fx 2026-11-22.'
		);
	});
});
