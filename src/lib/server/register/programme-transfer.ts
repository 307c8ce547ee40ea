import type { z } from 'zod';
import type { Db } from '../infra/db';
import type { WriteResult } from '../infra/write-result';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit/record';
import { t, type PlainMessageKey } from '../messages';
import { fieldLabel } from './display';
import {
	PROGRAMME_DOCUMENT_FORMAT,
	PROGRAMME_DOCUMENT_VERSION,
	crossReferenceProblems,
	programmeDocumentSchema,
	type ProgrammeDocument,
	type ProgrammeDocumentInput
} from '../../schemas/programme-document';

/**
 * Export and import of a whole programme as one JSON document (see schemas/programme-document.ts).
 * Export reads everything in a fixed order; import checks the whole document first, lists every
 * problem, and writes all of it in one transaction or nothing.
 */

/** The programme as a document; undefined when it is not the organisation's. */
export async function exportProgramme(
	db: Db,
	organisationId: number,
	programmeId: number,
	now = new Date()
): Promise<ProgrammeDocumentInput | undefined> {
	const programme = await db
		.selectFrom('programme')
		.selectAll()
		.where('organisationId', '=', organisationId)
		.where('id', '=', programmeId)
		.executeTakeFirst();
	if (!programme) return undefined;
	const [themes, recommendations] = await Promise.all([
		db
			.selectFrom('theme')
			.select(['id', 'name', 'description'])
			.where('programmeId', '=', programmeId)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('recommendation')
			.selectAll()
			.where('programmeId', '=', programmeId)
			.where('organisationId', '=', organisationId)
			.orderBy('number')
			.execute()
	]);
	const ids = recommendations.length ? recommendations.map((r) => r.id) : [-1];
	const [events, lines, actuals, items, updates] = await Promise.all([
		db
			.selectFrom('recommendationLifecycleEvent')
			.selectAll()
			.where('recommendationId', 'in', ids)
			.orderBy('changedOn')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('budgetLine')
			.selectAll()
			.where('recommendationId', 'in', ids)
			.orderBy('year')
			.orderBy('id')
			.execute(),
		db.selectFrom('budgetActual').selectAll().where('recommendationId', 'in', ids).orderBy('year').execute(),
		db
			.selectFrom('followUpItem')
			.selectAll()
			.where('recommendationId', 'in', ids)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db.selectFrom('statusUpdate').selectAll().where('recommendationId', 'in', ids).orderBy('period').execute()
	]);
	const themeName = new Map(themes.map((th) => [th.id, th.name]));
	const of = <T extends { recommendationId: number }>(rows: T[], id: number) =>
		rows.filter((row) => row.recommendationId === id);
	return {
		format: PROGRAMME_DOCUMENT_FORMAT,
		formatVersion: PROGRAMME_DOCUMENT_VERSION,
		exportedAt: now.toISOString(),
		programme: {
			name: programme.name,
			body: programme.body,
			description: programme.description,
			adoptedOn: programme.adoptedOn,
			minutesReference: programme.minutesReference,
			archived: programme.archivedAt !== null
		},
		themes: themes.map((th) => ({ name: th.name, description: th.description })),
		recommendations: recommendations.map((r) => ({
			number: r.number,
			theme: r.themeId === null ? null : (themeName.get(r.themeId) ?? null),
			title: r.title,
			shortName: r.shortName,
			intro: r.intro,
			purpose: r.purpose,
			goal: r.goal,
			actions: r.actions,
			targetProfessions: r.targetProfessions,
			baselineDescription: r.baselineDescription,
			followUpPeriod: r.followUpPeriod,
			followUpText: r.followUpText,
			resourcesText: r.resourcesText,
			nextStep: r.nextStep,
			responsible: r.responsible,
			reportsTo: r.reportsTo,
			lifecycle: r.lifecycle,
			lifecycleChangedOn: r.lifecycleChangedOn,
			lifecycleReason: r.lifecycleReason,
			decision:
				r.decisionDate && r.decisionKind
					? { date: r.decisionDate, body: r.decisionBody, kind: r.decisionKind, dissentText: r.dissentText }
					: null,
			statusOverride: r.statusOverride ? { status: r.statusOverride, reason: r.statusOverrideReason } : null,
			lifecycleEvents: of(events, r.id).map((e) => ({
				from: e.fromLifecycle,
				to: e.toLifecycle,
				changedOn: e.changedOn,
				reason: e.reason
			})),
			budgetLines: of(lines, r.id).map((l) => ({
				year: l.year,
				amountKr: l.amountKr,
				category: l.category,
				funding: l.funding,
				note: l.note
			})),
			budgetActuals: of(actuals, r.id).map((a) => ({ year: a.year, amountKr: a.amountKr, note: a.note })),
			followUpItems: of(items, r.id).map((i) => ({
				title: i.title,
				description: i.description,
				duePeriod: i.duePeriod,
				state: i.state
			})),
			statusUpdates: of(updates, r.id).map((u) => ({ period: u.period, body: u.body }))
		}))
	};
}

