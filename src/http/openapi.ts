import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance, FastifySchema, RouteOptions } from "fastify";
import { type ErrorCode, type ErrorDetails, errorCodes, fieldProblem, TesseraError } from "../core/errors.ts";
import { blockedBy, blockingAction } from "../flows/account-state.ts";
import type { RequiredAction } from "../flows/accounts.ts";
import { defaultBrand } from "../core/brand.ts";
import { withPresentation } from "../i18n/context.ts";
import packageJson from "../../package.json" with { type: "json" };
import { type Operation, operations, tags } from "./api/operations.ts";
import { routeActions } from "./api/routes.ts";
import { errorDetails, errorResponse } from "./api/shapes.ts";
import { errorBody, statusOf } from "./errors.ts";

/** Where the document is served, and the reference page that reads it. */
export const OPENAPI_PATH = "/api/v1/openapi.json";
export const REFERENCE_PATH = "/docs/api";

/**
 * The routes the document describes: the JSON API, and the Shared Signals
 * transmitter's (its management API and its metadata). Any route registered under
 * these is in the document, with the schema it was registered with.
 */
export const documentedPrefixes = ["/api/v1/", "/ssf/", "/.well-known/ssf-configuration"] as const;

export function isDocumented(url: string): boolean {
	return documentedPrefixes.some((prefix) => url === prefix.replace(/\/$/, "") || url.startsWith(prefix));
}

/** The codes any route that reads a body can answer before its own rules run, whether it takes one or not. */
const bodyErrors: readonly ErrorCode[] = ["invalid_json", "invalid_encoding", "payload_too_large", "unsupported_media_type"];
const requiredActions: readonly RequiredAction[] = ["set_up_two_factor", "finish_two_factor", "new_backup_codes"];

/** An error's facts for the examples: each code with the details it carries (docs/errors.md). */
const exampleDetails: Partial<Record<ErrorCode, ErrorDetails>> = {
	invalid_request: { fields: [fieldProblem("username", "required")] },
	weak_password: { fields: [fieldProblem("password", "password_common")] },
	username_taken: { fields: [fieldProblem("username", "username_taken")] },
	code_already_used: { method: "backup_code", usedAt: Date.UTC(2026, 5, 1, 11, 58, 12), remaining: 7 },
	code_replaced: { replacedAt: Date.UTC(2026, 4, 20, 9, 30, 0) },
	too_many_attempts: { retryAfterSeconds: 840 },
	resend_too_soon: { retryAfterSeconds: 42 },
	server_busy: { retryAfterSeconds: 1 },
};

/** The answer an error gets, as the API sends it, in English in UTC, whoever asks for the document. */
export function exampleError(code: ErrorCode) {
	return withPresentation({ locale: "en", timeZone: undefined, brand: defaultBrand }, () =>
		JSON.parse(JSON.stringify(errorBody(new TesseraError(code, exampleDetails[code])))),
	);
}

/** Every code a route can answer: its own, then those of its body, its session and the gate, and faults. */
export function errorsOf(key: string, operation: Operation): ErrorCode[] {
	const codes = new Set<ErrorCode>();
	// Any request: a field of its body or path not in the expected form, or a request no proxy should pass on (two Host headers).
	codes.add("invalid_request");
	if (!key.startsWith("GET ")) for (const code of bodyErrors) codes.add(code);
	const action = routeActions[key];
	if (action) {
		codes.add("unauthenticated");
		for (const required of requiredActions) if (blockingAction([required], action)) codes.add(blockedBy(required).code);
	}
	for (const code of operation.errors) codes.add(code);
	if (operation.hashes) codes.add("server_busy");
	codes.add("internal_error");
	return [...codes];
}

const wwwAuthenticate = { "WWW-Authenticate": { type: "string", description: "`Bearer realm=\"tessera\"` when the session is missing or has ended." } };
const retryAfter = { "Retry-After": { type: "integer", description: "Seconds to wait before trying again (`details.retryAfterSeconds`)." } };

/** The error responses of a route, by status: the envelope with the codes it can carry at that status. */
function errorResponses(codes: readonly ErrorCode[]) {
	const byStatus = new Map<number, ErrorCode[]>();
	for (const code of codes) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
	const responses: Record<string, unknown> = {};
	for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
		const schema = structuredClone(errorResponse) as unknown as {
			properties: { error: { properties: { code: Record<string, unknown> } } };
		};
		schema.properties.error.properties.code = { type: "string", enum: list };
		const headers = {
			...(list.some((code) => code === "too_many_attempts" || code === "resend_too_soon" || code === "server_busy") ? retryAfter : {}),
			...(list.includes("unauthenticated") ? wwwAuthenticate : {}),
		};
		responses[String(status)] = {
			...schema,
			description: list.map((code) => `- \`${code}\`: ${exampleError(code).error.message}`).join("\n"),
			...(Object.keys(headers).length > 0 ? { headers } : {}),
		};
	}
	return responses;
}

