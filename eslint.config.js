// ESLint flat config: correctness rules only; layout is Prettier's job (eslint-config-prettier last).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/', 'tests/bench/results/'] },
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig }
		}
	},
	{
		rules: {
			// Leading underscore marks a value kept on purpose (`const { a: _a, ...rest }`, unused callback parameters).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					caughtErrorsIgnorePattern: '^_',
					destructuredArrayIgnorePattern: '^_'
				}
			],
			// The app is served at the root (no kit.paths.base), so plain hrefs and goto() paths are already right.
			'svelte/no-navigation-without-resolve': 'off',
			// Every {@html} shows Markdown rendered on the server by renderMarkdown (html: false escapes raw HTML),
			// from text fields that refuse HTML at input (tests/e2e/register.test.ts).
			'svelte/no-at-html-tags': 'off',
			// {' '} is the one way to keep a space at the start of an {#if} block: Svelte 5 trims a literal one.
			'svelte/no-useless-mustaches': 'off'
		}
	},
	{
		// Migrations are written against Kysely<any>, as Kysely documents: they must not depend on today's schema types.
		files: ['db/migrations/**/*.ts', '**/migrate.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	svelte.configs.prettier,
	prettier
);
