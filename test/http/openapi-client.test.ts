import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { createTesseraClient, type ErrorCode, isApiError, type TesseraClient } from "../../clients/typescript/src/index.ts";
import { HASH_LINE, hashOf, servedDocument, TYPES_FILE } from "../../tools/openapi-types/document.ts";
import { OPENAPI_PATH } from "../../src/http/openapi.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, totpCode, uniqueUsername } from "../helpers/harness.ts";

describe("the typed client's generated types", () => {
	test("were made from the document the server serves now (else: npm run api:types)", async () => {
		const recorded = HASH_LINE.exec(readFileSync(TYPES_FILE, "utf8"))?.[1];
		assert.ok(recorded, "clients/typescript/src/openapi.ts records the document's SHA-256");
		const { hash } = await servedDocument();
		assert.equal(recorded, hash, "the API's document changed: run `npm run api:types` and commit clients/typescript/src/openapi.ts");
	});
});

for (const kind of await databaseKinds()) {
	describe(`the typed client against a live server (${kind})`, () => {
		let h: Harness;
		let baseUrl: string;
		before(async () => {
			h = await startHarness(kind);
			baseUrl = await h.app.listen({ host: "127.0.0.1", port: 0 });
		});
		after(() => h.close());

		test("its types match this server's document", async () => {
			const tessera = createTesseraClient({ baseUrl });
			const { data, response } = await tessera.GET(OPENAPI_PATH);
			assert.equal(response.status, 200);
			const recorded = HASH_LINE.exec(readFileSync(TYPES_FILE, "utf8"))?.[1];
			assert.equal(hashOf(data), recorded);
		});

		test("signs up, turns two-factor on, signs in with a backup code, and signs out", async () => {
			const tessera: TesseraClient = createTesseraClient({ baseUrl });
			const username = uniqueUsername("client");

			const signedUp = await tessera.POST("/api/v1/accounts", { body: { username, password: PASSWORD } });
			assert.equal(signedUp.response.status, 201);
			assert.ok(signedUp.data);
			assert.equal(signedUp.data.account.username, username);
			tessera.useSession(signedUp.data.session.token);

			const totp = await tessera.POST("/api/v1/account/totp", { body: { password: PASSWORD } });
			assert.ok(totp.data, JSON.stringify(totp.error));
			assert.match(totp.data.otpauthUri, /^otpauth:\/\/totp\//);
			const confirmed = await tessera.POST("/api/v1/account/totp/confirm", { body: { code: totpCode(totp.data.secret, h.clock()) } });
			assert.ok(confirmed.data?.backupCodes, JSON.stringify(confirmed.error));
			assert.deepEqual(confirmed.data.twoFactor.requiredActions, ["finish_two_factor"]);
			const codes = confirmed.data.backupCodes.codes;
			const saved = await tessera.POST("/api/v1/account/backup-codes/confirm", { body: { code: codes[9]! } });
			assert.equal(saved.data?.twoFactor.enabled, true);

			const account = await tessera.GET("/api/v1/account");
			assert.deepEqual(account.data?.twoFactor.methods, ["totp", "backup_code"]);
			assert.equal(account.data?.twoFactor.backupCodes?.remaining, 10);

			// Signing out answers 204 with no body, and the token stops working.
			const out = await tessera.DELETE("/api/v1/sessions/current");
			assert.equal(out.response.status, 204);
			const gone = await tessera.GET("/api/v1/account");
			assert.equal(gone.response.status, 401);
			assert.equal(gone.error?.error.code, "unauthenticated");
			tessera.useSession(undefined);

			// A wrong password: the error's code is typed, with its words and details.
			const wrong = await tessera.POST("/api/v1/sessions", { body: { username, password: "not the password at all" } });
			assert.equal(wrong.response.status, 401);
			const code: ErrorCode | undefined = wrong.error?.error.code;
			assert.equal(code, "invalid_credentials");
			assert.ok(isApiError(wrong.error));
			assert.deepEqual(wrong.error?.error.details, {});

			const step = await tessera.POST("/api/v1/sessions", { body: { username, password: PASSWORD } });
			assert.equal(step.response.status, 200);
			assert.ok(step.data && "secondFactor" in step.data && step.data.secondFactor);
			const { challenge, methods, preferred } = step.data.secondFactor;
			assert.deepEqual(methods, ["totp", "backup_code"]);
			assert.equal(preferred, "totp");

			const used = await tessera.POST("/api/v1/sessions/second-factor", { body: { challenge, method: "backup_code", code: codes[0]! } });
			assert.equal(used.response.status, 201);
			assert.deepEqual(used.data?.backupCodes, { remaining: 9, runningLow: false });
			tessera.useSession(used.data?.session.token);

			const current = await tessera.GET("/api/v1/sessions/current");
			assert.deepEqual(current.data?.authentication.amr, ["pwd", "otp", "mfa"]);
			assert.equal(current.data?.account.username, username);

			// A code used once answers code_already_used, with when and how many are left, as data.
			const again = await tessera.POST("/api/v1/sessions", { body: { username, password: PASSWORD } });
			const second = again.data && "secondFactor" in again.data ? again.data.secondFactor : undefined;
			assert.ok(second);
			const reused = await tessera.POST("/api/v1/sessions/second-factor", {
				body: { challenge: second.challenge, method: "backup_code", code: codes[0]! },
			});
			assert.equal(reused.error?.error.code, "code_already_used");
			assert.equal(reused.error?.error.details.remaining, 9);
			assert.equal(reused.error?.error.details.method, "backup_code");
			assert.ok(reused.error?.error.details.usedAt);

			// A route without a body, and one with a path parameter.
			const revoked = await tessera.POST("/api/v1/account/devices/revoke-all");
			assert.equal(revoked.response.status, 204, JSON.stringify(revoked.error));
			const listed = await tessera.GET("/api/v1/account/methods");
			assert.deepEqual(
				listed.data?.methods.filter((m) => m.enrolled).map((m) => m.name),
				["totp", "backup_code"],
			);
			const refused = await tessera.POST("/api/v1/account/methods/{method}", { params: { path: { method: "totp" } }, body: { password: "wrong password here" } });
			assert.equal(refused.error?.error.code, "invalid_credentials");
		});

		test("bad input comes back as the API's error, with the field and why", async () => {
			const tessera = createTesseraClient({ baseUrl });
			const { error, response } = await tessera.POST("/api/v1/accounts", { body: { username: "ab", password: PASSWORD } });
			assert.equal(response.status, 400);
			assert.equal(error?.error.code, "invalid_request");
			assert.deepEqual(error?.error.details.fields, [{ field: "username", reason: "username_length" }]);
		});
	});
}
