/**
 * Danish plurals: the one place that decides between a message's singular and plural form
 * ("1 række", "2 rækker"; "kolonnen Nøgletal", "kolonnerne Nøgletal og Periode").
 */
const rules = new Intl.PluralRules('da-DK');

/** The plural category of a count in Danish: 'one' for 1, 'other' for 0, 2, 3 … */
export function pluralCategory(count: number): 'one' | 'other' {
	return rules.select(count) === 'one' ? 'one' : 'other';
}

/**
 * Picks the form for a count; the forms are usually two message keys.
 * @example t(plural(n, { one: 'import.count_rows_one', other: 'import.count_rows_other' }), { count: n }) // '1 række', '2 rækker'
 */
export function plural<T>(count: number, forms: { one: T; other: T }): T {
	return forms[pluralCategory(count)];
}
