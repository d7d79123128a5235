import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sql } from "kysely";
import { isPrivateAddress } from "../core/address.ts";
import { cameThroughUntrustedProxy, clientAddress, isAllowedScrapeHost } from "./client.ts";
import { TesseraError } from "../core/errors.ts";
import type { FlowDeps } from "../flows/deps.ts";

/** Whether a readiness check passed, and how long it took. */
export interface Check {
	ok: boolean;
	ms: number;
	error?: string;
}

/** Something /readyz asks: the database, Redis. */
export type ReadinessProbe = () => Promise<void>;

const noQuery = { querystring: { type: "object", additionalProperties: false, properties: {} } };

async function run(probe: ReadinessProbe, timeoutMs: number): Promise<Check> {
	const started = performance.now();
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			probe(),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
			}),
		]);
		return { ok: true, ms: Math.round(performance.now() - started) };
	} catch (error) {
		return { ok: false, ms: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
	} finally {
		clearTimeout(timer);
	}
}

function bearer(request: FastifyRequest): string | undefined {
	const header = request.headers.authorization;
	return typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}

/**
 * For load balancers and monitoring: /healthz (the process answers), /readyz
 * (it can reach what it needs; 503 otherwise, and while shutting down) and
 * /metrics (Prometheus). Metrics are for the operator's network: with
 * TESSERA_METRICS_TOKEN set they need it as a bearer token, without it they
 * answer only loopback and private addresses.
 */
export async function opsRoutes(app: FastifyInstance, options: { deps: FlowDeps; probes: Record<string, ReadinessProbe> }): Promise<void> {
	const { deps } = options;
	const publicHost = new URL(deps.config.publicUrl).hostname.toLowerCase();
	const probes: Record<string, ReadinessProbe> = {
		database: async () => {
			await sql`select 1`.execute(deps.db);
		},
		...options.probes,
	};

	app.get("/healthz", { schema: noQuery }, async (_request, reply) => reply.header("Cache-Control", "no-store").send({ status: "ok" }));

	app.get("/readyz", { schema: noQuery }, async (_request, reply) => {
		const entries = await Promise.all(Object.entries(probes).map(async ([name, probe]) => [name, await run(probe, 2000)] as const));
		const checks = Object.fromEntries(entries);
		const ok = entries.every(([, check]) => check.ok);
		return reply
			.code(ok ? 200 : 503)
			.header("Cache-Control", "no-store")
			.send({ status: ok ? "ready" : "not_ready", checks });
	});

	app.get("/metrics", { schema: noQuery }, async (request, reply) => {
		const token = deps.config.metricsToken;
		if (token) {
			const given = Buffer.from(bearer(request) ?? "");
			const expected = Buffer.from(token);
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new TesseraError("not_found");
		} else if (cameThroughUntrustedProxy(request) || !isPrivateAddress(clientAddress(request)) || !isAllowedScrapeHost(request, [publicHost])) {
			// Through a proxy Tessera was not told about, every request looks private: only direct ones
			// count. A page elsewhere whose name was made to point at this address (DNS rebinding)
			// arrives with its own name as Host: only addresses, loopback and Tessera's own name do.
			throw new TesseraError("not_found");
		}
		return reply.header("Cache-Control", "no-store").type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
	});
}
