import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../infra/db';
import type { Role } from '../../../../db/types';
import { hashSecret, randomToken, secretMatches } from './token';

/** How long sessions live (ASVS L2): an inactivity timeout and an absolute lifetime. */
export interface SessionPolicy {
	idleMinutes: number;
	absoluteHours: number;
}

/** The last-verified stamp is written at most this often, not on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * How old the last-verified stamp may get before a request moves it: a minute, but never more than half
 * the idle window. A longer interval would let an active user's stamp lag so far behind that the idle
 * timeout ends a session in use (with 1 idle minute, a request every 15 s never wrote and was signed out).
 */
export function touchIntervalMs(policy: SessionPolicy): number {
	return Math.min(TOUCH_INTERVAL_MS, (policy.idleMinutes * 60_000) / 2);
}

export interface SessionUser {
	id: number;
	organisationId: number;
	email: string;
	name: string;
	role: Role;
}

export interface Session {
	id: string;
	userId: number;
	createdAt: Date;
	lastVerifiedAt: Date;
}

/**
 * Starts a session (Lucia's design): the token is `id.secret`, 160 random bits of id and 256 of secret;
 * only SHA-256(secret) is stored. Returns the token for the cookie.
 * @example const { token } = await createSession(db, user.id, { clientAddress, userAgent });
 */
export async function createSession(
	db: Db,
	userId: number,
	meta: { clientAddress?: string | null; userAgent?: string | null } = {},
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const id = randomToken(20);
	const secret = randomToken(32);
	await db
		.insertInto('session')
		.values({
			id,
			secretHash: hashSecret(secret),
			userId,
			createdAt: now,
			lastVerifiedAt: now,
			clientAddress: meta.clientAddress ?? null,
			userAgent: meta.userAgent?.slice(0, 300) ?? null
		})
		.execute();
	return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, lastVerifiedAt: now } };
}

/**
 * The session and user a token belongs to, or null when it is malformed, unknown, wrong, expired
 * (idle or absolute) or its user is disabled. Expired sessions are deleted; the last-verified stamp
 * is moved forward at most once a minute and at least once per half idle window of use (touchIntervalMs).
 */
export async function validateSessionToken(
	db: Db,
	token: string,
	policy: SessionPolicy,
	now = new Date()
): Promise<{ session: Session; user: SessionUser; organisation: { id: number; slug: string; name: string } } | null> {
	const parts = token.split('.');
	if (parts.length !== 2 || !/^[a-z2-7]{1,64}$/.test(parts[0]) || !/^[a-z2-7]{1,128}$/.test(parts[1])) return null;
	const [id, secret] = parts;
	const row = await db
		.selectFrom('session as s')
		.innerJoin('appUser as u', 'u.id', 's.userId')
		.innerJoin('organisation as o', 'o.id', 'u.organisationId')
		.where('s.id', '=', id)
		.select([
			's.id',
			's.secretHash',
			's.userId',
			's.createdAt',
			's.lastVerifiedAt',
			'u.organisationId',
			'u.email',
			'u.name',
			'u.role',
			'u.disabledAt',
			'o.slug as organisationSlug',
			'o.name as organisationName'
		])
		.executeTakeFirst();
	if (!row || !secretMatches(secret, row.secretHash)) return null;
	const idleExpired = now.getTime() - row.lastVerifiedAt.getTime() >= policy.idleMinutes * 60_000;
	const absoluteExpired = now.getTime() - row.createdAt.getTime() >= policy.absoluteHours * 3_600_000;
	if (idleExpired || absoluteExpired || row.disabledAt) {
		await invalidateSession(db, id);
		return null;
	}
	let lastVerifiedAt = row.lastVerifiedAt;
	if (now.getTime() - lastVerifiedAt.getTime() >= touchIntervalMs(policy)) {
		lastVerifiedAt = now;
		await db.updateTable('session').set({ lastVerifiedAt: now }).where('id', '=', id).execute();
	}
	return {
		session: { id, userId: row.userId, createdAt: row.createdAt, lastVerifiedAt },
		user: { id: row.userId, organisationId: row.organisationId, email: row.email, name: row.name, role: row.role },
		organisation: { id: row.organisationId, slug: row.organisationSlug, name: row.organisationName }
	};
}

/** Ends one session (sign-out). */
export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Ends every session of a user (disabled, password changed, or ended by an admin); returns how many. */
export async function invalidateUserSessions(db: Pick<Db, 'deleteFrom'>, userId: number): Promise<number> {
	const result = await db.deleteFrom('session').where('userId', '=', userId).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** The cookie's name: with the `__Host-` prefix when served over https (it then requires Secure and Path=/). */
export function sessionCookieName(secure: boolean): string {
	return secure ? '__Host-fremdrift_session' : 'fremdrift_session';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https, living as long as the session may. */
export function setSessionCookie(cookies: Cookies, token: string, secure: boolean, policy: SessionPolicy): void {
	cookies.set(sessionCookieName(secure), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: policy.absoluteHours * 3600
	});
}

/** Removes the session cookie. */
export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
