import { describe, expect, test } from 'vitest';
import { idText } from './fields';
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
		expect(recommendationFormSchema.safeParse({ programmeId: '01', number: '1', title: 'X' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['programmeId']);
	});
});
