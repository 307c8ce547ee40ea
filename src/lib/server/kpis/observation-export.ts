import type { Unit } from '../../../../db/types';
import type { Db } from '../infra/db';
import { parseDecimal } from '../../domain/numbers';

type Executor = Db;

/** Which observations to export: all of the organisation's, one KPI's, or those of one recommendation's KPIs. */
export type ObservationExportScope =
	{ kind: 'all' } | { kind: 'kpi'; kpiId: number } | { kind: 'recommendation'; recommendationId: number };

/** One observation with its KPI and the name of whoever entered it. */
export interface ObservationExportRow {
	kpiId: number;
	kpiName: string;
	unit: Unit;
	decimals: number;
	period: string;
	value: number;
	comment: string;
	source: string;
	seriesBreak: boolean;
	enteredBy: string | null;
	enteredAt: Date;
}

/** KPI names in Danish alphabetical order (æ, ø, å after z), the same on PGlite and PostgreSQL. */
const danishOrder = new Intl.Collator('da', { sensitivity: 'variant', numeric: true });

/**
 * The organisation's observations in one query, ordered by KPI name, then period. Archived KPIs are
 * left out unless asked for by id; another organisation's KPI or recommendation id yields no rows.
 * @example const rows = await listObservationsForExport(db, organisationId, { kind: 'kpi', kpiId: 7 });
 */
export async function listObservationsForExport(
	db: Executor,
	organisationId: number,
	scope: ObservationExportScope
): Promise<ObservationExportRow[]> {
	let query = db
		.selectFrom('observation as o')
		.innerJoin('kpi as k', (join) =>
			join.onRef('k.id', '=', 'o.kpiId').onRef('k.organisationId', '=', 'o.organisationId')
		)
		.leftJoin('appUser as u', 'u.id', 'o.enteredBy')
		.where('o.organisationId', '=', organisationId)
		.select([
			'k.id as kpiId',
			'k.name as kpiName',
			'k.unit',
			'k.decimals',
			'o.period',
			'o.value',
			'o.comment',
			'o.source',
			'o.seriesBreak',
			'u.name as enteredBy',
			'o.enteredAt'
		]);
	if (scope.kind === 'kpi') {
		query = query.where('k.id', '=', scope.kpiId);
	} else {
		query = query.where('k.archivedAt', 'is', null);
	}
	if (scope.kind === 'recommendation') {
		// A subquery, not a join: a KPI linked once or twice must still give each observation once.
		query = query.where('k.id', 'in', (sub) =>
			sub
				.selectFrom('recommendationKpi as rk')
				.select('rk.kpiId')
				.where('rk.organisationId', '=', organisationId)
				.where('rk.recommendationId', '=', scope.recommendationId)
		);
	}
	const rows = await query.orderBy('k.id').orderBy('o.period').execute();
	return rows
		.map((row) => ({ ...row, value: parseDecimal(row.value) }))
		.sort(
			(a, b) =>
				danishOrder.compare(a.kpiName, b.kpiName) ||
				a.kpiId - b.kpiId ||
				(a.period < b.period ? -1 : a.period > b.period ? 1 : 0)
		);
}
