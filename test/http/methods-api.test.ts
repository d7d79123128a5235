import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, PASSWORD, signUp, signUpWithTwoFactor, totpCode } from "../helpers/harness.ts";
import { startLiveHarness } from "../helpers/live.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";

/** The routes every method has: set up, list, remove, by the method's name. */

// inject() sends Host: localhost:80: the page's origin is http://localhost:80.
const ORIGIN = "http://localhost:80";

for (const kind of await databaseKinds()) {
	describe(`the API's routes for every method (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(() => live.close());

		async function addPasskey(token: string, name: string) {
			const authenticator = new SoftwareAuthenticator();
			const begun = await api(live.h.app, "/account/methods/passkey", { token, body: { password: PASSWORD } });
			assert.equal(begun.statusCode, 201, begun.body);
			assert.equal(begun.json().enrolment.kind, "webauthn");
			const confirmed = await api(live.h.app, "/account/methods/passkey/confirm", {
				token,
				body: { name, response: authenticator.register(begun.json().enrolment.options, ORIGIN) },
			});
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			return confirmed.json().credential as { id: string; name: string };
		}

		test("a passkey set up, listed and removed by the method's name; the last way in stays", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const laptop = await addPasskey(user.token, "Laptop");
			assert.equal(laptop.name, "Laptop");
			const listed = await api(live.h.app, "/account/methods", { token: user.token });
			const passkey = (listed.json().methods as { name: string; enrolled: boolean; credentials: { id: string }[] }[]).find((m) => m.name === "passkey");
			assert.deepEqual(passkey?.credentials.map((c) => c.id), [laptop.id]);

			const removed = await api(live.h.app, "/account/methods/passkey/remove", { token: user.token, body: { id: laptop.id, password: PASSWORD } });
			assert.equal(removed.statusCode, 200, removed.body);
			assert.deepEqual(removed.json().twoFactor.methods, ["totp", "backup_code"]);
			const again = await api(live.h.app, "/account/methods/passkey/remove", { token: user.token, body: { id: laptop.id, password: PASSWORD } });
			assert.equal(errorCode(again), "not_found");

			// The authenticator is now the only way in besides codes: it cannot go while two-factor is on.
			const last = await api(live.h.app, "/account/methods/totp/remove", { token: user.token, body: { password: PASSWORD } });
			assert.equal(last.statusCode, 409, last.body);
			assert.equal(errorCode(last), "last_second_factor");
			live.h.clock.advance(30_000);
			const signIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			const proved = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: signIn.json().secondFactor.challenge, method: "totp", code: totpCode(user.secret, live.h.clock()) },
			});
			assert.equal(proved.statusCode, 201, "the authenticator still signs in");
		});

		test("setting up needs the password; backup codes, codes by message and unknown names are refused", async () => {
			const user = await signUp(live.h.app);
			const wrong = await api(live.h.app, "/account/methods/totp", { token: user.token, body: { password: "not the password at all" } });
			assert.equal(errorCode(wrong), "invalid_credentials");
			for (const name of ["backup_code", "sms", "email"]) {
				const refused = await api(live.h.app, `/account/methods/${name}`, { token: user.token, body: { password: PASSWORD } });
				assert.equal(refused.statusCode, 400, `${name}: ${refused.body}`);
				assert.equal(errorCode(refused), "method_not_available");
			}
			const unknown = await api(live.h.app, "/account/methods/carrier_pigeon", { token: user.token, body: { password: PASSWORD } });
			assert.equal(unknown.statusCode, 400, unknown.body);
			assert.equal(errorCode(unknown), "invalid_request");
			const noSession = await api(live.h.app, "/account/methods/totp", { body: { password: PASSWORD } });
			assert.equal(noSession.statusCode, 401);
		});

		test("the authenticator set up by its name comes with the first codes, like its own route", async () => {
			const user = await signUp(live.h.app);
			const begun = await api(live.h.app, "/account/methods/totp", { token: user.token, body: { password: PASSWORD } });
			assert.equal(begun.statusCode, 201, begun.body);
			const { enrolment } = begun.json() as { enrolment: { kind: string; secret: string; uri: string; qrCodeSvg: string } };
			assert.equal(enrolment.kind, "shared_secret");
			assert.match(enrolment.uri, /^otpauth:\/\/totp\//);
			assert.match(enrolment.qrCodeSvg, /^<svg/);
			const confirmed = await api(live.h.app, "/account/methods/totp/confirm", { token: user.token, body: { code: totpCode(enrolment.secret, live.h.clock()) } });
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			assert.equal(confirmed.json().backupCodes.status, "pending");
			assert.deepEqual(confirmed.json().twoFactor.requiredActions, ["finish_two_factor"]);
		});
	});
}
