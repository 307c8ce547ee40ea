import { describe, expect, it } from 'vitest';
import { computeKpiProgress, type KpiDefinition } from './progress';
import { kpiStatusText, missingRunText, recommendationStatusText, statusReason } from './status-text';
import { AS_OF, rollingValues, sickLeave, sickLeaveMonthly } from './progress.test-fixtures';

const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');
const kpi = { name: 'Sygefravær', unit: 'percent' as const, decimals: 1, definition: sickLeave };
const reason = (def: KpiDefinition, values: { period: string; value: number }[], asOf = AS_OF) =>
	nbsp(statusReason({ ...kpi, definition: def }, computeKpiProgress(def, values, asOf)));

describe('missingRunText', () => {
	it('names every missing period of a short run, the shared year once', () => {
		expect(missingRunText({ from: '2026-09', to: '2026-10', count: 2 })).toBe('mangler september og oktober 2026');
		expect(missingRunText({ from: '2026-07', to: '2026-09', count: 3 })).toBe('mangler juli, august og september 2026');
		expect(missingRunText({ from: '2025-12', to: '2026-01', count: 2 })).toBe('mangler december 2025 og januar 2026');
		expect(missingRunText({ from: '2024', to: '2025', count: 2 })).toBe('mangler 2024 og 2025');
		expect(missingRunText({ from: '2026-Q3', to: '2026-Q3', count: 1 })).toBe('mangler 3. kvartal 2026');
	});

	it('names a long run by its count and ends', () => {
		expect(missingRunText({ from: '2025-09', to: '2026-10', count: 14 })).toBe(
			'mangler 14 måneder fra september 2025 til oktober 2026'
		);
	});
});

describe('kpiStatusText and recommendationStatusText', () => {
	it('adds the missing run to the status word', () => {
		expect(kpiStatusText({ status: 'off_track', missingRun: { from: '2026-08', to: '2026-09', count: 2 } })).toBe(
			'Bagud · mangler august og september 2026'
		);
		expect(kpiStatusText({ status: 'missed', missingRun: null })).toBe('Ikke nået');
	});

	it('keeps the overdue follow-up items (the DOCX dropped "1 over tid")', () => {
		expect(
			recommendationStatusText({
				source: 'follow_up',
				progress: { total: 3, done: 1, due: 2, overdue: 1 },
				override: null,
				status: null,
				computed: null
			})
		).toBe('1 af 3 opfølgningspunkter færdige · 1 over tid');
	});

	it('counts follow-up items in Danish: one item, none yet', () => {
		const text = (total: number, done: number) =>
			recommendationStatusText({
				source: 'follow_up',
				progress: { total, done, due: 0, overdue: 0 },
				override: null,
				status: null,
				computed: null
			});
		expect(text(1, 1)).toBe('1 af 1 opfølgningspunkt færdigt');
		expect(text(1, 0)).toBe('0 af 1 opfølgningspunkt færdigt');
		expect(text(0, 0)).toBe('Ingen opfølgningspunkter endnu');
		expect(text(2, 0)).toBe('0 af 2 opfølgningspunkter færdige');
	});

	it('marks an override with the computed status and the reason', () => {
		expect(
			recommendationStatusText({
				source: 'kpi',
				status: 'on_track',
				computed: 'missed',
				override: { status: 'on_track', reason: 'Ny måling på vej' }
			})
		).toBe('På sporet (Tilsidesat af direktør. Beregnet status: Ikke nået. Begrundelse: Ny måling på vej)');
	});
});

describe('statusReason', () => {
	it('missed: the value against the target, and the target year has passed', () => {
		expect(reason(sickLeave, [{ period: '2025', value: 6.9 }])).toBe(
			'Sygefravær: 6,9 % i 2025 mod målet 6,5 % i 2025; målåret er passeret.'
		);
	});

	it('on the way: how far, against how far was expected', () => {
		expect(reason(sickLeave, [{ period: '2024', value: 7.0 }])).toBe(
			'Sygefravær: 7,0 % i 2024, 62 % af vejen mod målet 6,5 % i 2025, hvor 67 % var ventet.'
		);
	});

	it('achieved, worse than baseline, no data', () => {
		expect(reason(sickLeave, [{ period: '2024', value: 6.4 }])).toBe(
			'Sygefravær: 6,4 % i 2024 mod målet 6,5 % i 2025; målet er nået.'
		);
		expect(reason(sickLeave, [{ period: '2024', value: 8.1 }])).toBe(
			'Sygefravær: 8,1 % i 2024. Det er længere fra målet 6,5 % i 2025 end baseline 7,8 %.'
		);
		expect(reason(sickLeave, [])).toBe('Sygefravær: ingen målinger efter baseline (2022).');
	});

	it('hold the level', () => {
		const hold = { ...sickLeave, target: { value: 7.8, period: '2025' } };
		expect(reason(hold, [{ period: '2024', value: 7.9 }])).toBe(
			'Sygefravær: 7,9 % i 2024. Niveauet 7,8 % skal holdes til 2025, og det er ikke holdt.'
		);
	});

	it('the rolling year says it is a mean, and says when it fell back to the latest value', () => {
		const monthly: KpiDefinition = { ...sickLeaveMonthly, assessment: 'rolling_year' };
		const values = rollingValues;
		expect(reason(monthly, values, '2025-01-15')).toBe(
			'Sygefravær: 7,1 % i gennemsnit de seneste 12 måneder til og med december 2024, 53 % af vejen mod målet 6,5 % i december 2025, hvor 67 % var ventet.'
		);
		expect(reason(monthly, values.slice(7), '2025-01-15')).toBe(
			'Sygefravær: 8,4 % i december 2024. Det er længere fra målet 6,5 % i december 2025 end baseline 7,8 %. Kun 5 af 12 perioder har en værdi, så den seneste værdi er vurderet.'
		);
	});
});
