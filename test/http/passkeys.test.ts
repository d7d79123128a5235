import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, passwordStep, signUpWithTwoFactor, startHarness } from "../helpers/harness.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";

// inject() sends Host: localhost:80, so the page's origin is http://localhost:80 and the RP id "localhost".
const ORIGIN = "http://localhost:80";

for (const kind of await databaseKinds()) {
	describe(`passkeys (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		async function withPasskey(name = "Laptop") {
			const user = await signUpWithTwoFactor(h);
			const authenticator = new SoftwareAuthenticator();
			const options = await api(h.app, "/account/passkeys/options", { token: user.token, body: { password: PASSWORD } });
			assert.equal(options.statusCode, 200, options.body);
			const created = await api(h.app, "/account/passkeys", {
				token: user.token,
				body: { name, response: authenticator.register(options.json().options, ORIGIN) },
			});
			assert.equal(created.statusCode, 201, created.body);
			return { user, authenticator, passkey: created.json().passkey };
		}

		async function passkeySignIn(username: string, authenticator: SoftwareAuthenticator) {
			const { challenge, methods } = await passwordStep(h, username);
			const options = await api(h.app, "/sessions/second-factor/passkey/options", { body: { challenge } });
			assert.equal(options.statusCode, 200, options.body);
			const response = authenticator.authenticate(options.json().options, ORIGIN);
			const verified = await api(h.app, "/sessions/second-factor/passkey/verify", { body: { challenge, response } });
			return { methods, challenge, options: options.json().options, response, verified };
		}

		test("register needs the password; the passkey is listed by name and signs in as the second factor", async () => {
			const user = await signUpWithTwoFactor(h);
			const refused = await api(h.app, "/account/passkeys/options", { token: user.token, body: { password: "not it" } });
			assert.equal(errorCode(refused), "invalid_credentials");
			const { user: owner, authenticator, passkey } = await withPasskey("Work laptop");
			assert.equal(passkey.name, "Work laptop");
			const list = await api(h.app, "/account/passkeys", { token: owner.token });
			assert.deepEqual(list.json().passkeys.map((p: { name: string }) => p.name), ["Work laptop"]);
			const { methods, options, verified } = await passkeySignIn(owner.username, authenticator);
			assert.deepEqual(methods, ["passkey", "totp", "backup_code"]);
			assert.ok(Buffer.from(options.challenge, "base64url").length >= 8, "at least 64 random bits");
			assert.equal(Buffer.from(options.challenge, "base64url").length, 32);
			assert.equal(verified.statusCode, 201, verified.body);
			assert.match(verified.json().session.token, /^[A-Za-z0-9_-]{43}$/);
			const after = await api(h.app, "/account/passkeys", { token: owner.token });
			assert.ok(after.json().passkeys[0].lastUsedAt);
		});

		test("an answer works once, for its own sign-in, and only from the origin it was made for", async () => {
			const { user, authenticator } = await withPasskey();
			const first = await passkeySignIn(user.username, authenticator);
			assert.equal(first.verified.statusCode, 201);
			const replay = await api(h.app, "/sessions/second-factor/passkey/verify", {
				body: { challenge: first.challenge, response: first.response },
			});
			assert.equal(replay.statusCode, 410, "the sign-in it finished is closed");
			const other = await passwordStep(h, user.username);
			const elsewhere = await api(h.app, "/sessions/second-factor/passkey/verify", {
				body: { challenge: other.challenge, response: first.response },
			});
			assert.equal(elsewhere.statusCode, 401, "an answer for another sign-in does not work");
			const options = await api(h.app, "/sessions/second-factor/passkey/options", { body: { challenge: other.challenge } });
			const phished = await api(h.app, "/sessions/second-factor/passkey/verify", {
				body: { challenge: other.challenge, response: authenticator.authenticate(options.json().options, "https://tessera.evil.example") },
			});
			assert.equal(phished.statusCode, 401, "an answer made for another origin does not work");
		});

		test("one authenticator cannot be registered twice", async () => {
			const { user, authenticator } = await withPasskey();
			const other = await signUpWithTwoFactor(h);
			for (const who of [user, other]) {
				const options = await api(h.app, "/account/passkeys/options", { token: who.token, body: { password: PASSWORD } });
				const again = await api(h.app, "/account/passkeys", {
					token: who.token,
					body: { name: "Again", response: authenticator.register(options.json().options, ORIGIN) },
				});
				assert.equal(again.statusCode, 409);
				assert.equal(errorCode(again), "passkey_already_registered");
			}
		});

		test("two removals at once cannot leave two-factor on with no way in", async () => {
			const user = await signUpWithTwoFactor(h);
			const ids: string[] = [];
			for (const name of ["One", "Two"]) {
				const options = await api(h.app, "/account/passkeys/options", { token: user.token, body: { password: PASSWORD } });
				const created = await api(h.app, "/account/passkeys", {
					token: user.token,
					body: { name, response: new SoftwareAuthenticator().register(options.json().options, ORIGIN) },
				});
				ids.push(created.json().passkey.id);
			}
			await api(h.app, "/account/totp/disable", { token: user.token, body: { password: PASSWORD } });
			const results = await Promise.all(
				ids.map((id) => api(h.app, "/account/passkeys/remove", { token: user.token, body: { id, password: PASSWORD } })),
			);
			assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
			const account = await api(h.app, "/account", { token: user.token });
			assert.deepEqual(account.json().twoFactor.methods, ["passkey", "backup_code"]);
		});

		test("a signature counter that goes backwards is refused", async () => {
			const { user, authenticator } = await withPasskey();
			assert.equal((await passkeySignIn(user.username, authenticator)).verified.statusCode, 201);
			authenticator.rewindCounter = true;
			assert.equal((await passkeySignIn(user.username, authenticator)).verified.statusCode, 401);
		});

		test("removing needs the password; a removed passkey is no longer offered", async () => {
			const { user, passkey } = await withPasskey();
			const wrong = await api(h.app, "/account/passkeys/remove", { token: user.token, body: { id: passkey.id, password: "nope nope" } });
			assert.equal(errorCode(wrong), "invalid_credentials");
			const removed = await api(h.app, "/account/passkeys/remove", { token: user.token, body: { id: passkey.id, password: PASSWORD } });
			assert.equal(removed.statusCode, 200);
			assert.deepEqual(removed.json().passkeys, []);
			const { methods } = await passwordStep(h, user.username);
			assert.deepEqual(methods, ["totp", "backup_code"]);
		});

		test("while two-factor is on, the last way to confirm it is you cannot be removed", async () => {
			const { user, passkey } = await withPasskey();
			const totpOff = await api(h.app, "/account/totp/disable", { token: user.token, body: { password: PASSWORD } });
			assert.equal(totpOff.statusCode, 200);
			assert.equal(totpOff.json().twoFactor.enabled, true, "the passkey keeps two-factor on");
			assert.deepEqual(totpOff.json().twoFactor.methods, ["passkey", "backup_code"]);
			const last = await api(h.app, "/account/passkeys/remove", { token: user.token, body: { id: passkey.id, password: PASSWORD } });
			assert.equal(last.statusCode, 409);
			assert.equal(errorCode(last), "last_second_factor");
		});
	});
}
