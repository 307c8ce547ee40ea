// Password rules after OWASP ASVS L2 (V2.1): 12 to 128 characters, no composition rules,
// and refusal of passwords found in a list of common ones.
//
// The common-password set combines two lists:
// - `@zxcvbn-ts/language-common` (MIT): ~49,000 passwords from public leaks, mostly English.
//   The JSON is bundled into the server build by Vite; it is parsed when this module loads.
// - `danish-common-passwords.txt`: a hand-made list of Danish words, names and patterns,
//   inlined as a string with Vite's `?raw` import. `?raw` means this module has to be loaded
//   through Vite (dev server, build, vitest); plain node/tsx cannot import it.
// The Set itself is built on first use and then kept (see `commonPasswords`).
import englishPasswords from '@zxcvbn-ts/language-common/src/passwords.json';
import danishPasswordsText from './danish-common-passwords.txt?raw';

/** Fewest characters (Unicode code points, after NFC) a password may have. */
export const PASSWORD_MIN_LENGTH = 12;

/** Most characters (Unicode code points, after NFC) a password may have. */
export const PASSWORD_MAX_LENGTH = 128;

/** Why `checkPassword` refused a password; each maps to the message key `password.<problem>`. */
export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

// Shorter local parts occur by chance ("anna" and "jens" count; "jh" does not).
const MIN_EMAIL_LOCAL_PART = 4;

// One trailing run of digits, punctuation, symbols, spaces: "sommer2024!", "kodeord 123".
const TRAILING_RUN = /[\p{N}\p{P}\p{S}\s]+$/u;

let commonSet: Set<string> | undefined;

/** Lower-case and NFC, the form every comparison in this module uses. */
function fold(value: string): string {
	return value.normalize('NFC').toLowerCase();
}

/** Danish letters written the way keyboards without them do: æ→ae, ø→oe, å→aa. */
function transliterate(value: string): string {
	return value.replaceAll('æ', 'ae').replaceAll('ø', 'oe').replaceAll('å', 'aa');
}

/** The Danish list as entries: one per line, `#` comments and blank lines skipped. */
function danishEntries(): string[] {
	return danishPasswordsText
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
}

/** Both lists, folded, each entry also in its transliterated spelling; built once on first use. */
function commonPasswords(): Set<string> {
	if (commonSet) return commonSet;
	const set = new Set<string>();
	for (const entry of [...englishPasswords, ...danishEntries()]) {
		const folded = fold(entry);
		set.add(folded);
		set.add(transliterate(folded));
	}
	commonSet = set;
	return set;
}

/** The forms of a folded password looked up in the common set. */
function lookupForms(folded: string): Set<string> {
	const forms = new Set<string>();
	for (const form of [folded, transliterate(folded)]) {
		forms.add(form);
		const stripped = form.replace(TRAILING_RUN, '');
		if (stripped !== '') forms.add(stripped);
	}
	return forms;
}

/**
 * The parts of an e-mail address a password must not contain: the local part and,
 * for sub-addresses ("anna.berg+fremdrift"), the part before "+"; only parts of 4+ characters.
 */
function emailParts(email: string): string[] {
	const folded = fold(email.trim());
	const at = folded.lastIndexOf('@');
	const local = at === -1 ? folded : folded.slice(0, at);
	const parts = [local, local.split('+')[0]];
	return [...new Set(parts)].filter((part) => [...part].length >= MIN_EMAIL_LOCAL_PART);
}

/**
 * Checks a new password against the policy: the first problem, or null when it is accepted.
 *
 * - Length is counted in Unicode code points after NFC normalisation, so "å" and "🐴" count as one;
 *   nothing is trimmed, spaces are ordinary characters.
 * - `too_common`: the password, lower-cased, is in the common list; so is it when æ/ø/å are written
 *   ae/oe/aa, or when one trailing run of digits, punctuation, symbols or spaces is removed
 *   ("Sommerfugl2024!" → "sommerfugl").
 * - `contains_email`: the password contains the local part of `context.email` (case-insensitive,
 *   also after æ/ø/å transliteration). Only local parts of 4+ characters count, since shorter ones
 *   ("jh", "abc") occur by chance; for "navn+tag@…" the part before "+" counts too. The domain is
 *   not checked: it is shared by everyone in the municipality and is not personal.
 *
 * @example
 * checkPassword('sommerfugl2024'); // 'too_common'
 * checkPassword('hest batteri korrekt hæfteklamme'); // null
 * checkPassword('jens.hansen-er-sej', { email: 'jens.hansen@norddjurs.dk' }); // 'contains_email'
 */
export function checkPassword(
	password: string,
	context?: { email?: string }
): PasswordProblem | null {
	const normalised = password.normalize('NFC');
	const length = [...normalised].length;
	if (length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'too_long';

	const folded = fold(normalised);
	const common = commonPasswords();
	for (const form of lookupForms(folded)) {
		if (common.has(form)) return 'too_common';
	}

	if (context?.email) {
		const plain = transliterate(folded);
		for (const part of emailParts(context.email)) {
			if (folded.includes(part) || plain.includes(transliterate(part))) return 'contains_email';
		}
	}
	return null;
}

/** Size of the combined common-password set (both lists, with their transliterations). */
export function commonPasswordCount(): number {
	return commonPasswords().size;
}
