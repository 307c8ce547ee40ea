import { describe, expect, test } from 'vitest';
import { comparisonValuesSchema } from './comparison';

const parse = (frequency: Parameters<typeof comparisonValuesSchema>[0], lines: string) =>
	comparisonValuesSchema(frequency).safeParse({ comparisonId: '3', lines });
const message = (result: ReturnType<typeof parse>) => result.error?.issues[0].message;

/** Comparison lines read their periods with the one Danish period parser, as the value forms and imports do. */
describe('comparisonValuesSchema: periods in Danish wording', () => {
	test('month lines written okt 2024, oktober 2024, 10-2024, nov-25 and 2024-12, by tab, semicolon or space', () => {
		const result = parse('month', 'okt 2024\t6,9\noktober 2024;7\n\n10-2024  7,1\nnov-25 6,8 %\n2024-12 7,2');
		expect(result.data?.lines).toEqual([
			{ period: '2024-10', value: 6.9 },
			{ period: '2024-10', value: 7 },
			{ period: '2024-10', value: 7.1 },
			{ period: '2025-11', value: 6.8 },
			{ period: '2024-12', value: 7.2 }
		]);
	});

	test('half-year and quarter wordings with spaces in them stay whole', () => {
		expect(parse('half', '1. halvår 2025 6,9\nH2 2025;7').data?.lines).toEqual([
			{ period: '2025-H1', value: 6.9 },
			{ period: '2025-H2', value: 7 }
		]);
		expect(parse('quarter', '3. kvt. 2024\t6,9\n2. kvartal 2024 7\nQ4 2024;1.234,5').data?.lines).toEqual([
			{ period: '2024-Q3', value: 6.9 },
			{ period: '2024-Q2', value: 7 },
			{ period: '2024-Q4', value: 1234.5 }
		]);
	});

	test('a period of another frequency or an unreadable one names the line and the forms of the KPI’s frequency only', () => {
		expect(message(parse('month', '2024-Q3;6,9\nokt 2024;7'))).toBe(
			'Linje 1: Perioden passer ikke til nøgletallets frekvens (måned). Perioden skal være en måned, fx 2024-10, 10-2024, okt 2024 eller oktober 2024.'
		);
		expect(message(parse('month', 'okt 2024;7\nsommer;7'))).toBe(
			'Linje 2: Perioden skal være en måned, fx 2024-10, 10-2024, okt 2024 eller oktober 2024.'
		);
		expect(message(parse('year', '2024;x'))).toMatch(/^Linje 1: /);
	});
});
