/**
 * The product rules (DESIGN §3) and da-DK formatting: pure functions, no I/O.
 * Import from `$lib/domain`; the files below are the places to read and change the rules.
 */
export * from './dates';
export * from './periods';
export * from './progress';
export * from './recommendation-status';
export * from './money';
export * from './numbers';
export * from './format';
export * from './effect';
export * from './entry';
export * from './chart-data';
export * from './plural';
