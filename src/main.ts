import { availableParallelism } from "node:os";
import { ConfigError, loadConfig } from "./config.ts";
import { collectStartupGarbage } from "./heap.ts";
import { createLogger } from "./logger.ts";
import { Metrics } from "./metrics.ts";
import { loadServerSecret } from "./secret-key.ts";
import { createTessera } from "./server.ts";
import { openStore } from "./store/db.ts";

const PRUNE_EVERY_MS = 10 * 60_000;
const ALERT_SWEEP_EVERY_MS = 15_000;

/** start: config → store → app → listen; on SIGTERM/SIGINT, finish in-flight requests, then exit. */
export async function main(): Promise<void> {
	// argon2id runs on libuv's thread pool. One thread per core hashes fastest: the default four
	// threads on two cores gave 8–10% fewer sign-ins a second (bench/README.md). Set before the
	// pool starts; an operator's own UV_THREADPOOL_SIZE wins.
	process.env["UV_THREADPOOL_SIZE"] ??= String(Math.max(2, availableParallelism()));
	let config: ReturnType<typeof loadConfig>;
	try {
		config = loadConfig();
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(`tessera: ${error.message}`);
			process.exit(78); // EX_CONFIG
		}
		throw error;
	}
	const logger = createLogger(config.logLevel);
	const { secret, source } = loadServerSecret(config.secret, config.dataDir);
	const store = await openStore(config);
	const tessera = await createTessera({ config, store, secret, logger, metrics: new Metrics({ defaultMetrics: true }) });
	logger.info({ database: store.kind, location: store.location, secret: source }, "store ready");

	const pruner = setInterval(() => {
		tessera.prune().catch((error: unknown) => logger.warn({ err: error }, "pruning expired rows failed"));
	}, PRUNE_EVERY_MS);
	pruner.unref();
	// Alerts another instance could not send, or that died with it: any instance picks them up.
	const sweeper = setInterval(() => {
		tessera.deps.alerts.sweep().catch((error: unknown) => logger.warn({ err: error }, "sending owed alerts failed"));
	}, ALERT_SWEEP_EVERY_MS);
	sweeper.unref();

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, "shutting down: finishing requests in flight");
		clearInterval(pruner);
		clearInterval(sweeper);
		try {
			await tessera.close();
			process.exit(0);
		} catch (error) {
			logger.error({ err: error }, "shutdown failed");
			process.exit(1);
		}
	};
	process.on("SIGTERM", () => void stop("SIGTERM"));
	process.on("SIGINT", () => void stop("SIGINT"));

	collectStartupGarbage();
	await tessera.app.listen({ port: config.port, host: config.host });
}

if (import.meta.main) {
	main().catch((error: unknown) => {
		console.error("tessera: could not start:", error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
