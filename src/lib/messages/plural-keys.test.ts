import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { da } from './da';
import { en } from './en';
import { daServer } from '../server/messages/da';
import { enServer } from '../server/messages/en';

/**
 * The plural rule of the catalogues. A parameter whose name says it is a count — COUNT_PARAMS — makes its
 * message one of a pair `key_one` / `key_other` (the forms may read alike, as 'fejl' and 'nøgletal' do:
 * the pair is still how the code asks), and the code names such keys only as the forms given to plural()
 * (`plural(n, { one: 'x_one', other: 'x_other' })`), so Intl.PluralRules picks the form, never the template.
 * Not counts: limits from the configuration ({max}, {min}: never 1), ordinals and labels ({n}. halvår,
 * række {n}, linje {line}, version {edition}, anbefaling {number}), years, amounts and percentages.
 * COMPOSED lists the messages whose count-named parameters are filled with phrases already pluralised by a pair.
 */
const COUNT_PARAMS = new Set(['count', 'done', 'total', 'errors', 'rows', 'observations', 'minutes', 'decimals']);

const COMPOSED: Record<string, string> = {
	'import.summary_counts': 'each parameter is a phrase from an import.count_* pair ("1 række", "2 nye")',
	'status.missing_range': '{unit} is picked by plural() from the period_unit.* pairs for {count}'
};

type Catalogue = Readonly<Record<string, string>>;

const countParams = (template: string) =>
	[...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((name) => COUNT_PARAMS.has(name));

/** What breaks the rule in one catalogue: a count outside a pair, and a pair missing its other half. */
export function pluralProblems(catalogue: Catalogue): string[] {
	const problems: string[] = [];
	for (const [key, text] of Object.entries(catalogue)) {
		const form = /_(one|other)$/.exec(key);
		if (form) {
			const twin = key.replace(/_(one|other)$/, form[1] === 'one' ? '_other' : '_one');
			if (!Object.hasOwn(catalogue, twin)) problems.push(`${key}: no ${twin}`);
		} else if (countParams(text).length > 0 && !Object.hasOwn(COMPOSED, key)) {
			problems.push(`${key}: {${countParams(text).join('}, {')}} outside a _one/_other pair`);
		}
	}
	return problems;
}

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

/** Where the code names a pair's key other than as `one: '…_one'` / `other: '…_other'` in a file that calls plural(). */
export function pluralMisuses(text: string, pairKeys: ReadonlySet<string>): string[] {
	const misuses: string[] = [];
	for (const m of text.matchAll(/(\w+\s*:\s*)?['"`]([a-z0-9_.]+_(one|other))['"`]/g)) {
		if (!pairKeys.has(m[2])) continue;
		const asForm = m[1]?.replace(/\s|:/g, '') === m[3];
		if (!asForm || !/\bplural\(/.test(text)) misuses.push(m[0]);
	}
	return misuses;
}

describe('counts in the catalogues go through plural()', () => {
	const catalogues = { da, en, daServer, enServer } as Record<string, Catalogue>;

	test.each(Object.keys(catalogues))('%s: every count-named parameter sits in a _one/_other pair', (name) => {
		expect(pluralProblems(catalogues[name])).toEqual([]);
	});

	test('the rule catches the old wording ("1 rækker har fejl") and a lone half of a pair', () => {
		const before = {
			'import.nothing_saved': 'Intet er gemt, fordi {errors} rækker har fejl. Ret dem, og prøv igen.',
			'import.nothing_saved_one': 'Intet er gemt, fordi {errors} række har fejl. Ret den, og prøv igen.',
			'status.follow_up_progress': '{done} af {total} opfølgningspunkter færdige',
			'annual.as_of': 'Tallene er opgjort pr. {date}.'
		};
		expect(pluralProblems(before)).toEqual([
			'import.nothing_saved: {errors} outside a _one/_other pair',
			'import.nothing_saved_one: no import.nothing_saved_other',
			'status.follow_up_progress: {done}, {total} outside a _one/_other pair'
		]);
	});

	test('every composed message exists and still needs its exemption', () => {
		for (const key of Object.keys(COMPOSED)) {
			const text = ({ ...da, ...daServer } as Catalogue)[key];
			expect(text, key).toBeDefined();
			expect(countParams(text), key).not.toEqual([]);
		}
	});

	test('the code names a pair’s keys only as the forms handed to plural()', () => {
		const pairKeys = new Set([...Object.keys(da), ...Object.keys(daServer)].filter((key) => /_(one|other)$/.test(key)));
		const misuses = sourceFiles(src)
			.filter((file) => !file.includes('/messages/'))
			.flatMap((file) =>
				pluralMisuses(readFileSync(file, 'utf8'), pairKeys).map((m) => `${relative(src, file)}: ${m}`)
			);
		expect(misuses).toEqual([]);
		// The check itself: a direct t() of one form is caught, the forms object handed to plural() is not.
		expect(pluralMisuses("t('grid.saved_other', { count })", pairKeys)).toEqual(["'grid.saved_other'"]);
		expect(
			pluralMisuses("t(plural(n, { one: 'grid.saved_one', other: 'grid.saved_other' }), { count: n })", pairKeys)
		).toEqual([]);
	});
});
