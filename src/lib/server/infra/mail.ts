import nodemailer from 'nodemailer';
import { getConfig } from './config';

/**
 * Sends a plain-text mail when SMTP is configured (SMTP_URL, SMTP_FROM); returns false, and does
 * nothing, without it — links are then only shown to the admin to pass on.
 */
export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
	const result = await sendMessage({ to, subject, text });
	if (result.kind === 'failed') console.error('Mail could not be sent:', result.error);
	return result.kind === 'sent';
}

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	/** An HTML alternative to `text` (multipart/alternative). */
	html?: string;
	/** Extra headers, e.g. List-Unsubscribe. */
	headers?: Record<string, string>;
}

/** What became of a message: accepted by the SMTP server (with its answer), not configured, or refused/failed. */
export type MailOutcome =
	| { kind: 'sent'; response: string; messageId: string }
	| { kind: 'not_configured' }
	| { kind: 'failed'; error: string };

/**
 * Hands a message to SMTP_URL and says what happened; never throws (an SMTP error is returned, for the
 * caller to log and record). `smtpUrl` overrides the configuration (the CLI reads its own).
 * @example const outcome = await sendMessage({ to, subject, text, html, headers: { 'List-Unsubscribe': '<…>' } });
 */
export async function sendMessage(
	message: MailMessage,
	smtp: { url?: string; from?: string } = {}
): Promise<MailOutcome> {
	const config = getConfig();
	const url = smtp.url ?? config.smtpUrl;
	if (!url) return { kind: 'not_configured' };
	try {
		const transport = nodemailer.createTransport(url);
		const info = await transport.sendMail({
			from: smtp.from ?? config.smtpFrom ?? 'fremdrift@localhost',
			to: message.to,
			subject: message.subject,
			text: message.text,
			html: message.html,
			headers: message.headers
		});
		transport.close();
		return { kind: 'sent', response: String(info.response ?? ''), messageId: String(info.messageId ?? '') };
	} catch (error) {
		return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
	}
}
