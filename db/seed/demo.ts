import { sql, type Transaction } from 'kysely';
import type { Database, Role } from '../types';
import type { Db } from '../../src/lib/server/infra/db';
import { hashPassword } from '../../src/lib/server/auth/password';
import { jsonb } from '../../src/lib/server/infra/sql';
import { parsePeriod, periodEnd } from '../../src/lib/domain/periods';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createAnnualReport, takeReportStep, type ReportWrite } from '../../src/lib/server/annual-report/workflow';
import type { ReportStep } from '../../src/lib/server/annual-report/reports';
import type { SeedOrganisation, SeedRecommendation } from './types';
import { norddjurs } from './norddjurs';
import { allerod } from './allerod';

type Trx = Transaction<Database>;

export const demoOrganisations: readonly SeedOrganisation[] = [norddjurs, allerod];

/** The demo's people: one per role in each organisation (`admin@norddjurs.demo` …). */
export const demoPeople: readonly { localPart: string; role: Role; name: string }[] = [
	{ localPart: 'admin', role: 'admin', name: 'Anders Administrator' },
	{ localPart: 'direktor', role: 'director', name: 'Dorthe Direktør' },
	{ localPart: 'projektleder', role: 'project_lead', name: 'Peter Projektleder' },
	{ localPart: 'politiker', role: 'politician', name: 'Pia Politiker' }
];

export interface DemoLogin {
	organisation: string;
	email: string;
	role: Role;
}

export interface DemoResult {
	/** Slugs of the organisations this run created; empty when the demo data was already there. */
	created: string[];
	logins: DemoLogin[];
}

function demoEmail(localPart: string, org: SeedOrganisation): string {
	return `${localPart}@${org.slug}.demo`;
}

/**
 * Loads the demo organisations (Norddjurs, Allerød) with their users, register, KPIs and values.
 * Idempotent: an organisation that already exists is left exactly as it is, so a second run
 * duplicates nothing and keeps what people entered. Each organisation is written in one transaction.
 * @example const { logins } = await seedDemo(db, { password: 'fremdrift-demo' });
 */
export async function seedDemo(db: Db, options: { password: string }): Promise<DemoResult> {
	const created: string[] = [];
	for (const org of demoOrganisations) {
		const hashes = await Promise.all(demoPeople.map(() => hashPassword(options.password)));
		const wasCreated = await db.transaction().execute(async (trx) => {
			// Serialise concurrent seeders (two demo starts at once) on the organisation's slug.
			await sql`select pg_advisory_xact_lock(hashtext(${'demo:' + org.slug}))`.execute(trx);
			const existing = await trx
				.selectFrom('organisation')
				.select('id')
				.where('slug', '=', org.slug)
				.executeTakeFirst();
			if (existing) return false;
			await insertOrganisation(trx, org, hashes);
			return true;
		});
		if (wasCreated) created.push(org.slug);
	}
	const logins = demoOrganisations.flatMap((org) =>
		demoPeople.map((p) => ({ organisation: org.name, email: demoEmail(p.localPart, org), role: p.role }))
	);
	return { created, logins };
}

