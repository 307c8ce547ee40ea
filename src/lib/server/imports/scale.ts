import { t } from '../messages';
import { formatPercent } from '../../domain/format';
import { observationKey, type StoredObservation } from '../kpis';
import { decimalsNeeded } from '../../domain/numbers';
import type { RowDraft } from './row-fields';

/**
 * Warns on a `%` KPI's value that looks written as a fraction (0,069 where the KPI's other values are
 * around 7): the row stays importable, as the person may mean it, but the preview says so on that line.
 * Only values below 1 that are about a hundredth of the typical size of the KPI's other values (stored
 * and in the same import, median of those of 1 or more) are marked; a percent-formatted cell never is.
 */
export function markScaleDoubts(drafts: readonly RowDraft[], stored: ReadonlyMap<string, StoredObservation>): void {
	const candidates = drafts.filter(
		(draft) =>
			draft.kpi?.unit === 'percent' &&
			!draft.percentCell &&
			draft.value !== null &&
			draft.value !== 0 &&
			Math.abs(draft.value) < 1
	);
	if (candidates.length === 0) return;
	const typical = typicalSizes(drafts, stored, new Set(candidates.map((draft) => draft.kpi!.id)));
	for (const draft of candidates) {
		const size = typical.get(draft.kpi!.id);
		const scaled = Math.abs(draft.value!) * 100;
		if (size === undefined || scaled < size / 3 || scaled > size * 3) continue;
		const decimals = Math.max(draft.kpi!.decimals, decimalsNeeded(draft.value!));
		draft.warnings.push(
			t('import.percent_scale_doubt', {
				value: formatPercent(draft.value!, decimals),
				typical: formatPercent(size, draft.kpi!.decimals)
			})
		);
	}
}

/** The median size of each KPI's values of 1 or more, stored and imported (the stored one a row replaces left out). */
function typicalSizes(
	drafts: readonly RowDraft[],
	stored: ReadonlyMap<string, StoredObservation>,
	kpiIds: ReadonlySet<number>
): Map<number, number> {
	const sizes = new Map<number, number[]>();
	const imported = new Set<string>();
	const add = (kpiId: number, value: number) => {
		if (Math.abs(value) < 1) return;
		const list = sizes.get(kpiId);
		if (list) list.push(Math.abs(value));
		else sizes.set(kpiId, [Math.abs(value)]);
	};
	for (const draft of drafts) {
		if (!draft.kpi || !kpiIds.has(draft.kpi.id) || draft.value === null) continue;
		add(draft.kpi.id, draft.value);
		if (draft.period) imported.add(observationKey(draft.kpi.id, draft.period));
	}
	for (const [key, observation] of stored) {
		const kpiId = Number(key.slice(0, key.indexOf('/')));
		if (kpiIds.has(kpiId) && !imported.has(key)) add(kpiId, observation.value);
	}
	const medians = new Map<number, number>();
	for (const [kpiId, values] of sizes) {
		const sorted = values.sort((a, b) => a - b);
		const middle = Math.floor(sorted.length / 2);
		medians.set(kpiId, sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
	}
	return medians;
}
