import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, signUp, startHarness, uniqueUsername } from "../helpers/harness.ts";

for (const kind of await databaseKinds()) {
	describe(`accounts and sessions (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		test("sign-up returns the account and a 256-bit session token", async () => {
			const username = uniqueUsername("ada");
			const response = await api(h.app, "/accounts", { body: { username, password: PASSWORD, email: "ada@example.com" } });
			assert.equal(response.statusCode, 201);
			const body = response.json();
			assert.equal(body.account.username, username);
			assert.match(body.account.id, /^[0-9a-f]{32}$/);
			assert.match(body.session.token, /^[A-Za-z0-9_-]{43}$/, "32 random bytes, base64url");
			assert.equal(Date.parse(body.session.expiresAt), h.clock() + 30 * 86_400_000);
			const me = await api(h.app, "/account", { token: body.session.token });
			assert.equal(me.statusCode, 200);
			assert.deepEqual(me.json().account.username, username);
			assert.deepEqual(me.json().twoFactor, {
				enabled: false,
				methods: [],
				preferred: null,
				backupCodes: null,
				pendingBackupCodes: null,
				requiredActions: [],
			});
		});

		test("usernames are unique without regard to case", async () => {
			const base = uniqueUsername("case");
			assert.equal((await api(h.app, "/accounts", { body: { username: base, password: PASSWORD } })).statusCode, 201);
			const again = await api(h.app, "/accounts", { body: { username: base.toUpperCase(), password: PASSWORD } });
			assert.equal(again.statusCode, 409);
			assert.equal(errorCode(again), "username_taken");
		});

		test("two sign-ups for one name at once: exactly one account", async () => {
			const name = uniqueUsername("race");
			const results = await Promise.all(
				Array.from({ length: 8 }, () => api(h.app, "/accounts", { body: { username: name, password: PASSWORD } })),
			);
			assert.equal(results.filter((r) => r.statusCode === 201).length, 1);
			assert.ok(results.every((r) => r.statusCode === 201 || errorCode(r) === "username_taken"));
		});

		test("bad usernames are refused with the offending field", async () => {
			for (const username of ["ab", "a".repeat(31), "has space", "émile", "semi;colon", "<script>"]) {
				const response = await api(h.app, "/accounts", { body: { username, password: PASSWORD } });
				assert.equal(response.statusCode, 400, username);
				assert.equal(errorCode(response), "invalid_request");
				assert.equal(response.json().error.fields[0].field, "username");
			}
		});

		test("passwords: 8 to 128 characters, not a common one", async () => {
			const short = await api(h.app, "/accounts", { body: { username: uniqueUsername(), password: "short7!" } });
			assert.equal(short.statusCode, 400);
			assert.equal(errorCode(short), "invalid_request");
			assert.equal(short.json().error.fields[0].field, "password");
			const long = await api(h.app, "/accounts", { body: { username: uniqueUsername(), password: "x".repeat(129) } });
			assert.equal(errorCode(long), "invalid_request");
			for (const common of ["password123", "Password1", "qwertyuiop", "iloveyou1"]) {
				const response = await api(h.app, "/accounts", { body: { username: uniqueUsername(), password: common } });
				assert.equal(response.statusCode, 400, common);
				assert.equal(errorCode(response), "weak_password", common);
			}
			const unicode = await api(h.app, "/accounts", { body: { username: uniqueUsername(), password: "🔐🔐🔐🔐🔐🔐🔐🔐" } });
			assert.equal(unicode.statusCode, 201, "eight emoji are eight characters");
		});

		test("passwords are stored as argon2id (m=19 MiB, t=2, p=1), tokens only as hashes", async () => {
			const user = await signUp(h.app);
			const row = await h.tessera.store.db
				.selectFrom("accounts")
				.select("password_hash")
				.where("id", "=", user.id)
				.executeTakeFirstOrThrow();
			assert.match(row.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
			const sessions = await h.tessera.store.db.selectFrom("sessions").selectAll().where("account_id", "=", user.id).execute();
			assert.equal(sessions.length, 1);
			assert.ok(!JSON.stringify(sessions).includes(user.token));
		});

		test("sign-in without two-factor gives a new session; each sign-in rotates the token", async () => {
			const user = await signUp(h.app);
			const first = await api(h.app, "/sessions", { body: { username: user.username.toUpperCase(), password: PASSWORD } });
			assert.equal(first.statusCode, 201);
			const second = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			const tokens = new Set([user.token, first.json().session.token, second.json().session.token]);
			assert.equal(tokens.size, 3);
		});

		test("wrong password and unknown user get the same answer", async () => {
			const user = await signUp(h.app);
			const wrong = await api(h.app, "/sessions", { body: { username: user.username, password: "not the password" } });
			const unknown = await api(h.app, "/sessions", { body: { username: uniqueUsername("ghost"), password: PASSWORD } });
			assert.equal(wrong.statusCode, 401);
			assert.equal(unknown.statusCode, 401);
			assert.deepEqual(wrong.json(), unknown.json());
			assert.equal(errorCode(wrong), "invalid_credentials");
		});

		test("an app checks its session, then signs out and the session is over", async () => {
			const user = await signUp(h.app);
			const check = await api(h.app, "/sessions/current", { token: user.token });
			assert.equal(check.statusCode, 200);
			assert.deepEqual(check.json().account, { id: user.id, username: user.username });
			assert.equal(Date.parse(check.json().session.expiresAt), h.clock() + 30 * 86_400_000);
			const out = await api(h.app, "/sessions/current", { method: "DELETE", token: user.token });
			assert.equal(out.statusCode, 204);
			const me = await api(h.app, "/account", { token: user.token });
			assert.equal(me.statusCode, 401);
			assert.equal(errorCode(me), "unauthenticated");
			assert.equal(errorCode(await api(h.app, "/sessions/current", { token: user.token })), "unauthenticated");
		});

		test("every signed-in route answers 401 unauthenticated without a session", async () => {
			const routes: [string, "GET" | "POST" | "DELETE", unknown][] = [
				["/account", "GET", undefined],
				["/sessions/current", "DELETE", undefined],
				["/account/totp", "POST", { password: PASSWORD }],
				["/account/totp/confirm", "POST", { code: "123456" }],
				["/account/totp/disable", "POST", { password: PASSWORD }],
				["/account/backup-codes", "POST", { password: PASSWORD }],
			];
			for (const [path, method, body] of routes) {
				const response = await api(h.app, path, { method, body });
				assert.equal(response.statusCode, 401, path);
				assert.equal(errorCode(response), "unauthenticated", path);
			}
		});

		test("missing or malformed bearer tokens are unauthenticated", async () => {
			assert.equal(errorCode(await api(h.app, "/account")), "unauthenticated");
			assert.equal(errorCode(await api(h.app, "/account", { token: "x".repeat(43) })), "unauthenticated");
			assert.equal(errorCode(await api(h.app, "/account", { token: "'; drop table sessions; --" })), "unauthenticated");
		});

		test("a session unused for the idle timeout ends", async () => {
			const user = await signUp(h.app);
			h.clock.advance(7 * 86_400_000 - 1000);
			assert.equal((await api(h.app, "/account", { token: user.token })).statusCode, 200, "still alive just before");
			h.clock.advance(7 * 86_400_000 + 1000);
			assert.equal((await api(h.app, "/account", { token: user.token })).statusCode, 401);
		});

		test("a session in daily use still ends at its absolute lifetime", async () => {
			const user = await signUp(h.app);
			for (let day = 1; day < 30; day++) {
				h.clock.advance(86_400_000);
				assert.equal((await api(h.app, "/account", { token: user.token })).statusCode, 200, `day ${day}`);
			}
			h.clock.advance(86_400_000);
			assert.equal((await api(h.app, "/account", { token: user.token })).statusCode, 401);
		});
	});
}
