import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { type CoreOptions, createFlowDeps } from "./flow-deps.ts";
import type { FlowDeps } from "./flows/deps.ts";
import { pruneExpiredSessions } from "./flows/sessions.ts";
import { buildApp, requestsInFlight } from "./http/app.ts";
import { OpenIdService } from "./oidc/service.ts";
import type { Store } from "./store/db.ts";

export { type CoreOptions, createFlowDeps };

/** How long a shutdown waits for requests in flight before closing their connections anyway. */
const SHUTDOWN_GRACE_MS = 30_000;

export interface Tessera {
	app: FastifyInstance;
	/** The OpenID Connect provider: its keys, and the back-channel logouts it sends. */
	oidc: OpenIdService;
	deps: FlowDeps;
	store: Store;
	/** Deletes expired sessions, challenges and counters. main.ts runs it every few minutes. */
	prune(): Promise<void>;
	close(): Promise<void>;
}

/** Wires a Tessera from its parts. main.ts and the tests both build it here. */
export async function createTessera(options: CoreOptions): Promise<Tessera> {
	const { config, store, logger } = options;
	const deps = await createFlowDeps(options);
	const probes: Record<string, () => Promise<void>> = config.redisUrl
		? { redis: () => deps.attempts.ping() }
		: store.kind === "postgres"
			? // The counters' own connections (synchronous_commit off): a pooler that refuses the setting fails here.
				{ counters: async () => void (await sql`select 1`.execute(store.relaxedDb)) }
			: {};
	const oidc = await OpenIdService.create(deps, logger);
	const app = await buildApp({ deps, logger, probes, oidc });
	oidc.start();
	deps.signals.start();
	deps.webhooks.start();
	const longestWindow = Math.max(...Object.values(config.limits).map((l) => l.windowMs));
	return {
		app,
		deps,
		store,
		oidc,
		async prune() {
			await oidc.prune();
			await pruneExpiredSessions(deps);
			for (const method of deps.methods.all) await method.prune?.(deps.db, deps.clock());
			await deps.oneTimeCodes.prune(deps.db, deps.clock());
			await deps.signals.prune();
			await deps.attempts.prune(longestWindow);
		},
		async close() {
			// New requests get 503; those in flight finish. Kept-alive connections with nothing in
			// flight (a proxy's, a browser's) would hold the close open: they go as soon as nothing is.
			const closing = app.close();
			const started = Date.now();
			while (requestsInFlight(app) > 0 && Date.now() - started < SHUTDOWN_GRACE_MS) await new Promise((r) => setTimeout(r, 20));
			app.server.closeAllConnections();
			await closing;
			await oidc.close();
			await deps.signals.close();
			await deps.alerts.drain();
			await deps.webhooks.close();
			deps.delivery.close();
			await deps.attempts.close();
			await store.close();
		},
	};
}
