import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, PASSWORD, signUp, signUpWithTwoFactor, totpCode } from "../helpers/harness.ts";
import { aPhone, startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";

/**
 * Two-factor is on with a primary method and a confirmed set of backup codes,
 * whatever the primary method is: a passkey or a verified phone can be the first
 * one, not only the authenticator app.
 */

// inject() sends Host: localhost:80: the page's origin is http://localhost:80.
const ORIGIN = "http://localhost:80";
const NEW_PASSWORD = "a different horse battery staple 8";

for (const kind of await databaseKinds()) {
	describe(`turning two-factor on with any primary method (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(() => live.close());

		/** Types one code of a new set back: what turns two-factor on. */
		async function confirmCodes(token: string, codes: string[]) {
			const confirmed = await api(live.h.app, "/account/backup-codes/confirm", { token, body: { code: codes[3] } });
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			return { codes, twoFactor: confirmed.json().twoFactor };
		}

		/** Gets a new set of codes and types one back. */
		async function turnOnWithCodes(token: string) {
			const set = await api(live.h.app, "/account/backup-codes", { token, body: { password: PASSWORD } });
			assert.equal(set.statusCode, 201, set.body);
			return confirmCodes(token, set.json().codes as string[]);
		}

		test("with a passkey: codes turn it on, the passkey is preferred and signs in, and the activity says so", async () => {
			const user = await signUp(live.h.app);
			const authenticator = new SoftwareAuthenticator();
			const options = await api(live.h.app, "/account/passkeys/options", { token: user.token, body: { password: PASSWORD } });
			assert.equal(options.statusCode, 200, options.body);
			const added = await api(live.h.app, "/account/passkeys", {
				token: user.token,
				body: { name: "Laptop", response: authenticator.register(options.json().options, ORIGIN) },
			});
			assert.equal(added.statusCode, 201, added.body);
			const before = await api(live.h.app, "/account", { token: user.token });
			assert.equal(before.json().twoFactor.enabled, false, "a passkey alone does not turn two-factor on");
			assert.deepEqual(before.json().twoFactor.requiredActions, [], "nor does it ask for anything");

			const { twoFactor } = await turnOnWithCodes(user.token);
			assert.equal(twoFactor.enabled, true);
			assert.equal(twoFactor.preferred, "passkey");
			assert.deepEqual(twoFactor.methods, ["passkey", "backup_code"]);
			assert.deepEqual(twoFactor.requiredActions, []);

			const signIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(signIn.statusCode, 200, "the password alone no longer signs in");
			const { challenge, methods, preferred } = signIn.json().secondFactor;
			assert.deepEqual(methods, ["passkey", "backup_code"]);
			assert.equal(preferred, "passkey");
			const started = await api(live.h.app, "/sessions/second-factor/start", { body: { challenge, method: "passkey" } });
			assert.equal(started.statusCode, 200, started.body);
			assert.equal(started.json().kind, "webauthn");
			const proved = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge, method: "passkey", response: authenticator.authenticate(started.json().options, ORIGIN) },
			});
			assert.equal(proved.statusCode, 201, proved.body);

			const activity = await api(live.h.app, "/account/activity", { token: user.token });
			const enabled = (activity.json().events as { kind: string; method: string | null }[]).find((e) => e.kind === "two_factor_enabled");
			assert.equal(enabled?.method, "passkey", "turned on with the passkey");
		});

		test("with a verified phone: codes turn it on, and a text message signs in", async () => {
			const user = await signUp(live.h.app);
			const phone = aPhone();
			await live.addVerified(user.token, "phone", phone);
			const { twoFactor } = await turnOnWithCodes(user.token);
			assert.equal(twoFactor.enabled, true);
			assert.equal(twoFactor.preferred, "sms");
			assert.deepEqual(twoFactor.methods, ["sms", "backup_code"]);

			const signIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			const { challenge, methods } = signIn.json().secondFactor;
			assert.deepEqual(methods, ["sms", "backup_code"]);
			live.h.clock.advance(61_000);
			const since = mark();
			const sent = await api(live.h.app, "/sessions/second-factor/start", { body: { challenge, method: "sms" } });
			assert.equal(sent.statusCode, 202, sent.body);
			assert.equal(sent.json().kind, "code_sent");
			const code = codeIn(await live.sms.next(phone, since));
			const proved = await api(live.h.app, "/sessions/second-factor", { body: { challenge, method: "sms", code } });
			assert.equal(proved.statusCode, 201, proved.body);
		});

		test("with no method set up, codes alone do not turn it on", async () => {
			const user = await signUp(live.h.app);
			const set = await api(live.h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			assert.equal(set.statusCode, 409, set.body);
			assert.equal(errorCode(set), "two_factor_not_enabled");
			assert.match(set.json().error.message, /Set up a way to confirm it is you first/);
		});

		test("after a password reset by text, the paused phone cannot turn it on: sign-in would not offer it", async () => {
			const user = await signUp(live.h.app);
			const phone = aPhone();
			await live.addVerified(user.token, "phone", phone);
			live.h.clock.advance(61_000);
			const since = mark();
			const requested = await api(live.h.app, "/password-reset", { body: { identifier: phone } });
			assert.equal(requested.statusCode, 202, requested.body);
			const code = codeIn(await live.sms.next(phone, since));
			const reset = await api(live.h.app, "/password-reset/complete", {
				body: { token: requested.json().reset, code, newPassword: NEW_PASSWORD },
			});
			assert.equal(reset.statusCode, 200, reset.body);
			const signedIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: NEW_PASSWORD } });
			const token = signedIn.json().session.token as string;
			const set = await api(live.h.app, "/account/backup-codes", { token, body: { password: NEW_PASSWORD } });
			assert.equal(set.statusCode, 409, set.body);
			assert.equal(errorCode(set), "two_factor_not_enabled");
		});

		test("with a passkey there, setting up the authenticator turns it on with the authenticator: its event; the passkey stays preferred", async () => {
			const user = await signUp(live.h.app);
			const authenticator = new SoftwareAuthenticator();
			const options = await api(live.h.app, "/account/passkeys/options", { token: user.token, body: { password: PASSWORD } });
			await api(live.h.app, "/account/passkeys", {
				token: user.token,
				body: { name: "Laptop", response: authenticator.register(options.json().options, ORIGIN) },
			});
			const begun = await api(live.h.app, "/account/totp", { token: user.token, body: { password: PASSWORD } });
			const set = await api(live.h.app, "/account/totp/confirm", { token: user.token, body: { code: totpCode(begun.json().secret, live.h.clock()) } });
			assert.equal(set.statusCode, 200, set.body);
			const { twoFactor } = await confirmCodes(user.token, set.json().backupCodes.codes as string[]);
			assert.equal(twoFactor.preferred, "passkey", "a passkey outranks the authenticator");
			const activity = await api(live.h.app, "/account/activity", { token: user.token });
			const enabled = (activity.json().events as { kind: string; method: string | null }[]).find((e) => e.kind === "two_factor_enabled");
			assert.equal(enabled?.method, "totp");
		});

		test("a code sent to confirm a passkey's set-up is refused, and counts as no wrong guess", async () => {
			const user = await signUpWithTwoFactor(live.h);
			for (let i = 0; i < 12; i++) {
				const refused = await api(live.h.app, "/account/methods/passkey/confirm", { token: user.token, body: { code: "000000" }, ip: `203.0.113.${i}` });
				assert.equal(refused.statusCode, 400, refused.body);
				assert.equal(errorCode(refused), "invalid_request");
			}
			// The owner's second step is not throttled by them.
			const signIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD }, ip: "203.0.113.200" });
			live.h.clock.advance(30_000);
			const proved = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: signIn.json().secondFactor.challenge, method: "totp", code: totpCode(user.secret, live.h.clock()) },
				ip: "203.0.113.200",
			});
			assert.equal(proved.statusCode, 201, proved.body);
		});

		test("the settings page offers to turn it on with the phone already there, and the pages do it", async () => {
			const user = await signUp(live.h.app);
			await live.addVerified(user.token, "phone", aPhone());
			const browser = new FormClient(live.h.app);
			browser.cookies.set("__Host-tessera_session", user.token);
			const settings = await browser.get("/settings");
			assert.equal(settings.statusCode, 200);
			assert.match(settings.body, /id="turn-on-with">You can turn it on with a text message/);
			await browser.get("/settings/backup-codes/new");
			const shown = await browser.post("/settings/backup-codes/new", { password: PASSWORD });
			assert.equal(shown.statusCode, 200, shown.body);
			const codes = [...shown.body.matchAll(/\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/g)].map((m) => m[1]!);
			assert.ok(codes.length >= 10, "the new codes are shown");
			await browser.get("/settings/backup-codes/confirm");
			const confirmed = await browser.post("/settings/backup-codes/confirm", { code: codes[0]! });
			assert.equal(confirmed.statusCode, 303);
			assert.equal(confirmed.headers.location, "/settings?notice=two_factor_on");
			const account = await api(live.h.app, "/account", { token: user.token });
			assert.equal(account.json().twoFactor.enabled, true);
		});
	});
}
