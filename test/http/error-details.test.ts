import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import Fastify from "fastify";
import { errorCodes, errorDetailKeys, messageOf, TesseraError } from "../../src/core/errors.ts";
import { errorResponse } from "../../src/http/api/shapes.ts";
import { formatWhen } from "../../src/i18n/time.ts";
import { errorBody, statusOf } from "../../src/http/errors.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, passwordStep, signUp, signUpWithTwoFactor, startHarness } from "../helpers/harness.ts";

const secondFactor = (h: Harness, challenge: string, code: string) =>
	api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });

for (const kind of await databaseKinds()) {
	describe(`errors carry their facts as details (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		test("a used backup code: code_already_used with when it was used and how many are left", async () => {
			const user = await signUpWithTwoFactor(h);
			const first = await passwordStep(h, user.username);
			const usedAt = h.clock();
			assert.equal((await secondFactor(h, first.challenge, user.codes[0]!)).statusCode, 201);
			h.clock.advance(3 * 60_000);

			const again = await passwordStep(h, user.username);
			const used = await secondFactor(h, again.challenge, user.codes[0]!);
			assert.equal(used.statusCode, 401);
			const { error } = used.json();
			assert.equal(error.code, "code_already_used");
			assert.deepEqual(error.details, { usedAt: new Date(usedAt).toISOString(), remaining: 9, method: "backup_code" });
			assert.equal(
				error.message,
				`That backup code was already used (${formatWhen(usedAt)}). Each code works once: try another unused code from your list.`,
				"the message is written from the same details",
			);
			assert.equal(error.fields, undefined);
		});

		test("a code from a replaced list: code_replaced with when the list was replaced", async () => {
			const user = await signUpWithTwoFactor(h);
			const fresh = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			assert.equal(fresh.statusCode, 201);
			h.clock.advance(5 * 60_000);
			const replacedAt = h.clock();
			const confirmed = await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: fresh.json().codes[0] } });
			assert.equal(confirmed.statusCode, 200);
			h.clock.advance(60_000);

			const { challenge } = await passwordStep(h, user.username);
			const old = await secondFactor(h, challenge, user.codes[1]!);
			assert.equal(old.statusCode, 401);
			const { error } = old.json();
			assert.equal(error.code, "code_replaced");
			assert.deepEqual(error.details, { replacedAt: new Date(replacedAt).toISOString() });
			assert.ok(error.message.includes(`replaced (${formatWhen(replacedAt)}).`), error.message);
		});

		test("too_many_attempts: details.retryAfterSeconds is the Retry-After header", async () => {
			const user = await signUp(h.app);
			for (let i = 0; i < 10; i++) {
				const wrong = await api(h.app, "/sessions", { body: { username: user.username, password: "definitely wrong" }, ip: `198.51.100.${i}` });
				assert.equal(wrong.statusCode, 401, `attempt ${i + 1}`);
			}
			h.clock.advance(60_000);
			const blocked = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD }, ip: "198.51.100.200" });
			assert.equal(blocked.statusCode, 429);
			assert.equal(errorCode(blocked), "too_many_attempts");
			const retryAfter = blocked.headers["retry-after"];
			assert.ok(retryAfter, "a Retry-After header");
			assert.deepEqual(blocked.json().error.details, { retryAfterSeconds: Number(retryAfter) });
			assert.equal(blocked.json().error.details.retryAfterSeconds, 14 * 60);
		});

		test("a validation error: details.fields, and fields where they always were", async () => {
			const response = await api(h.app, "/sessions", { body: { username: "someone" } });
			assert.equal(response.statusCode, 400);
			const { error } = response.json();
			assert.equal(error.code, "invalid_request");
			assert.deepEqual(error.details.fields, [{ field: "password", reason: "required" }], "details are data: the field and why");
			assert.deepEqual(error.fields, [{ field: "password", reason: "required", problem: "This field is required." }], "and the words beside them");
		});

		test("an error without facts still has an empty details object", async () => {
			const response = await api(h.app, "/account");
			assert.equal(response.statusCode, 401);
			assert.deepEqual(response.json().error, { code: "unauthenticated", message: messageOf("unauthenticated"), details: {} });
		});
	});
}

describe("the error body", () => {
	test("Fastify's serializer (fast-json-stringify, with the API's errorResponse schema) keeps every detail", async () => {
		const error = new TesseraError("code_already_used", {
			usedAt: Date.UTC(2026, 11, 1, 19, 33, 30),
			replacedAt: Date.UTC(2026, 10, 2, 8, 0, 0),
			retryAfterSeconds: 90,
			remaining: 3,
			fields: [{ field: "code", problem: "Not this one." }],
			method: "backup_code",
		});
		const app = Fastify();
		app.setErrorHandler((thrown, _request, reply) => reply.code(statusOf((thrown as TesseraError).code)).send(errorBody(thrown as TesseraError)));
		app.get("/fails", { schema: { response: { "4xx": errorResponse } } }, async (_request, reply) =>
			reply.code(statusOf(error.code)).send(errorBody(error)),
		);
		app.get("/throws", { schema: { response: { "4xx": errorResponse } } }, async () => {
			throw error;
		});
		try {
			const expected = {
				error: {
					code: "code_already_used",
					message: error.message,
					details: {
						usedAt: "2026-12-01T19:33:30.000Z",
						replacedAt: "2026-11-02T08:00:00.000Z",
						retryAfterSeconds: 90,
						remaining: 3,
						fields: [{ field: "code", reason: "invalid" }],
						method: "backup_code",
					},
					fields: [{ field: "code", reason: "invalid", problem: "Not this one." }],
				},
			};
			assert.deepEqual(JSON.parse(JSON.stringify(errorBody(error))), expected, "errorBody itself");
			for (const url of ["/fails", "/throws"]) {
				const response = await app.inject({ url });
				assert.equal(response.statusCode, 401, url);
				assert.deepEqual(response.json(), expected, url);
			}
		} finally {
			await app.close();
		}
	});

	test("the schema lists every detail, or the serializer would drop it", () => {
		assert.deepEqual(Object.keys(errorResponse.properties.error.properties.details.properties).sort(), [...errorDetailKeys].sort());
	});

	test("the constructor's old options still work and are details too", () => {
		const limited = new TesseraError("too_many_attempts", { retryAfterSeconds: 60 });
		assert.equal(limited.retryAfterSeconds, 60);
		assert.deepEqual(limited.details, { retryAfterSeconds: 60 });
		assert.equal(limited.message, messageOf("too_many_attempts"));
		const invalid = new TesseraError("invalid_request", { fields: [{ field: "x", problem: "No." }], message: "Own words." });
		assert.deepEqual(invalid.fields, [{ field: "x", problem: "No." }]);
		assert.deepEqual(invalid.details, { fields: [{ field: "x", problem: "No." }] });
		assert.equal(invalid.message, "Own words.", "an explicit message wins over the written one");
		assert.deepEqual(new TesseraError("invalid_code", { retryAfterSeconds: undefined }).details, {}, "undefined is no detail");
	});

	test("the messages are written from the details, in one place", () => {
		const at = Date.UTC(2026, 11, 1, 19, 33, 30);
		assert.equal(
			new TesseraError("code_already_used", { method: "sms", usedAt: at }).message,
			`That code was already used (${formatWhen(at)}). Send a new code if you need one.`,
		);
		assert.equal(
			new TesseraError("code_replaced", { replacedAt: at }).message,
			`That code is from a list that was replaced (${formatWhen(at)}). Use a code from your newest list.`,
		);
		assert.equal(new TesseraError("code_already_used").message, messageOf("code_already_used"), "no details: the default");
	});

	test("every code has an HTTP status, in the HTTP layer", () => {
		for (const code of errorCodes) {
			const status = statusOf(code);
			assert.ok(Number.isInteger(status) && status >= 400 && status < 600, code);
		}
		assert.equal(statusOf("too_many_attempts"), 429);
		assert.equal(statusOf("code_already_used"), 401);
	});
});

describe("the core knows nothing of HTTP", () => {
	const root = fileURLToPath(new URL("../../src/", import.meta.url));
	const core = join(root, "core");
	const files = readdirSync(core, { recursive: true, encoding: "utf8" })
		.filter((f) => f.endsWith(".ts"))
		.map((f) => join(core, f));

	test("nothing under src/core imports from src/http (or any face)", () => {
		assert.ok(files.length > 5);
		for (const file of files) {
			const source = readFileSync(file, "utf8");
			const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
			for (const specifier of imports) {
				if (!specifier.startsWith(".")) continue;
				const target = relative(root, join(file, "..", specifier)).replaceAll("\\", "/");
				assert.ok(!/^(http|ui)(\/|\.ts$)/.test(target), `${relative(root, file)} imports ${specifier}`);
			}
			assert.doesNotMatch(source, /from\s+["'](fastify|@fastify\/[^"']+|node:http2?)["']/, relative(root, file));
		}
	});

	test("the error catalogue and messages name no HTTP status", () => {
		for (const name of ["errors.ts", "error-messages.ts"]) {
			const source = readFileSync(join(core, name), "utf8");
			assert.doesNotMatch(source, /\bstatus\b/i, `${name} mentions a status`);
			assert.doesNotMatch(source, /\b[45]\d\d\b/, `${name} has a number that looks like an HTTP status`);
			assert.doesNotMatch(source, /\bHTTP\b|Retry-After/i, `${name} mentions HTTP`);
		}
		for (const code of errorCodes) assert.deepEqual(Object.keys(new TesseraError(code)).includes("status"), false, code);
	});
});
