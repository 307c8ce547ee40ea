// Password rules after OWASP ASVS L2 (V2.1): 12 to 128 characters, no composition rules,
// refusal of passwords found in a list of common ones, and a strength estimate (zxcvbn-ts) of at
// least 3 of 4, so patterns no list holds ("aaaaaaaaaaaa", "abcdefghijkl", "qwertyuiopasdf",
// "kodeordkodeord", "fremdrift1234") are refused too.
//
// The common-password set combines two lists:
// - `@zxcvbn-ts/language-common` (MIT): ~49,000 passwords from public leaks, mostly English.
//   The JSON is bundled into the server build by Vite; it is parsed when this module loads.
// - `danish-common-passwords.txt`: a hand-made list of Danish words, names and patterns,
//   inlined as a string with Vite's `?raw` import. `?raw` means this module has to be loaded
//   through Vite (dev server, build, vitest); plain node/tsx cannot import it.
// The Set itself is built on first use and then kept (see `commonPasswords`).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import englishPasswords from '@zxcvbn-ts/language-common/src/passwords.json';
import type { PlainMessageKey } from '../messages';
import danishPasswordsText from './danish-common-passwords.txt?raw';

/** Fewest characters (Unicode code points, after NFC) a password may have. */
export const PASSWORD_MIN_LENGTH = 12;

/** Most characters (Unicode code points, after NFC) a password may have. */
export const PASSWORD_MAX_LENGTH = 128;

/** Fewest points of zxcvbn's 0–4 score a password needs (3: "safely unguessable", ~10^8 guesses or more). */
export const PASSWORD_MIN_SCORE = 3;

/** Why `checkPassword` refused a password; each maps to the message key `password.<problem>`. */
export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email' | 'too_weak';

/** A refusal: the problem and, for `too_weak`, zxcvbn's advice as message keys (warning first). */
export interface PasswordRefusal {
	problem: PasswordProblem;
	advice: PlainMessageKey[];
}

/** The words a password must not lean on, besides the e-mail: the user's and organisation's names. */
export interface PasswordContext {
	email?: string;
	userInputs?: string[];
}

// zxcvbn-ts's feedback keys (its translation keys; left untranslated, it returns the keys themselves)
// mapped to our catalogue, so the advice reads in Danish. A key a newer zxcvbn-ts adds is left out.
const WARNINGS: Record<string, PlainMessageKey> = {
	straightRow: 'password.warning_straight_row',
	keyPattern: 'password.warning_key_pattern',
	simpleRepeat: 'password.warning_simple_repeat',
	extendedRepeat: 'password.warning_extended_repeat',
	sequences: 'password.warning_sequences',
	recentYears: 'password.warning_recent_years',
	dates: 'password.warning_dates',
	topTen: 'password.warning_top_ten',
	topHundred: 'password.warning_top_hundred',
	common: 'password.warning_common',
	similarToCommon: 'password.warning_similar_to_common',
	wordByItself: 'password.warning_word_by_itself',
	namesByThemselves: 'password.warning_names_by_themselves',
	commonNames: 'password.warning_common_names',
	userInputs: 'password.warning_user_inputs',
	pwned: 'password.warning_pwned'
};
const SUGGESTIONS: Record<string, PlainMessageKey> = {
	l33t: 'password.suggestion_l33t',
	reverseWords: 'password.suggestion_reverse_words',
	allUppercase: 'password.suggestion_all_uppercase',
	capitalization: 'password.suggestion_capitalization',
	dates: 'password.suggestion_dates',
	recentYears: 'password.suggestion_recent_years',
	associatedYears: 'password.suggestion_associated_years',
	sequences: 'password.suggestion_sequences',
	repeated: 'password.suggestion_repeated',
	longerKeyboardPattern: 'password.suggestion_longer_keyboard_pattern',
	anotherWord: 'password.suggestion_another_word',
	useWords: 'password.suggestion_use_words',
	noNeed: 'password.suggestion_no_need',
	pwned: 'password.suggestion_pwned'
};

