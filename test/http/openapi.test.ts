import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import Fastify from "fastify";
import addFormats from "ajv-formats";
import { type ErrorCode, errorCodes } from "../../src/core/errors.ts";
import { routesOf } from "../../src/http/app.ts";
import { operations } from "../../src/http/api/operations.ts";
import { routeActions } from "../../src/http/api/routes.ts";
import { isDocumented, OPENAPI_PATH, registerOpenApi } from "../../src/http/openapi.ts";
import { statusOf } from "../../src/http/errors.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, startHarness } from "../helpers/harness.ts";

interface Media {
	schema?: Record<string, unknown>;
	example?: unknown;
	examples?: Record<string, { $ref?: string; value?: unknown }>;
}
interface OpenApiOperation {
	operationId?: string;
	summary?: string;
	tags?: string[];
	security?: Record<string, string[]>[];
	requestBody?: { content: Record<string, Media> };
	responses: Record<string, { description: string; content?: Record<string, Media> }>;
}
interface Document {
	openapi: string;
	info: { title: string; version: string };
	paths: Record<string, Record<string, OpenApiOperation>>;
	components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown>; examples: Record<string, { value: unknown }> };
}

const methods = ["get", "post", "put", "patch", "delete"];
/** "/api/v1/account/methods/:method" as the document writes it. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");
const apiMd = readFileSync(new URL("../../docs/api.md", import.meta.url), "utf8");

function operationsOf(document: Document): [string, OpenApiOperation][] {
	return Object.entries(document.paths).flatMap(([path, item]) =>
		Object.entries(item)
			.filter(([method]) => methods.includes(method))
			.map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, OpenApiOperation]),
	);
}

/** The error codes a response can carry, as the document says. */
function codesOf(media: Media | undefined): ErrorCode[] {
	const error = (media?.schema?.["properties"] as { error?: { properties?: { code?: { enum?: ErrorCode[] } } } } | undefined)?.error;
	return error?.properties?.code?.enum ?? [];
}

/**
 * Every route docs/api.md names (`POST /accounts`), with what its own section says: the
 * text from the heading or list item that starts with it up to the next such one.
 * A route named only in passing (in another's section) is named, with no section.
 */
function documentedRoutes(): Map<string, string> {
	const found = new Map<string, string>();
	const route = /`(GET|POST|PUT|PATCH|DELETE) (\/[^`\s]*)`/g;
	for (const [, method, path] of apiMd.matchAll(route)) found.set(`${method} /api/v1${path}`, "");
	const sections = [...apiMd.matchAll(/^(?:### |- )`(GET|POST|PUT|PATCH|DELETE) (\/[^`\s]*)`/gm)];
	sections.forEach((section, i) => {
		const key = `${section[1]} /api/v1${section[2]}`;
		const text = apiMd.slice(section.index! + section[0].length, sections[i + 1]?.index ?? apiMd.length);
		found.set(key, found.get(key) + text);
	});
	return found;
}

