import { describe, expect, test } from 'vitest';
import { dot, fitOls, quadraticForm } from './forecast-ols';

describe('fitOls', () => {
	test('an exact line: the coefficients, s = 0 and (XᵀX)⁻¹', () => {
		const fit = fitOls(
			[
				[1, 0],
				[1, 1],
				[1, 2]
			],
			[1, 3, 5]
		);
		expect(fit?.coefficients[0]).toBeCloseTo(1, 12);
		expect(fit?.coefficients[1]).toBeCloseTo(2, 12);
		expect(fit).toMatchObject({ residualSd: 0, df: 1, n: 3 });
		// XᵀX = [[3, 3], [3, 5]], its inverse [[5, −3], [−3, 3]] / 6.
		expect(fit?.inverse.flat().map((v) => v * 6)).toEqual([5, -3, -3, 3].map((v) => expect.closeTo(v, 10)));
	});

	test('a noisy line: s² = RSS / (n − p)', () => {
		const fit = fitOls(
			[0, 1, 2, 3].map((x) => [1, x]),
			[0, 2, 1, 3]
		);
		// ŷ = 0.3 + 0.8x; residuals −0.3, 0.9, −0.9, 0.3 → RSS 1.8, s² = 0.9.
		expect(fit?.coefficients[1]).toBeCloseTo(0.8, 12);
		expect(fit?.rss).toBeCloseTo(1.8, 12);
		expect(fit?.residualSd).toBeCloseTo(Math.sqrt(0.9), 12);
	});

	test('a singular design (a column without data) or no residual degree of freedom gives null', () => {
		expect(
			fitOls(
				[
					[1, 0],
					[1, 0],
					[1, 0]
				],
				[1, 2, 3]
			)
		).toBeNull();
		expect(
			fitOls(
				[
					[1, 0],
					[1, 1]
				],
				[1, 2]
			)
		).toBeNull();
		expect(fitOls([], [])).toBeNull();
	});
});

test('dot and quadraticForm', () => {
	expect(dot([1, 2], [3, 4])).toBe(11);
	expect(
		quadraticForm(
			[
				[2, 1],
				[1, 3]
			],
			[1, 2]
		)
	).toBe(18);
});
