/** KPI definitions shared by the progress tests (DESIGN §3 vectors and simple boundary cases). */
import type { KpiDefinition } from './progress';

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
