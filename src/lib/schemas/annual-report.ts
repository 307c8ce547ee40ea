import { z } from 'zod';
import { t } from '$lib/server/messages';
import { typedDateText } from './fields';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const version = z.coerce
	.number({ error: t('annual.conflict') })
	.int({ error: t('annual.conflict') })
	.min(1, { error: t('annual.conflict') })
	.max(2_000_000_000);

/** Starting a year's report: the year, an optional as-of date (default 31 December) and programme. */
export const createReportSchema = z
	.object({
		year: z.coerce
			.number({ error: t('annual.year_invalid') })
			.int({ error: t('annual.year_invalid') })
			.min(2000, { error: t('annual.year_invalid') })
			.max(2100, { error: t('annual.year_invalid') }),
		asOf: typedDateText(true, t('annual.as_of_malformed')),
		programmeId: z.union([z.literal(''), id]).optional()
	})
	.transform(({ year, asOf, programmeId }) => ({
		year,
		asOf: asOf ? asOf : `${year}-12-31`,
		programmeId: typeof programmeId === 'number' ? programmeId : null
	}));

/**
 * The public report's address: a slug and a year written one way only (2025 — not 02025, +2025, 2025.0
 * or 0x7e9), so each published report has exactly one URL.
 */
export const publicReportParams = z.object({
	organisation: z
		.string()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
		.max(60),
	year: z
		.string()
		.regex(/^(19|2[01])\d{2}$/)
		.transform(Number)
});

/** A workflow step on a report: the version the user saw, and the ticks approving and publishing ask for. */
export const reportStepSchema = z.object({
	version,
	makePublic: z.literal('on').optional(),
	confirmFreeze: z.literal('on').optional(),
	confirmExampleData: z.literal('on').optional()
});

/** A draft's new as-of date. */
export const reportAsOfSchema = z.object({
	version,
	asOf: typedDateText(false, t('annual.as_of_malformed'))
});

/** The agenda item's meeting fields (Sagsnr., udvalg, mødedato): not part of the approved content, any state. */
export const reportMeetingSchema = z.object({
	caseNumber: z
		.string()
		.trim()
		.max(100, { error: t('annual.case_number_too_long') }),
	committee: z
		.string()
		.trim()
		.max(200, { error: t('annual.committee_too_long') }),
	meetingDate: typedDateText(true, t('annual.meeting_date_malformed'))
});

/** Putting a published report on the public link or taking it off. */
export const reportPublicSchema = z.object({ version, public: z.enum(['true', 'false']) });

/** A corrected version of an approved report needs a note saying what changed. */
export const reportCorrectionSchema = z.object({
	changeNote: z
		.string({ error: t('annual.change_note_required') })
		.trim()
		.min(1, { error: t('annual.change_note_required') })
		.max(2000, { error: t('annual.change_note_too_long') })
});

/** A recommendation's narrative for the report's year; `version` empty when none exists yet. */
export const narrativeSchema = z.object({
	recommendationId: id,
	version: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(1).max(2_000_000_000)]),
	body: z
		.string({ error: t('annual.narrative_required') })
		.trim()
		.min(1, { error: t('annual.narrative_required') })
		.max(20000, { error: t('annual.narrative_too_long') })
});
