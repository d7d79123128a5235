import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { routesOf } from "../../src/http/app.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, signUp, startHarness } from "../helpers/harness.ts";

function raw(h: Harness, method: "POST" | "GET" | "DELETE", url: string, payload: string | Buffer, type?: string) {
	return h.app.inject({ method, url, payload, headers: type ? { "content-type": type } : {} });
}

function assertCleanError(response: { statusCode: number; body: string }, status: number, code: string) {
	assert.equal(response.statusCode, status, response.body);
	const body = JSON.parse(response.body);
	assert.equal(body.error.code, code);
	assert.equal(typeof body.error.message, "string");
	assert.doesNotMatch(response.body, /\bat .*\.ts:\d+|node_modules|Error:/, "no stack trace or internals");
}

for (const kind of await databaseKinds()) {
	describe(`bad input gets a clear 4xx (${kind})`, () => {
		let h: Harness;
		let token: string;
		before(async () => {
			h = await startHarness(kind);
			token = (await signUp(h.app)).token;
		});
		after(() => h.close());

		test("malformed JSON, empty bodies and the wrong media type", async () => {
			assertCleanError(await raw(h, "POST", "/api/v1/sessions", "{not json", "application/json"), 400, "invalid_json");
			assertCleanError(await raw(h, "POST", "/api/v1/sessions", "", "application/json"), 400, "invalid_json");
			assertCleanError(await raw(h, "POST", "/api/v1/sessions", "username=a", "text/plain"), 415, "unsupported_media_type");
			assertCleanError(await raw(h, "POST", "/api/v1/sessions", "[1,2]", "application/json"), 400, "invalid_request");
			assertCleanError(await raw(h, "POST", "/api/v1/sessions", "null", "application/json"), 400, "invalid_request");
		});

		test("invalid UTF-8 is refused, not turned into replacement characters", async () => {
			const bytes = Buffer.concat([Buffer.from('{"username":"ab'), Buffer.from([0xc3, 0x28]), Buffer.from('c","password":"x"}')]);
			assertCleanError(await raw(h, "POST", "/api/v1/sessions", bytes, "application/json"), 400, "invalid_encoding");
		});

		test("NUL characters and lone surrogates in any field are refused, on every database", async () => {
			const signIn = await api(h.app, "/sessions", { body: { username: "ab\u0000c", password: PASSWORD } });
			assertCleanError(signIn, 400, "invalid_encoding");
			assert.equal(signIn.json().error.fields[0].field, "username");
			const signUpNul = await api(h.app, "/accounts", {
				body: { username: "nul_email", password: PASSWORD, email: "a\u0000@example.com" },
			});
			assertCleanError(signUpNul, 400, "invalid_encoding");
			const surrogate = await raw(
				h,
				"POST",
				"/api/v1/sessions",
				'{"username":"ab\\ud800c","password":"whatever123"}',
				"application/json",
			);
			assertCleanError(surrogate, 400, "invalid_encoding");
			assert.equal(surrogate.json().error.fields[0].field, "username");
		});

		test("the API takes JSON only: a cross-site HTML form cannot post to it", async () => {
			const form = await raw(h, "POST", "/api/v1/accounts", "username=formuser&password=abcdefgh12345", "application/x-www-form-urlencoded");
			assertCleanError(form, 415, "unsupported_media_type");
			const multipart = await raw(h, "POST", "/api/v1/sessions", "--x--", "multipart/form-data; boundary=x");
			assertCleanError(multipart, 415, "unsupported_media_type");
		});

		test("oversized bodies get 413", async () => {
			const huge = JSON.stringify({ username: "a", password: "x".repeat(20_000) });
			assertCleanError(await raw(h, "POST", "/api/v1/sessions", huge, "application/json"), 413, "payload_too_large");
		});

		test("wrong types, missing and unknown fields name the offending field", async () => {
			const wrongType = await api(h.app, "/sessions", { body: { username: 12, password: PASSWORD } });
			assertCleanError(wrongType, 400, "invalid_request");
			assert.deepEqual(wrongType.json().error.fields.map((f: { field: string }) => f.field), ["username"]);

			const missing = await api(h.app, "/accounts", { body: { username: "someone" } });
			assertCleanError(missing, 400, "invalid_request");
			assert.equal(missing.json().error.fields[0].field, "password");

			const unknown = await api(h.app, "/sessions", { body: { username: "a_b_c", password: PASSWORD, admin: true } });
			assertCleanError(unknown, 400, "invalid_request");
			assert.equal(unknown.json().error.fields[0].field, "admin");

			const badMethod = await api(h.app, "/sessions/second-factor", {
				body: { challenge: "x", method: "carrier_pigeon", code: "1" },
			});
			assertCleanError(badMethod, 400, "invalid_request");
			assert.equal(badMethod.json().error.fields[0].field, "method");
		});

		test("each bad input keeps its code and details in French and Arabic, and says its words in them", async () => {
			const bad: { url: string; payload: string | Buffer; type: string }[] = [
				{ url: "/api/v1/sessions", payload: "", type: "application/json" },
				{ url: "/api/v1/sessions", payload: "{not json", type: "application/json" },
				{ url: "/api/v1/sessions", payload: "username=a", type: "text/plain" },
				{ url: "/api/v1/sessions", payload: JSON.stringify({ username: 12, password: PASSWORD, admin: true }), type: "application/json" },
				{ url: "/api/v1/sessions", payload: JSON.stringify({ username: "ab\u0000c", password: PASSWORD }), type: "application/json" },
				{ url: "/api/v1/accounts", payload: JSON.stringify({ username: "someone" }), type: "application/json" },
				{ url: "/api/v1/sessions/second-factor", payload: JSON.stringify({ challenge: "x", method: "carrier_pigeon", code: "1" }), type: "application/json" },
			];
			for (const request of bad) {
				const answers = [];
				for (const language of ["en", "fr", "ar"]) {
					const response = await h.app.inject({
						method: "POST",
						url: request.url,
						payload: request.payload,
						headers: { "content-type": request.type, "accept-language": language },
					});
					answers.push({ status: response.statusCode, error: response.json().error });
				}
				const [en, fr, ar] = answers as [(typeof answers)[number], (typeof answers)[number], (typeof answers)[number]];
				const what = `${request.url} ${String(request.payload).slice(0, 40)}`;
				for (const other of [fr, ar]) {
					assert.equal(other.status, en.status, what);
					assert.equal(other.error.code, en.error.code, what);
					assert.deepEqual(other.error.details, en.error.details, `${what}: details never change with the language`);
					assert.notEqual(other.error.message, en.error.message, `${what}: the message is translated`);
					for (const [i, field] of (other.error.fields ?? []).entries()) {
						assert.equal(field.field, en.error.fields[i].field, what);
						assert.equal(field.reason, en.error.fields[i].reason, what);
						assert.notEqual(field.problem, en.error.fields[i].problem, `${what}: the problem of ${field.field} is translated`);
					}
				}
			}
		});

		test("a __proto__ field is just an unknown field", async () => {
			const response = await raw(
				h,
				"POST",
				"/api/v1/sessions",
				'{"username":"abc","password":"abcdefgh","__proto__":{"admin":true}}',
				"application/json",
			);
			assert.equal(response.statusCode, 400);
		});

		test("unknown routes are 404 not_found in JSON", async () => {
			assertCleanError(await api(h.app, "/nothing-here"), 404, "not_found");
		});

		test("random JSON bodies never produce a 5xx on any route", async () => {
			// Every route the API serves that takes a body, found from the app itself: a new one is never missed.
			const routes = routesOf(h.app)
				.filter((r) => r.url.startsWith("/api/") && r.method !== "GET")
				.map((r) => [r.method as "POST" | "DELETE", r.url] as const);
			assert.ok(routes.length >= 30, `found ${routes.length} routes`);
			const field = fc.oneof(
				fc.string({ maxLength: 40 }),
				fc.string({ unit: "binary", maxLength: 300 }),
				fc.constantFrom("\u0000", "a\u0000b", "💥".repeat(300), "<script>alert(1)</script>", "' OR 1=1 --", "\ud800"),
				fc.integer(),
				fc.boolean(),
				fc.constant(null),
				fc.array(fc.string(), { maxLength: 3 }),
				fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
			);
			const body = fc.oneof(
				fc.record(
					{
						username: field,
						password: field,
						email: field,
						challenge: field,
						method: field,
						code: field,
						kind: fc.oneof(field, fc.constantFrom("email", "phone")),
						value: fc.oneof(field, fc.constantFrom("+1 202 555 0199", "a@b.co")),
						name: field,
						id: field,
						response: fc.oneof(field, fc.object({ maxDepth: 2 })),
						trustDevice: field,
						identifier: field,
						token: fc.oneof(field, fc.constant("A".repeat(43))),
						newPassword: field,
						currentPassword: field,
						message: field,
						contactsUsed: field,
						lastSignIn: field,
					},
					{ requiredKeys: [] },
				),
				fc.json(),
			);
			await fc.assert(
				fc.asyncProperty(fc.constantFrom(...routes), body, fc.boolean(), async ([method, url], payload, withToken) => {
					const response = await h.app.inject({
						method,
						url,
						payload: typeof payload === "string" ? payload : JSON.stringify(payload),
						headers: { "content-type": "application/json", ...(withToken ? { authorization: `Bearer ${token}` } : {}) },
					});
					assert.ok(response.statusCode < 500, `${method} ${url} ${response.statusCode} ${response.body}`);
					if (response.statusCode >= 400) assert.match(errorCode(response) ?? "", /^[a-z_]+$/);
				}),
				{ numRuns: 400 },
			);
		});
	});
}
