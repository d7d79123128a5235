import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { type Clock, systemClock } from "./core/clock.ts";
import { ServerKeys } from "./core/keys.ts";
import { commonPasswordsPath, PasswordPolicy } from "./core/password-policy.ts";
import { type RandomSource, secureRandom } from "./core/random.ts";
import { Delivery } from "./delivery/delivery.ts";
import type { Transport } from "./delivery/message.ts";
import { OutboxTransport } from "./delivery/outbox.ts";
import { HttpSmsTransport } from "./delivery/sms-http.ts";
import { Alerts } from "./flows/alerts.ts";
import type { FlowDeps } from "./flows/deps.ts";
import { Signals } from "./flows/signal-pushes.ts";
import { Webhooks } from "./flows/webhook-sender.ts";
import { AttemptCounter } from "./limits/attempts.ts";
import { SqlCounterStore } from "./limits/sql-counters.ts";
import { createMethods, methodMigrations, methodRegistrations } from "./methods/registry.ts";
import type { MethodRegistration } from "./methods/types.ts";
import { Metrics } from "./metrics.ts";
import { migrate, type Store } from "./store/db.ts";

/*
 * The flows' dependencies, without the web server: the server (server.ts) and the
 * operator command (cli.ts) both build them here. Nothing here loads the HTTP
 * layer or the OpenID Connect provider, so a command starts without them.
 */

let sharedPolicy: PasswordPolicy | undefined;

/** The configured way out for each channel: the development outbox, or SMTP and the SMS provider. */
async function createDelivery(
	config: Config,
	clock: Clock,
	logger: Logger,
	override: Partial<Record<"email" | "sms", Transport>> | undefined,
): Promise<{ delivery: Delivery; outbox: OutboxTransport | undefined }> {
	if (override) return { delivery: new Delivery(override, logger), outbox: undefined };
	if (config.delivery.mode === "outbox") {
		const outbox = new OutboxTransport(config.dataDir, clock);
		return { delivery: new Delivery({ email: outbox, sms: outbox }, logger), outbox };
	}
	const transports: Partial<Record<"email" | "sms", Transport>> = {};
	// nodemailer and ioredis are loaded only when configured.
	if (config.delivery.smtpUrl) {
		const { SmtpTransport } = await import("./delivery/smtp.ts");
		transports.email = new SmtpTransport(config.delivery.smtpUrl, config.delivery.emailFrom);
	}
	if (config.delivery.sms) transports.sms = new HttpSmsTransport(config.delivery.sms);
	return { delivery: new Delivery(transports, logger), outbox: undefined };
}

export interface CoreOptions {
	config: Config;
	store: Store;
	secret: Uint8Array;
	logger: Logger;
	clock?: Clock;
	random?: RandomSource;
	/** Replaces the configured transports (tests). */
	transports?: Partial<Record<"email" | "sms", Transport>>;
	/** One per process: main.ts passes one that also collects the process's own metrics. */
	metrics?: Metrics;
	/** The methods to register, strongest first: the registry's list unless a test adds one. */
	methods?: readonly MethodRegistration[];
}

/** Everything the flows need, without the web server: the server and the operator commands share it. */
export async function createFlowDeps(options: CoreOptions): Promise<FlowDeps> {
	const { config, store, logger } = options;
	const clock = options.clock ?? systemClock;
	const random = options.random ?? secureRandom;
	const keys = new ServerKeys(options.secret);
	const methodDeps = { db: store.db, clock, random, keys, config };
	sharedPolicy ??= PasswordPolicy.fromFile(commonPasswordsPath);
	const metrics = options.metrics ?? new Metrics();
	// Counters lost in a database crash cost a few extra guesses at most; waiting on the disk for each
	// one cost every sign-in on PostgreSQL about 15 ms.
	const counters = config.redisUrl
		? new (await import("./limits/redis-counters.ts")).RedisCounterStore(config.redisUrl)
		: new SqlCounterStore(store.relaxedDb);
	const attempts = new AttemptCounter(counters, clock, keys, (limit) => metrics.throttleHits.inc({ limit }));
	const { delivery, outbox } = await createDelivery(config, clock, logger, options.transports);
	const registrations = options.methods ?? methodRegistrations;
	await migrate(store, methodMigrations(registrations));
	const { methods, oneTimeCodes } = createMethods(methodDeps, attempts, delivery, registrations);
	const deps: FlowDeps = {
		...methodDeps,
		methods,
		oneTimeCodes,
		attempts,
		passwordPolicy: sharedPolicy,
		delivery,
		outbox,
		alerts: new Alerts(methodDeps, delivery, logger, metrics, methods),
		webhooks: new Webhooks(methodDeps, logger, store.kind === "postgres" ? store.url : undefined),
		metrics,
		databaseKind: store.kind,
		relaxedDb: store.relaxedDb,
		signals: new Signals(() => deps, logger),
	};
	return deps;
}
