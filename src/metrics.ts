import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics for one instance (each instance is scraped on its own).
 * Labels are small closed sets: never a username, an address or a token.
 */
export class Metrics {
	readonly registry = new Registry();

	/** Sign-in steps: step "password" or "second_factor"; result "session", "second_factor" or an error code. */
	readonly signIns = new Counter({
		name: "tessera_sign_ins_total",
		help: "Sign-in steps by step, result and method.",
		labelNames: ["step", "result", "method"] as const,
		registers: [this.registry],
	});

	/** Second-factor codes checked: result "accepted" or the error code (invalid_code, code_already_used, …). */
	readonly codeRedemptions = new Counter({
		name: "tessera_code_redemptions_total",
		help: "Second-factor codes checked, by method and result.",
		labelNames: ["method", "result"] as const,
		registers: [this.registry],
	});

	/** Attempts refused by a limit, by what was counted ("password:account", "code:address", …). */
	readonly throttleHits = new Counter({
		name: "tessera_throttle_hits_total",
		help: "Attempts refused by a rate limit, by limit.",
		labelNames: ["limit"] as const,
		registers: [this.registry],
	});

	readonly alerts = new Counter({
		name: "tessera_alerts_total",
		help: "Security alerts, by channel and outcome (sent, delayed, failed).",
		labelNames: ["channel", "outcome"] as const,
		registers: [this.registry],
	});

	readonly ssfPushes = new Counter({
		name: "tessera_ssf_pushes_total",
		help: "Shared Signals pushes to receivers, by outcome (delivered, retry, refused, given_up).",
		labelNames: ["outcome"] as const,
		registers: [this.registry],
	});

	readonly httpDuration = new Histogram({
		name: "tessera_http_request_duration_seconds",
		help: "Time to answer HTTP requests, by route and status class.",
		labelNames: ["method", "route", "status"] as const,
		// From a session check (a few ms) to a slow argon2id under load (a second or more).
		buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
		registers: [this.registry],
	});

	constructor(options: { defaultMetrics?: boolean } = {}) {
		// Memory, event-loop lag, CPU: once per process, so not in tests that build many instances.
		if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: "tessera_" });
	}
}
