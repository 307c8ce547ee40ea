import { budgetUpTo } from '../../domain/effect';
import { parsePeriod, periodEnd } from '../../domain/periods';
import { STATUS_ORDER, type KpiStatus } from '../../domain/progress';
import type { FollowUpState } from '../../domain/recommendation-status';
import { followUpText, missingRunText, statusReason } from '../../domain/status-text';
import { forecastLine } from '../../domain/forecast-text';
import { sumKr } from '../../domain/money';
import { renderMarkdown } from '../infra/markdown';
import type { RecommendationDetail } from './recommendation-detail';

/** What the why-panel at the top of a recommendation page shows besides the status itself (issue 15, item 2). */
export interface WhyPanelData {
	/** Why the status is what it is: one sentence per KPI that decides it, the worst first. */
	reasons: { kpiId: number; status: KpiStatus; text: string }[];
	/** A recommendation without KPIs: its follow-up progress in words; null with KPIs. */
	followUp: string | null;
	/** The newest status note: its first lines as HTML (rendered from Markdown), and whether more is left out. */
	note: { period: string; author: string | null; excerptHtml: string; truncated: boolean } | null;
	/** Allocated and spent up to and including the as-of year, and what is allocated to later years. */
	budget: { year: number; allocatedKr: number; spentKr: number; laterKr: number } | null;
	/** Each KPI's run of missing periods in words. */
	missing: { kpiId: number; name: string; text: string }[];
	/** The forecast line of each deciding KPI that has one (or says it has too few values), worst status first. */
	forecasts: { kpiName: string; text: string }[];
	/** Whether there is anything to follow up: KPIs or follow-up items (a new recommendation may have neither). */
	tracked: boolean;
	/** Follow-up items whose due period has ended, from any year, that are not done. */
	overdueItems: { id: number; title: string; duePeriod: string; state: FollowUpState }[];
}

/** A note's excerpt: its first paragraph, at most this many characters. */
const NOTE_EXCERPT_CHARS = 280;

/**
 * The why-panel's content from the page's detail, as of a date: reasons from the status rule, the newest note's
 * first lines, money to date and what is missing. No query: everything comes from loadDetailOf.
 * @example const why = describeWhy(await loadDetailOf(db, organisationId, recommendation, '2026-11-22'), '2026-11-22');
 */
export function describeWhy(detail: RecommendationDetail, asOf: string): WhyPanelData {
	const { status, kpis, followUpItems, budgetLines, budgetActuals, statusUpdates } = detail;
	// The KPIs that decide the status (DESIGN §3): the primary ones, else all; the worst first, those without data last.
	const primary = kpis.filter((kpi) => kpi.isPrimary);
	const rank = (s: KpiStatus) => (s === 'no_data' ? STATUS_ORDER.length : STATUS_ORDER.indexOf(s));
	const deciding = (primary.length > 0 ? primary : kpis).toSorted(
		(a, b) => rank(a.progress.status) - rank(b.progress.status)
	);
	const year = Number(asOf.slice(0, 4));
	const allocatedKr = budgetUpTo(budgetLines, year);
	const totalKr = sumKr(budgetLines.map((line) => line.amountKr));
	return {
		reasons: deciding.map((kpi) => ({
			kpiId: kpi.id,
			status: kpi.progress.status,
			text: statusReason(kpi, kpi.progress)
		})),
		followUp: status.source === 'follow_up' ? followUpText(status) : null,
		forecasts: deciding.flatMap((kpi) => {
			const text = forecastLine(kpi.forecast, { ...kpi, assessment: kpi.definition.assessment });
			return text ? [{ kpiName: kpi.name, text }] : [];
		}),
		note: statusUpdates[0] ? noteExcerpt(statusUpdates[0]) : null,
		budget:
			budgetLines.length + budgetActuals.length > 0
				? { year, allocatedKr, spentKr: budgetUpTo(budgetActuals, year), laterKr: totalKr - allocatedKr }
				: null,
		missing: kpis.flatMap((kpi) =>
			kpi.progress.missingRun ? [{ kpiId: kpi.id, name: kpi.name, text: missingRunText(kpi.progress.missingRun) }] : []
		),
		tracked: kpis.length + followUpItems.length > 0,
		overdueItems: followUpItems
			.filter((item) => item.state !== 'done' && isEnded(item.duePeriod, asOf))
			.map(({ id, title, duePeriod, state }) => ({ id, title, duePeriod, state }))
	};
}

function isEnded(duePeriod: string, asOf: string): boolean {
	const period = parsePeriod(duePeriod);
	return period !== null && periodEnd(period) <= asOf;
}

/** The first paragraph of a note, cut at a word before NOTE_EXCERPT_CHARS when longer. */
function noteExcerpt(note: { period: string; body: string; authorName: string | null }) {
	const paragraphs = note.body.trim().split(/\n\s*\n/);
	let excerpt = paragraphs[0] ?? '';
	let truncated = paragraphs.length > 1;
	if (excerpt.length > NOTE_EXCERPT_CHARS) {
		const cut = excerpt.lastIndexOf(' ', NOTE_EXCERPT_CHARS);
		excerpt = `${excerpt.slice(0, cut > 0 ? cut : NOTE_EXCERPT_CHARS)} …`;
		truncated = true;
	}
	return { period: note.period, author: note.authorName, excerptHtml: renderMarkdown(excerpt), truncated };
}
