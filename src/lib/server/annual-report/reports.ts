import { sql } from 'kysely';
import type { Db } from '../infra/db';
import type { AnnualReport, ReportState } from '../../../../db/types';
import { can, type Action } from '../../domain/policy';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit/record';
import { jsonb } from '../infra/sql';
import { composeAnnualReport } from './compose';
import type { ReportContent } from './content';

/** The workflow steps of DESIGN §2: the policy's action for each (who may take it), and from which state. */
export const REPORT_STEPS = {
	submit: { from: ['draft'], to: 'submitted', action: 'report.submit' },
	reopen: { from: ['submitted'], to: 'draft', action: 'report.reopen' },
	approve: { from: ['submitted'], to: 'approved', action: 'report.approve' },
	publish: { from: ['approved'], to: 'published', action: 'report.publish' }
} as const satisfies Record<string, { from: readonly ReportState[]; to: ReportState; action: Action }>;

export type ReportStep = keyof typeof REPORT_STEPS;

export type ReportRow = Pick<
	AnnualReport,
	'id' | 'programmeId' | 'year' | 'edition' | 'state' | 'asOf' | 'changeNote' | 'public' | 'submittedAt' | 'approvedAt' | 'publishedAt' | 'replacedById' | 'version' | 'createdAt'
> & { programmeName: string | null; submittedByName: string | null; approvedByName: string | null; publishedByName: string | null; replacedByEdition: number | null };

function reportQuery(db: Db, organisationId: number) {
	return db
		.selectFrom('annualReport as r')
		.leftJoin('programme as p', 'p.id', 'r.programmeId')
		.leftJoin('appUser as su', 'su.id', 'r.submittedBy')
		.leftJoin('appUser as au', 'au.id', 'r.approvedBy')
		.leftJoin('appUser as pu', 'pu.id', 'r.publishedBy')
		.leftJoin('annualReport as nr', 'nr.id', 'r.replacedById')
		.where('r.organisationId', '=', organisationId)
		.select([
			'r.id',
			'r.programmeId',
			'r.year',
			'r.edition',
			'r.state',
			'r.asOf',
			'r.changeNote',
			'r.public',
			'r.submittedAt',
			'r.approvedAt',
			'r.publishedAt',
			'r.replacedById',
			'r.version',
			'r.createdAt',
			'p.name as programmeName',
			'su.name as submittedByName',
			'au.name as approvedByName',
			'pu.name as publishedByName',
			'nr.edition as replacedByEdition'
		]);
}

/**
 * The organisation's reports, newest year and edition first; only published ones when asked.
 * @example const reports = await listAnnualReports(db, organisationId, { publishedOnly: !can(user, 'report.read', { state: 'draft' }) });
 */
export function listAnnualReports(db: Db, organisationId: number, options: { publishedOnly: boolean }): Promise<ReportRow[]> {
	let query = reportQuery(db, organisationId);
	if (options.publishedOnly) query = query.where('r.state', '=', 'published');
	return query.orderBy('r.year', 'desc').orderBy('r.programmeId').orderBy('r.edition', 'desc').execute();
}

/** One report of the organisation with its frozen snapshot (null while a draft); undefined when not there. */
export async function findAnnualReport(db: Db, organisationId: number, id: number) {
	const row = await reportQuery(db, organisationId).where('r.id', '=', id).select('r.snapshot').executeTakeFirst();
	if (!row) return undefined;
	const { snapshot, ...rest } = row;
	return { ...rest, snapshot: (snapshot ?? null) as ReportContent | null };
}

export type FoundReport = NonNullable<Awaited<ReturnType<typeof findAnnualReport>>>;

/**
 * What a report shows: its frozen snapshot once approved, else the live figures as of its date.
 * @example const content = await reportContent(db, organisationId, report);
 */
export async function reportContent(db: Db, organisationId: number, report: FoundReport): Promise<ReportContent> {
	if (report.snapshot) return report.snapshot;
	return composeAnnualReport(db, { organisationId, year: report.year, asOf: report.asOf, programmeId: report.programmeId });
}

/**
 * The report on the public link: the newest published edition marked public for the organisation
 * (by slug) and year, the organisation-wide one before a programme's; undefined when there is none.
 */
export async function findPublicReport(db: Db, organisationSlug: string, year: number) {
	const organisation = await db.selectFrom('organisation').select(['id', 'name']).where('slug', '=', organisationSlug).executeTakeFirst();
	if (!organisation) return undefined;
	const row = await db
		.selectFrom('annualReport')
		.select(['id', 'edition', 'snapshot', 'publishedAt', 'changeNote'])
		.where('organisationId', '=', organisation.id)
		.where('year', '=', year)
		.where('state', '=', 'published')
		.where('public', '=', true)
		.orderBy(sql`programme_id is null`, 'desc')
		.orderBy('edition', 'desc')
		.executeTakeFirst();
	if (!row || !row.snapshot) return undefined;
	return { ...row, snapshot: row.snapshot as ReportContent, organisation };
}

