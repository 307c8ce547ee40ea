import type { ReminderFrequency } from '../../../../db/types';
import { plural } from '../../domain/plural';
import { t } from '../messages';
import { escapeHtml } from '../http/escape-html';
import type { DigestUser, Task } from './types';

export interface DigestMail {
	subject: string;
	text: string;
	html: string;
	/** RFC 2369 and RFC 8058 one-click unsubscribe. */
	headers: Record<string, string>;
}

function formatDate(iso: string): string {
	const [year, month, day] = iso.split('-');
	return `${Number(day)}.${Number(month)}.${year}`;
}

/**
 * A user's digest in Danish, as plain text and as HTML (real headings, links that say where they go, no
 * images or tracking), with the List-Unsubscribe headers. Every link is absolute on `origin` (ORIGIN).
 * @example const mail = composeDigest({ user, tasks, asOf: '2026-12-01', frequency: 'weekly', origin, unsubscribeUrl });
 */
export function composeDigest(input: {
	user: DigestUser;
	tasks: Task[];
	asOf: string;
	frequency: Exclude<ReminderFrequency, 'off'>;
	origin: string;
	unsubscribeUrl: string;
}): DigestMail {
	const { user, tasks, asOf, frequency, origin, unsubscribeUrl } = input;
	const count = tasks.length;
	const subject = t(plural(count, { one: 'reminders.subject_one', other: 'reminders.subject_other' }), { count });
	const date = formatDate(asOf);
	const settingsUrl = `${origin}/indstillinger`;
	const intro = t(plural(count, { one: 'reminders.intro_one', other: 'reminders.intro_other' }), { count, date });
	const how = t(frequency === 'weekly' ? 'reminders.why_weekly' : 'reminders.why_monthly');
	const state = (task: Task) =>
		task.overdue ? t('reminders.overdue') : task.due ? t('reminders.due', { date: formatDate(task.due) }) : null;

	const textItems = tasks.map((task) => {
		const note = state(task);
		return [
			`- ${task.title}${note ? ` (${note})` : ''}`,
			`  ${task.detail}`,
			`  ${t('reminders.open_text', { url: `${origin}${task.href}` })}`
		].join('\n');
	});
	const text = [
		t('reminders.greeting', { name: user.name }),
		'',
		intro,
		'',
		...textItems.flatMap((item) => [item, '']),
		how,
		t('reminders.settings_text', { url: settingsUrl }),
		t('reminders.unsubscribe_text', { url: unsubscribeUrl })
	].join('\n');

	const htmlItems = tasks
		.map((task) => {
			const note = state(task);
			return `<li><h3>${escapeHtml(task.title)}${note ? ` <small>(${escapeHtml(note)})</small>` : ''}</h3><p>${escapeHtml(task.detail)}</p><p><a href="${escapeHtml(origin + task.href)}">${escapeHtml(t('reminders.open_html', { title: task.title }))}</a></p></li>`;
		})
		.join('');
	const html = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body><h1>${escapeHtml(t('reminders.heading'))}</h1><p>${escapeHtml(t('reminders.greeting', { name: user.name }))}</p><p>${escapeHtml(intro)}</p><h2>${escapeHtml(t('reminders.tasks_heading'))}</h2><ul>${htmlItems}</ul><h2>${escapeHtml(t('reminders.about_heading'))}</h2><p>${escapeHtml(how)}</p><p><a href="${escapeHtml(settingsUrl)}">${escapeHtml(t('reminders.settings_html'))}</a></p><p><a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(t('reminders.unsubscribe_html'))}</a></p></body></html>`;

	return {
		subject,
		text,
		html,
		headers: {
			'List-Unsubscribe': `<${unsubscribeUrl}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}
