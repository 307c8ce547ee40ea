// The part of oidc-provider 9 the test harness uses (the package ships no types).
declare module 'oidc-provider' {
	import type { Server } from 'node:http';

	interface Account {
		accountId: string;
		claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
	}

	interface GrantInstance {
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}

	interface Context {
		/** Koa's request path and response body (the provider is a Koa app). */
		path: string;
		body: unknown;
		oidc: {
			client?: { clientId: string };
			session?: { accountId?: string };
			provider: Provider;
		};
	}

	class Provider {
		constructor(issuer: string, configuration: Record<string, unknown>);
		listen(port: number, host: string, callback?: () => void): Server;
		Grant: new (fields: { clientId: string; accountId: string }) => GrantInstance;
		proxy: boolean;
		/** Adds Koa middleware in front of the provider's own routes. */
		use(middleware: (ctx: Context, next: () => Promise<void>) => Promise<void>): void;
	}

	export type { Account, Context };
	export default Provider;
}