for (const kind of await databaseKinds()) {
	describe(`the OpenAPI document (${kind})`, () => {
		let h: Harness;
		let document: Document;
		before(async () => {
			h = await startHarness(kind);
			const response = await h.app.inject({ method: "GET", url: OPENAPI_PATH });
			assert.equal(response.statusCode, 200);
			assert.match(String(response.headers["content-type"]), /^application\/json/);
			document = response.json();
		});
		after(() => h.close());

		test("is OpenAPI 3.1 and names the API, its version and how it authenticates", () => {
			assert.equal(document.openapi, "3.1.0");
			assert.equal(document.info.title, "Tessera API");
			assert.equal(document.info.version, JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version);
			assert.deepEqual(document.components.securitySchemes["session"], {
				type: "http",
				scheme: "bearer",
				description: (document.components.securitySchemes["session"] as { description: string }).description,
			});
		});

		test("every route under /api/v1, /ssf and /.well-known/ssf-configuration is in it, and nothing else", () => {
			const served = routesOf(h.app)
				.filter((r) => isDocumented(r.url))
				.map((r) => `${r.method} ${openApiPath(r.url)}`)
				.sort();
			assert.ok(served.length >= 45, `found ${served.length} routes`);
			const described = operationsOf(document)
				.map(([key]) => key)
				.sort();
			assert.deepEqual(described, [...new Set(served)]);
		});

		test("every operation has a name, a sentence, a group, and the session it needs", () => {
			const ids = new Set<string>();
			for (const [key, operation] of operationsOf(document)) {
				assert.ok(operation.operationId, `${key} has an operationId`);
				assert.ok(!ids.has(operation.operationId), `${operation.operationId} is used once`);
				ids.add(operation.operationId);
				assert.ok(operation.summary, `${key} has a summary`);
				assert.ok(operation.tags?.length, `${key} has a tag`);
			}
			for (const route of routesOf(h.app).filter((r) => r.url.startsWith("/api/v1/") && r.url !== OPENAPI_PATH)) {
				const key = `${route.method} ${route.url}`;
				assert.ok(operations[key], `${key} is described in src/http/api/operations.ts`);
				const operation = document.paths[openApiPath(route.url)]![route.method.toLowerCase()]!;
				assert.deepEqual(operation.security, routeActions[key] ? [{ session: [] }] : [], `${key}: the session it needs`);
			}
		});

		test("every operation has a response schema: its answer, and its errors with their codes", () => {
			for (const [key, operation] of operationsOf(document)) {
				const statuses = Object.keys(operation.responses);
				const success = statuses.filter((s) => /^2\d\d$/.test(s));
				// An API route says what it answers when it works. POST /ssf/stream never does (an operator makes the
				// streams, so a receiver's request to make one is answered 409, as SSF 1.0 says): it says what it answers instead.
				if (key.includes(" /api/v1/")) assert.ok(success.length > 0, `${key} says what it answers (a response schema for its success)`);
				else assert.ok(statuses.length > 0, `${key} says what it answers`);
				for (const status of statuses.filter((s) => /^[2-5]\d\d$/.test(s))) {
					const response = operation.responses[status]!;
					assert.notEqual(response.description, "Default Response", `${key} ${status} is described`);
					if (status === "204") assert.equal(response.content, undefined, `${key} 204 has no body`);
					else assert.ok(response.content?.["application/json"]?.schema, `${key} ${status} has a schema`);
				}
				// The Shared Signals routes answer their RFCs' errors, in their own schemas; the API's are listed by code.
				if (!key.includes(" /api/v1/")) continue;
				const errors = statuses.filter((s) => /^[45]\d\d$/.test(s));
				assert.ok(errors.length > 0, `${key} lists its errors`);
				for (const status of errors) {
					const codes = codesOf(operation.responses[status]!.content?.["application/json"]);
					assert.ok(codes.length > 0, `${key} ${status} names its codes`);
					for (const code of codes) assert.equal(statusOf(code), Number(status), `${key}: ${code} is answered with ${statusOf(code)}`);
				}
				const all = errors.flatMap((s) => codesOf(operation.responses[s]!.content?.["application/json"]));
				assert.ok(all.includes("internal_error"), `${key} can fail`);
			}
		});

		test("the error envelope, its details, and an example of every code as the API sends it", () => {
			const envelope = document.components.schemas["Error"] as { required: string[]; properties: Record<string, unknown> };
			assert.deepEqual(envelope.required, ["code", "message", "details"]);
			const details = document.components.schemas["ErrorDetails"] as { properties: Record<string, unknown> };
			assert.deepEqual(Object.keys(details.properties).sort(), ["fields", "method", "remaining", "replacedAt", "retryAfterSeconds", "usedAt"]);
			for (const [code, example] of Object.entries(document.components.examples)) {
				assert.ok(errorCodes.includes(code as ErrorCode), code);
				const value = example.value as { error: { code: string; message: string; details: object } };
				assert.equal(value.error.code, code);
				assert.ok(value.error.message.length > 10, `${code} has its words`);
			}
			const busy = document.components.examples["too_many_attempts"]!.value as { error: { details: { retryAfterSeconds: number } } };
			assert.equal(busy.error.details.retryAfterSeconds, 840);
		});

		test("the same document whoever asks, in whatever language", async () => {
			const french = await h.app.inject({ method: "GET", url: OPENAPI_PATH, headers: { "accept-language": "fr, ar;q=0.5" } });
			assert.deepEqual(french.json(), document);
		});

		test("every example is valid against its own schema", () => {
			const ajv = new Ajv2020({ strict: false, allErrors: true });
			addFormats.default(ajv);
			const validate = (schema: Record<string, unknown>, value: unknown, where: string) => {
				const check = ajv.compile({ ...schema, components: document.components });
				assert.ok(check(value), `${where}: ${ajv.errorsText(check.errors)}\n${JSON.stringify(value)}`);
			};
			let checked = 0;
			for (const [key, operation] of operationsOf(document)) {
				const body = operation.requestBody?.content["application/json"];
				if (body?.schema && body.example !== undefined) {
					validate(body.schema, body.example, `${key} request`);
					checked++;
				}
				for (const [status, response] of Object.entries(operation.responses)) {
					const media = response.content?.["application/json"];
					if (!media?.schema) continue;
					if (media.example !== undefined) {
						validate(media.schema, media.example, `${key} ${status}`);
						checked++;
					}
					for (const [name, example] of Object.entries(media.examples ?? {})) {
						const value = example.$ref ? document.components.examples[example.$ref.split("/").pop()!]!.value : example.value;
						validate(media.schema, value, `${key} ${status} ${name}`);
						checked++;
					}
				}
			}
			assert.ok(checked > 500, `${checked} examples checked`);
		});

		test("docs/api.md and the document name the same routes, with the same answers and errors", () => {
			const documented = documentedRoutes();
			const described = operationsOf(document).filter(([key]) => key.includes(" /api/v1/"));
			const describedKeys = described.map(([key]) => key);
			const problems: string[] = [];
			for (const key of documented.keys()) {
				if (!describedKeys.includes(key)) problems.push(`docs/api.md names ${key}, which the document does not have`);
			}
			for (const [key, operation] of described) {
				const text = documented.get(key);
				if (text === undefined) {
					problems.push(`the document has ${key}, which docs/api.md does not name`);
					continue;
				}
				for (const [, status] of text.matchAll(/→\s*`(\d{3})/g)) {
					if (!operation.responses[status!]) problems.push(`docs/api.md: ${key} answers ${status}; the document does not say so`);
				}
				const codes = new Set(Object.values(operation.responses).flatMap((r) => codesOf(r.content?.["application/json"])));
				for (const [, line] of text.matchAll(/Errors?\b[^:\n]*:([^\n]*(?:\n(?!\n|- |###)[^\n]*)*)/g)) {
					for (const [, code] of line!.matchAll(/`([a-z_]+)`/g)) {
						if (errorCodes.includes(code as ErrorCode) && !codes.has(code as ErrorCode)) {
							problems.push(`docs/api.md: ${key} answers ${code}; the document does not say so`);
						}
					}
				}
			}
			assert.deepEqual(problems, []);
		});

		test("docs/shared-signals.md and the document name the same Shared Signals routes", () => {
			const text = readFileSync(new URL("../../docs/shared-signals.md", import.meta.url), "utf8");
			// `POST /ssf/poll/<stream id>` in the page is /ssf/poll/{…} in the document; a query or a [optional] part is not the path.
			const named = new Set([...text.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/(?:<[^>]+>|[^`?\s[])*)/g)].map(([, method, path]) => `${method} ${path!.replace(/<[^>]+>/g, "{}")}`));
			const described = operationsOf(document)
				.map(([key]) => key)
				.filter((key) => !key.includes(" /api/v1/"))
				.map((key) => key.replace(/\{[^}]+\}/g, "{}"));
			assert.deepEqual(described.filter((key) => !named.has(key)), [], "routes the page does not name");
			assert.deepEqual([...named].filter((key) => (key.includes(" /ssf") || key.includes("/.well-known/ssf")) && !described.includes(key)), [], "routes the document does not have");
		});
	});
}

