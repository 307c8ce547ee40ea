import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our own code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		typescript: {
			// Type-check the database layer and the tests with the app (svelte-check, editors).
			config: (config) => {
				config.include.push('../db/**/*.ts');
				return config;
			}
		}
	}
};

export default config;
