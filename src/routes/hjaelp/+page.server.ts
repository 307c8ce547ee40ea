import type { PageServerLoad } from './$types';
import { computeKpiProgress } from '$lib/domain/progress';

// Public: it explains the rules and holds no data. The example is computed by the same rules as everything else.
export const load: PageServerLoad = async () => {
	const definition = {
		direction: 'lower',
		frequency: 'year',
		baseline: { value: 7.8, period: '2022' },
		target: { value: 6.5, period: '2025' }
	} as const;
	const progress = computeKpiProgress(definition, [{ period: '2024', value: 7.0 }], '2024-12-31');
	return { example: { definition, latest: 7.0, progress } };
};