const successWords: Record<string, string> = { "200": "Done", "201": "Created", "202": "Accepted", "204": "Done; no body" };

/** A route's schema as the document shows it: its name, group, security, examples and every error it can answer. */
function documentedSchema(key: string, operation: Operation, schema: FastifySchema | undefined): FastifySchema {
	const response: Record<string, unknown> = {};
	for (const [status, answer] of Object.entries((schema?.response ?? {}) as Record<string, Record<string, unknown>>)) {
		if (/xx$/i.test(status)) continue;
		const example = operation.responses?.[Number(status)];
		const described = answer["description"] ? answer : { ...answer, description: successWords[status] ?? "Done" };
		response[status] = example === undefined ? described : { ...described, examples: [example] };
	}
	Object.assign(response, errorResponses(errorsOf(key, operation)));
	const signedIn = routeActions[key] !== undefined;
	return {
		...schema,
		operationId: operation.operationId,
		summary: operation.summary,
		tags: [operation.tag],
		...(signedIn ? { security: [{ session: [] }] } : { security: [] }),
		...(schema?.body && operation.request ? { body: { ...(schema.body as object), examples: [operation.request] } } : {}),
		response,
	} as FastifySchema;
}

/** "GET /ssf/stream" → "getSsfStream": a name for a route that gives none. */
function operationIdOf(method: string, url: string): string {
	const words = `${method} ${url}`.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
	return words.map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
}

type SwaggerTransformInput = { schema: FastifySchema; url: string; route: RouteOptions };

function transform({ schema, url, route }: SwaggerTransformInput) {
	if (!isDocumented(url)) return { schema: { ...schema, hide: true }, url };
	const method = [route.method].flat()[0]!;
	const key = `${method} ${url}`;
	const operation = operations[key];
	if (operation) return { schema: documentedSchema(key, operation, schema), url };
	if (url === OPENAPI_PATH) {
		const response = { ...(schema?.response as object), ...errorResponses(["internal_error"]) };
		return { schema: { ...schema, operationId: "getApiDocument", summary: "This document", tags: ["Reference"], security: [], response }, url };
	}
	// Shared Signals: the routes keep the schema they were registered with, in their own group.
	const own = (schema ?? {}) as Record<string, unknown>;
	return {
		schema: {
			...own,
			operationId: own["operationId"] ?? operationIdOf(method, url),
			summary: own["summary"] ?? (typeof own["description"] === "string" ? own["description"].split(/(?<=\.)\s/)[0] : undefined),
			tags: own["tags"] ?? ["Shared Signals"],
			...(own["security"] === undefined && url.startsWith("/ssf/") ? { security: [{ ssfReceiver: [] }] } : {}),
		},
		url,
	};
}

interface OpenApiMedia {
	schema?: { properties?: { error?: { properties?: { code?: { enum?: ErrorCode[] } } } } };
	examples?: Record<string, unknown>;
	example?: unknown;
}

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The error envelope and its details become shared schemas; each error response
 * keeps the codes it can carry at its status, with one example per code (shared too):
 * the body the API sends, in English.
 */
function transformObject({ openapiObject }: { openapiObject: Record<string, unknown> }) {
	const components = openapiObject["components"] as { schemas: Record<string, unknown>; examples?: Record<string, unknown> };
	const envelope = errorResponse.properties.error;
	components.schemas["ErrorDetails"] = errorDetails;
	components.schemas["Error"] = {
		...envelope,
		description: "An error: a stable `code`, words for a person (`message`), and the facts as data (`details`).",
		properties: {
			...envelope.properties,
			code: { ...envelope.properties.code, enum: [...errorCodes] },
			details: schemaRef("ErrorDetails"),
		},
	};
	const examples: Record<string, unknown> = {};
	const paths = (openapiObject["paths"] ?? {}) as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, OpenApiMedia> }> }>>;
	for (const path of Object.values(paths)) {
		for (const operation of Object.values(path)) {
			for (const response of Object.values(operation.responses ?? {})) {
				const media = response.content?.["application/json"];
				const codes = media?.schema?.properties?.error?.properties?.code?.enum;
				if (!media || !codes) continue;
				media.schema = {
					type: "object",
					properties: { error: { allOf: [schemaRef("Error")], properties: { code: { type: "string", enum: codes } }, required: ["code"] } },
					required: ["error"],
				} as OpenApiMedia["schema"];
				delete media.example;
				media.examples = {};
				for (const code of codes) {
					examples[code] ??= { summary: code, value: exampleError(code) };
					media.examples[code] = { $ref: `#/components/examples/${code}` };
				}
			}
		}
	}
	components.examples = Object.fromEntries(Object.entries(examples).sort(([a], [b]) => a.localeCompare(b)));
	return openapiObject;
}

