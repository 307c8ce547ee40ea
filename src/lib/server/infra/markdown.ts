import MarkdownIt from 'markdown-it';

// html: false escapes any raw HTML in the source; markdown-it also refuses javascript: and data: links.
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

/**
 * Renders the register's Markdown texts to sanitised HTML on the server.
 * @example renderMarkdown('- Evaluering af mentorforløb') // '<ul>\n<li>Evaluering af mentorforløb</li>\n</ul>\n'
 */
export function renderMarkdown(source: string): string {
	return renderer.render(source);
}
