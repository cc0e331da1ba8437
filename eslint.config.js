import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const dbInRoutes =
	'No database access in routes: call a domain function in src/lib/server/<area>/ that authorizes itself.';
// Kysely's builder and execution methods.
const queryBuilders = [
	'selectFrom',
	'insertInto',
	'updateTable',
	'deleteFrom',
	'replaceInto',
	'mergeInto',
	'transaction',
	'execute',
	'executeTakeFirst',
	'executeTakeFirstOrThrow',
	'executeQuery'
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser } },
		// TypeScript checks names in Svelte files (svelte-check); ESLint does not know DOM types.
		rules: { 'no-undef': 'off' }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Routes parse, call one domain function, render: no database access under src/routes
		// (docs/architecture.md). Passing `locals.ctx` or `locals.ctx.db` to a domain function is fine.
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		// The health check may ask the database directly (it checks that the database answers).
		ignores: ['src/routes/api/v1/health/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['kysely', 'kysely/*'], message: dbInRoutes },
						{ group: ['$lib/server/db/*', '**/server/db/*'], message: dbInRoutes }
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				{ selector: `CallExpression[callee.property.name=/^(${queryBuilders.join('|')})$/]`, message: dbInRoutes },
				{ selector: "TaggedTemplateExpression[tag.name='sql']", message: dbInRoutes },
				{ selector: "MemberExpression[object.property.name='db']", message: dbInRoutes },
				{ selector: "MemberExpression[object.name='db']", message: dbInRoutes }
			]
		}
	},
	{
		// Server code also runs outside SvelteKit (CLI, jobs, the test harness), where `$lib` does not resolve.
		files: ['src/lib/server/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['$lib', '$lib/*'], message: 'Import by relative path in src/lib/server.' }] }
			]
		}
	},
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'data-bench/'] }
);
