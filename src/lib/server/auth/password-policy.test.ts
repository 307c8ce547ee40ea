import { describe, expect, it } from 'vitest';
import danishPasswordsText from './danish-common-passwords.txt?raw';
import {
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	checkPassword,
	commonPasswordCount,
	type PasswordContext
} from './password-policy';

/** Just the problem: most tests here are about which rule refuses. */
const problemOf = (password: string, context?: PasswordContext) => checkPassword(password, context)?.problem ?? null;

// Twelve code points, not in any list: the building block for the length boundaries.
const TWELVE = 'xk7#Qm2vLp9z';

describe('checkPassword: length', () => {
	it('uses the ASVS L2 bounds', () => {
		expect(PASSWORD_MIN_LENGTH).toBe(12);
		expect(PASSWORD_MAX_LENGTH).toBe(128);
	});

	it('refuses 11 characters and accepts 12', () => {
		expect(problemOf(TWELVE.slice(0, 11))).toBe('too_short');
		expect(problemOf(TWELVE)).toBeNull();
	});

	it('refuses the empty password', () => {
		expect(problemOf('')).toBe('too_short');
	});

	it('accepts 128 characters and refuses 129', () => {
		// No repeats or runs, so the strength estimate does not refuse it: only length is tested here.
		const long = Array.from({ length: 128 }, (_, i) => String.fromCodePoint(0x21 + ((i * 37) % 90))).join('');
		expect([...long]).toHaveLength(128);
		expect(problemOf(long)).toBeNull();
		expect(problemOf(long + 'x')).toBe('too_long');
	});

	it('counts an emoji as one character, not two UTF-16 units', () => {
		const elevenWithEmoji = TWELVE.slice(0, 10) + '🐴';
		expect(elevenWithEmoji.length).toBe(12);
		expect(problemOf(elevenWithEmoji)).toBe('too_short');
		expect(problemOf(TWELVE.slice(0, 11) + '🐴')).toBeNull();
		expect(problemOf(TWELVE.slice(0, 11) + '🐴'.repeat(117))).toBeNull();
		expect(problemOf(TWELVE.slice(0, 11) + '🐴'.repeat(118))).toBe('too_long');
	});

	it('counts æ, ø and å as one character each', () => {
		expect(problemOf('ærøø-kåb-æ7')).toBe('too_short');
		expect(problemOf('ærøø-kåb-æ7q')).toBeNull();
	});

	it('normalises to NFC before counting, so a decomposed å counts once', () => {
		const decomposedAa = 'a\u030a';
		const eleven = TWELVE.slice(0, 10) + decomposedAa;
		expect([...eleven]).toHaveLength(12);
		expect(problemOf(eleven)).toBe('too_short');
		expect(problemOf(TWELVE.slice(0, 11) + decomposedAa)).toBeNull();
	});

	it('does not trim: spaces are characters', () => {
		expect(problemOf(' ' + TWELVE.slice(0, 10) + ' ')).toBeNull();
		expect(problemOf('  ' + TWELVE.slice(0, 8) + ' ')).toBe('too_short');
	});
});

describe('checkPassword: common passwords', () => {
	it.each(['password1234', 'qwertyuiop12', '1qaz2wsx3edc', 'Password1234', 'PASSWORD1234'])(
		'refuses the English list entry %j (any case)',
		(password) => {
			expect(problemOf(password)).toBe('too_common');
		}
	);

	it.each(['football2024!', 'Sunshine1234567', 'iloveyou!!!!!', 'dragon 123456', 'Princess#2025'])(
		'refuses %j: a common word with one trailing run of digits/punctuation',
		(password) => {
			expect(problemOf(password)).toBe('too_common');
		}
	);

	it.each([
		'sommerfugl2024',
		'jegelskerdig',
		'kodeord12345!',
		'Adgangskode2025',
		'Norddjurs2026!',
		'københavn1234',
		'Allerød12345',
		'sygeplejerske',
		'hejmeddig123!',
		'qwertyuiopå12',
		'asdfghjklæø123',
		'januar2025!!',
		'Mandag123456',
		'Mette1980!!!',
		'Søren2000!!!',
		'Soeren123456'
	])('refuses the Danish %j', (password) => {
		expect(problemOf(password)).toBe('too_common');
	});

	it('folds æ/ø/å to ae/oe/aa in the password', () => {
		// The English list has "raphael"; written with æ it is the same password.
		expect(problemOf('Raphæl12345!')).toBe('too_common');
		expect(problemOf('Kaerlighed2099')).toBe('too_common');
		expect(problemOf('KÆRLIGHED2099')).toBe('too_common');
		expect(problemOf('Koebenhavn2099')).toBe('too_common');
	});

	it('folds æ/ø/å to ae/oe/aa in the list entries', () => {
		// The file has "æøåæøåæøåæøå" but not its transliteration.
		expect(danishPasswordsText).not.toContain('aeoeaaaeoeaaaeoeaaaeoeaa');
		expect(problemOf('aeoeaaaeoeaaaeoeaaaeoeaa')).toBe('too_common');
	});

	it('strips only a trailing run, not digits in the middle (the strength estimate may still refuse them)', () => {
		expect(problemOf('sommer2024fugl')).not.toBe('too_common');
		expect(problemOf('123sommerfugl')).not.toBe('too_common');
	});

	it('accepts a strong passphrase', () => {
		expect(problemOf('hest batteri korrekt hæfteklamme')).toBeNull();
		expect(problemOf('hest batteri korrekt hæfteklamme', { email: 'anna.berg@norddjurs.dk' })).toBeNull();
	});
});

