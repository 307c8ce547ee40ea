import { describe, expect, test } from 'vitest';
import { columnWidths, TEXT_WIDTH } from './docx-parts';

const kpiHeadings = ['Nøgletal', 'Baseline', 'Seneste', 'Mål', 'Status'];
const kpiRows = [
	[
		'Sygefravær, Velfærdsområdet (måned)',
		'7,9 % (december 2022)',
		'6,7 % (december 2025)',
		'6,0 % (december 2027)',
		'På sporet'
	],
	['Personaleomsætning', '18 % (2022)', '16 % (2025)', '15 % (2025)', 'Bagud · mangler 2025']
];

describe('columnWidths', () => {
	test('a KPI table fills the text block exactly, its name column the widest', () => {
		const widths = columnWidths(kpiHeadings, kpiRows);
		expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
		expect(widths[0]).toBe(Math.max(...widths));
		// No column narrower than its longest word ('Personaleomsætning', 'Velfærdsområdet').
		expect(widths[0]).toBeGreaterThan(18 * 95);
	});

	test('never wider than the block, even with very long words; compact tables keep their natural width', () => {
		const long = columnWidths(['a', 'b'], [['x'.repeat(200), 'y'.repeat(150)]]);
		expect(long.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
		const compact = columnWidths(['Periode', 'Værdi'], [['1. kvartal 2024', '7,0 %']], TEXT_WIDTH, true);
		expect(compact.reduce((a, b) => a + b, 0)).toBeLessThan(TEXT_WIDTH / 2);
		expect(compact[1]).toBeGreaterThanOrEqual(6 * 95);
	});
});