export type ReportWriteResult =
	| { kind: 'ok'; id: number }
	| { kind: 'conflict' }
	| { kind: 'forbidden' }
	| { kind: 'exists' }
	| { kind: 'not_found' };

/**
 * Starts edition 1 of a year's report as a draft (its figures live until approval).
 * @example await createAnnualReport(db, user, { year: 2025, asOf: '2025-12-31', programmeId: null, clientAddress });
 */
export async function createAnnualReport(
	db: Db,
	user: SessionUser,
	input: { year: number; asOf: string; programmeId: number | null; clientAddress: string | null }
): Promise<ReportWriteResult> {
	if (!can(user, 'report.create')) return { kind: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtext(${`annual_report:${user.organisationId}`}))`.execute(trx);
		if (input.programmeId !== null) {
			const programme = await trx.selectFrom('programme').select('id').where('id', '=', input.programmeId).where('organisationId', '=', user.organisationId).executeTakeFirst();
			if (!programme) return { kind: 'not_found' } as const;
		}
		const existing = await trx
			.selectFrom('annualReport')
			.select('id')
			.where('organisationId', '=', user.organisationId)
			.where('year', '=', input.year)
			.where(sql<boolean>`coalesce(programme_id, 0) = ${input.programmeId ?? 0}`)
			.executeTakeFirst();
		if (existing) return { kind: 'exists' } as const;
		const { id } = await trx
			.insertInto('annualReport')
			.values({ organisationId: user.organisationId, programmeId: input.programmeId, year: input.year, asOf: input.asOf })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			organisationId: user.organisationId,
			actorUserId: user.id,
			action: 'annual_report.created',
			entityType: 'annual_report',
			entityId: id,
			after: { year: input.year, asOf: input.asOf, programmeId: input.programmeId, edition: 1, state: 'draft' },
			clientAddress: input.clientAddress
		});
		return { kind: 'ok', id } as const;
	});
}

/**
 * Takes one workflow step (submit, reopen, approve, publish), dated and audited. Approval freezes the
 * report: its content as of its date is stored as the snapshot, and an earlier edition it corrects is
 * marked as replaced. `expectedVersion` is the version the user saw (a stale page gets a conflict).
 * @example await takeReportStep(db, user, { id, step: 'approve', expectedVersion: 2, clientAddress });
 */
export async function takeReportStep(
	db: Db,
	user: SessionUser,
	input: { id: number; step: ReportStep; expectedVersion: number; makePublic?: boolean; clientAddress: string | null }
): Promise<ReportWriteResult> {
	const rule = REPORT_STEPS[input.step];
	if (!can(user, rule.action)) return { kind: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const report = await trx
			.selectFrom('annualReport')
			.select(['id', 'state', 'version', 'year', 'asOf', 'programmeId', 'edition'])
			.where('id', '=', input.id)
			.where('organisationId', '=', user.organisationId)
			.forUpdate()
			.executeTakeFirst();
		if (!report) return { kind: 'not_found' } as const;
		if (report.version !== input.expectedVersion || !(rule.from as readonly ReportState[]).includes(report.state)) return { kind: 'conflict' } as const;
		const now = new Date();
		const version = report.version + 1;
		const changes: Record<string, unknown> = { state: rule.to, version, updatedAt: now };
		if (input.step === 'submit') Object.assign(changes, { submittedAt: now, submittedBy: user.id });
		if (input.step === 'reopen') Object.assign(changes, { submittedAt: null, submittedBy: null });
		if (input.step === 'approve') {
			const content = await composeAnnualReport(trx, { organisationId: user.organisationId, year: report.year, asOf: report.asOf, programmeId: report.programmeId, now });
			Object.assign(changes, { approvedAt: now, approvedBy: user.id, snapshot: jsonb(content) });
		}
		if (input.step === 'publish') Object.assign(changes, { publishedAt: now, publishedBy: user.id, public: input.makePublic ?? false });
		await trx.updateTable('annualReport').set(changes).where('id', '=', report.id).execute();
		if (input.step === 'approve' && report.edition > 1) {
			await trx
				.updateTable('annualReport')
				.set({ replacedById: report.id, updatedAt: now, version: sql`version + 1` })
				.where('organisationId', '=', user.organisationId)
				.where('year', '=', report.year)
				.where(sql<boolean>`coalesce(programme_id, 0) = ${report.programmeId ?? 0}`)
				.where('edition', '<', report.edition)
				.where('replacedById', 'is', null)
				.execute();
		}
		await recordAudit(trx, {
			organisationId: user.organisationId,
			actorUserId: user.id,
			action: `annual_report.${input.step}`,
			entityType: 'annual_report',
			entityId: report.id,
			before: { state: report.state, version: report.version },
			after: { state: rule.to, version, ...(input.step === 'publish' ? { public: input.makePublic ?? false } : {}) },
			clientAddress: input.clientAddress
		});
		return { kind: 'ok', id: report.id } as const;
	});
}

/**
 * Puts a published report on the public link (/offentlig/…) or takes it off, audited.
 * @example await setReportPublic(db, user, { id, public: true, expectedVersion: 4, clientAddress });
 */
export async function setReportPublic(
	db: Db,
	user: SessionUser,
	input: { id: number; public: boolean; expectedVersion: number; clientAddress: string | null }
): Promise<ReportWriteResult> {
	if (!can(user, 'report.publish')) return { kind: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const updated = await trx
			.updateTable('annualReport')
			.set({ public: input.public, version: input.expectedVersion + 1, updatedAt: new Date() })
			.where('id', '=', input.id)
			.where('organisationId', '=', user.organisationId)
			.where('state', '=', 'published')
			.where('version', '=', input.expectedVersion)
			.returning('id')
			.executeTakeFirst();
		if (!updated) return { kind: 'conflict' } as const;
		await recordAudit(trx, {
			organisationId: user.organisationId,
			actorUserId: user.id,
			action: input.public ? 'annual_report.made_public' : 'annual_report.made_private',
			entityType: 'annual_report',
			entityId: input.id,
			after: { public: input.public, version: input.expectedVersion + 1 },
			clientAddress: input.clientAddress
		});
		return { kind: 'ok', id: input.id } as const;
	});
}

/**
 * Moves a draft's as-of date (the director's choice instead of 31 December), audited; the figures
 * follow at once, since a draft is composed live.
 * @example await setReportAsOf(db, user, { id, asOf: '2025-11-30', expectedVersion: 1, clientAddress });
 */
export async function setReportAsOf(
	db: Db,
	user: SessionUser,
	input: { id: number; asOf: string; expectedVersion: number; clientAddress: string | null }
): Promise<ReportWriteResult> {
	if (!can(user, 'report.create')) return { kind: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('annualReport')
			.select(['asOf', 'version'])
			.where('id', '=', input.id)
			.where('organisationId', '=', user.organisationId)
			.forUpdate()
			.executeTakeFirst();
		if (!before) return { kind: 'not_found' } as const;
		const updated = await trx
			.updateTable('annualReport')
			.set({ asOf: input.asOf, version: input.expectedVersion + 1, updatedAt: new Date() })
			.where('id', '=', input.id)
			.where('state', '=', 'draft')
			.where('version', '=', input.expectedVersion)
			.returning('id')
			.executeTakeFirst();
		if (!updated) return { kind: 'conflict' } as const;
		await recordAudit(trx, {
			organisationId: user.organisationId,
			actorUserId: user.id,
			action: 'annual_report.as_of_changed',
			entityType: 'annual_report',
			entityId: input.id,
			before: { asOf: before.asOf, version: before.version },
			after: { asOf: input.asOf, version: input.expectedVersion + 1 },
			clientAddress: input.clientAddress
		});
		return { kind: 'ok', id: input.id } as const;
	});
}

/**
 * Starts a corrected version of an approved or published report: a new draft edition with a change
 * note. The earlier edition stays as it was, readable, until the correction is approved.
 * @example await startReportCorrection(db, user, { id, changeNote: 'Rettet sygefravær for 2025', clientAddress });
 */
export async function startReportCorrection(
	db: Db,
	user: SessionUser,
	input: { id: number; changeNote: string; clientAddress: string | null }
): Promise<ReportWriteResult> {
	if (!can(user, 'report.create')) return { kind: 'forbidden' };
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtext(${`annual_report:${user.organisationId}`}))`.execute(trx);
		const report = await trx
			.selectFrom('annualReport')
			.select(['id', 'state', 'year', 'asOf', 'programmeId', 'edition'])
			.where('id', '=', input.id)
			.where('organisationId', '=', user.organisationId)
			.executeTakeFirst();
		if (!report) return { kind: 'not_found' } as const;
		const newest = await trx
			.selectFrom('annualReport')
			.select((eb) => eb.fn.max('edition').as('edition'))
			.where('organisationId', '=', user.organisationId)
			.where('year', '=', report.year)
			.where(sql<boolean>`coalesce(programme_id, 0) = ${report.programmeId ?? 0}`)
			.executeTakeFirstOrThrow();
		if (report.state === 'draft' || report.state === 'submitted' || Number(newest.edition) !== report.edition) return { kind: 'conflict' } as const;
		const edition = report.edition + 1;
		const { id } = await trx
			.insertInto('annualReport')
			.values({ organisationId: user.organisationId, programmeId: report.programmeId, year: report.year, asOf: report.asOf, edition, changeNote: input.changeNote })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			organisationId: user.organisationId,
			actorUserId: user.id,
			action: 'annual_report.correction_started',
			entityType: 'annual_report',
			entityId: id,
			after: { corrects: report.id, edition, changeNote: input.changeNote, state: 'draft' },
			clientAddress: input.clientAddress
		});
		return { kind: 'ok', id } as const;
	});
}