/** One problem of a document: where (in Danish: "Anbefaling nr. 3 › Bevillinger › række 2 › Beløb") and what. */
export interface DocumentProblem {
	where: string;
	message: string;
}

const SECTION_LABELS: Record<string, PlainMessageKey> = {
	programme: 'programme_document.section.programme',
	themes: 'programme_document.section.themes',
	recommendations: 'programme_document.section.recommendations',
	budgetLines: 'register.budget_lines',
	budgetActuals: 'register.budget_actuals',
	followUpItems: 'recommendation.follow_up_items',
	statusUpdates: 'recommendation.status_updates',
	lifecycleEvents: 'register.lifecycle_events',
	decision: 'register.decision',
	statusOverride: 'register.field.override',
	format: 'programme_document.section.format',
	formatVersion: 'programme_document.section.format'
};

function describePath(path: readonly PropertyKey[], raw: unknown): string {
	const parts: string[] = [];
	let node: unknown = raw;
	for (let i = 0; i < path.length; i++) {
		const key = path[i];
		const next = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
		if (typeof key === 'number') {
			const number =
				path[i - 1] === 'recommendations' && next && typeof next === 'object'
					? (next as { number?: unknown }).number
					: undefined;
			if (number !== undefined && (typeof number === 'number' || typeof number === 'string')) {
				parts[parts.length - 1] = t('programme_document.recommendation_number', { number: String(number) });
			} else parts.push(t('programme_document.row', { n: key + 1 }));
		} else {
			const label = SECTION_LABELS[String(key)];
			parts.push(label ? t(label) : fieldLabel(String(key)));
		}
		node = next;
	}
	return parts.join(' › ') || t('programme_document.section.document');
}

/** Every problem of a zod failure, each with a Danish place. */
export function documentProblems(error: z.ZodError, raw: unknown): DocumentProblem[] {
	return error.issues.map((issue) => ({ where: describePath(issue.path, raw), message: issue.message }));
}

/** An imported programme document, in the one write vocabulary; `invalid` on 'programme' when its name is taken. */
export type ImportResult = Extract<
	WriteResult<{ programmeId: number; recommendations: number }>,
	{ kind: 'ok' | 'invalid' }
>;

/** Reads JSON text into a checked document, or every problem found. */
export function readProgrammeDocument(
	text: string
): { ok: true; document: ProgrammeDocument } | { ok: false; problems: DocumentProblem[] } {
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return {
			ok: false,
			problems: [{ where: t('programme_document.section.document'), message: t('programme_document.not_json') }]
		};
	}
	const parsed = programmeDocumentSchema.safeParse(raw);
	// Cross-references are checked on the raw document too, so one reading lists every problem.
	const problems = [
		...(parsed.success ? [] : documentProblems(parsed.error, raw)),
		...crossReferenceProblems(raw).map((issue) => ({ where: describePath(issue.path, raw), message: issue.message }))
	];
	if (!parsed.success || problems.length) return { ok: false, problems };
	return { ok: true, document: parsed.data };
}