const description = `Tessera's JSON API: accounts, sessions, second factors, backup codes, recovery, and the account's security activity.

Requests with a body send \`Content-Type: application/json\` (at most 16 KiB; unknown fields are refused). Signed-in calls send the session token from \`POST /api/v1/sessions\` (or \`POST /api/v1/sessions/second-factor\`) as \`Authorization: Bearer <token>\`. Times are ISO 8601 strings in UTC.

Every error has the shape \`{ "error": { "code", "message", "details" } }\`: \`code\` is stable and never renamed, \`message\` is written for a person in the request's language (\`Accept-Language\`), and \`details\` holds the facts as data, the same in every language. Each operation lists the codes it can answer, by status, with an example of each.`;

/** Darker colours where the reference page's own fall short of WCAG AA contrast (4.5:1). */
const referenceStyles = `
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #1d7048; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1c5d9e; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b0241d; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4b00; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #116a5c; }
.swagger-ui .info .title small pre { background: #4b5260; }
.swagger-ui .info .title small.version-stamp { background: #4a6b00; }
.swagger-ui .info .title small.version-stamp pre { background: #4a6b00; }
.swagger-ui .info .url, .swagger-ui .info a, .swagger-ui .info .link { color: #1c5d9e; }
.swagger-ui .btn.authorize { color: #1d7048; border-color: #1d7048; }
.swagger-ui .btn.authorize svg { fill: #1d7048; }
`;

/**
 * The OpenAPI 3.1 document, made from the routes' schemas (served at
 * OPENAPI_PATH), and its reference page (REFERENCE_PATH). Registered before the
 * routes, so it sees each of them.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
	let document: string | undefined;
	await app.register(swagger, {
		openapi: {
			openapi: "3.1.0",
			info: { title: "Tessera API", version: packageJson.version, description, license: { name: "Apache-2.0", identifier: "Apache-2.0" } },
			tags: [...tags, { name: "Shared Signals", description: "The Shared Signals transmitter: its metadata, and the receivers' management of their streams." }, { name: "Reference", description: "This document." }],
			components: {
				securitySchemes: {
					session: {
						type: "http",
						scheme: "bearer",
						description: "A session token from `POST /api/v1/sessions` or `POST /api/v1/sessions/second-factor`. `401 unauthenticated` (with `WWW-Authenticate: Bearer`) once it has ended.",
					},
					ssfReceiver: {
						type: "http",
						scheme: "bearer",
						description: "A Shared Signals receiver's token, printed once when its stream is registered (`tessera ssf add`).",
					},
				},
			},
		},
		refResolver: { buildLocalReference: (json: { $id?: unknown }, _baseUri: unknown, _fragment: unknown, i: number) => (typeof json.$id === "string" ? json.$id : `def-${i}`) },
		transform: transform as never,
		transformObject: transformObject as never,
	});
	await app.register(swaggerUi, {
		routePrefix: REFERENCE_PATH,
		// The base layout: the standalone one's top bar draws a logo with an inline <style>, which the policy refuses.
		uiConfig: { layout: "BaseLayout", deepLinking: true, docExpansion: "list", defaultModelsExpandDepth: 0, tryItOutEnabled: false },
		theme: { title: "Tessera API reference", css: [{ filename: "tessera.css", content: referenceStyles }] },
	});
	app.get(
		OPENAPI_PATH,
		{ schema: { response: { 200: { type: "object", additionalProperties: true, description: "The OpenAPI 3.1 document of this server's API." } } } },
		async (_request, reply) => {
			// Made once, on the first request (every route is registered by then), and sent as it is after.
			document ??= JSON.stringify(app.swagger());
			return reply.header("Cache-Control", "no-cache").type("application/json; charset=utf-8").send(document);
		},
	);
}