describe('checkPassword: strength (zxcvbn-ts, score at least 3)', () => {
	it.each([
		'            ',
		'aaaaaaaaaaaa',
		'abcdefghijkl',
		'qwertyuiopasdf',
		'kodeordkodeord',
		'fremdrift1234',
		'fremdriftfremdrift',
		'fremdrift-demo'
	])('refuses %j as too weak', (password) => {
		expect(problemOf(password)).toBe('too_weak');
	});

	it('explains a refusal with Danish advice from the catalogue: the warning first, then suggestions', () => {
		expect(checkPassword('aaaaaaaaaaaa')).toEqual({
			problem: 'too_weak',
			advice: ['password.warning_simple_repeat', 'password.suggestion_another_word', 'password.suggestion_repeated']
		});
		expect(checkPassword('abcdefghijkl')?.advice[0]).toBe('password.warning_sequences');
		for (const password of ['qwertyuiopasdf', 'kodeordkodeord', 'fremdrift1234'])
			expect(checkPassword(password)?.advice.length).toBeGreaterThan(0);
	});

	it("counts the user's and the organisation's names as guessable words", () => {
		const userInputs = ['Syddjurs Kommune', 'Birgitte Halvorsen'];
		expect(problemOf('birgittesyddjurs')).toBeNull();
		expect(checkPassword('birgittesyddjurs', { userInputs })).toEqual({
			problem: 'too_weak',
			advice: ['password.warning_user_inputs', 'password.suggestion_another_word']
		});
		// Spaces alone do not make the organisation's name a password.
		expect(problemOf('Syddjurs Kommune', { userInputs })).toBe('too_weak');
	});

	it('accepts long passphrases and random strings', () => {
		for (const password of ['hest batteri korrekt hæfteklamme', 'grøn tekande på første sal', 'xk7#Qm2vLp9z'])
			expect(problemOf(password)).toBeNull();
	});
});

describe('checkPassword: e-mail', () => {
	const email = 'Jens.Hansen@norddjurs.dk';

	it('refuses a password containing the local part, in any case', () => {
		expect(problemOf('jens.hansen-er-sej', { email })).toBe('contains_email');
		expect(problemOf('MinKode:JENS.HANSEN', { email })).toBe('contains_email');
	});

	it('accepts the same password for someone else', () => {
		expect(problemOf('jens.hansen-er-sej', { email: 'anna.berg@norddjurs.dk' })).toBeNull();
		expect(problemOf('jens.hansen-er-sej')).toBeNull();
	});

	it('ignores local parts shorter than 4 characters', () => {
		expect(problemOf('jhs er den bedste', { email: 'jhs@norddjurs.dk' })).toBeNull();
		expect(problemOf('jens er den bedste', { email: 'jens@norddjurs.dk' })).toBe('contains_email');
	});

	it('does not check the domain', () => {
		expect(problemOf('norddjurs.dk er skønt', { email })).toBeNull();
	});

	it('matches across æ/ø/å transliteration', () => {
		expect(problemOf('soeren.kjaer-kode-77', { email: 'søren.kjær@kommune.dk' })).toBe('contains_email');
		expect(problemOf('søren.kjær-kode-77', { email: 'soeren.kjaer@kommune.dk' })).toBe('contains_email');
	});

	it('also checks the part before "+" in a sub-address', () => {
		expect(problemOf('anna.berg i fremdrift', { email: 'anna.berg+fremdrift@norddjurs.dk' })).toBe('contains_email');
	});

	it('reports a too-common password before the e-mail', () => {
		expect(problemOf('jegelskerdig', { email: 'jegelskerdig@example.dk' })).toBe('too_common');
	});
});

describe('common password lists', () => {
	it('holds at least 3,000 distinct passwords', () => {
		expect(commonPasswordCount()).toBeGreaterThanOrEqual(3000);
	});

	it('has at least 400 hand-made Danish entries, lower-case and unique', () => {
		const entries = danishPasswordsText
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter((line) => line !== '' && !line.startsWith('#'));
		expect(entries.length).toBeGreaterThanOrEqual(400);
		expect(new Set(entries).size).toBe(entries.length);
		for (const entry of entries) expect(entry).toBe(entry.toLowerCase().normalize('NFC'));
	});
});