async function insertOrganisation(trx: Trx, org: SeedOrganisation, hashes: string[]): Promise<void> {
	const { id: organisationId } = await trx
		.insertInto('organisation')
		.values({ slug: org.slug, name: org.name, municipalityCode: org.municipalityCode })
		.returning('id')
		.executeTakeFirstOrThrow();

	const users = await trx
		.insertInto('appUser')
		.values(
			demoPeople.map((p, i) => ({
				organisationId,
				email: demoEmail(p.localPart, org),
				name: p.name,
				role: p.role,
				passwordHash: hashes[i]
			}))
		)
		.returning(['id', 'email'])
		.execute();
	const userId = (localPart: string): number => {
		const user = users.find((u) => u.email === demoEmail(localPart, org));
		if (!user) throw new Error(`Demo data names an unknown user: ${localPart}`);
		return user.id;
	};
	const leadId = userId('projektleder');

	const kpiIds = await insertKpis(trx, org, organisationId, userId, leadId);
	for (const programme of org.programmes) {
		const { id: programmeId } = await trx
			.insertInto('programme')
			.values({
				organisationId,
				name: programme.name,
				body: programme.body,
				description: programme.description,
				adoptedOn: programme.adoptedOn,
				minutesReference: programme.minutesReference ?? ''
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const [position, theme] of programme.themes.entries()) {
			const { id: themeId } = await trx
				.insertInto('theme')
				.values({ organisationId, programmeId, name: theme.name, description: theme.description, position })
				.returning('id')
				.executeTakeFirstOrThrow();
			for (const rec of theme.recommendations) {
				await insertRecommendation(trx, { organisationId, programmeId, themeId, leadId, kpiIds, userId }, rec);
			}
		}
	}

	// Last year's annual status, approved and published (publicly) the way the app does it, so the politician
	// and the public page have a report to read on first start; and 2025 as a draft, to show the way there.
	await publishDemoReport(trx, organisationId, userId);
	await trx.insertInto('annualReport').values({ organisationId, year: 2025, asOf: '2025-12-31' }).execute();

	await trx
		.insertInto('auditEvent')
		.values({
			organisationId,
			actorLabel: 'demo',
			action: 'demo.seed',
			entityType: 'organisation',
			entityId: String(organisationId),
			after: jsonb({ slug: org.slug, name: org.name })
		})
		.execute();
}

/** The 2024 report: figures as of 31 December 2024, composed and approved in early 2025 and then published. */
export const DEMO_PUBLISHED_REPORT = { year: 2024, asOf: '2024-12-31' } as const;
const DEMO_STEP_DATES = {
	submit: new Date('2025-02-24T09:00:00Z'),
	approve: new Date('2025-03-04T10:00:00Z'),
	publish: new Date('2025-03-11T08:30:00Z')
} as const;

/**
 * Takes the demo's 2024 report through the real workflow (create, submit, approve with both ticks,
 * publish publicly) as the demo's director and admin, so its snapshot and audit trail are the real ones.
 */
async function publishDemoReport(trx: Trx, organisationId: number, userId: (localPart: string) => number) {
	const people = await trx
		.selectFrom('appUser')
		.select(['id', 'organisationId', 'email', 'name', 'role'])
		.where('id', 'in', [userId('direktor'), userId('admin')])
		.execute();
	const director = people.find((p) => p.role === 'director')!;
	const admin = people.find((p) => p.role === 'admin')!;
	const done = (result: ReportWrite): number => {
		if (result.kind !== 'ok') throw new Error(`The demo's 2024 report was refused: ${JSON.stringify(result)}`);
		return result.id;
	};
	const id = done(
		await createAnnualReport(trx, director, { ...DEMO_PUBLISHED_REPORT, programmeId: null, clientAddress: null })
	);
	const steps: [SessionUser, ReportStep][] = [
		[director, 'submit'],
		[director, 'approve'],
		[admin, 'publish']
	];
	for (const [expectedVersion, [user, step]] of steps.map((s, i) => [i + 1, s] as const)) {
		done(
			await takeReportStep(trx, user, {
				id,
				step,
				expectedVersion,
				makePublic: true,
				// The demo's KPIs are all example data: said so, as a director and an admin must.
				confirmed: { freeze: true, exampleData: true },
				clientAddress: null,
				now: DEMO_STEP_DATES[step as keyof typeof DEMO_STEP_DATES]
			})
		);
	}
}

async function insertKpis(
	trx: Trx,
	org: SeedOrganisation,
	organisationId: number,
	userId: (localPart: string) => number,
	leadId: number
): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	for (const kpi of org.kpis) {
		const { id } = await trx
			.insertInto('kpi')
			.values({
				organisationId,
				name: kpi.name,
				description: kpi.description,
				unit: kpi.unit,
				decimals: kpi.decimals,
				direction: kpi.direction,
				frequency: kpi.frequency,
				scope: kpi.scope,
				dataSource: kpi.dataSource,
				baselineValue: kpi.baseline.value,
				baselinePeriod: kpi.baseline.period,
				targetValue: kpi.target.value,
				targetPeriod: kpi.target.period,
				assessment: kpi.assessment ?? 'latest',
				illustrative: kpi.illustrative
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.set(kpi.name, id);
		if (kpi.owners.length > 0) {
			await trx
				.insertInto('kpiOwner')
				.values(kpi.owners.map((owner) => ({ organisationId, kpiId: id, userId: userId(owner) })))
				.execute();
		}
		if (kpi.observations.length > 0) {
			await trx
				.insertInto('observation')
				.values(
					kpi.observations.map(([period, value]) => ({
						organisationId,
						kpiId: id,
						period,
						value,
						source: kpi.illustrative ? 'Eksempeldata' : kpi.dataSource,
						enteredBy: leadId
					}))
				)
				.execute();
		}
	}
	return ids;
}

interface RecommendationContext {
	organisationId: number;
	programmeId: number;
	themeId: number;
	leadId: number;
	kpiIds: Map<string, number>;
	userId: (localPart: string) => number;
}

/** The dated lifecycle steps that lead to the recommendation's current state. */
function lifecycleSteps(rec: SeedRecommendation): { from: string | null; to: string; on: string }[] {
	const adoptedOn = rec.decision.date;
	const startedOn = `${Number(adoptedOn.slice(0, 4)) + 1}-01-01`;
	const followUp = rec.followUpPeriod ? parsePeriod(rec.followUpPeriod) : null;
	const steps = [{ from: null as string | null, to: 'adopted', on: adoptedOn }];
	if (rec.lifecycle === 'adopted') return steps;
	steps.push({ from: 'adopted', to: 'in_progress', on: startedOn });
	if (rec.lifecycle === 'in_progress') return steps;
	const endedOn = followUp && periodEnd(followUp) > startedOn ? periodEnd(followUp) : startedOn;
	steps.push({ from: 'in_progress', to: rec.lifecycle, on: endedOn });
	return steps;
}

async function insertRecommendation(trx: Trx, ctx: RecommendationContext, rec: SeedRecommendation): Promise<void> {
	const { organisationId } = ctx;
	const steps = lifecycleSteps(rec);
	const { id: recommendationId } = await trx
		.insertInto('recommendation')
		.values({
			organisationId,
			programmeId: ctx.programmeId,
			themeId: ctx.themeId,
			number: rec.number,
			title: rec.title,
			shortName: rec.shortName,
			intro: rec.intro,
			purpose: rec.purpose,
			goal: rec.goal,
			actions: rec.actions,
			targetProfessions: rec.targetProfessions,
			baselineDescription: rec.baselineDescription,
			followUpPeriod: rec.followUpPeriod,
			followUpText: rec.followUpText,
			resourcesText: rec.resourcesText,
			nextStep: rec.nextStep,
			responsible: rec.responsible,
			reportsTo: rec.reportsTo,
			lifecycle: rec.lifecycle,
			lifecycleChangedOn: steps[steps.length - 1].on,
			lifecycleReason: rec.lifecycle === 'paused' || rec.lifecycle === 'dropped' ? 'Eksempeldata' : '',
			decisionDate: rec.decision.date,
			decisionBody: rec.decision.body,
			decisionKind: rec.decision.kind,
			dissentText: rec.decision.dissentText ?? ''
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const child = { organisationId, recommendationId };

	await trx
		.insertInto('recommendationLifecycleEvent')
		.values(
			steps.map((s) => ({ ...child, fromLifecycle: s.from as never, toLifecycle: s.to as never, changedOn: s.on }))
		)
		.execute();
	if (rec.assignedTo.length > 0) {
		await trx
			.insertInto('recommendationAssignment')
			.values(rec.assignedTo.map((who) => ({ ...child, userId: ctx.userId(who) })))
			.execute();
	}
	if (rec.followUpItems.length > 0) {
		await trx
			.insertInto('followUpItem')
			.values(rec.followUpItems.map((item, position) => ({ ...child, ...item, position })))
			.execute();
	}
	if (rec.budgetLines.length > 0) {
		await trx
			.insertInto('budgetLine')
			.values(rec.budgetLines.map((line) => ({ ...child, ...line })))
			.execute();
	}
	if (rec.budgetActuals.length > 0) {
		await trx
			.insertInto('budgetActual')
			.values(rec.budgetActuals.map((a) => ({ ...child, ...a })))
			.execute();
	}
	if (rec.statusUpdates.length > 0) {
		await trx
			.insertInto('statusUpdate')
			.values(rec.statusUpdates.map((u) => ({ ...child, ...u, authorId: ctx.leadId })))
			.execute();
	}
	if (rec.kpis.length > 0) {
		await trx
			.insertInto('recommendationKpi')
			.values(
				rec.kpis.map((link, position) => {
					const kpiId = ctx.kpiIds.get(link.name);
					if (kpiId === undefined) throw new Error(`Demo data links an unknown KPI: ${link.name}`);
					return { ...child, kpiId, isPrimary: link.primary, position };
				})
			)
			.execute();
	}
}
