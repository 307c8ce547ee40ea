import type { DigestSource, Task } from './types';
import { can } from '../../domain/policy';
import { listKpisForUser, loadKpiProgress } from '../kpis';
import { t } from '../messages';
import { formatPeriodDa } from '../../domain/periods';

/**
 * The digest's content. Provisional: a project lead's assigned KPIs whose required period has no value
 * (DESIGN §3's overdue rule, as `Mine nøgletal` shows it). When `listTasks` of src/lib/server/tasks/ lands,
 * this one file becomes `export const digestSource: DigestSource = listTasks;`.
 */
export const digestSource: DigestSource = async (db, user, asOf) => {
	if (!can(user, 'values.assignee')) return [];
	const kpis = await listKpisForUser(db, user.organisationId, user.id);
	if (kpis.length === 0) return [];
	const progress = await loadKpiProgress(db, user.organisationId, asOf, kpis);
	return kpis.flatMap((kpi): Task[] => {
		const p = progress.get(kpi.id);
		if (!p?.overdue || !p.requiredPeriod) return [];
		return [
			{
				kind: 'kpi_value_overdue',
				subjectKey: `kpi:${kpi.id}:${p.requiredPeriod}`,
				title: kpi.name,
				detail: t('reminders.task_value_overdue', { period: formatPeriodDa(p.requiredPeriod) }),
				href: '/mine-noegletal',
				due: null,
				overdue: true
			}
		];
	});
};
