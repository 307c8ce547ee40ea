import { setTimeout as sleep } from 'node:timers/promises';
import { recordAudit } from '../audit/record';
import { getConfig } from '../infra/config';
import { inTransaction, type Db } from '../infra/db';
import { sendMail } from '../infra/mail';
import { t } from '../messages';
import { beginResetRequest } from './rate-limit';
import { createUserToken } from './user-token';
import { findUserForSignIn } from './users';
import { findOrganisation } from './organisations';
import { ssoOnlyLogin } from '../sso/providers';

/**
 * An admitted request is answered this long after it came in, at the earliest (ms). The work for a known
 * e-mail (a link and an audit event in one transaction) and for an unknown one (an audit event) takes a
 * few milliseconds on either database; the wait hides the difference, and the mail is sent after it.
 */
export const RESET_ANSWER_MS = 400;

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * The address reset links are mailed with: ORIGIN, when SMTP_URL is set too; else null, and only an
 * administrator can make a link. Never the request's own origin: without ORIGIN it comes from the Host
 * header, which whoever asks for someone else's link could point at their own server.
 * @example const origin = resetLinkOrigin(); if (!origin) return formMessage(400, 'forgot', t('auth.forgot_no_mail'));
 */
export function resetLinkOrigin(): string | null {
	const { smtpUrl, publicOrigin } = getConfig();
	return smtpUrl && publicOrigin ? new URL(publicOrigin).origin : null;
}

/**
 * "Glemt adgangskode?": admits the request under its own limits (3 per e-mail, 20 per client address,
 * 15 minutes; beginResetRequest), then, when the e-mail belongs to an enabled user, makes a new-password
 * link (the user's older links stop working) and mails it to them; a disabled or unknown e-mail gets none.
 * Either way one audit event is recorded and the answer is the same and comes after the same time, so
 * nobody learns from it whether an account exists.
 * @example const result = await requestPasswordReset(db, { email, clientAddress: event.getClientAddress(), origin: event.url.origin });
 */
export async function requestPasswordReset(
	db: Db,
	request: { email: string; clientAddress: string; origin: string },
	answerAfterMs = RESET_ANSWER_MS
): Promise<ResetRequestResult> {
	const started = performance.now();
	const { email, clientAddress } = request;
	const admission = await beginResetRequest(db, email, clientAddress);
	if (!admission.ok) {
		await recordAudit(db, {
			organisationId: null,
			actorLabel: email,
			action: 'auth.reset_request_blocked',
			entityType: 'user',
			clientAddress
		});
		return admission;
	}
	const mail = await inTransaction(db, async (trx) => {
		const user = await findUserForSignIn(trx, email);
		const issued = user !== undefined && user.disabledAt === null;
		await recordAudit(trx, {
			organisationId: user?.organisationId ?? null,
			actorLabel: email,
			action: issued ? 'user.reset_link_requested' : 'auth.reset_request_ignored',
			entityType: 'user',
			entityId: user?.id ?? null,
			clientAddress
		});
		if (!issued) return null;
		// Local passwords off: no link, the mail tells where to sign in instead (the answer on the page is the same).
		const sso = await ssoOnlyLogin(trx, user);
		if (sso !== null) {
			const { name: organisation } = await findOrganisation(trx, user.organisationId);
			const link = `${request.origin}${sso}`;
			return {
				to: user.email,
				text: t('auth.forgot_mail_sso', { name: user.name, email: user.email, organisation, link })
			};
		}
		const token = await createUserToken(trx, user.id, 'reset', null);
		const link = `${request.origin}/invitation/${token}`;
		return { to: user.email, text: t('auth.forgot_mail_text', { name: user.name, email: user.email, link }) };
	});
	// Not awaited: how long the mail server takes must not show in the answer (sendMail logs its own failures).
	if (mail) void sendMail(mail.to, t('auth.forgot_mail_subject'), mail.text);
	// A timer may fire a fraction of a millisecond early (libuv counts whole milliseconds): wait until it is really time.
	const answerAt = started + answerAfterMs;
	while (performance.now() < answerAt) await sleep(Math.ceil(answerAt - performance.now()));
	return { ok: true };
}
