// The API document's schema keywords (tags, summary, security), which these routes use.
import type {} from "@fastify/swagger";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { TesseraError } from "../core/errors.ts";
import type { FlowDeps } from "../flows/deps.ts";
import {
	changeStream,
	changeStreamStatus,
	LONG_POLL_MS,
	MAX_EVENTS,
	MIN_VERIFICATION_INTERVAL_S,
	ownStream,
	POLL,
	PUSH,
	poll,
	type PollRequest,
	removeStream,
	requestVerification,
	type StreamChange,
	type StreamStatus,
	statusOfStream,
	streamConfiguration,
	streamForToken,
} from "../flows/signals.ts";
import type { StreamRow } from "../store/signals.ts";
import { bearerToken } from "./api/context.ts";
import { registerJsonParser } from "./body-parsers.ts";
import { applyErrorHeaders, errorBody, logIfUnexpected, statusOf, toTesseraError } from "./errors.ts";
import { inPresentationOf } from "./presentation.ts";

/**
 * The Shared Signals transmitter's face (SSF 1.0): its metadata at
 * /.well-known/ssf-configuration, and under /ssf the stream management API a
 * receiver calls with its bearer token (configuration, status, verification) and
 * the poll endpoint (RFC 8936). Every answer is JSON; an error carries RFC 8936's
 * `err` and `description` beside Tessera's own `error` envelope.
 */

declare module "fastify" {
	interface FastifyRequest {
		ssfStream?: StreamRow;
	}
}

const text = (maxLength: number) => ({ type: "string", minLength: 1, maxLength }) as const;
const streamId = { type: "string", pattern: "^[0-9a-f]{32}$", description: "The stream's id (`stream_id`)." } as const;
const eventTypeList = { type: "array", maxItems: 50, items: text(300) } as const;

const errorResponse = {
	type: "object",
	description: "An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md).",
	required: ["err", "description", "error"],
	properties: {
		err: { type: "string", enum: ["invalid_request", "authentication_failed", "access_denied"], description: "RFC 8935/8936 error code." },
		description: { type: "string" },
		error: {
			type: "object",
			required: ["code", "message", "details"],
			properties: {
				code: { type: "string", enum: ["invalid_request", "invalid_json", "invalid_encoding", "payload_too_large", "unsupported_media_type", "unauthenticated", "not_found", "stream_exists", "stream_disabled_by_operator", "too_many_attempts", "internal_error"] },
				message: { type: "string" },
				details: {
					type: "object",
					properties: {
						retryAfterSeconds: { type: "integer" },
						fields: { type: "array", items: { type: "object", required: ["field", "reason"], properties: { field: { type: "string" }, reason: { type: "string" } } } },
					},
				},
				fields: {
					type: "array",
					items: { type: "object", required: ["field", "reason", "problem"], properties: { field: { type: "string" }, reason: { type: "string" }, problem: { type: "string" } } },
				},
			},
		},
	},
} as const;

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, errorResponse]));

const streamConfigurationSchema = {
	type: "object",
	description: "A stream's configuration (SSF 1.0 Stream Configuration).",
	required: ["stream_id", "iss", "aud", "delivery", "events_supported", "events_requested", "events_delivered", "min_verification_interval"],
	properties: {
		stream_id: { type: "string" },
		iss: { type: "string", description: "Tessera's issuer: the `iss` of every SET." },
		aud: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }], description: "The receiver, as named in the `aud` of every SET." },
		delivery: {
			type: "object",
			required: ["method", "endpoint_url"],
			properties: {
				method: { type: "string", enum: [PUSH, POLL] },
				endpoint_url: { type: "string", description: "Push: where Tessera posts SETs. Poll: where the receiver polls." },
			},
		},
		events_supported: { type: "array", items: { type: "string" } },
		events_requested: { type: "array", items: { type: "string" } },
		events_delivered: { type: "array", items: { type: "string" } },
		min_verification_interval: { type: "integer" },
		description: { type: "string" },
	},
} as const;

const streamChangeSchema = {
	type: "object",
	additionalProperties: false,
	required: ["stream_id"],
	properties: {
		stream_id: streamId,
		events_requested: eventTypeList,
		description: { type: "string", maxLength: 500 },
		delivery: {
			type: "object",
			additionalProperties: false,
			required: ["method"],
			properties: { method: text(100), endpoint_url: text(2000), authorization_header: { type: "string", maxLength: 2000 } },
		},
		// Transmitter-supplied members may be sent back as read; they must match.
		iss: text(2000),
		aud: { anyOf: [text(500), { type: "array", maxItems: 20, items: text(500) }] },
		events_supported: eventTypeList,
		events_delivered: eventTypeList,
		min_verification_interval: { type: "integer" },
		inactivity_timeout: { type: "integer" },
	},
} as const;

const statusSchema = {
	type: "object",
	description: "The stream's status.",
	required: ["stream_id", "status"],
	properties: { stream_id: { type: "string" }, status: { type: "string", enum: ["enabled", "paused", "disabled"] }, reason: { type: "string" } },
} as const;

const bearer = [{ ssfReceiver: [] }];

