import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/infra/db';

/** The shape of one generated organisation; every organisation of a set gets the same. */
export interface Shape {
	programmes: number;
	recommendations: number;
	kpis: number;
	months: number;
}

/** DESIGN's national scale: 98 municipalities × 3 programmes × 10 recommendations × 4 KPIs × 120 months. */
export const nationalShape: Shape = { programmes: 3, recommendations: 10, kpis: 4, months: 120 };

/**
 * Generates `organisations` organisations named `{prefix}-001…` with set-based SQL (generate_series; no
 * row-by-row inserts): users (admin, director, project lead), programmes with two themes, recommendations in
 * progress with follow-up items, budgets and spend, monthly KPIs with `months` values ending October 2026,
 * and one draft annual report per organisation. Returns the number of observations written.
 * @example await generate(db, { prefix: 'kommune', organisations: 98, codeOffset: 100, shape: nationalShape });
 */
export async function generate(
	db: Db,
	options: { prefix: string; organisations: number; codeOffset: number | null; shape: Shape }
): Promise<number> {
	const { prefix, organisations, codeOffset, shape } = options;
	const like = `${prefix}-%`;
	return db.transaction().execute(async (trx) => {
		await sql`
			insert into organisation (slug, name, municipality_code)
			select ${prefix} || '-' || lpad(i::text, 3, '0'), initcap(${prefix}) || ' ' || i,
				case when ${codeOffset}::int is null then null else ${codeOffset}::int + i end
			from generate_series(1, ${organisations}::int) i`.execute(trx);
		await sql`
			insert into app_user (organisation_id, email, name, role)
			select o.id, r.local || '@' || o.slug || '.bench', r.title || ' ' || o.name, r.role
			from organisation o
			cross join (values ('admin', 'Administrator', 'admin'), ('direktor', 'Direktør', 'director'),
				('projektleder', 'Projektleder', 'project_lead')) r(local, title, role)
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into programme (organisation_id, name, body, description, adopted_on)
			select o.id, 'Program ' || p, 'Byrådet', 'Genereret til ydelsesmåling.', date '2017-01-10'
			from organisation o cross join generate_series(1, ${shape.programmes}::int) p
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into theme (organisation_id, programme_id, name, position)
			select p.organisation_id, p.id, 'Tema ' || t, t
			from programme p join organisation o on o.id = p.organisation_id
			cross join generate_series(1, 2) t
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into recommendation (organisation_id, programme_id, theme_id, number, title, short_name, purpose, goal,
				actions, follow_up_period, responsible, responsible_user_id, lifecycle, lifecycle_changed_on, decision_date,
				decision_body, decision_kind)
			select p.organisation_id, p.id, th.id, n, p.name || ', anbefaling ' || n || ': styrket fastholdelse',
				'P' || substr(p.name, 9) || '-A' || n, 'At fastholde medarbejdere.', 'Lavere personaleomsætning.',
				'Introduktionsforløb og mentorordning.', '2026', 'Projektleder', u.id, 'in_progress', date '2017-02-01',
				date '2017-01-15', 'Byrådet', 'consensus'
			from programme p join organisation o on o.id = p.organisation_id
			cross join generate_series(1, ${shape.recommendations}::int) n
			join theme th on th.programme_id = p.id and th.position = 1 + n % 2
			join app_user u on u.organisation_id = p.organisation_id and u.role = 'project_lead'
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into recommendation_assignment (organisation_id, recommendation_id, user_id)
			select r.organisation_id, r.id, u.id
			from recommendation r join organisation o on o.id = r.organisation_id
			join app_user u on u.organisation_id = r.organisation_id and u.role = 'project_lead'
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into follow_up_item (organisation_id, recommendation_id, title, due_period, state, position)
			select r.organisation_id, r.id, f.title, f.due, f.state, f.position
			from recommendation r join organisation o on o.id = r.organisation_id
			cross join (values ('Midtvejsevaluering', '2025', 'done', 1), ('Slutevaluering', '2026-Q4', 'in_progress', 2)) f(title, due, state, position)
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into budget_line (organisation_id, recommendation_id, year, amount_kr, category, funding)
			select r.organisation_id, r.id, y, 250000 + (r.id % 7) * 50000, 'salary', 'central_pool'
			from recommendation r join organisation o on o.id = r.organisation_id
			cross join generate_series(2024, 2026) y
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into budget_actual (organisation_id, recommendation_id, year, amount_kr)
			select r.organisation_id, r.id, y, 200000 + (r.id % 5) * 60000
			from recommendation r join organisation o on o.id = r.organisation_id
			cross join generate_series(2024, 2025) y
			where o.slug like ${like}`.execute(trx);
		// Even KPIs: lower is better (20 → 10); odd: higher is better (60 → 80).
		await sql`
			insert into kpi (organisation_id, name, description, unit, decimals, direction, frequency, scope, data_source,
				baseline_value, baseline_period, target_value, target_period)
			select r.organisation_id, r.short_name || ' nøgletal ' || k, 'Genereret nøgletal.', 'percent', 1,
				case when k % 2 = 0 then 'lower' else 'higher' end, 'month', 'Hele kommunen', 'Lønsystemet',
				case when k % 2 = 0 then 20 else 60 end, '2016-11', case when k % 2 = 0 then 10 else 80 end, '2027-12'
			from recommendation r join organisation o on o.id = r.organisation_id
			cross join generate_series(1, ${shape.kpis}::int) k
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into recommendation_kpi (organisation_id, recommendation_id, kpi_id, is_primary, position)
			select r.organisation_id, r.id, k.id, n = 1, n
			from recommendation r join organisation o on o.id = r.organisation_id
			cross join generate_series(1, ${shape.kpis}::int) n
			join kpi k on k.organisation_id = r.organisation_id and k.name = r.short_name || ' nøgletal ' || n
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into kpi_owner (organisation_id, kpi_id, user_id)
			select k.organisation_id, k.id, u.id
			from kpi k join organisation o on o.id = k.organisation_id
			join app_user u on u.organisation_id = k.organisation_id and u.role = 'project_lead'
			where o.slug like ${like}`.execute(trx);
		// Months ending 2026-10; each KPI moves towards its target at its own pace (some ahead, some behind).
		const inserted = await sql`
			insert into observation (organisation_id, kpi_id, period, value, source, entered_by)
			select k.organisation_id, k.id,
				to_char(date '2026-10-01' - make_interval(months => ${shape.months}::int - 1 - g), 'YYYY-MM'),
				round(k.baseline_value + (k.target_value - k.baseline_value)
					* ((g + 1)::numeric / (${shape.months}::int + 14)) * (0.4 + (k.id % 9) * 0.15)
					+ (sin(g + k.id) * 0.8)::numeric, 1),
				'Lønsystemet', u.id
			from kpi k join organisation o on o.id = k.organisation_id
			join app_user u on u.organisation_id = k.organisation_id and u.role = 'project_lead'
			cross join generate_series(0, ${shape.months}::int - 1) g
			where o.slug like ${like}`.execute(trx);
		await sql`
			insert into annual_report (organisation_id, programme_id, year, as_of)
			select p.organisation_id, p.id, 2026, date '2026-11-22'
			from programme p join organisation o on o.id = p.organisation_id
			where o.slug like ${like} and p.name = 'Program 1'`.execute(trx);
		return Number(inserted.numAffectedRows ?? 0);
	});
}
