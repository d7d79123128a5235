import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { TesseraError } from "../core/errors.ts";
import type { FlowDeps } from "../flows/deps.ts";
import { apiRoutes } from "./api/routes.ts";
import { opsRoutes, type ReadinessProbe } from "./ops.ts";
import { applyErrorHeaders, errorBody, logIfUnexpected, toTesseraError } from "./errors.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { renderErrorPage, webRoutes } from "./web/routes.ts";

export const BODY_LIMIT_BYTES = 16 * 1024;

export interface AppOptions {
	deps: FlowDeps;
	logger: Logger;
	/** Extra readiness checks beyond the database (Redis). */
	probes?: Record<string, ReadinessProbe>;
}

function isApi(url: string): boolean {
	return url === "/api" || url.startsWith("/api/");
}

/** A hop count becomes "trust the n nearest hops", as proxy-addr reads it. */
function trustProxyOption(setting: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
	if (typeof setting === "number") return (_address, hop) => hop < setting;
	return setting;
}

export interface RouteInfo {
	method: string;
	url: string;
}

const routeLists = new WeakMap<FastifyInstance, RouteInfo[]>();
const inFlight = new WeakMap<FastifyInstance, Set<string>>();

/** Requests being answered right now: a shutdown waits for them, and only them. */
export function requestsInFlight(app: FastifyInstance): number {
	return inFlight.get(app)?.size ?? 0;
}

/** Every route the app serves: the tests walk them all (CSRF, headers, fuzzing), so a new one is never missed. */
export function routesOf(app: FastifyInstance): RouteInfo[] {
	return routeLists.get(app) ?? [];
}

export async function buildApp({ deps, logger, probes = {} }: AppOptions): Promise<FastifyInstance> {
	const app = Fastify({
		loggerInstance: logger as FastifyBaseLogger,
		bodyLimit: BODY_LIMIT_BYTES,
		trustProxy: trustProxyOption(deps.config.trustProxy),
		// Always our own: an id a client chose could pass for another request's in the logs.
		genReqId: () => randomUUID(),
		return503OnClosing: true,
		ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, useDefaults: false } },
		routerOptions: { maxParamLength: 200 },
	});

	const routes: RouteInfo[] = [];
	routeLists.set(app, routes);
	const flight = new Set<string>();
	inFlight.set(app, flight);
	app.addHook("onRequest", (request, reply, done) => {
		flight.add(request.id);
		// The id every log line of this request carries: quote it when reporting a problem.
		reply.header("X-Request-Id", request.id);
		done();
	});
	app.addHook("onResponse", (request, _reply, done) => {
		flight.delete(request.id);
		done();
	});

	app.addHook("onRoute", (route) => {
		for (const method of [route.method].flat()) if (method !== "HEAD") routes.push({ method, url: route.url });
	});

	// Each plugin below registers the one body format it takes; elsewhere any body is refused (415).
	app.removeAllContentTypeParsers();
	registerSecurityHeaders(app);
	await app.register(cookie);

	app.setErrorHandler((error, request, reply) => {
		const mapped = toTesseraError(error);
		logIfUnexpected(request, error, mapped);
		if (!isApi(request.url)) return renderErrorPage(mapped, reply);
		applyErrorHeaders(reply, mapped);
		if (mapped.code === "unauthenticated") reply.header("WWW-Authenticate", 'Bearer realm="tessera"');
		return reply.code(mapped.status).type("application/json; charset=utf-8").send(errorBody(mapped));
	});

	app.setNotFoundHandler((request, reply) => {
		const error = new TesseraError("not_found");
		if (!isApi(request.url)) return renderErrorPage(error, reply);
		return reply.code(404).send(errorBody(error));
	});

	app.addHook("onResponse", async (request, reply) => {
		deps.metrics.httpDuration.observe(
			{ method: request.method, route: request.routeOptions.url ?? "unmatched", status: `${Math.floor(reply.statusCode / 100)}xx` },
			reply.elapsedTime / 1000,
		);
	});

	await app.register(opsRoutes, { deps, probes });
	await app.register(apiRoutes, { prefix: "/api/v1", deps });
	await app.register(webRoutes, { deps });
	return app;
}