/** RFC 8935 §2.4 error codes by status: what a receiver's SET library looks for. */
function rfcError(status: number): "invalid_request" | "authentication_failed" | "access_denied" {
	if (status === 401) return "authentication_failed";
	if (status === 403) return "access_denied";
	return "invalid_request";
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
	return inPresentationOf(request, () => {
		const mapped = toTesseraError(error);
		logIfUnexpected(request, error, mapped);
		applyErrorHeaders(reply, mapped);
		const status = statusOf(mapped.code);
		// RFC 6750 §3: a token that was sent and is not good is invalid_token; none sent, the realm alone.
		if (status === 401) reply.header("WWW-Authenticate", bearerToken(request) ? 'Bearer realm="tessera", error="invalid_token"' : 'Bearer realm="tessera"');
		return reply.code(status).type("application/json; charset=utf-8").send({ err: rfcError(status), description: mapped.message, ...errorBody(mapped) });
	});
}

/** /.well-known/ssf-configuration: the transmitter's metadata, for anyone. */
export async function ssfDiscovery(app: FastifyInstance, options: { deps: FlowDeps }): Promise<void> {
	const { deps } = options;
	app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
	const base = deps.config.publicUrl;
	const metadata = {
		spec_version: "1_0",
		issuer: base,
		jwks_uri: `${base}/oidc/jwks`,
		delivery_methods_supported: [PUSH, POLL],
		configuration_endpoint: `${base}/ssf/stream`,
		status_endpoint: `${base}/ssf/status`,
		verification_endpoint: `${base}/ssf/verify`,
		authorization_schemes: [{ spec_urn: "urn:ietf:rfc:6750" }],
		default_subjects: "ALL",
	};
	app.get(
		"/.well-known/ssf-configuration",
		{
			schema: {
				tags: ["Shared Signals"],
				summary: "The Shared Signals transmitter's metadata (SSF 1.0)",
				response: {
					200: {
						type: "object",
						description: "Transmitter Configuration Metadata.",
						required: ["spec_version", "issuer", "jwks_uri", "delivery_methods_supported", "configuration_endpoint", "status_endpoint", "verification_endpoint", "authorization_schemes", "default_subjects"],
						properties: {
							spec_version: { type: "string" },
							issuer: { type: "string" },
							jwks_uri: { type: "string", description: "The OpenID Connect provider's keys: SETs are signed with them (RS256)." },
							delivery_methods_supported: { type: "array", items: { type: "string" } },
							configuration_endpoint: { type: "string" },
							status_endpoint: { type: "string" },
							verification_endpoint: { type: "string" },
							authorization_schemes: { type: "array", items: { type: "object", required: ["spec_urn"], properties: { spec_urn: { type: "string" } } } },
							default_subjects: { type: "string", enum: ["ALL", "NONE"] },
						},
					},
				},
			},
		},
		async (_request, reply) => reply.header("Cache-Control", "public, max-age=300").send(metadata),
	);
}