/** Always counted as the user's own words: the app's name (as in "fremdrift1234"). */
const APP_WORDS = ['fremdrift'];

// Shorter local parts occur by chance ("anna" and "jens" count; "jh" does not).
const MIN_EMAIL_LOCAL_PART = 4;

// One trailing run of digits, punctuation, symbols, spaces: "sommer2024!", "kodeord 123".
const TRAILING_RUN = /[\p{N}\p{P}\p{S}\s]+$/u;

let commonSet: Set<string> | undefined;
let estimator: ZxcvbnFactory | undefined;

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

/** zxcvbn-ts with the common (English) dictionaries, the Danish list and keyboard graphs; built on first use. */
function strengthEstimator(): ZxcvbnFactory {
	estimator ??= new ZxcvbnFactory({
		dictionary: { ...commonDictionary, 'danish-common': danishEntries() },
		graphs: adjacencyGraphs
	});
	return estimator;
}

/** zxcvbn's warning and suggestions for a password, as message keys of our catalogue. */
function adviceFor(feedback: { warning: string | null; suggestions: string[] }): PlainMessageKey[] {
	const keys = [
		feedback.warning ? WARNINGS[feedback.warning] : undefined,
		...feedback.suggestions.map((s) => SUGGESTIONS[s])
	];
	return keys.filter((key): key is PlainMessageKey => key !== undefined);
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
 * Checks a new password against the policy: the first problem (with advice), or null when it is accepted.
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
 * - `too_weak`: zxcvbn-ts scores it below PASSWORD_MIN_SCORE, with the app's name, the e-mail's local
 *   part and `context.userInputs` (the user's and the organisation's names) as words an attacker knows.
 *   It is scored with and without its spaces; the weaker estimate decides. `advice` holds zxcvbn's
 *   warning and suggestions as message keys.
 *
 * @example
 * checkPassword('sommerfugl2024'); // { problem: 'too_common', advice: [] }
 * checkPassword('aaaaaaaaaaaa'); // { problem: 'too_weak', advice: ['password.warning_simple_repeat', …] }
 * checkPassword('hest batteri korrekt hæfteklamme'); // null
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordRefusal | null {
	const normalised = password.normalize('NFC');
	const length = [...normalised].length;
	if (length < PASSWORD_MIN_LENGTH) return { problem: 'too_short', advice: [] };
	if (length > PASSWORD_MAX_LENGTH) return { problem: 'too_long', advice: [] };

	const folded = fold(normalised);
	const common = commonPasswords();
	for (const form of lookupForms(folded)) {
		if (common.has(form)) return { problem: 'too_common', advice: [] };
	}

	const localParts = context.email ? emailParts(context.email) : [];
	const plain = transliterate(folded);
	for (const part of localParts) {
		if (folded.includes(part) || plain.includes(transliterate(part))) return { problem: 'contains_email', advice: [] };
	}

	const words = [
		...APP_WORDS,
		...localParts,
		...(context.userInputs ?? []).flatMap((input) => fold(input).split(/[^\p{L}\p{N}]+/u))
	];
	const inputs = words.filter((word) => word.length >= 3);
	// zxcvbn counts each space as a separate guess step, which alone lifts "Syddjurs Kommune" to score 3:
	// the password is also scored without its spaces, and the weaker estimate decides.
	const compact = normalised.replace(/\s+/gu, '');
	const results = [normalised, ...(compact !== normalised && compact !== '' ? [compact] : [])].map((candidate) =>
		strengthEstimator().check(candidate, inputs)
	);
	const weakest = results.reduce((a, b) => (b.guesses < a.guesses ? b : a));
	if (weakest.score < PASSWORD_MIN_SCORE) return { problem: 'too_weak', advice: adviceFor(weakest.feedback) };
	return null;
}

/** Size of the combined common-password set (both lists, with their transliterations). */
export function commonPasswordCount(): number {
	return commonPasswords().size;
}
