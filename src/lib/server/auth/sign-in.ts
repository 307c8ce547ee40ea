import type { RequestEvent } from '@sveltejs/kit';
import { inTransaction, type Db } from '../infra/db';
import { getConfig } from '../infra/config';
import { recordAudit } from '../audit/record';
import { hashPassword, verifyPassword } from './password';
import { beginLoginAttempt, finishLoginAttempt } from './rate-limit';
import { createSession, invalidateSession, setSessionCookie, type SessionUser } from './session';
import { findUserForSignIn } from './users';
import { randomToken } from './token';
import { passwordSignInAllowed } from '../sso/providers';

let dummyHash: Promise<string> | undefined;

/** A hash to verify against when the e-mail is unknown, so both cases take about the same time. */
function timingDummy(): Promise<string> {
	dummyHash ??= hashPassword(randomToken(16));
	return dummyHash;
}

export type SignInResult =
	| { ok: true; user: SessionUser }
	| { ok: false; reason: 'invalid' }
	/** The password was right, but the organisation signs in through its identity provider (issue 18). */
	| { ok: false; reason: 'local_passwords_off' }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * Checks an e-mail and password: the attempt is admitted (and counted as a failure) first, atomically per
 * e-mail and address (5 failures per e-mail, 50 per address, 15 minutes; see beginLoginAttempt), then the argon2id hash — against a dummy hash when the e-mail is unknown or disabled, so the answer
 * and its timing are the same. Records the attempt and an audit event; on success starts a session and
 * sets its cookie (a new session on every sign-in).
 */
export async function signIn(db: Db, event: RequestEvent, email: string, password: string): Promise<SignInResult> {
	const clientAddress = event.getClientAddress();
	const admission = await beginLoginAttempt(db, email, clientAddress);
	if (!admission.ok) {
		await recordAudit(db, {
			organisationId: null,
			actorLabel: email,
			action: 'auth.sign_in_blocked',
			entityType: 'user',
			clientAddress
		});
		return { ok: false, reason: 'rate_limited', retryAfterSeconds: admission.retryAfterSeconds };
	}
	const user = await findUserForSignIn(db, email);
	const usable = user && !user.disabledAt && user.passwordHash ? user : undefined;
	const matches = await verifyPassword(usable?.passwordHash ?? (await timingDummy()), password);
	// Local passwords off: a right password still opens nothing (except for the break-glass admin).
	const refusedLocal = Boolean(usable && matches) && !(await passwordSignInAllowed(db, usable!));
	const succeeded = Boolean(usable && matches) && !refusedLocal;
	// The attempt's outcome, its audit event and the new session: one transaction, so none is recorded without the others.
	const token = await inTransaction(db, async (trx) => {
		if (succeeded) await finishLoginAttempt(trx, admission.attemptId);
		await recordAudit(trx, {
			organisationId: user?.organisationId ?? null,
			actorUserId: succeeded ? user!.id : null,
			actorLabel: email,
			action: succeeded ? 'auth.sign_in' : refusedLocal ? 'auth.sign_in_local_off' : 'auth.sign_in_failed',
			entityType: 'user',
			entityId: user?.id ?? null,
			clientAddress
		});
		if (!succeeded || !usable) return null;
		return (await createSession(trx, usable.id, { clientAddress, userAgent: event.request.headers.get('user-agent') }))
			.token;
	});
	if (refusedLocal) return { ok: false, reason: 'local_passwords_off' };
	if (token === null || !usable) return { ok: false, reason: 'invalid' };
	setSessionCookie(event.cookies, token, event.url.protocol === 'https:', getConfig().session);
	const { passwordHash: _hash, disabledAt: _disabled, ...sessionUser } = usable;
	return { ok: true, user: sessionUser };
}

/**
 * Ends the user's session and records the sign-out, in the caller's transaction.
 * @example await inTransaction(db, (trx) => signOut(trx, locals.session.id, locals.user, event.getClientAddress()));
 */
export async function signOut(
	trx: Db,
	sessionId: string,
	user: Pick<SessionUser, 'id' | 'organisationId'>,
	clientAddress: string | null
): Promise<void> {
	await invalidateSession(trx, sessionId);
	await recordAudit(trx, {
		organisationId: user.organisationId,
		actorUserId: user.id,
		action: 'auth.sign_out',
		entityType: 'user',
		entityId: user.id,
		clientAddress
	});
}
