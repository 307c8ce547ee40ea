import { describe, expect, it } from 'vitest';
import danishPasswordsText from './danish-common-passwords.txt?raw';
import {
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	checkPassword,
	commonPasswordCount
} from './password-policy';

// Twelve code points, not in any list: the building block for the length boundaries.
const TWELVE = 'xk7#Qm2vLp9z';

describe('checkPassword: length', () => {
	it('uses the ASVS L2 bounds', () => {
		expect(PASSWORD_MIN_LENGTH).toBe(12);
		expect(PASSWORD_MAX_LENGTH).toBe(128);
	});

	it('refuses 11 characters and accepts 12', () => {
		expect(checkPassword(TWELVE.slice(0, 11))).toBe('too_short');
		expect(checkPassword(TWELVE)).toBeNull();
	});

	it('refuses the empty password', () => {
		expect(checkPassword('')).toBe('too_short');
	});

	it('accepts 128 characters and refuses 129', () => {
		const long = 'Zq9!'.repeat(32);
		expect([...long]).toHaveLength(128);
		expect(checkPassword(long)).toBeNull();
		expect(checkPassword(long + 'x')).toBe('too_long');
	});

	it('counts an emoji as one character, not two UTF-16 units', () => {
		const elevenWithEmoji = TWELVE.slice(0, 10) + '🐴';
		expect(elevenWithEmoji.length).toBe(12);
		expect(checkPassword(elevenWithEmoji)).toBe('too_short');
		expect(checkPassword(TWELVE.slice(0, 11) + '🐴')).toBeNull();
		expect(checkPassword('🐴'.repeat(128))).toBeNull();
		expect(checkPassword('🐴'.repeat(129))).toBe('too_long');
	});

	it('counts æ, ø and å as one character each', () => {
		expect(checkPassword('ærøø-kåb-æ7')).toBe('too_short');
		expect(checkPassword('ærøø-kåb-æ7q')).toBeNull();
	});

	it('normalises to NFC before counting, so a decomposed å counts once', () => {
		const decomposedAa = 'a\u030a';
		const eleven = TWELVE.slice(0, 10) + decomposedAa;
		expect([...eleven]).toHaveLength(12);
		expect(checkPassword(eleven)).toBe('too_short');
		expect(checkPassword(TWELVE.slice(0, 11) + decomposedAa)).toBeNull();
	});

	it('does not trim: spaces are characters', () => {
		expect(checkPassword(' ' + TWELVE.slice(0, 10) + ' ')).toBeNull();
		expect(checkPassword('  ' + TWELVE.slice(0, 8) + ' ')).toBe('too_short');
	});
});

describe('checkPassword: common passwords', () => {
	it.each(['password1234', 'qwertyuiop12', '1qaz2wsx3edc', 'Password1234', 'PASSWORD1234'])(
		'refuses the English list entry %j (any case)',
		(password) => {
			expect(checkPassword(password)).toBe('too_common');
		}
	);

	it.each(['football2024!', 'Sunshine1234567', 'iloveyou!!!!!', 'dragon 123456', 'Princess#2025'])(
		'refuses %j: a common word with one trailing run of digits/punctuation',
		(password) => {
			expect(checkPassword(password)).toBe('too_common');
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
		expect(checkPassword(password)).toBe('too_common');
	});

	it('folds æ/ø/å to ae/oe/aa in the password', () => {
		// The English list has "raphael"; written with æ it is the same password.
		expect(checkPassword('Raphæl12345!')).toBe('too_common');
		expect(checkPassword('Kaerlighed2099')).toBe('too_common');
		expect(checkPassword('KÆRLIGHED2099')).toBe('too_common');
		expect(checkPassword('Koebenhavn2099')).toBe('too_common');
	});

	it('folds æ/ø/å to ae/oe/aa in the list entries', () => {
		// The file has "æøåæøåæøåæøå" but not its transliteration.
		expect(danishPasswordsText).not.toContain('aeoeaaaeoeaaaeoeaaaeoeaa');
		expect(checkPassword('aeoeaaaeoeaaaeoeaaaeoeaa')).toBe('too_common');
	});

	it('strips only a trailing run, not digits in the middle', () => {
		expect(checkPassword('sommer2024fugl')).toBeNull();
		expect(checkPassword('123sommerfugl')).toBeNull();
	});

	it('accepts a strong passphrase', () => {
		expect(checkPassword('hest batteri korrekt hæfteklamme')).toBeNull();
		expect(
			checkPassword('hest batteri korrekt hæfteklamme', { email: 'anna.berg@norddjurs.dk' })
		).toBeNull();
	});
});

describe('checkPassword: e-mail', () => {
	const email = 'Jens.Hansen@norddjurs.dk';

	it('refuses a password containing the local part, in any case', () => {
		expect(checkPassword('jens.hansen-er-sej', { email })).toBe('contains_email');
		expect(checkPassword('MinKode:JENS.HANSEN', { email })).toBe('contains_email');
	});

	it('accepts the same password for someone else', () => {
		expect(checkPassword('jens.hansen-er-sej', { email: 'anna.berg@norddjurs.dk' })).toBeNull();
		expect(checkPassword('jens.hansen-er-sej')).toBeNull();
	});

	it('ignores local parts shorter than 4 characters', () => {
		expect(checkPassword('jhs er den bedste', { email: 'jhs@norddjurs.dk' })).toBeNull();
		expect(checkPassword('jens er den bedste', { email: 'jens@norddjurs.dk' })).toBe(
			'contains_email'
		);
	});

	it('does not check the domain', () => {
		expect(checkPassword('norddjurs.dk er skønt', { email })).toBeNull();
	});

	it('matches across æ/ø/å transliteration', () => {
		expect(checkPassword('soeren.kjaer-kode-77', { email: 'søren.kjær@kommune.dk' })).toBe(
			'contains_email'
		);
		expect(checkPassword('søren.kjær-kode-77', { email: 'soeren.kjaer@kommune.dk' })).toBe(
			'contains_email'
		);
	});

	it('also checks the part before "+" in a sub-address', () => {
		expect(
			checkPassword('anna.berg i fremdrift', { email: 'anna.berg+fremdrift@norddjurs.dk' })
		).toBe('contains_email');
	});

	it('reports a too-common password before the e-mail', () => {
		expect(checkPassword('jegelskerdig', { email: 'jegelskerdig@example.dk' })).toBe('too_common');
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
