/**
 * What a report page sends to the browser of a report's content (issue 20: each value once): the
 * rendered HTML of its texts but not their Markdown, and a series value's break flag only where there is one.
 */
import type { ReportContent, ReportRecommendation } from './content';

/** A recommendation as the report page shows it: its narrative and next step as HTML only. */
export type ReportViewRecommendation = Omit<ReportRecommendation, 'narrative' | 'nextStep'> & {
	narrative: { html: string } | null;
	nextStep: { html: string };
};

/** A report's content as the report page shows it (a ReportContent is one too). */
export type ReportView = Omit<ReportContent, 'recommendations'> & { recommendations: ReportViewRecommendation[] };

/**
 * The content without what the page does not show, for a page's data (it is serialised into the page).
 * @example return { content: reportView(await reportContent(db, organisationId, report)) };
 */
export function reportView(content: ReportContent): ReportView {
	return {
		...content,
		recommendations: content.recommendations.map((rec) => ({
			...rec,
			narrative: rec.narrative ? { html: rec.narrative.html } : null,
			nextStep: { html: rec.nextStep.html },
			charts: rec.charts.map((chart) => ({
				...chart,
				observations: chart.observations.map(({ period, value, seriesBreak }) =>
					seriesBreak ? { period, value, seriesBreak } : { period, value }
				)
			}))
		}))
	};
}
