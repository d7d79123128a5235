import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, LogController } from "fastify";
import type { Logger } from "pino";
import { TesseraError, words } from "../core/errors.ts";
import { accessLogger, loggableUrl } from "../logger.ts";
import type { FlowDeps } from "../flows/deps.ts";
import type { OpenIdService } from "../oidc/service.ts";
import { apiRoutes } from "./api/routes.ts";
import { registerOpenApi } from "./openapi.ts";
import { opsRoutes, type ReadinessProbe } from "./ops.ts";
import { applyErrorHeaders, errorBody, logIfUnexpected, statusOf, toTesseraError } from "./errors.ts";
import { inPresentationOf, registerPresentation } from "./presentation.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { lazySchemaCompilers } from "./lazy-schemas.ts";
import { ssfDiscovery, ssfRoutes } from "./ssf.ts";
import { renderErrorPage, webRoutes } from "./web/routes.ts";

export const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * A client that stops sending holds its socket no longer than this: its headers
 * must arrive within HEADERS_TIMEOUT_MS and the whole request within
 * REQUEST_TIMEOUT_MS (checked every CONNECTIONS_CHECK_MS), or the socket is closed.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;
const CONNECTIONS_CHECK_MS = 1_000;

export interface AppOptions {
	deps: FlowDeps;
	logger: Logger;
	/** Extra readiness checks beyond the database (Redis). */
	probes?: Record<string, ReadinessProbe>;
	/** The OpenID Connect provider. */
	oidc: OpenIdService;
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
const inFlight = new WeakMap<FastifyInstance, Map<string, unknown>>();

/** Requests being answered right now: a shutdown waits for them, and only them. */
export function requestsInFlight(app: FastifyInstance): number {
	return inFlight.get(app)?.size ?? 0;
}

/** Every route the app serves: the tests walk them all (CSRF, headers, fuzzing), so a new one is never missed. */
export function routesOf(app: FastifyInstance): RouteInfo[] {
	return routeLists.get(app) ?? [];
}

/**
 * The access log: one line a request, at info (the default level), once it is answered (at
 * debug, a line on arrival too):
 * its id (reqId, also in the X-Request-Id header), method, address without the values of
 * its query (links carry tokens there), status, time taken in ms, and the client's address.
 * No headers, no body, no cookies: nothing a secret could ride in.
 */
function logAccess(access: Logger, request: FastifyRequest, status: number, elapsedMs: number): void {
	access.info(
		{ reqId: request.id, method: request.method, url: loggableUrl(request.url), status, ms: Math.round(elapsedMs * 10) / 10, ip: request.ip },
		"request",
	);
}

export async function buildApp({ deps, logger, probes = {}, oidc }: AppOptions): Promise<FastifyInstance> {
	const app = Fastify({
		loggerInstance: logger as FastifyBaseLogger,
		// Fastify's own two lines a request (arrival, then answer) give way to one access line, below.
		logController: new LogController({ disableRequestLogging: true }),
		bodyLimit: BODY_LIMIT_BYTES,
		trustProxy: trustProxyOption(deps.config.trustProxy),
		// Always our own: an id a client chose could pass for another request's in the logs.
		genReqId: () => randomUUID(),
		return503OnClosing: true,
		ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, useDefaults: false } },
		schemaController: { compilersFactory: lazySchemaCompilers() },
		routerOptions: { maxParamLength: 200 },
		requestTimeout: REQUEST_TIMEOUT_MS,
		http: { headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: CONNECTIONS_CHECK_MS },
	});
	// Past the cap, new connections are refused at once instead of exhausting file descriptors.
	app.server.maxConnections = deps.config.maxConnections;

	const routes: RouteInfo[] = [];
	routeLists.set(app, routes);
	const access = logger.isLevelEnabled("info") ? accessLogger(logger) : undefined;
	// In flight: from its arrival until it is answered, or, when its client left (Fastify's
	// onResponse then never runs), until its hooks and handler have done: a handler that keeps
	// running after its client went still uses the database, so a shutdown waits for it.
	const flight = new Map<string, { handling: boolean; closed: boolean; done: boolean }>();
	inFlight.set(app, flight);
	const settle = (id: string, state: { handling: boolean; closed: boolean; done: boolean }) => {
		if (state.closed && state.done && !state.handling) flight.delete(id);
	};
	app.addHook("onRequest", (request, reply, done) => {
		const state = { handling: false, closed: false, done: false };
		flight.set(request.id, state);
		reply.raw.once("close", () => {
			state.closed = true;
			settle(request.id, state);
		});
		// The client's address is read on arrival, while the socket can still tell it: Node keeps
		// it once read, and a handler still running after its client hung up needs it (limits).
		request.raw.socket?.remoteAddress;
		// The id every log line of this request carries: quote it when reporting a problem.
		reply.header("X-Request-Id", request.id);
		// At debug, each arrival too: through the main logger, written at once, not in batches.
		if (access?.isLevelEnabled("debug")) request.log.debug({ method: request.method, url: loggableUrl(request.url) }, "request arrived");
		// Node keeps the first of two Host headers; a proxy in front may have read the second.
		if (request.raw.rawHeaders.filter((_, i) => i % 2 === 0 && /^host$/i.test(request.raw.rawHeaders[i]!)).length > 1) {
			done(new TesseraError("invalid_request", { message: words("errors.request.twoHosts") }));
			return;
		}
		done();
	});
	app.addHook("onResponse", (request, _reply, done) => {
		flight.delete(request.id);
		done();
	});
	// Every path ends in a send, whether the handler answered, a hook refused, or the body never came.
	app.addHook("onSend", async (request) => {
		const state = flight.get(request.id);
		if (!state) return;
		state.done = true;
		settle(request.id, state);
	});

	app.addHook("onRoute", (route) => {
		for (const method of [route.method].flat()) if (method !== "HEAD") routes.push({ method, url: route.url });
		const handler = route.handler;
		route.handler = async function tracked(this: FastifyInstance, request, reply) {
			const state = flight.get(request.id);
			if (state) state.handling = true;
			try {
				return await handler.call(this, request, reply);
			} finally {
				if (state) {
					state.handling = false;
					state.done = true;
					settle(request.id, state);
				}
			}
		};
	});

	// Each plugin below registers the one body format it takes; elsewhere any body is refused (415).
	app.removeAllContentTypeParsers();
	registerSecurityHeaders(app);
	await app.register(cookie);
	registerPresentation(app, deps.config);

	app.setErrorHandler((error, request, reply) =>
		inPresentationOf(request, () => {
			const mapped = toTesseraError(error);
			logIfUnexpected(request, error, mapped);
			if (!isApi(request.url)) return renderErrorPage(mapped, reply);
			applyErrorHeaders(reply, mapped);
			if (mapped.code === "unauthenticated") reply.header("WWW-Authenticate", 'Bearer realm="tessera"');
			return reply.code(statusOf(mapped.code)).type("application/json; charset=utf-8").send(errorBody(mapped));
		}),
	);

	app.setNotFoundHandler((request, reply) =>
		inPresentationOf(request, () => {
			const error = new TesseraError("not_found");
			if (!isApi(request.url)) return renderErrorPage(error, reply);
			return reply.code(statusOf(error.code)).send(errorBody(error));
		}),
	);

	app.addHook("onResponse", (request, reply, done) => {
		const elapsed = reply.elapsedTime;
		deps.metrics.httpDuration.observe(
			{ method: request.method, route: request.routeOptions.url ?? "unmatched", status: `${Math.floor(reply.statusCode / 100)}xx` },
			elapsed / 1000,
		);
		if (access) logAccess(access, request, reply.statusCode, elapsed);
		done();
	});

	// Before the routes: the document is made from each route's schema as it is registered.
	await registerOpenApi(app);
	await app.register(opsRoutes, { deps, probes });
	await app.register(apiRoutes, { prefix: "/api/v1", deps });
	await app.register(ssfDiscovery, { deps });
	await app.register(ssfRoutes, { prefix: "/ssf", deps });
	await app.register(webRoutes, { deps, oidc });
	return app;
}
