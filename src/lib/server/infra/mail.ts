import nodemailer from 'nodemailer';
import { getConfig } from './config';

/**
 * Sends a plain-text mail when SMTP is configured (SMTP_URL, SMTP_FROM); returns false, and does
 * nothing, without it — links are then only shown to the admin to pass on.
 */
export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
	const { smtpUrl, smtpFrom } = getConfig();
	if (!smtpUrl) return false;
	try {
		const transport = nodemailer.createTransport(smtpUrl);
		await transport.sendMail({ from: smtpFrom ?? 'fremdrift@localhost', to, subject, text });
		return true;
	} catch (error) {
		console.error('Mail could not be sent:', error);
		return false;
	}
}