/**
 * Creates the programme of a checked document in the user's organisation; the caller runs it in one
 * transaction (`inTransaction`), so all of it is written or nothing. A programme of the same name
 * already there is a problem (found before anything is written), not an overwrite.
 */
export async function importProgramme(
	trx: Db,
	user: Pick<SessionUser, 'id' | 'organisationId'>,
	doc: ProgrammeDocument
): Promise<ImportResult> {
	const taken = await trx
		.selectFrom('programme')
		.select('id')
		.where('organisationId', '=', user.organisationId)
		.where('name', '=', doc.programme.name)
		.executeTakeFirst();
	if (taken)
		return {
			kind: 'invalid',
			field: 'programme',
			message: t('programme_document.name_exists', { name: doc.programme.name })
		};
	const organisationId = user.organisationId;
	const { archived, ...programmeFields } = doc.programme;
	const archivedAt = archived ? new Date() : null;
	const { id: programmeId } = await trx
		.insertInto('programme')
		.values({ ...programmeFields, organisationId, archivedAt })
		.returning('id')
		.executeTakeFirstOrThrow();
	const themeIds = new Map<string, number>();
	for (const [index, theme] of doc.themes.entries()) {
		const { id } = await trx
			.insertInto('theme')
			.values({ ...theme, organisationId, programmeId, position: index + 1 })
			.returning('id')
			.executeTakeFirstOrThrow();
		themeIds.set(theme.name, id);
	}
	for (const r of doc.recommendations) {
		const {
			theme,
			decision,
			statusOverride,
			lifecycleEvents,
			budgetLines,
			budgetActuals,
			followUpItems,
			statusUpdates,
			...fields
		} = r;
		const { id: recommendationId } = await trx
			.insertInto('recommendation')
			.values({
				...fields,
				organisationId,
				programmeId,
				themeId: theme === null ? null : themeIds.get(theme)!,
				decisionDate: decision?.date ?? null,
				decisionBody: decision?.body ?? '',
				decisionKind: decision?.kind ?? null,
				dissentText: decision?.kind === 'dissent' ? decision.dissentText : '',
				statusOverride: statusOverride?.status ?? null,
				statusOverrideReason: statusOverride?.reason ?? '',
				archivedAt
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const owned = { organisationId, recommendationId };
		if (lifecycleEvents.length)
			await trx
				.insertInto('recommendationLifecycleEvent')
				.values(
					lifecycleEvents.map((e) => ({
						...owned,
						fromLifecycle: e.from,
						toLifecycle: e.to,
						changedOn: e.changedOn,
						reason: e.reason
					}))
				)
				.execute();
		if (budgetLines.length)
			await trx
				.insertInto('budgetLine')
				.values(budgetLines.map((l) => ({ ...owned, ...l })))
				.execute();
		if (budgetActuals.length)
			await trx
				.insertInto('budgetActual')
				.values(budgetActuals.map((a) => ({ ...owned, ...a })))
				.execute();
		if (followUpItems.length)
			await trx
				.insertInto('followUpItem')
				.values(followUpItems.map((item, index) => ({ ...owned, ...item, position: index + 1 })))
				.execute();
		if (statusUpdates.length)
			await trx
				.insertInto('statusUpdate')
				.values(statusUpdates.map((u) => ({ ...owned, period: u.period, body: u.body })))
				.execute();
	}
	await recordAudit(trx, {
		organisationId,
		actorUserId: user.id,
		action: 'programme.imported',
		entityType: 'programme',
		entityId: programmeId,
		after: { name: doc.programme.name, themes: doc.themes.length, recommendations: doc.recommendations.length }
	});
	return { kind: 'ok', programmeId, recommendations: doc.recommendations.length };
}