describe("the document picks up the Shared Signals routes wherever they are registered", () => {
	test("/ssf/… and /.well-known/ssf-configuration, with their own schemas, the receiver's token for /ssf/…; other routes stay out", async () => {
		const app = Fastify();
		await registerOpenApi(app);
		const metadata = { type: "object", properties: { issuer: { type: "string" } }, required: ["issuer"] };
		const stream = { type: "object", properties: { stream_id: { type: "string" } }, required: ["stream_id"] };
		const error = { type: "object", properties: { err: { type: "string" }, description: { type: "string" } }, required: ["err"] };
		await app.register(async (ssf) => {
			ssf.get("/.well-known/ssf-configuration", { schema: { summary: "Transmitter metadata", response: { 200: metadata } } }, async () => ({ issuer: "x" }));
			ssf.get("/ssf/stream", { schema: { summary: "Read the stream", response: { 200: stream, 401: error } } }, async () => ({ stream_id: "s" }));
		});
		app.get("/somewhere-else", { schema: { response: { 200: metadata } } }, async () => ({ issuer: "x" }));
		await app.ready();
		const document = app.swagger() as unknown as Document;
		assert.deepEqual(Object.keys(document.paths).sort(), ["/.well-known/ssf-configuration", OPENAPI_PATH, "/ssf/stream"].sort());
		const configuration = document.paths["/.well-known/ssf-configuration"]!["get"]!;
		assert.deepEqual(configuration.tags, ["Shared Signals"]);
		assert.equal(configuration.security, undefined, "the metadata is public");
		assert.deepEqual(configuration.responses["200"]!.content!["application/json"]!.schema, metadata);
		const read = document.paths["/ssf/stream"]!["get"]!;
		assert.deepEqual(read.security, [{ ssfReceiver: [] }]);
		assert.ok(read.operationId, "an operation name, even when the route gives none");
		assert.deepEqual(read.responses["401"]!.content!["application/json"]!.schema, error);
		await app.close();
	});
});