/** /ssf: what a receiver does with its stream, with its bearer token. */
export async function ssfRoutes(app: FastifyInstance, options: { deps: FlowDeps }): Promise<void> {
	const { deps } = options;
	registerJsonParser(app);
	app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
	app.setNotFoundHandler((request, reply) => sendError(request, reply, new TesseraError("not_found")));
	// Before the body is even read: without a good token, nothing else is looked at.
	app.addHook("onRequest", async (request) => {
		if (!request.routeOptions.url) return;
		request.ssfStream = await streamForToken(deps, bearerToken(request));
	});
	// Polls waiting for a SET answer (empty) when the server stops.
	app.addHook("preClose", async () => deps.signals.stopWaiting());

	const stream = (request: FastifyRequest) => request.ssfStream!;

	app.get<{ Querystring: { stream_id?: string } }>(
		"/stream",
		{
			schema: {
				tags: ["Shared Signals"],
				summary: "Read the receiver's stream configuration",
				description: "With `stream_id`, the stream; without, the list of the receiver's streams (its one stream).",
				security: bearer,
				querystring: { type: "object", additionalProperties: false, properties: { stream_id: streamId } },
				response: { 200: { description: "The stream's configuration, or a list of it.", anyOf: [streamConfigurationSchema, { type: "array", items: streamConfigurationSchema }] }, ...errors(400, 401, 404) },
			},
		},
		async (request) => {
			const own = ownStream(stream(request), request.query.stream_id);
			const configuration = streamConfiguration(deps, own);
			return request.query.stream_id === undefined ? [configuration] : configuration;
		},
	);

	app.post(
		"/stream",
		{
			schema: {
				tags: ["Shared Signals"],
				summary: "Create a stream: refused, a receiver has the one the operator made",
				security: bearer,
				body: { type: "object" },
				response: { 409: errorResponse, ...errors(400, 401) },
			},
		},
		async () => {
			throw new TesseraError("stream_exists");
		},
	);

	for (const method of ["PATCH", "PUT"] as const) {
		app.route<{ Body: StreamChange }>({
			method,
			url: "/stream",
			schema: {
				tags: ["Shared Signals"],
				summary: method === "PATCH" ? "Update the stream's configuration (members absent stay)" : "Replace the stream's configuration (members absent go back to their default)",
				security: bearer,
				body: streamChangeSchema,
				response: { 200: streamConfigurationSchema, ...errors(400, 401, 404) },
			},
			handler: async (request) => changeStream(deps, ownStream(stream(request), request.body.stream_id), request.body, method === "PUT"),
		});
	}

	app.delete<{ Querystring: { stream_id: string } }>(
		"/stream",
		{
			schema: {
				tags: ["Shared Signals"],
				summary: "Delete the stream: nothing more is sent on it, and its token stops working",
				security: bearer,
				querystring: { type: "object", additionalProperties: false, required: ["stream_id"], properties: { stream_id: streamId } },
				response: { 204: { type: "null", description: "Deleted." }, ...errors(400, 401, 404) },
			},
		},
		async (request, reply) => {
			await removeStream(deps, ownStream(stream(request), request.query.stream_id).id);
			return reply.code(204).send();
		},
	);

	app.get<{ Querystring: { stream_id: string } }>(
		"/status",
		{
			schema: {
				tags: ["Shared Signals"],
				summary: "Read the stream's status",
				security: bearer,
				querystring: { type: "object", additionalProperties: false, required: ["stream_id"], properties: { stream_id: streamId } },
				response: { 200: statusSchema, ...errors(400, 401, 404) },
			},
		},
		async (request) => statusOfStream(ownStream(stream(request), request.query.stream_id)),
	);

	app.post<{ Body: { stream_id: string; status: StreamStatus; reason?: string } }>(
		"/status",
		{
			schema: {
				tags: ["Shared Signals"],
				summary: "Enable, pause or disable the stream",
				description: "Paused: SETs are held and sent when it is enabled again. Disabled: nothing is held. A stream Tessera's operator disabled stays disabled: changing it is refused (403, `stream_disabled_by_operator`).",
				security: bearer,
				body: {
					type: "object",
					additionalProperties: false,
					required: ["stream_id", "status"],
					properties: { stream_id: streamId, status: { type: "string", enum: ["enabled", "paused", "disabled"] }, reason: { type: "string", maxLength: 500 } },
				},
				response: { 200: statusSchema, ...errors(400, 401, 403, 404) },
			},
		},
		async (request) => {
			const own = ownStream(stream(request), request.body.stream_id);
			return changeStreamStatus(deps, own.id, { status: request.body.status, reason: request.body.reason, by: "receiver" });
		},
	);

	app.post<{ Body: { stream_id: string; state?: string } }>(
		"/verify",
		{
			schema: {
				tags: ["Shared Signals"],
				summary: "Ask for a verification SET on the stream",
				description: `The SET carries \`state\` as sent. At most one every ${MIN_VERIFICATION_INTERVAL_S} seconds per stream (429 with Retry-After).`,
				security: bearer,
				body: { type: "object", additionalProperties: false, required: ["stream_id"], properties: { stream_id: streamId, state: { type: "string", maxLength: 1000 } } },
				response: { 204: { type: "null", description: "The verification SET will be sent." }, ...errors(400, 401, 404, 429) },
			},
		},
		async (request, reply) => {
			await requestVerification(deps, ownStream(stream(request), request.body.stream_id), request.body.state);
			return reply.code(204).send();
		},
	);

	app.post<{ Params: { streamId: string }; Body: PollRequest | undefined }>(
		"/poll/:streamId",
		{
			schema: {
				tags: ["Shared Signals"],
				summary: "Poll for SETs (RFC 8936)",
				description: `Acknowledges (\`ack\`) and reports errors (\`setErrs\`) for SETs received, then returns up to \`maxEvents\` (at most ${MAX_EVENTS}) SETs not yet acknowledged. With none and \`returnImmediately\` not true, waits up to ${LONG_POLL_MS / 1000} s for one.`,
				security: bearer,
				params: { type: "object", required: ["streamId"], properties: { streamId } },
				body: {
					type: "object",
					additionalProperties: false,
					properties: {
						maxEvents: { type: "integer", minimum: 0 },
						returnImmediately: { type: "boolean" },
						ack: { type: "array", maxItems: 1000, items: text(200) },
						setErrs: {
							type: "object",
							maxProperties: 1000,
							additionalProperties: {
								type: "object",
								additionalProperties: false,
								required: ["err"],
								properties: { err: text(100), description: { type: "string", maxLength: 1000 } },
							},
						},
					},
				},
				response: {
					200: {
						type: "object",
						description: "SETs not yet acknowledged.",
						required: ["sets"],
						properties: {
							sets: { type: "object", additionalProperties: { type: "string" }, description: "SETs by their jti (compact JWS, `typ` secevent+jwt)." },
							moreAvailable: { type: "boolean" },
						},
					},
					...errors(400, 401, 404),
				},
			},
		},
		async (request, reply) => {
			const own = ownStream(stream(request), request.params.streamId);
			if (own.delivery_method !== POLL) throw new TesseraError("not_found");
			const gone = new AbortController();
			reply.raw.once("close", () => gone.abort());
			return poll(deps, own, request.body ?? {}, gone.signal);
		},
	);
}
