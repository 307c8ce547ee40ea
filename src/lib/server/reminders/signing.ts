import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../infra/db';
import { readSecretKey } from '../sso/secret-box';

/**
 * Signed unsubscribe links: `<user id>.<HMAC-SHA256 of "unsubscribe:<user id>">` (base64url). The key is
 * derived from FREMDRIFT_SECRET_KEY when it is set (an HMAC of a fixed label, so the key that seals secrets
 * never signs links itself); else a random 32-byte key kept in the one row of `reminder_key`, made on first
 * use, so every instance on the database signs alike. Links carry no expiry: an unsubscribe link must work
 * for as long as the mail is kept.
 */
const keys = new WeakMap<Db, Promise<Buffer>>();

async function storedKey(db: Db): Promise<Buffer> {
	await db
		.insertInto('reminderKey')
		.values({ id: 1, secret: randomBytes(32).toString('base64') })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
	const row = await db.selectFrom('reminderKey').select('secret').where('id', '=', 1).executeTakeFirstOrThrow();
	return Buffer.from(row.secret, 'base64');
}

/** The HMAC key of unsubscribe links (see above), read once per database handle. */
export function unsubscribeKey(db: Db): Promise<Buffer> {
	let key = keys.get(db);
	if (!key) {
		const env = readSecretKey(process.env);
		key = env.ok
			? Promise.resolve(createHmac('sha256', env.key).update('fremdrift:unsubscribe-link:v1').digest())
			: storedKey(db);
		key.catch(() => keys.delete(db));
		keys.set(db, key);
	}
	return key;
}

function signature(key: Buffer, userId: number): string {
	return createHmac('sha256', key).update(`unsubscribe:${userId}`).digest('base64url');
}

/**
 * The token of a user's unsubscribe link.
 * @example `${origin}/afmeld/${await unsubscribeToken(db, user.id)}`
 */
export async function unsubscribeToken(db: Db, userId: number): Promise<string> {
	return `${userId}.${signature(await unsubscribeKey(db), userId)}`;
}

/** The user a token was signed for, or null when it is malformed or its signature is wrong. */
export async function verifyUnsubscribeToken(db: Db, token: string): Promise<number | null> {
	const match = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!match) return null;
	const userId = Number(match[1]);
	const expected = Buffer.from(signature(await unsubscribeKey(db), userId));
	const given = Buffer.from(match[2]);
	return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}
