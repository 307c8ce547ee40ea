/**
 * Text made safe to put in HTML, as element content or a quoted attribute (& < > " ' as numeric references).
 * @example `<p>${escapeHtml(message)}</p>`
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
