/** KPI definitions shared by the progress tests (DESIGN §3 vectors and simple boundary cases). */
import type { KpiDefinition, ObservationPoint } from './progress';

export const AS_OF = '2026-11-22';

/** DESIGN §3: yearly KPI, lower is better, B = 7.8 in 2022, T = 6.5 in 2025. */
export const sickLeave: KpiDefinition = {
	direction: 'lower',
	frequency: 'year',
	baseline: { value: 7.8, period: '2022' },
	target: { value: 6.5, period: '2025' }
};

/** DESIGN §3: monthly KPI, higher is better, B = 17.5 in 2016-05, T = 25 in 2017-12. */
export const monthly: KpiDefinition = {
	direction: 'higher',
	frequency: 'month',
	baseline: { value: 17.5, period: '2016-05' },
	target: { value: 25, period: '2017-12' }
};

/** Lower is better, B = 5 in 2020, T = 3 in 2022: an observation in 2021 is expected at E = 0.5. */
export const halfway: KpiDefinition = {
	direction: 'lower',
	frequency: 'year',
	baseline: { value: 5, period: '2020' },
	target: { value: 3, period: '2022' }
};

/** DESIGN §3 rolling-year vector: monthly, lower is better, B = 7.8 in 2022-12, T = 6.5 in 2025-12. */
export const sickLeaveMonthly: KpiDefinition = {
	direction: 'lower',
	frequency: 'month',
	baseline: { value: 7.8, period: '2022-12' },
	target: { value: 6.5, period: '2025-12' }
};

/** The values `value` for the months `from`…`to` of a year. */
export const months = (year: number, from: number, to: number, value: number): ObservationPoint[] =>
	Array.from({ length: to - from + 1 }, (_, i) => ({ period: `${year}-${String(from + i).padStart(2, '0')}`, value }));

/** DESIGN §3 rolling-year vector's values: 7,0 in 2024-01 … 2024-11 and 8,4 in 2024-12. */
export const rollingValues: ObservationPoint[] = [...months(2024, 1, 11, 7.0), { period: '2024-12', value: 8.4 }];
